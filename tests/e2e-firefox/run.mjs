#!/usr/bin/env node
// Firefox e2e with the production build (.output/firefox-mv2) in Debian's firefox-esr, driven by
// puppeteer-core over WebDriver BiDi (no geckodriver): a seed page, the sidebar page, a multi-page
// article and every gold corpus page, served under their outlets' host names
// (network.dns.localDomains). Prints `firefox-e2e: N passed, N failed`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXT = path.join(ROOT, '.output/firefox-mv2');
const UUID = '5f1b8d3e-7c2a-4e61-9b0f-0a1b2c3d4e5f';
const GECKO_ID = 'sorot@sorot.example';
const ART = path.join(ROOT, 'artifacts');

function firefoxPath() {
  for (const c of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (c && fs.existsSync(c)) return c;
  return null;
}

const pages = {
  'www.indozone.id/blank': null,
  'www.indozone.id/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un': 'indozone-putin-mobil.html',
};

// A three-part article (numbered pagination + rel=next) and a part-4 link to another origin, as in
// tests/e2e/multipage.spec.ts: content-script fetch differs between browsers, so Firefox gets it too.
const MP_HOST = 'zonajakarta.pikiran-rakyat.com';
const MP_PATH = '/internasional/pr-1/banjir-pesisir-utara';
const mpPart = (part) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Banjir Pesisir Utara - Zona Jakarta</title>
<meta property="og:type" content="article"></head><body><article><h1>Banjir Pesisir Utara Ditangani Bertahap</h1><div class="read__content">
<p>Jakarta - Paragraf pembuka yang diulang di setiap halaman artikel ini sebagai ringkasan singkat.</p>
${[1, 2, 3, 4].map((n) => `<p>Bagian ${part} paragraf ${n}: Pemerintah daerah menyiapkan langkah penanganan banjir di kawasan pesisir utara, kata kepala dinas kepada wartawan pada Senin pagi.</p>`).join('\n')}
</div><div class="paging"><a class="paging__link" href="?page=1">1</a><a class="paging__link" href="?page=2">2</a><a class="paging__link" href="?page=3">3</a>
<a class="paging__link" href="http://evil-mirror.example:PORT${MP_PATH}?page=4">4</a>${part < 3 ? `<a rel="next" href="?page=${part + 1}">Selanjutnya</a>` : ''}</div></article></body></html>`;
const requests = [];

// The gold-annotated corpus pages, served under their outlets' host names (as the Chromium corpus
// spec does): Firefox must analyse every one without error and recognise the articles.
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const corpus = fs.readFileSync(path.join(CORPUS, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
  .map((l) => l.split('\t')).filter((c) => fs.existsSync(path.join(CORPUS, 'gold', c[0].replace(/\.html$/, '.json'))))
  .map((c) => {
    const u = new URL(c[2].replace(/^https:/, 'http:').replace('.com//', '.com/'));
    const gold = JSON.parse(fs.readFileSync(path.join(CORPUS, 'gold', c[0].replace(/\.html$/, '.json')), 'utf8'));
    return { file: c[0], host: u.hostname, path: u.pathname + u.search, isArticle: gold.is_article };
  });
for (const c of corpus) pages[c.host + c.path] = path.join(CORPUS, 'raw', c.file);

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`  ✗ ${name}\n    ${String(e?.message ?? e).split('\n')[0]}`);
  }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

const exe = firefoxPath();
if (!exe) {
  console.log('firefox-e2e: firefox-esr not found (apt-get install firefox-esr or set FIREFOX_PATH)');
  console.log('firefox-e2e: 0 passed, 1 failed');
  process.exit(1);
}

const server = http.createServer((req, res) => {
  const key = `${(req.headers.host ?? '').replace(/:\d+$/, '')}${req.url}`;
  requests.push(key);
  if (key.startsWith(MP_HOST + MP_PATH)) {
    const part = Number(/page=(\d)/.exec(req.url)?.[1] ?? '1');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(mpPart(part).replace('PORT', String(port)));
    return;
  }
  if (!(key in pages)) { res.writeHead(404); res.end(); return; }
  const file = pages[key];
  if (!file) { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<!doctype html><title>blank</title>'); return; }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(fs.readFileSync(path.isAbsolute(file) ? file : path.join(ROOT, 'tests/fixtures/seeds', file)));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: exe,
  headless: true,
  // A cold firefox-esr start on a loaded 2-core machine once took over puppeteer's default 30 s.
  timeout: 120_000,
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    'network.dns.localDomains': [...new Set(['www.indozone.id', MP_HOST, 'evil-mirror.example', ...corpus.map((c) => c.host)])].join(','),
    'permissions.default.image': 2,
    // Every other host goes to a closed local port and fails at once (as Chromium's
    // host-resolver rules do): no test waits on DNS for the pages' third-party scripts.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': [...new Set(['www.indozone.id', MP_HOST, 'evil-mirror.example', ...corpus.map((c) => c.host)])].join(','),
  },
});
console.log(`firefox e2e: ${await browser.version()}`);
try {
  await browser.installExtension(EXT);
  const page = await browser.newPage();
  const url = `http://www.indozone.id:${port}/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un`;
  await page.goto(url);

  await check('content script hides "Baca Juga" and the in-body ad, keeps the article', async () => {
    await page.waitForSelector('[data-sorot-clutter]', { timeout: 20_000 });
    const r = await page.evaluate(() => {
      const shown = (sel) => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; };
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent.includes('Sebuah mobil mewah buatan Rusia'));
      return { bacaJuga: shown('.baca-juga-inline'), ad: shown('.ads-parallax'), article: !!p && getComputedStyle(p).display !== 'none', nav: shown('nav.main-nav') };
    });
    assert(!r.bacaJuga, 'Baca Juga still visible');
    assert(!r.ad, 'in-body ad still visible');
    assert(r.article, 'article paragraph hidden');
    assert(r.nav, 'navigation hidden');
    fs.mkdirSync(ART, { recursive: true });
    await page.screenshot({ path: path.join(ART, 'firefox-seed-000-page.png') });
  });

  await check('sidebar page renders the article entities', async () => {
    // Extension pages can't be opened by WebDriver directly; reader.html is web-accessible in the
    // shipped build, and from there the extension's own sidebar page is one navigation away.
    // A second tab, so the article tab keeps its state.
    const panel = await browser.newPage();
    await panel.goto(`http://www.indozone.id:${port}/blank`);
    await panel.evaluate((u) => { location.href = u; }, `moz-extension://${UUID}/reader.html`);
    await panel.waitForFunction(() => location.protocol === 'moz-extension:', { timeout: 10_000 });
    const tabId = await panel.evaluate(async () => {
      const tabs = await browser.tabs.query({});
      const hit = tabs.find((t) => t.url && t.url.includes('/news/p2q8Xy1/'));
      if (!hit) throw new Error('tabs: ' + JSON.stringify(tabs.map((t) => [t.id, t.url, t.title])));
      return hit.id;
    });
    assert(tabId != null, 'article tab not found');
    await panel.evaluate((id) => { location.href = `/sidepanel.html?tab=${id}`; }, tabId);
    await panel.waitForFunction(() => location.pathname.endsWith('/sidepanel.html'), { timeout: 10_000 });
    await panel.waitForFunction(() => document.body.innerText.includes('Vladimir Putin') && document.body.innerText.includes('Korea Utara'), { timeout: 20_000 });
    await panel.screenshot({ path: path.join(ART, 'firefox-panel.png') });
  });

  await check('a three-part article is stored whole, each part once, nothing fetched from another origin', async () => {
    const mp = await browser.newPage();
    await mp.goto(`http://${MP_HOST}:${port}${MP_PATH}`);
    // The extension's IndexedDB, read from one of its pages (same origin as the background).
    const ext = await browser.newPage();
    await ext.goto(`http://www.indozone.id:${port}/blank`);
    await ext.evaluate((u) => { location.href = u; }, `moz-extension://${UUID}/reader.html`);
    await ext.waitForFunction(() => location.protocol === 'moz-extension:', { timeout: 10_000 });
    const readBodies = () => ext.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open('sorot');
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('bodies')) { db.close(); resolve([]); return; }
        const r = db.transaction('bodies').objectStore('bodies').getAll();
        r.onsuccess = () => { db.close(); resolve(r.result.map((b) => b.paragraphs.join('\n'))); };
        r.onerror = () => reject(r.error);
      };
      req.onerror = () => reject(req.error);
    }));
    let text = '';
    for (let i = 0; i < 100 && !text.includes('Bagian 3 paragraf 4'); i++) {
      text = (await readBodies()).find((t) => t.includes('Bagian 1 paragraf 1')) ?? '';
      if (!text.includes('Bagian 3 paragraf 4')) await new Promise((r) => setTimeout(r, 200));
    }
    if (!text) {
      // Say why: the tab's state as the background last stored it.
      const states = await ext.evaluate(async () => Object.values(await browser.storage.session.get()).map((x) => [x.url, x.status, x.message]));
      throw new Error(`article not stored; tab states: ${JSON.stringify(states)}`);
    }
    for (const part of [1, 2, 3]) for (const n of [1, 2, 3, 4]) assert(text.split(`Bagian ${part} paragraf ${n}:`).length === 2, `part ${part} paragraph ${n} not stored exactly once`);
    assert(text.split('Paragraf pembuka yang diulang').length === 2, 'repeated lead paragraph not de-duplicated');
    assert(!requests.some((r) => r.startsWith('evil-mirror.example')), 'a part was requested from another origin');
    await mp.close();
    await ext.close();
  });

  await check(`the ${corpus.length} corpus pages are analysed without error and articles recognised`, async () => {
    const ext = await browser.newPage();
    await ext.goto(`http://www.indozone.id:${port}/blank`);
    await ext.evaluate((u) => { location.href = u; }, `moz-extension://${UUID}/reader.html`);
    await ext.waitForFunction(() => location.protocol === 'moz-extension:', { timeout: 10_000 });
    const tab = await browser.newPage();
    const wrong = [];
    for (const c of corpus) {
      const url = `http://${c.host}:${port}${c.path}`;
      await tab.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => {});
      let st = null;
      for (let i = 0; i < 100; i++) {
        st = await ext.evaluate(async (u) => Object.values(await browser.storage.session.get()).find((x) => x.url === u && x.status !== 'loading') ?? null, url);
        if (st) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const got = st?.status ?? 'no state';
      if (got === 'no state') wrong.push(`${c.file}: no state (tab at ${await tab.evaluate(() => location.href).catch(() => '?')})`);
      else if (got === 'error' || /could not read/.test(st?.message ?? '') || (got === 'article') !== c.isArticle) wrong.push(`${c.file}: ${got}${st?.message ? ` (${st.message})` : ''}`);
    }
    await tab.close();
    await ext.close();
    assert(!wrong.length, `pages analysed wrongly in Firefox: ${wrong.join('; ')}`);
  });
} finally {
  await browser.close().catch(() => {});
  server.close();
}
const ok = results.filter((r) => r[1]).length;
console.log(`firefox-e2e: ${ok} passed, ${results.length - ok} failed`);
process.exit(results.length - ok ? 1 : 0);
