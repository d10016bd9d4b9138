/**
 * Turning Sorot on for a site it does not list, in real Chromium with the production build: a
 * click on the toolbar button (dispatched through the DevTools protocol, as headless Chromium has
 * no toolbar) opens the side panel and lets the background see the page's address (activeTab), so
 * the panel offers "Turn on for <site>". With `openPanelOnActionClick` Chrome opened the panel
 * without that grant, and the panel could only say "click the toolbar button": a dead end.
 */
import { expect, test } from '@playwright/test';
import { launchWithExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { SEED_PUTIN } from './support/seeds';
import { serveSites, type SiteServer } from './support/server';
import { TOOLBAR_ARGS, toolbar } from './support/side-panel';

declare const chrome: any;

const PAGE = 'http://www.blog-warga.example/berita/banjir-semarang';
const BODY = `<!doctype html><html lang="id"><head><title>Banjir di Semarang</title><meta property="og:type" content="article"></head><body><article>
<h1>Banjir melanda Semarang, ratusan rumah terendam</h1>
${Array.from({ length: 8 }, (_, i) => `<p>Paragraf ${i + 1}: warga Kecamatan Genuk mengungsi ke balai desa setelah hujan deras sejak Senin malam, dan petugas membagikan makanan serta selimut kepada keluarga yang rumahnya terendam.</p>`).join('\n')}
</article></body></html>`;

let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites([{ url: PAGE, body: BODY }, SEED_PUTIN]);
  eb = await launchWithExtension(server.hosts, TOOLBAR_ARGS);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

test('the toolbar button on an unlisted site opens the panel with an offer to turn Sorot on there', async () => {
  const page = await eb.context.newPage();
  await page.goto(server.urlFor(PAGE));
  const tabId = await tabIdFor(eb.sw, server.urlFor(PAGE)).catch(() => null);
  // Not listed: the background cannot see this tab's address yet, and no script runs there.
  const hiddenUrl = await eb.sw.evaluate(async () => (await chrome.tabs.query({})).filter((t: any) => !t.url).map((t: any) => t.id));
  expect(tabId).toBeNull();
  expect(hiddenUrl.length).toBeGreaterThan(0);

  const tb = await toolbar(eb);
  try {
    // The side panel opened, and offers to turn Sorot on for this site...
    const panel = await tb.panel(await tb.click(await tb.tabTarget('blog-warga.example')), 10_000);
    const buttons = `[...document.querySelectorAll('[data-state="unsupported"] button')].map((b) => b.textContent)`;
    await expect.poll(() => panel.evaluate<string[]>(buttons), { timeout: 10_000 }).toEqual([expect.stringContaining('www.blog-warga.example')]);
    await panel.close();
  } finally {
    await tb.dispose();
  }
  // ...and the click granted this tab's address to the background.
  const id = await tabIdFor(eb.sw, server.urlFor(PAGE));
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${id}`);
  await expect(panel.getByRole('button', { name: /www\.blog-warga\.example/ })).toBeVisible({ timeout: 10_000 });
});

test('a tab that leaves an analysed article for a site Sorot does not list no longer shows the article', async () => {
  const page = await eb.context.newPage();
  await page.goto(server.urlFor(SEED_PUTIN.url));
  const tabId = await tabIdFor(eb.sw, server.urlFor(SEED_PUTIN.url));
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.status ?? null, { timeout: 15_000 }).toBe('article');
  // Same tab, an unlisted site: the browser hides its address from Sorot, but the state must go.
  await page.goto(server.urlFor(PAGE));
  await expect.poll(async () => { const st = await tabState(eb.sw, tabId); return st ? [st.status, st.article] : null; }, { timeout: 10_000 }).toEqual(['unsupported', null]);
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('[data-state="unsupported"]')).toBeVisible({ timeout: 10_000 });
  await panel.close();
  await page.close();
});
