/**
 * A multi-page article (three parts linked by numbered pagination and rel=next, served under a
 * real outlet host name): the stored article and the reading view hold every part once, the
 * live page is not rewritten, and a pagination link to another origin is never requested.
 */
import { expect, test } from '@playwright/test';
import { launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { rawMessage } from './support/seeds';
import { serveSites, type Route, type SiteServer } from './support/server';

// Evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: any;

const BASE = 'http://zonajakarta.pikiran-rakyat.com/internasional/pr-1/banjir-pesisir-utara';
const OTHER = 'http://evil-mirror.example/internasional/pr-1/banjir-pesisir-utara?page=4';
const para = (part: number, n: number) => `<p>Bagian ${part} paragraf ${n}: Pemerintah daerah menyiapkan langkah penanganan banjir di kawasan pesisir utara, kata kepala dinas kepada wartawan pada Senin pagi di kantornya.</p>`;
const page = (part: number, otherOrigin: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Banjir Pesisir Utara - Zona Jakarta</title>
<meta property="og:title" content="Banjir Pesisir Utara"><meta property="og:type" content="article">
<meta property="article:published_time" content="2020-10-09T10:00:00+07:00"></head>
<body><nav><a href="/">Beranda</a></nav><article><h1>Banjir Pesisir Utara Ditangani Bertahap</h1>
<div class="read__content"><p>Jakarta - Paragraf pembuka yang diulang di setiap halaman artikel ini sebagai ringkasan singkat.</p>
${[1, 2, 3, 4].map((n) => para(part, n)).join('\n')}</div>
<div class="paging paging--article"><a class="paging__link" href="?page=1">1</a><a class="paging__link" href="?page=2">2</a>
<a class="paging__link" href="?page=3">3</a><a class="paging__link" href="${otherOrigin}">4</a>
${part < 3 ? `<a rel="next" href="?page=${part + 1}">Selanjutnya</a>` : ''}</div></article></body></html>`;

const routes: Route[] = [
  { url: BASE, body: '' },
  { url: `${BASE}?page=1`, body: '' },
  { url: `${BASE}?page=2`, body: '' },
  { url: `${BASE}?page=3`, body: '' },
  { url: OTHER, body: '' },
];
const requests: string[] = [];
let server: SiteServer;
let eb: ExtensionBrowser;

test.beforeAll(async () => {
  server = await serveSites(routes, (req) => requests.push(`${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url}`));
  // The cross-origin link carries the server's port, so a request to it would be seen here.
  const other = server.urlFor(OTHER);
  const parts = [page(1, other), page(1, other), page(2, other), page(3, other), page(4, other)];
  routes.forEach((r, i) => { r.body = parts[i]; });
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

test('a three-part article is stored and read whole, each part once; no request leaves the origin', async () => {
  const pageTab = await eb.context.newPage();
  const url = server.urlFor(BASE);
  await pageTab.goto(url);
  const tabId = await tabIdFor(eb.sw, url);
  const state = () => eb.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
  await expect.poll(async () => ((await state())?.article?.paragraphs ?? []).join('\n'), { timeout: 20_000 }).toContain('Bagian 3 paragraf 4');
  const s = await state();
  expect(s.status).toBe('article');
  const text: string = s.article.paragraphs.join('\n');
  for (const part of [1, 2, 3]) for (const n of [1, 2, 3, 4]) expect(text.split(`Bagian ${part} paragraf ${n}:`), `part ${part} paragraph ${n} once`).toHaveLength(2);
  expect(text.split('Paragraf pembuka yang diulang')).toHaveLength(2);
  expect(text).not.toContain('Bagian 4');
  expect(s.stored).toBe(true);

  // The live page still shows only its own part.
  const live = await pageTab.evaluate(() => document.body.innerText);
  expect(live).toContain('Bagian 1 paragraf 1');
  expect(live).not.toContain('Bagian 2 paragraf 1');

  // The reading view shows the whole article.
  await eb.sw.evaluate(([id, msg]) => chrome.tabs.sendMessage(id as number, msg), [tabId, rawMessage('toggleReader')] as const);
  await expect.poll(() => pageTab.frames().some((f) => f.url().includes('/reader.html')), { timeout: 10_000 }).toBe(true);
  const frame = pageTab.frames().find((f) => f.url().includes('/reader.html'))!;
  await frame.waitForSelector('text=Bagian 3 paragraf 4', { timeout: 15_000 });
  const reader = await frame.evaluate(() => document.body.innerText);
  expect(reader.split('Bagian 2 paragraf 2:')).toHaveLength(2);

  // Stored once, as one read: the joined parts complete the same visit.
  const ext = await eb.context.newPage();
  await ext.goto(`chrome-extension://${eb.extensionId}/library.html`);
  const rows = await ext.evaluate(() => new Promise<{ readCount: number; url: string }[]>((resolve, reject) => {
    const req = indexedDB.open('sorot');
    req.onsuccess = () => {
      const r = req.result.transaction('articles').objectStore('articles').getAll();
      r.onsuccess = () => { resolve(r.result); req.result.close(); };
      r.onerror = () => reject(r.error);
    };
    req.onerror = () => reject(req.error);
  }));
  await ext.close();
  expect(rows.map((r) => r.readCount)).toEqual([1]);

  const host = new URL(BASE).hostname;
  expect(requests.filter((r) => r.startsWith('evil-mirror.example')), 'cross-origin part requested').toEqual([]);
  expect(requests.filter((r) => r === `${host}/internasional/pr-1/banjir-pesisir-utara?page=2`)).toHaveLength(1);
  expect(requests.filter((r) => r === `${host}/internasional/pr-1/banjir-pesisir-utara?page=3`)).toHaveLength(1);
  await pageTab.close();
});
