/**
 * Storage faults in real Chromium with the production build (real IndexedDB, the real service
 * worker): an upgrade blocked by a page of the old version, several tabs saving at once, and the
 * service worker stopped in the middle of a save. After each, every article is whole or absent
 * (articles / feats / bodies rows) and every stored count equals a recount from the rows
 * (support/library.ts reads the database with the raw API, from an extension page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildRows, dfTerms, SCHEMA_V2, STATS_KEY } from '../../src/library/db';
import { docEntities } from '../../src/library/features';
import { heuristicEntities } from '../../src/library/heuristic-entities';
import { articleId } from '../../src/library/ids';
import { splitParagraphs } from '../../src/library/text';
import { ROOT, launchWithExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { auditLibrary, holdOldDatabase, releaseOldDatabase, type LibraryAudit } from './support/library';
import { corpusRoutes } from './support/corpus';
import { serveSites, type SiteServer } from './support/server';
import { SEED_KIM, SEED_PUTIN } from './support/seeds';

declare const chrome: any;

const corpus = corpusRoutes();

let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites([...corpus, SEED_PUTIN, SEED_KIM]);
});
test.afterAll(async () => {
  await server?.close();
});
// A fresh profile per test: each starts from its own database state.
test.beforeEach(async () => {
  eb = await launchWithExtension(server.hosts, ['--blink-settings=imagesEnabled=false']);
});
test.afterEach(async () => {
  await eb?.close();
});

/** An extension page that opens no database itself: it reads and holds the raw one. */
async function extensionPage(): Promise<Page> {
  const p = await eb.context.newPage();
  await p.goto(`chrome-extension://${eb.extensionId}/options.html`);
  return p;
}

function expectConsistent(a: LibraryAudit) {
  expect(a.orphans, 'half-written articles').toEqual([]);
  expect(a.stored).toEqual(a.recount);
}

test('an upgrade blocked by an old page: the panel says so, and the article is stored (and shown stored) once that page goes', async () => {
  // The database as Sorot v2 left it, holding one real article (seed 003's text).
  const text = fs.readFileSync(path.join(ROOT, '../shared/seeds/003_773527af4449b1b5.txt'), 'utf8');
  const paragraphs = splitParagraphs(text);
  const url = 'https://akurasi.id/internasional/kerjasama-kim-jong-un-putin-souvenir';
  const id = articleId(url);
  const b = buildRows({ id, canonicalUrl: url, url, title: 'Kerjasama Antara Kim Jong Un dan Putin', site: 'Akurasi.id', host: 'akurasi.id', published: '2023-09-20', byline: null, lang: 'id', excerpt: null, image: null, wordCount: text.split(/\s+/).length, firstRead: 1, lastRead: 1, readCount: 1 }, paragraphs, docEntities(heuristicEntities(paragraphs)));
  const ents = b.row.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, surface: [e.name], articleCount: 1, lastSeen: 1 }));
  const old = await extensionPage();
  await holdOldDatabase(old, {
    version: 2, schema: SCHEMA_V2,
    rows: {
      articles: [b.row], feats: [b.feat], bodies: [{ id, paragraphs, contentHtml: '' }], entities: ents,
      vocab: dfTerms(b.terms).map((t) => ({ t, df: 1 })), meta: [{ k: STATS_KEY, articles: 1 }],
    },
  });

  // A visit: the background's library needs v4 and waits for the old page's connection.
  const page = await eb.context.newPage();
  const full = server.urlFor(SEED_PUTIN.url);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.status ?? null, { timeout: 20_000 }).toBe('article');
  const state = await tabState(eb.sw, tabId);
  expect(state.stored).toBe(false);
  expect(state.problems).toEqual([{ code: 'not-stored-yet' }]);
  expect(state.entities.length).toBeGreaterThan(0); // the page still gets its panel
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.getByText(/another open Sorot page is holding it/)).toBeVisible({ timeout: 15_000 });

  // The old page goes: the upgrade runs and the waiting save lands. Nothing was lost, and the
  // panel state turns to stored.
  await releaseOldDatabase(old);
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.stored ?? null, { timeout: 15_000 }).toBe(true);
  expect((await tabState(eb.sw, tabId)).problems ?? []).toEqual([]);
  await expect(panel.getByText(/another open Sorot page is holding it/)).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(async () => (await auditLibrary(old)).ids.length, { timeout: 15_000 }).toBe(2);
  const a = await auditLibrary(old);
  expect(a.version).toBe(70);
  expect(a.ids).toContain(id);
  expectConsistent(a);
});

