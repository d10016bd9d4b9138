/**
 * Huge and endless pages: the content script never blocks the page's main thread for more than
 * 200 ms at a time, and gives up gracefully (the panel says why) when a page is too big to read.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';

declare const chrome: any;

const para = (i: number) =>
  `<p>Paragraf ${i}: Pemerintah Provinsi Jawa Tengah menyiapkan anggaran perbaikan jalan di Semarang, Solo dan Magelang menjelang musim hujan, kata Kepala Dinas Pekerjaan Umum dalam keterangannya kepada wartawan.</p>`;
const article = (body: string, extra = '') => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji halaman besar</title>
<meta property="og:title" content="Pemprov Jateng Siapkan Anggaran Perbaikan Jalan"></head><body><header><nav><a href="/">Beranda</a></nav></header>
<article><h1>Pemprov Jateng Siapkan Anggaran Perbaikan Jalan</h1><div class="read__content">${body}</div></article>${extra}</body></html>`;

// 50,000 elements: a normal article beside an enormous widget grid.
const grid = `<aside>${Array.from({ length: 12_500 }, (_, i) => `<div class="w"><span>item ${i}</span><a href="/t/${i}">tag</a><i></i></div>`).join('')}</aside>`;
const PAGES = {
  elements: { url: 'http://regional.kompas.com/read/2026/11/20/1/huge-elements', body: article(Array.from({ length: 40 }, (_, i) => para(i)).join(''), grid) },
  // ~5 MB of article text.
  megabytes: { url: 'http://regional.kompas.com/read/2026/11/20/2/huge-text', body: article(Array.from({ length: 24_000 }, (_, i) => para(i)).join('')) },
  // Endless feed: more paragraphs arrive on every scroll.
  endless: {
    url: 'http://regional.kompas.com/read/2026/11/20/3/endless',
    body: article(Array.from({ length: 30 }, (_, i) => para(i)).join(''), `<div id="feed"></div><script>
      let n = 0; addEventListener('scroll', () => { if (n > 200) return; const f = document.getElementById('feed');
      for (let k = 0; k < 20; k++) { const d = document.createElement('div'); d.className = 'card'; d.innerHTML = '<h3>Berita lain ' + (n++) + '</h3><p>Ringkasan berita lain yang dimuat saat menggulir.</p>'; f.append(d); } });
    </script>`),
  },
};

let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites(Object.values(PAGES).map((p) => ({ url: p.url, body: p.body })));
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

/** Long tasks (>50 ms) seen by the page, and our own analysis spans on the same timeline. */
async function observe(page: Page) {
  await page.addInitScript(() => {
    (window as any).__long = [];
    new PerformanceObserver((l) => (window as any).__long.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
  });
}
const ourSpans = (page: Page) => page.evaluate(() => performance.getEntriesByName('sorot:analyze').map((e) => ({ start: e.startTime, duration: e.duration })));
const longTasks = (page: Page) => page.evaluate(() => (window as any).__long as { start: number; duration: number }[]);

async function stateOf(url: string) {
  const tabId = await tabIdFor(eb.sw, url);
  let state: any = null;
  await expect.poll(async () => {
    state = await eb.sw.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
    return state?.status ?? null;
  }, { timeout: 30_000 }).toMatch(/^(article|not-article|error)$/);
  return state;
}

for (const [name, p] of Object.entries(PAGES)) {
  test(`${name}: no task of ours over 200 ms, and the panel gets an answer`, async () => {
    const page = await eb.context.newPage();
    await observe(page);
    const full = server.urlFor(p.url);
    await page.goto(full);
    if (name === 'endless') for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 3000);
    const state = await stateOf(full);
    await page.waitForTimeout(2500); // the late rescan
    const spans = await ourSpans(page);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.duration, `analysis span ${s.duration.toFixed(0)} ms`).toBeLessThanOrEqual(200);
    // No long task that overlaps our work is over 200 ms either.
    const tasks = await longTasks(page);
    const ours = tasks.filter((t) => spans.some((s) => t.start < s.start + s.duration && s.start < t.start + t.duration));
    for (const t of ours) expect(t.duration).toBeLessThanOrEqual(200);
    if (state.status !== 'article') expect(state.message, 'a reason the panel can show').toBeTruthy();
    console.log(`${name}: status ${state.status} ${state.message ?? ''}; spans ${spans.map((s) => s.duration.toFixed(0)).join(', ')} ms`);
    await page.close();
  });
}
