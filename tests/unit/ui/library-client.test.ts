import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import {
  clearLibrary, deleteStored, entityTimeline, exportLibrary, getStored, importLibrary, libraryStats, listArticles, listOutlets, searchArticleText, setLibraryForTests,
} from '../../../src/ui/library-client';
import type { Article, Entity } from '../../../src/types';

let lib: Library;
let n = 0;

function art(i: number, over: Partial<Article> = {}): Article {
  return {
    url: `https://news.detik.com/berita/d-${i}/a`, canonicalUrl: `https://news.detik.com/berita/d-${i}/a`,
    title: `Judul ${i}`, byline: null, published: `2026-0${i}-10T08:00:00+07:00`, site: 'detikNews', host: 'news.detik.com',
    lang: 'id', excerpt: null, paragraphs: [`Presiden Prabowo bertemu menteri di Jakarta nomor ${i}.`], contentHtml: `<p>Isi ${i}</p>`,
    image: null, wordCount: 100, ...over,
  };
}
const prabowo: Entity = { id: 'PER:prabowo', name: 'Prabowo', type: 'PER', surface: ['Prabowo', 'Prabowo Subianto'], count: 2, mentions: [] };
const jakarta: Entity = { id: 'LOC:jakarta', name: 'Jakarta', type: 'LOC', surface: ['Jakarta'], count: 1, mentions: [] };

beforeEach(async () => {
  lib = openLibrary(`ui-client-${n++}`);
  setLibraryForTests(lib);
  await lib.save(art(1), [prabowo, jakarta]);
  await lib.save(art(3, { site: 'Kompas.com', host: 'www.kompas.com', url: 'https://www.kompas.com/x/3', canonicalUrl: 'https://www.kompas.com/x/3' }), [prabowo]);
  await lib.save(art(2), [jakarta]);
});
afterEach(() => {
  lib.close();
  setLibraryForTests(null);
});

