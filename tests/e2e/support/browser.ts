/**
 * Launches a real Chromium with the production build of the extension loaded.
 * The browser binary is resolved at run time: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or
 * Playwright's own download, so the tests run on CI and on an ordinary machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

// Evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: any;

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The built extension; SOROT_EXT_DIR points at another build (A/B benches). */
export const EXT_DIR = process.env.SOROT_EXT_DIR || path.join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS = path.join(ROOT, 'artifacts');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error('No Chromium found: set CHROMIUM_PATH or `apt-get install chromium`');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** The profile directory (DevToolsActivePort is there when a debugging port was asked for). */
  userDir: string;
  close(): Promise<void>;
}

/** hosts: names to resolve to 127.0.0.1, so pages are served under their outlets' own names. */
export async function launchWithExtension(hosts: string[] = [], extraArgs: string[] = []): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error(`build the extension first: ${EXT_DIR} missing`);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sorot-e2e-'));
  // Our hosts go to the local server; every other name fails at once (no network in tests, and
  // pages' third-party scripts don't stall on DNS).
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND'].join(',');
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      `--host-resolver-rules=${rules}`,
      ...extraArgs,
    ],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    userDir,
    async close() {
      await context.close();
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

/** Tab id of the tab showing url (looked up from the service worker). */
export async function tabIdFor(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t: { url?: string; id?: number }) => t.url === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab for ${url}`);
  return id;
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Reload the extension as an update does, and return the new service worker (also set on
 * `eb.sw`). chrome://extensions is an ordinary page to Playwright, and its privileged APIs do what
 * its Reload button does. Chromium started with --disable-extensions-except leaves the reloaded
 * copy disabled (chrome.runtime.reload() from the worker ends the same way), so it is enabled
 * again from the same page, as a user would.
 */
export async function reloadExtension(eb: ExtensionBrowser): Promise<Worker> {
  const old = eb.sw;
  const page = await eb.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate((id) => chrome.developerPrivate.reload(id, { failQuietly: false }), eb.extensionId);
  for (const t0 = Date.now(); ; await page.waitForTimeout(250)) {
    // The disable lands a moment after the reload: keep enabling until the new worker runs.
    await page.evaluate(async (id) => {
      if (!(await chrome.management.get(id)).enabled) await chrome.management.setEnabled(id, true);
    }, eb.extensionId);
    const sw = eb.context.serviceWorkers().find((w) => w !== old && w.url().startsWith(`chrome-extension://${eb.extensionId}/`));
    if (sw) {
      await page.close();
      return (eb.sw = sw);
    }
    if (Date.now() - t0 > 20_000) throw new Error('the extension did not come back after reload');
  }
}

/** A tab's panel state as the background stored it (storage.session), or null. */
export async function tabState(sw: Worker, tabId: number): Promise<any> {
  return sw.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}
