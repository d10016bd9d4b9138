/**
 * Extension reloaded (what an update does) while an article is open, in real Chromium with the
 * production build: the background injects the new content script into the open tab, the old copy
 * shuts itself off (its stylesheet and reading-view overlay go), and the page ends up with one
 * stylesheet, the same clutter marks, one overlay and one panel state, not two of each. Then the
 * same for a second injection into the same page without a reload.
 */
import { expect, test } from '@playwright/test';
import { launchWithExtension, reloadExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { SEED_PUTIN, rawMessage } from './support/seeds';

declare const chrome: any;

let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites([SEED_PUTIN]);
});
test.afterAll(async () => {
  await server?.close();
});
// The test reloads the extension: a fresh browser each time.
test.beforeEach(async () => {
  eb = await launchWithExtension(server.hosts);
});
test.afterEach(async () => {
  await eb?.close();
});

test('after an extension reload the old content script shuts itself off and nothing is doubled', async () => {
  const page = await eb.context.newPage();
  const full = server.urlFor(SEED_PUTIN.url);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.status ?? null, { timeout: 15_000 }).toBe('article');
  const first = await tabState(eb.sw, tabId);
  const snapshot = () => page.evaluate(() => ({
    gen: document.documentElement.getAttribute('data-sorot-gen'),
    styles: document.querySelectorAll('style[data-sorot-ui]').length,
    overlays: document.querySelectorAll('sorot-reader').length,
    marked: [...document.querySelectorAll('[data-sorot-clutter]')].map((e) => `${e.tagName}.${e.className}=${e.getAttribute('data-sorot-clutter')}`),
    hiding: document.documentElement.hasAttribute('data-sorot-hide'),
  }));
  await page.waitForTimeout(2500); // let the late-ad rescan run, so the marks are final
  const before = await snapshot();
  // Usually 1; 2 when the install-time injection raced the page's own script (one then left).
  const g = Number(before.gen);
  expect(g).toBeGreaterThanOrEqual(1);
  expect(before).toMatchObject({ styles: 1, overlays: 0, hiding: true });
  expect(before.marked.length).toBeGreaterThan(0);
  // The reading view is open when the update lands.
  await eb.sw.evaluate(([id, msg]: [number, unknown]) => chrome.tabs.sendMessage(id, msg), [tabId, rawMessage('toggleReader')] as [number, unknown]);
  await expect.poll(async () => (await snapshot()).overlays).toBe(1);
  const oldStyle = await page.evaluateHandle(() => document.querySelector('style[data-sorot-ui]'));

  const ext = await reloadExtension(eb);

  // The new worker re-injected the content script; the old copy saw generation 2 and left.
  await expect.poll(async () => (await snapshot()).gen, { timeout: 15_000 }).toBe(String(g + 1));
  await expect.poll(async () => (await tabState(ext, tabId))?.status ?? null, { timeout: 15_000 }).toBe('article');
  await page.waitForTimeout(2500);
  const after = await snapshot();
  expect(await oldStyle.evaluate((s) => (s as Element | null)?.isConnected ?? false)).toBe(false);
  expect(after).toMatchObject({ gen: String(g + 1), styles: 1, overlays: 0, hiding: true });
  expect(after.marked).toEqual(before.marked); // same elements, same reasons, once
  const second = await tabState(ext, tabId);
  expect(second.hidden.length).toBe(first.hidden.length);
  expect(second.entities.map((e: any) => e.id)).toEqual(first.entities.map((e: any) => e.id));
  // Only the new copy answers, and it knows its generation.
  const pong = await ext.evaluate(([id, msg]: [number, unknown]) => chrome.tabs.sendMessage(id, msg), [tabId, rawMessage('ping')] as [number, unknown]);
  expect(JSON.stringify(pong)).toContain(`"generation":${g + 1}`);
  // One reading view when asked again, not the old one plus a new one.
  await ext.evaluate(([id, msg]: [number, unknown]) => chrome.tabs.sendMessage(id, msg), [tabId, rawMessage('toggleReader')] as [number, unknown]);
  await expect.poll(async () => (await snapshot()).overlays).toBe(1);
  await page.waitForTimeout(300);
  expect((await snapshot()).overlays).toBe(1);
  await expect.poll(() => page.frames().filter((f) => f.url().includes('/reader.html')).length, { timeout: 10_000 }).toBe(1);

  // The panel shows the article once.
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('h1.article-title')).toHaveCount(1, { timeout: 15_000 });

  // A second injection into the same page, no reload (the panel's "analyse" on a running page).
  await ext.evaluate((id: number) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }), tabId);
  await expect.poll(async () => (await snapshot()).gen, { timeout: 10_000 }).toBe(String(g + 2));
  await page.waitForTimeout(2500);
  const third = await snapshot();
  expect(third).toMatchObject({ styles: 1, overlays: 0, hiding: true }); // the previous copy closed its overlay as it left
  expect(third.marked).toEqual(before.marked);
});

test('a page that reloads itself (meta refresh, location.reload) is the same reading: not counted again', async () => {
  const page = await eb.context.newPage();
  const full = server.urlFor(SEED_PUTIN.url);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  const reads = () => eb.sw.evaluate(() => new Promise<Array<[number, number]>>((resolve, reject) => {
    const open = indexedDB.open('sorot');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('articles').objectStore('articles').getAll();
      get.onsuccess = () => { resolve(get.result.map((r: any) => [r.readCount, r.lastRead])); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.stored ?? null, { timeout: 15_000 }).toBe(true);
  const [first] = await reads();
  expect(first?.[0]).toBe(1);
  await page.reload(); // what a meta refresh or location.reload() does: a navigation of type "reload"
  expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('reload');
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.stored ?? null, { timeout: 15_000 }).toBe(true);
  await page.waitForTimeout(500);
  expect(await reads()).toEqual([first]); // read once, last read unchanged
  // A new navigation to it is another reading.
  await page.goto(full);
  await expect.poll(async () => (await reads())[0]?.[0], { timeout: 15_000 }).toBe(2);
});