test('several tabs saving at once: every article whole, counts equal to a recount', async () => {
  test.setTimeout(120_000);
  const routes = [SEED_PUTIN, SEED_KIM, ...corpus.slice(0, 8)];
  const pages = await Promise.all(routes.map(() => eb.context.newPage()));
  // All at once: the background runs their saves concurrently.
  await Promise.all(pages.map((p, i) => p.goto(server.urlFor(routes[i]!.url), { waitUntil: 'domcontentloaded' })));
  const ids = await Promise.all(routes.map((r) => tabIdFor(eb.sw, server.urlFor(r.url))));
  await expect.poll(async () => {
    const states = await Promise.all(ids.map((id) => tabState(eb.sw, id)));
    return states.every((s) => s && s.status !== 'loading');
  }, { timeout: 60_000 }).toBe(true);
  const states = await Promise.all(ids.map((id) => tabState(eb.sw, id)));
  const stored = states.filter((s) => s.stored).length;
  expect(stored).toBeGreaterThanOrEqual(8);
  const a = await auditLibrary(await extensionPage());
  expect(a.ids.length).toBe(stored);
  expectConsistent(a);
  expect(a.recount.entities.length).toBeGreaterThan(10);
  console.log(`concurrent: ${a.ids.length} articles, ${a.recount.entities.length} entities, ${a.recount.terms.length} terms audited`);
  // Revisits of both seeds at once, while another page saves: still consistent, no duplicates.
  await Promise.all([pages[0]!.reload(), pages[1]!.reload(), pages[2]!.reload()]);
  await pages[0]!.waitForTimeout(4000);
  const again = await auditLibrary(await extensionPage());
  expect(again.ids).toEqual(a.ids);
  expectConsistent(again);
});

test('the service worker stopped in the middle of a save: the article is whole or absent, and the next visit stores it', async () => {
  test.setTimeout(120_000);
  const drv = await extensionPage();
  const cdp = await eb.context.newCDPSession(drv);
  await cdp.send('ServiceWorker.enable');

  const kim = await eb.context.newPage();
  await kim.goto(server.urlFor(SEED_KIM.url));
  const kimTab = await tabIdFor(eb.sw, server.urlFor(SEED_KIM.url));
  await expect.poll(async () => (await tabState(eb.sw, kimTab))?.stored ?? null, { timeout: 20_000 }).toBe(true);
  const before = await auditLibrary(drv);
  expect(before.ids.length).toBe(1);

  // Freeze the next save right after it issued its body write: the transaction has written
  // articles, feats and bodies rows but cannot commit while the worker's script runs. Test-only
  // code in the worker's global scope; it dies with the worker.
  await eb.sw.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    const issued: string[] = [];
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const r = put.apply(this, args);
      issued.push(this.name);
      if (this.name === 'bodies' && !(globalThis as any).__frozen) {
        (globalThis as any).__frozen = true;
        console.log(`sorot-test: save frozen mid-transaction after put ${issued.join(',')}`);
        for (const t = Date.now(); Date.now() - t < 60_000;) { /* spin: mid-transaction */ }
      }
      return r;
    };
  });
  let frozen = '';
  eb.sw.on('console', (m) => { if (m.text().includes('save frozen')) frozen = m.text(); });
  const page = await eb.context.newPage();
  await page.goto(server.urlFor(SEED_PUTIN.url));
  // The worker says it froze; and it no longer answers (it is inside the frozen save).
  await expect.poll(() => frozen, { timeout: 30_000 }).toMatch(/after put .*articles.*feats.*bodies/);
  const answers = await Promise.race([eb.sw.evaluate(() => true).catch(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1500))]);
  expect(answers).toBe(false);
  await cdp.send('ServiceWorker.stopAllWorkers');

  const putinTab = await drv.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t: any) => t.url === u)?.id, server.urlFor(SEED_PUTIN.url));
  // The page's panel says what happened, in words (the new worker got the content script's report).
  await expect.poll(() => drv.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.message ?? null, putinTab), { timeout: 15_000 })
    .toMatch(/^Sorot dihentikan peramban saat memproses halaman ini; tidak ada yang tersimpan sebagian/);
  // Nothing of the interrupted article, counts unchanged.
  const after = await auditLibrary(drv);
  expect(after.ids).toEqual(before.ids);
  expectConsistent(after);
  expect(after.stored).toEqual(before.stored);

  // The next visit wakes a new worker, which stores the article whole.
  await page.reload();
  await expect.poll(async () => (await auditLibrary(drv)).ids.length, { timeout: 30_000 }).toBe(2);
  const last = await auditLibrary(drv);
  expectConsistent(last);
  expect(last.stored.articles).toBe(2);
});

test('a newer version upgrading the database: the open library page and the worker let go, and the page says to reload', async () => {
  const kim = await eb.context.newPage();
  await kim.goto(server.urlFor(SEED_KIM.url));
  const kimTab = await tabIdFor(eb.sw, server.urlFor(SEED_KIM.url));
  await expect.poll(async () => (await tabState(eb.sw, kimTab))?.stored ?? null, { timeout: 20_000 }).toBe(true);
  const lib = await eb.context.newPage();
  await lib.goto(`chrome-extension://${eb.extensionId}/library.html`);
  await expect(lib.getByText('Kerjasama Antara Kim Jong Un dan Putin').first()).toBeVisible({ timeout: 15_000 });

  // "Sorot v8" opens the database at a higher version. Both connections of this version (the
  // library page's and the worker's) close on versionchange, so the upgrade is not blocked.
  const drv = await extensionPage();
  const version = await drv.evaluate(() => new Promise<number | string>((resolve) => {
    const req = indexedDB.open('sorot', 80);
    req.onupgradeneeded = () => req.result.createObjectStore('future');
    req.onsuccess = () => { const v = req.result.version; req.result.close(); resolve(v); };
    req.onerror = () => resolve(String(req.error));
    req.onblocked = () => resolve('blocked');
  }));
  expect(version).toBe(80);
  await expect(lib.getByRole('alert')).toContainText(/reload this page|muat ulang halaman ini/, { timeout: 10_000 });
  const a = await auditLibrary(drv);
  expect(a.ids.length).toBe(1);
  expectConsistent(a);
});
