import 'fake-indexeddb/auto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SorotService, type StorePolicy } from '../../../src/background/service';
import { TabStates } from '../../../src/background/tab-states';
import { openLibrary, type Library } from '../../../src/library';
import { BLOCKED_MESSAGE, LibraryError } from '../../../src/library/errors';
import type { TabState } from '../../../src/messaging/protocol';
import type { Article, ExtractResult } from '../../../src/types';

const SEEDS = path.resolve(import.meta.dirname, '../../../../shared/seeds');

function seedArticle(file: string, url: string, title: string): Article {
  const paragraphs = fs.readFileSync(path.join(SEEDS, file), 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !/^(Baca Juga|Headline|Konten ini|Dilarang|Sumber:|Editor:)/.test(l) && l !== title);
  return {
    url, canonicalUrl: url, title, byline: null, published: null, site: new URL(url).hostname, host: new URL(url).hostname,
    lang: 'id', excerpt: null, paragraphs, contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''), image: null,
    wordCount: paragraphs.join(' ').split(/\s+/).length,
  };
}

const putin = seedArticle('000_5435901111151329.txt', 'https://www.indozone.id/news/putin-mobil', 'Putin Hadiahkan Mobil Mewah untuk Kim Jong Un');
const kim = seedArticle('003_773527af4449b1b5.txt', 'https://akurasi.id/internasional/kim-souvenir', 'Kerjasama Antara Kim Jong Un dan Putin: Pertemuan Diplomatik di Balik Souvenir');
const analysed = (article: Article): ExtractResult & { url: string } => ({ isArticle: true, article, hidden: [], url: article.url });

const always: StorePolicy = { whyNotStore: async (_u, priv) => (priv ? 'private' : null) };
let lib: Library;
let n = 0;
afterEach(() => lib?.close());

