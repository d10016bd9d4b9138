/**
 * The real Chrome side panel, opened by a click on the toolbar button. Headless Chromium has no
 * toolbar, so the click is CDP `Extensions.triggerAction` (the browser must be launched with
 * TOOLBAR_ARGS). The panel is not a tab and Playwright does not list it as a page, so it is found
 * among the browser's targets and scripted through a session of its own (Target.attachToTarget,
 * messages relayed by the browser session). Nothing can run in it before its own scripts: what it
 * did while loading is read afterwards (performance entries, the panel's User Timing mark).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Launch arguments that let CDP click the extension's toolbar button. */
export const TOOLBAR_ARGS = ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0'];

interface TargetInfo { targetId: string; type: string; url: string }

export interface RealPanel {
  targetId: string;
  /** Evaluates an expression in the panel and returns its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the panel (its target goes away). */
  close(): Promise<void>;
}

export interface Toolbar {
  /** The browser-level CDP session (ServiceWorker.*, Target.*). */
  cdp: CDPSession;
  /** The tab target of the tab whose URL contains urlPart. */
  tabTarget(urlPart: string): Promise<string>;
  /** Clicks the toolbar button for that tab; returns Date.now() just before the click. */
  click(tabTargetId: string): Promise<number>;
  /** The side panel opened after `since` (a click's time): waits for its page target. */
  panel(since: number, timeout?: number): Promise<RealPanel>;
  dispose(): Promise<void>;
}

export async function toolbar(eb: ExtensionBrowser): Promise<Toolbar> {
  const port = fs.readFileSync(path.join(eb.userDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp = await browser.newBrowserCDPSession();
  const panelUrl = `chrome-extension://${eb.extensionId}/sidepanel.html`;

  // Side panel page targets by id, with the time each was first seen under the panel's URL.
  const seen = new Map<string, number>();
  const gone = new Set<string>();
  const waiters = new Set<() => void>();
  const note = (t: TargetInfo) => {
    if (t.type === 'page' && t.url === panelUrl && !seen.has(t.targetId)) seen.set(t.targetId, Date.now());
    for (const w of waiters) w();
  };
  cdp.on('Target.targetCreated' as any, (e: { targetInfo: TargetInfo }) => note(e.targetInfo));
  cdp.on('Target.targetInfoChanged' as any, (e: { targetInfo: TargetInfo }) => note(e.targetInfo));
  cdp.on('Target.targetDestroyed' as any, (e: { targetId: string }) => {
    gone.add(e.targetId);
    for (const w of waiters) w();
  });
  await cdp.send('Target.setDiscoverTargets' as any, { discover: true });
  const until = (ok: () => boolean, timeout: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`timed out waiting for ${what}`)); }, timeout);
      const check = () => { if (ok()) { clearTimeout(timer); waiters.delete(check); resolve(); } };
      waiters.add(check);
    });

  // Replies from attached (non-flattened) sessions arrive as events of the browser session.
  let nextId = 1;
  const pending = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget' as any, (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: any; error?: { message: string } };
    const p = m.id != null ? pending.get(m.id) : undefined;
    if (!p) return;
    pending.delete(m.id!);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  });

  return {
    cdp,
    async tabTarget(urlPart) {
      // Tab targets (not pages) are listed only with an empty filter.
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as any)) as { targetInfos: TargetInfo[] };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url.includes(urlPart));
      if (!tab) throw new Error(`no tab target for ${urlPart}`);
      return tab.targetId;
    },
    async click(tabTargetId) {
      const t0 = Date.now();
      await cdp.send('Extensions.triggerAction' as any, { id: eb.extensionId, targetId: tabTargetId });
      return t0;
    },
    async panel(since, timeout = 20_000) {
      const find = () => [...seen].find(([id, at]) => at >= since && !gone.has(id))?.[0];
      await until(() => find() != null, timeout, 'the side panel');
      const targetId = find()!;
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
      const call = (method: string, params: object) =>
        new Promise<any>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          cdp.send('Target.sendMessageToTarget' as any, { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
        });
      return {
        targetId,
        async evaluate<T>(expression: string) {
          const r = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
          if (r.exceptionDetails) throw new Error(`in the side panel: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
          return r.result.value as T;
        },
        async close() {
          await cdp.send('Target.closeTarget', { targetId });
          await until(() => gone.has(targetId), 10_000, 'the side panel to close');
        },
      };
    },
    async dispose() {
      await browser.close().catch(() => {});
    },
  };
}
