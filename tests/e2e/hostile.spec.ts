/**
 * Hostile markup never runs in our pages. A news page full of scripts, handlers, javascript:/data:
 * links, srcdoc iframes and script-carrying SVG is analysed; its scripts call a canary that reports
 * where it ran from. The page's own origin may call it (that is the page); the panel, the reading
 * view and the library page (extension origin) must never.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, artifact, launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { rawMessage } from './support/seeds';

declare const chrome: any;

const URL_ = 'http://news.detik.com/berita/d-9999999/warga-bandung-gelar-festival-layang-layang';
let server: SiteServer;
let eb: ExtensionBrowser;
const canaryHits: string[] = [];

test.beforeAll(async () => {
  server = await serveSites([{ url: URL_, file: path.join(ROOT, 'tests/fixtures/hostile/detik-hostile.html') }], (req) => {
    if (req.url?.startsWith('/canary')) canaryHits.push(req.url);
  });
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

const foreignHits = () => canaryHits.filter((h) => !decodeURIComponent(h).includes('from=http://news.detik.com'));

test('nothing from a hostile page runs in the panel, reading view or library page', async () => {
  const page = await eb.context.newPage();
  const full = server.urlFor(URL_);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect.poll(() => eb.sw.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.status ?? null, tabId), { timeout: 15_000 }).toBe('article');

  // Panel: entity names containing HTML are shown as text.
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('#entities')).toBeVisible({ timeout: 15_000 });
  expect(await panel.locator('#entities img, #hidden img').count()).toBe(0);

  // Reading view over the page.
  await eb.sw.evaluate(([id, msg]: [number, unknown]) => chrome.tabs.sendMessage(id, msg), [tabId, rawMessage('toggleReader')] as [number, unknown]);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/reader.html')), { timeout: 10_000 }).toBe(true);
  const reader = page.frames().find((f) => f.url().includes('/reader.html'))!;
  await reader.waitForSelector('text=Festival tahun ini diikuti peserta', { timeout: 15_000 });
  const dom = await reader.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      scripts: document.querySelectorAll('main script, article script, iframe, object, embed, form').length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}.${a.name}`)),
      hrefs: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      text: document.body.innerText,
    };
  });
  expect(dom.scripts).toBe(0);
  expect(dom.handlers).toEqual([]);
  for (const h of dom.hrefs) expect(h).toMatch(/^(https?:|chrome-extension:|#)/);
  expect(dom.text).toContain('Rina <img src=x onerror=CANARY'); // the text as text
  expect(dom.text).not.toContain('Teks tersembunyi ini adalah jebakan');
  // Hover and click everything in the reading view: handlers would fire now if any survived.
  for (const el of await reader.$$('article a, article b, article img')) await el.hover().catch(() => {});
  await page.screenshot({ path: artifact('hostile-reader.png') });

  // The library page lists the stored hostile article.
  const lib = await eb.context.newPage();
  await lib.goto(`chrome-extension://${eb.extensionId}/library.html`);
  await expect(lib.getByText('Warga Bandung Gelar Festival Layang-layang').first()).toBeVisible({ timeout: 15_000 });
  await lib.waitForTimeout(500);

  expect(foreignHits()).toEqual([]);
  // The canary works: the page itself did call it (its own scripts are not ours to stop).
  expect(canaryHits.length).toBeGreaterThan(0);
});

test('the background refuses malformed messages and keeps working', async () => {
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/options.html`);
  const results = await panel.evaluate(async (msgs) => {
    const send = (m: unknown) => new Promise((r) => chrome.runtime.sendMessage(m, (res: unknown) => r(chrome.runtime.lastError ? { lastError: chrome.runtime.lastError.message } : res)));
    const out = [];
    for (const m of msgs) out.push(await send(m));
    return out;
  }, [
    rawMessage('getTabState', { tabId: 'x' }),
    rawMessage('getTabState', null),
    rawMessage('analyzeTab', { tabId: -5 }),
    rawMessage('pageAnalyzed', { url: 1 }),
    { type: 42 },
    'plain string',
    rawMessage('getTabState', { tabId: 1 }),
  ]);
  const [badType, nullData, negative, fromPage] = results as Array<{ err?: unknown }>;
  for (const r of [badType, nullData, negative, fromPage]) expect(r?.err, JSON.stringify(r)).toBeTruthy();
  // The worker is still alive and answers a well-formed request.
  const last = results[results.length - 1] as { res?: { tabId: number } };
  expect(last.res?.tabId).toBe(1);
});