describe('background service', () => {
  it('tags, stores and links the two seeds to each other', async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    const first = await svc.pageAnalyzed(1, false, analysed(putin));
    expect(first.status).toBe('article');
    expect(first.stored).toBe(true);
    expect(first.libraryEmpty).toBe(true);
    const names = first.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un']));
    const second = await svc.pageAnalyzed(2, false, analysed(kim));
    expect(second.libraryEmpty).toBe(false);
    expect(second.related[0]?.url).toBe(putin.canonicalUrl);
    expect(second.related[0]?.reason).toMatch(/Kim Jong Un|Putin/);
  });

  it('prepares for a loading page: the library counts are loaded once, and only where the page may be stored', async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    await svc.pageAnalyzed(1, false, analysed(putin));
    lib.counts.invalidate();
    await svc.prepare(kim.url, true); // private tab: nothing stored, nothing loaded
    expect(lib.counts.peek()).toBeNull();
    const transactions = vi.spyOn(lib.db, 'transaction');
    await Promise.all([svc.prepare(kim.url, false), lib.warm()]);
    expect(lib.counts.peek()).not.toBeNull();
    expect(transactions).toHaveBeenCalledTimes(1); // the two callers shared one load
    expect(lib.counts.lastLoadFrom).toBe('snapshot');
  });

  it('stores the article and says why the entities are missing when the tagger data cannot be read', async () => {
    // A fresh module graph: its entities/data.ts has no data, so the service fetches it from the
    // package, which does not exist here.
    vi.resetModules();
    const fresh = await import('../../../src/background/service');
    lib = openLibrary(`svc-${n++}`);
    const s = await new fresh.SorotService(lib, new TabStates(), always).pageAnalyzed(1, false, analysed(putin));
    expect(s.stored).toBe(true);
    expect(s.entities).toEqual([]);
    expect(s.problems).toEqual([{ code: 'entities-unavailable', detail: expect.stringMatching(/./) }]);
    expect((await lib.get(lib.articleId(putin.canonicalUrl)))?.title).toBe(putin.title);
  });

  it("keeps the page's hiding state: off when the page reports it off, and following the page's switch", async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    const hidden: ExtractResult['hidden'] = [{ reason: 'related', text: 'Baca Juga: x', rule: 'text:baca-juga' }];
    const off = await svc.pageAnalyzed(1, false, { ...analysed(putin), hidden, hidingEnabled: false });
    expect(off.hidingEnabled).toBe(false);
    expect((await svc.clutterUpdated(1, hidden, true))?.hidingEnabled).toBe(true);
    // A late-clutter update that does not say keeps what the page last said.
    expect((await svc.clutterUpdated(1, hidden))?.hidingEnabled).toBe(true);
    expect((await svc.clutterUpdated(1, hidden, false))?.hidingEnabled).toBe(false);
    expect((await svc.pageAnalyzed(2, false, analysed(kim))).hidingEnabled).toBe(true);
  });

  it('follows deletes in the library page: related lists drop the article, its own tab says not stored', async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    await svc.pageAnalyzed(1, false, analysed(putin));
    const second = await svc.pageAnalyzed(2, false, analysed(kim));
    const putinId = lib.articleId(putin.canonicalUrl);
    expect(second.related.map((r) => r.id)).toContain(putinId);
    await lib.delete(putinId);
    const changed = await svc.libraryChanged({ deleted: [putinId] });
    expect(changed.map((s) => s.tabId).sort()).toEqual([1, 2]);
    expect(changed.find((s) => s.tabId === 1)).toMatchObject({ stored: false });
    expect(changed.find((s) => s.tabId === 2)!.related.map((r) => r.id)).not.toContain(putinId);
    expect(changed.find((s) => s.tabId === 2)).toMatchObject({ stored: true, libraryEmpty: true });
    expect(await svc.libraryChanged({ deleted: [putinId] })).toEqual([]); // nothing more to change
    await lib.clear();
    expect((await svc.libraryChanged({ cleared: true })).map((s) => [s.tabId, s.stored, s.related.length])).toEqual([[2, false, 0]]);
  });

  it('saving off for a site: nothing is written, but an earlier copy is said and its related articles shown', async () => {
    lib = openLibrary(`svc-${n++}`);
    let on = true;
    const policy: StorePolicy = { whyNotStore: async (_u, priv) => (priv ? 'private' : on ? null : 'site') };
    const svc = new SorotService(lib, new TabStates(), policy);
    await svc.pageAnalyzed(1, false, analysed(putin));
    await svc.pageAnalyzed(2, false, analysed(kim));
    const before = (await lib.get(lib.articleId(putin.canonicalUrl)))!;
    on = false;
    const again = await svc.pageAnalyzed(3, false, analysed(putin));
    expect(again).toMatchObject({ stored: false, storedEarlier: true, libraryEmpty: false });
    expect(again.related.map((r) => r.url)).toContain(kim.canonicalUrl);
    expect((await lib.get(before.id))?.readCount).toBe(before.readCount); // not written
    // A page never stored says why it is not, and still gets its related articles, without being
    // written; a private window reads nothing.
    const fresh = await svc.pageAnalyzed(4, false, analysed({ ...putin, url: 'https://x.id/baru', canonicalUrl: 'https://x.id/baru' }));
    expect(fresh).toMatchObject({ stored: false, notStoredWhy: 'site' });
    expect(fresh.storedEarlier).toBeUndefined();
    expect(fresh.related.map((r) => r.url)).toEqual(expect.arrayContaining([putin.canonicalUrl, kim.canonicalUrl]));
    expect(await lib.get(lib.articleId('https://x.id/baru'))).toBeUndefined();
    expect(await lib.count()).toBe(2);
    const priv = await svc.pageAnalyzed(5, true, analysed(putin));
    expect(priv).toMatchObject({ notStoredWhy: 'private', related: [] });
    expect(priv.storedEarlier).toBeUndefined();
    // Deleted in the library page: no earlier copy any more.
    await lib.delete(before.id);
    expect((await svc.libraryChanged({ deleted: [before.id] })).find((s) => s.tabId === 3)?.storedEarlier).toBeUndefined();
  });

  it('never stores from a private window, but still shows the panel', async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    const s = await svc.pageAnalyzed(1, true, analysed(putin));
    expect(s.stored).toBe(false);
    expect(s.entities.length).toBeGreaterThan(0);
    expect(await lib.count()).toBe(0);
  });

  it('reports a storage failure in the panel state instead of failing the page', async () => {
    lib = openLibrary(`svc-${n++}`);
    const broken = { ...lib, save: async () => { throw new DOMException('quota', 'QuotaExceededError'); }, count: lib.count } as Library;
    const svc = new SorotService(broken, new TabStates(), always);
    const s = await svc.pageAnalyzed(1, false, analysed(putin));
    expect(s.status).toBe('article');
    expect(s.stored).toBe(false);
    expect(s.problems).toEqual([{ code: 'storage-full' }]);
  });

  it('says "not yet stored" when the library upgrade is blocked, then "stored" when the save lands', async () => {
    lib = openLibrary(`svc-${n++}`);
    let land!: () => void;
    const upgraded = new Promise<void>((r) => { land = r; });
    const real = lib;
    // The save itself goes on, and lands once the (simulated) upgrade completes.
    const blocked = { ...lib, save: async (a: Article, e: Parameters<Library['save']>[1]) => {
      throw new LibraryError('blocked', BLOCKED_MESSAGE, { pending: upgraded.then(() => real.save(a, e)) });
    } } as Library;
    const changes: TabState[] = [];
    const s = await new SorotService(blocked, new TabStates(), always, (st) => changes.push(st)).pageAnalyzed(1, false, analysed(putin));
    expect(s.stored).toBe(false);
    expect(s.problems).toEqual([{ code: 'not-stored-yet' }]);
    expect(s.entities.length).toBeGreaterThan(0);
    land();
    await vi.waitFor(() => expect(changes.at(-1)).toMatchObject({ tabId: 1, stored: true, problems: [] }));
    expect(await lib.count()).toBe(1);
  });

  it('passes non-articles through with their reason', async () => {
    lib = openLibrary(`svc-${n++}`);
    const svc = new SorotService(lib, new TabStates(), always);
    const s = await svc.pageAnalyzed(4, false, { isArticle: false, notArticleReason: 'halaman indeks', article: null, hidden: [], url: 'https://x' });
    expect(s.status).toBe('not-article');
    expect(s.message).toBe('halaman indeks');
    expect(await lib.count()).toBe(0);
  });
});