describe('library client over the real library (fake IndexedDB)', () => {
  it('lists, filters by site, entity and dates', async () => {
    expect((await listArticles()).map((a) => a.title).sort()).toEqual(['Judul 1', 'Judul 2', 'Judul 3']);
    expect((await listArticles({ site: 'Kompas.com' })).map((a) => a.title)).toEqual(['Judul 3']);
    expect((await listArticles({ entity: 'prabowo' })).map((a) => a.title).sort()).toEqual(['Judul 1', 'Judul 3']);
    expect((await listArticles({ from: '2026-02-01', to: '2026-02-28' })).map((a) => a.title)).toEqual(['Judul 2']);
  });

  it('groups sites into outlets and filters by all of an outlet\'s sites', async () => {
    await lib.save(art(5, { site: 'detikFinance', host: 'finance.detik.com', url: 'https://finance.detik.com/x/5', canonicalUrl: 'https://finance.detik.com/x/5' }), [], Date.now() + 60_000);
    await lib.save(art(6, { site: 'Antara', host: 'jatim.antaranews.com', url: 'https://jatim.antaranews.com/x/6', canonicalUrl: 'https://jatim.antaranews.com/x/6' }), []);
    await lib.save(art(7, { site: 'Kabar Desa', host: 'www.kabar.desa.id', url: 'https://www.kabar.desa.id/x/7', canonicalUrl: 'https://www.kabar.desa.id/x/7' }), []);
    expect(await listOutlets()).toEqual([
      { outlet: 'antaranews.com', sites: ['Antara'] },
      { outlet: 'detik.com', sites: ['detikFinance', 'detikNews'] },
      { outlet: 'kabar.desa.id', sites: ['Kabar Desa'] },
      { outlet: 'kompas.com', sites: ['Kompas.com'] },
    ]);
    // A syndicated copy on kompas.com that calls itself detikNews: under both outlets, and each
    // outlet lists only the articles at its own addresses.
    await lib.save(art(9, { site: 'detikNews', host: 'megapolitan.kompas.com', url: 'https://megapolitan.kompas.com/x/9', canonicalUrl: 'https://megapolitan.kompas.com/x/9' }), [], Date.now() + 120_000);
    const outlets = await listOutlets();
    expect(outlets.find((o) => o.outlet === 'kompas.com')?.sites.sort()).toEqual(['Kompas.com', 'detikNews']);
    expect(outlets.find((o) => o.outlet === 'detik.com')?.sites.sort()).toEqual(['detikFinance', 'detikNews']);
    const kompasSites = outlets.find((o) => o.outlet === 'kompas.com')!.sites;
    expect((await listArticles({ sites: kompasSites, outlet: 'kompas.com' })).map((a) => a.title).sort()).toEqual(['Judul 3', 'Judul 9']);
    expect((await listArticles({ sites: ['detikFinance', 'detikNews'], outlet: 'detik.com' })).map((a) => a.title).sort()).toEqual(['Judul 1', 'Judul 2', 'Judul 5']);
    await lib.delete(lib.articleId('https://megapolitan.kompas.com/x/9'));
    const detik = ['detikFinance', 'detikNews'];
    const listed = (await listArticles({ sites: detik })).map((a) => a.title);
    expect(listed[0]).toBe('Judul 5'); // newest read first, across the sites
    expect(listed.sort()).toEqual(['Judul 1', 'Judul 2', 'Judul 5']);
    // With words or dates, the same sites filter the search.
    expect((await listArticles({ sites: detik, text: 'Judul' })).map((a) => a.title).sort()).toEqual(['Judul 1', 'Judul 2', 'Judul 5']);
    expect((await listArticles({ sites: detik, from: '2026-02-01', to: '2026-05-31' })).map((a) => a.title).sort()).toEqual(['Judul 2', 'Judul 5']);
  });

  it('finds an entity by any form it was seen under, in the filter and in the search box', async () => {
    const korut: Entity = { id: 'LOC:korea-utara', name: 'Korea Utara', type: 'LOC', surface: ['Korea Utara', 'Korut'], count: 2, mentions: [] };
    await lib.save(art(4, { title: 'Rudal baru diuji', paragraphs: ['Pyongyang menguji rudal baru pekan ini.'] }), [korut]);
    expect((await listArticles({ entity: 'Korut' })).map((a) => a.title)).toEqual(['Rudal baru diuji']);
    expect((await listArticles({ entity: 'korut' })).map((a) => a.title)).toEqual(['Rudal baru diuji']);
    expect((await listArticles({ entity: 'Korea Utara' })).map((a) => a.title)).toEqual(['Rudal baru diuji']);
    expect((await listArticles({ entity: 'kor' })).map((a) => a.title)).toEqual(['Rudal baru diuji']); // a form's start
    // "Korut" is not in the text: the search box finds it as a name.
    expect((await listArticles({ text: 'Korut' })).map((a) => a.title)).toEqual(['Rudal baru diuji']);
    expect(await listArticles({ text: 'Korut', from: '2026-01-01', to: '2026-01-31' })).toEqual([]);
    expect(await listArticles({ entity: 'Korsel' })).toEqual([]);
    // One article has the word "Korut" itself: the search box still finds both, as the filter does.
    await lib.save(art(5, { title: 'Korut kirim balon', paragraphs: ['Korut kembali mengirim balon ke selatan.'] }), [korut]);
    expect((await listArticles({ text: 'Korut' })).map((a) => a.title).sort()).toEqual(['Korut kirim balon', 'Rudal baru diuji']);
    expect((await listArticles({ entity: 'Korut' })).map((a) => a.title).sort()).toEqual(['Korut kirim balon', 'Rudal baru diuji']);
  });

  it('a search of only common words finds nothing, not everything; a name written that way still works', async () => {
    expect(await listArticles({ text: 'di' })).toEqual([]);
    expect(await listArticles({ text: 'yang dan' })).toEqual([]);
    const as: Entity = { id: 'LOC:amerika-serikat', name: 'Amerika Serikat', type: 'LOC', surface: ['Amerika Serikat', 'AS'], count: 2, mentions: [] };
    await lib.save(art(8, { title: 'Tarif baru', paragraphs: ['Washington menaikkan tarif impor.'] }), [as]);
    expect((await listArticles({ text: 'AS' })).map((a) => a.title)).toEqual(['Tarif baru']);
  });

  it('finds words of the stored text beyond the index, with the outlet filter, leaving out what is shown', async () => {
    // "menteri" is in every text; the outlet filter keeps detik's two.
    const r = await searchArticleText({ text: 'menteri jakarta', outlet: 'detik.com', sites: ['detikNews'] }, [], 10);
    expect(r.items.map((v) => v.title)).toEqual(['Judul 2', 'Judul 1']);
    expect(r.items[0]!.snippet).toContain('menteri di Jakarta');
    expect(r.complete).toBe(true);
    const shown = (await listArticles({})).find((v) => v.title === 'Judul 2')!.id;
    expect((await searchArticleText({ text: 'menteri' }, [shown], 10)).items.map((v) => v.title)).toEqual(['Judul 3', 'Judul 1']);
    // Only words too common to search: no scan at all.
    expect((await searchArticleText({ text: 'di' }, [], 10)).items).toEqual([]);
  });

  it('entity timeline is newest first', async () => {
    expect((await entityTimeline('PER:prabowo')).map((a) => a.title)).toEqual(['Judul 3', 'Judul 1']);
  });

  it('gets a stored copy as an Article with entity surfaces', async () => {
    const id = lib.articleId('https://news.detik.com/berita/d-1/a');
    const s = await getStored(id);
    expect(s?.article.title).toBe('Judul 1');
    expect(s?.article.contentHtml).toBe('<p>Isi 1</p>');
    expect(s?.entityList.find((e) => e.id === 'PER:prabowo')?.surface).toContain('Prabowo Subianto');
    expect(await getStored('nope')).toBeNull();
  });

  it('deletes, exports, imports, clears; a bad import changes nothing', async () => {
    const json = await exportLibrary();
    await deleteStored(lib.articleId('https://news.detik.com/berita/d-2/a'));
    expect((await libraryStats()).count).toBe(2);
    await expect(importLibrary('{"format":"something-else"}')).rejects.toThrow(/nothing was changed/);
    expect((await libraryStats()).count).toBe(2);
    expect(await importLibrary(json)).toEqual({ added: 1, updated: 0, unchanged: 2 });
    expect((await libraryStats()).count).toBe(3);
    await clearLibrary();
    expect((await libraryStats()).count).toBe(0);
  });
});
