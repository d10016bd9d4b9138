import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { SCHEMA_V1, type ArticleRowV1 } from '../../../src/library/db';
import { articleId } from '../../../src/library/ids';
import { LibraryError } from '../../../src/library/errors';
import { ent, freshName, makeArticle, entityDf, onPut, storedCounts, termDf } from './helpers';

const open: Library[] = [];
function lib(name = freshName()): Library {
  const l = openLibrary(name);
  open.push(l);
  return l;
}
/** IndexedDB patches (onPut) to undo after each test, even a failed one. */
const restore: (() => void)[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
  while (restore.length) restore.pop()!();
});

const putinKim = makeArticle({
  url: 'https://kompas.example/global/putin-kim-mobil',
  title: 'Putin Kirim Mobil Aurus untuk Kim Jong Un',
  text: 'Presiden Rusia Vladimir Putin menghadiahkan mobil Aurus kepada Kim Jong Un.\nKim Yo Jong berterima kasih atas hadiah itu.',
  published: '2024-02-20',
});
const putinKimEntities = [ent('PER', 'Vladimir Putin', 2), ent('PER', 'Kim Jong Un', 2), ent('LOC', 'Rusia'), ent('PER', 'Kim Yo Jong')];

describe('schema v1 -> v2 migration', () => {
  it('upgrades a filled v1 database and keeps every record', async () => {
    const name = freshName('sorot-v1');
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const rows: ArticleRowV1[] = Array.from({ length: 450 }, (_, i) => {
      const url = `https://detik.example/berita/${i}`;
      const topic = ['banjir', 'kemacetan', 'gempa', 'pemilu', 'harga beras'][i % 5]!;
      const city = ['Jakarta', 'Bandung', 'Surabaya', 'Medan', 'Makassar', 'Padang', 'Semarang'][i % 7]!;
      return {
        id: articleId(url), canonicalUrl: url, url: `${url}?utm_source=x`, title: `Berita ${topic} di ${city} nomor ${i}`,
        site: i % 2 ? 'detikNews' : 'Kompas.com', host: 'detik.example', published: i % 7 ? `2024-01-${String((i % 28) + 1).padStart(2, '0')}` : null,
        byline: i % 3 ? 'Penulis' : null, lang: 'id', excerpt: null, image: null, wordCount: 40 + i,
        paragraphs: [`Warga ${city} menghadapi ${topic} pekan ini.`, `Paragraf kedua menyebut Heru Budi ${i}.`],
        contentHtml: `<p>artikel ${i}</p>`,
        entityIds: i % 5 ? ['LOC:jakarta', 'PER:heru-budi'] : ['LOC:jakarta'],
        firstRead: 1_700_000_000_000 + i, lastRead: 1_700_000_100_000 + i, readCount: 1 + (i % 4),
      };
    });
    await v1.table('articles').bulkPut(rows);
    await v1.table('entities').bulkPut([
      { id: 'LOC:jakarta', name: 'Jakarta', type: 'LOC', surface: ['Jakarta'], articleCount: 999, lastSeen: 1 },
      { id: 'PER:heru-budi', name: 'Heru Budi', type: 'PER', surface: ['Heru Budi'], articleCount: 1, lastSeen: 2 },
    ]);
    v1.close();

    const l = lib(name);
    expect(await l.count()).toBe(450);
    expect(l.db.verno).toBe(7); // v1 -> ... -> v7 in one open
    for (const old of rows) {
      const got = await l.get(old.id);
      expect(got).toBeDefined();
      const { paragraphs, contentHtml, entityIds, ...meta } = old;
      expect(got).toMatchObject(meta);
      expect(got!.paragraphs).toEqual(paragraphs);
      expect(got!.contentHtml).toEqual(contentHtml);
      expect(got!.entityIds.sort()).toEqual([...entityIds].sort());
      expect(got!.publishedTs).toBe(old.published ? Date.parse(old.published) : null);
    }
    // Counts recomputed from the articles, names kept from v1.
    expect(await entityDf(l, 'LOC:jakarta')).toBe(450);
    expect(await entityDf(l, 'PER:heru-budi')).toBe(360);
    expect((await l.entity('PER:heru-budi'))?.name).toBe('Heru Budi');
    // Term counts came through v2's vocab into v4's packed snapshot: one per article.
    expect(await termDf(l, 'banjir')).toBe(90);
    expect((await storedCounts(l)).entities.get('PER:heru-budi')).toBe(360);
    expect(await l.db.counts.count()).toBe(1);
    // The derived index works on migrated rows.
    const hits = await l.search('banjir', {}, 5);
    expect(hits.length).toBe(5);
    // Ranking works on migrated rows: a second report of one migrated story, saved now, comes first.
    const orig = (await l.get(rows[1]!.id))!;
    await l.save(makeArticle({ url: 'https://lain.example/laporan-kedua', title: orig.title, text: orig.paragraphs.join('\n\n'), published: orig.published }), [ent('LOC', 'Jakarta'), ent('PER', 'Heru Budi')], 9900);
    expect((await l.related(rows[1]!.id, 3))[0]?.id).toBe(articleId('https://lain.example/laporan-kedua'));
  });
});

describe('save', () => {
  it('updates on revisit instead of duplicating', async () => {
    const l = lib();
    const a = await l.save(putinKim, putinKimEntities, 1000);
    const b = await l.save({ ...putinKim, title: putinKim.title + ' (diperbarui)' }, putinKimEntities, 5000);
    expect(b.id).toBe(a.id);
    expect(a.id).toBe(l.articleId(putinKim.canonicalUrl));
    expect(await l.count()).toBe(1);
    expect(await l.db.articles.count()).toBe(1);
    expect(b).toMatchObject({ firstRead: 1000, lastRead: 5000, readCount: 2, title: putinKim.title + ' (diperbarui)' });
    expect((await l.getByUrl(putinKim.canonicalUrl))?.readCount).toBe(2);
    // The same visit (a multi-page article's parts joined, the page reloading itself) replaces the
    // text: not a new read, and the last read stays when it was.
    const joined = await l.save({ ...putinKim, paragraphs: [...putinKim.paragraphs, 'Halaman dua: Kim Yo Jong menerima mobil itu.'] }, putinKimEntities, 5001, { sameVisit: true });
    expect(joined).toMatchObject({ readCount: 2, lastRead: 5000 });
    expect((await l.getByUrl(putinKim.canonicalUrl))?.lastRead).toBe(5000);
    expect(joined.paragraphs.at(-1)).toMatch(/Halaman dua/);
    // Document frequencies count articles, not visits.
    expect(await entityDf(l, 'PER:vladimir-putin')).toBe(1);
    expect(await termDf(l, 'aurus')).toBe(1);
  });

  it('writes an entity row only for a new entity or a new surface form, and drops it with its last article', async () => {
    const l = lib();
    await l.save(putinKim, putinKimEntities);
    const puts: string[] = [];
    restore.push(onPut('entities', (row) => puts.push((row as { id: string }).id)));
    // Known entities, known surfaces: no entity row written.
    const b = await l.save(makeArticle({ url: 'https://x.example/b', title: 'Putin dan Kim', text: 'Vladimir Putin bertemu Kim Jong Un.' }), [ent('PER', 'Vladimir Putin'), ent('PER', 'Kim Jong Un')]);
    expect(puts).toEqual([]);
    // A new surface form of a known entity, and a new entity: those two rows only.
    await l.save(makeArticle({ url: 'https://x.example/c', title: 'Putin di Moskow', text: 'Putin berpidato di Moskow.' }), [ent('PER', 'Vladimir Putin', 1, ['Putin']), ent('LOC', 'Moskow')]);
    expect(puts.sort()).toEqual(['LOC:moskow', 'PER:vladimir-putin']);
    expect(await l.entity('PER:vladimir-putin')).toEqual({ id: 'PER:vladimir-putin', name: 'Vladimir Putin', type: 'PER', surface: ['Vladimir Putin', 'Putin'], forms: ['vladimir putin', 'putin'] });
    expect(await entityDf(l, 'PER:vladimir-putin')).toBe(3);
    // Rows go with the last article that names them; the counts say so without a row.
    expect(await entityDf(l, 'PER:kim-jong-un')).toBe(2);
    await l.delete(b.id);
    await l.delete(l.articleId(putinKim.canonicalUrl));
    expect(await l.entity('PER:kim-jong-un')).toBeUndefined();
    expect(await l.db.entities.get('PER:kim-jong-un')).toBeUndefined();
    expect(await entityDf(l, 'PER:vladimir-putin')).toBe(1);
    // A fresh context (no cached rows) agrees.
    const fresh = lib(l.db.name);
    expect((await fresh.entity('PER:vladimir-putin'))?.surface).toEqual(['Vladimir Putin', 'Putin']);
    expect(await entityDf(fresh, 'LOC:moskow')).toBe(1);
  });

  it('keeps counts exact across delete and clear', async () => {
    const l = lib();
    const a = await l.save(putinKim, putinKimEntities);
    await l.save(makeArticle({ url: 'https://x.example/2', title: 'Putin di Moskow', text: 'Vladimir Putin berpidato di Moskow.' }), [ent('PER', 'Vladimir Putin')]);
    expect(await entityDf(l, 'PER:vladimir-putin')).toBe(2);
    expect(await l.delete(a.id)).toBe(true);
    expect(await l.delete(a.id)).toBe(false);
    expect(await l.count()).toBe(1);
    expect(await entityDf(l, 'PER:vladimir-putin')).toBe(1);
    expect(await l.entity('PER:kim-jong-un')).toBeUndefined();
    expect(await l.db.bodies.get(a.id)).toBeUndefined();
    await l.clear();
    expect(await l.count()).toBe(0);
    expect(await termDf(l, 'aurus')).toBe(0);
    expect(await l.db.countlog.count()).toBe(0);
  });

  it('surfaces a quota failure as a clear error and writes nothing', async () => {
    const l = lib();
    const first = await l.save(putinKim, putinKimEntities, 1000);
    const full = onPut('bodies', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const other = makeArticle({ url: 'https://y.example/1', title: 'Harga cabai naik', text: 'Harga cabai rawit naik di Pasar Induk.' });
    const err = await l.save(other, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).code).toBe('quota');
    expect((err as Error).message).toMatch(/penuh/);
    // Revisit of a stored article fails the same way and leaves the old record whole.
    await expect(l.save(putinKim, putinKimEntities, 9000)).rejects.toMatchObject({ code: 'quota' });
    full();
    expect(await l.count()).toBe(1);
    expect(await l.get(l.articleId(other.canonicalUrl))).toBeUndefined();
    expect((await l.get(first.id))?.readCount).toBe(1);
    expect(await termDf(l, 'rawit')).toBe(0);
  });
});

describe('save transaction', () => {
  it('a write that fails after the transaction was told to commit still undoes all of it', async () => {
    const l = lib();
    await l.save(putinKim, putinKimEntities, 1000);
    const other = makeArticle({ url: 'https://y.example/2', title: 'Harga cabai naik', text: 'Harga cabai rawit naik di Pasar Induk.' });
    // A row already holds the new article's key and its put is made an add: it fails in
    // IndexedDB itself (ConstraintError), after the save's reads came back and it committed.
    // (Until v6 a foreign row holding the address broke the unique canonicalUrl index.)
    const id0 = l.articleId(other.canonicalUrl);
    await l.db.articles.put({ ...(await l.db.articles.get(l.articleId(putinKim.canonicalUrl)))!, id: id0, canonicalUrl: other.canonicalUrl });
    const proto = globalThis.IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      return this.name === 'articles' ? this.add(value, key) : put.call(this, value, key);
    };
    const before = { gen: (await l.db.sync.get('gen'))?.gen, log: await l.db.countlog.count(), meta: await l.db.meta.get('stats') };
    const err = await l.save(other, [ent('PER', 'Vladimir Putin'), ent('LOC', 'Pasar Induk')], 2000).catch((e: unknown) => e).finally(() => {
      proto.put = put;
    });
    expect((err as Error).name).toBe('ConstraintError');
    const id = l.articleId(other.canonicalUrl);
    expect(await l.db.feats.get(id)).toBeUndefined();
    expect(await l.db.bodies.get(id)).toBeUndefined();
    expect(await l.db.entities.get('LOC:pasar-induk')).toBeUndefined();
    expect({ gen: (await l.db.sync.get('gen'))?.gen, log: await l.db.countlog.count(), meta: await l.db.meta.get('stats') }).toEqual(before);
    expect(await termDf(l, 'rawit')).toBe(0);
    // Memory was not moved by the failed write: the next save is exact.
    await l.db.articles.delete(id0);
    await l.save(other, [ent('LOC', 'Pasar Induk')], 3000);
    expect(await termDf(l, 'rawit')).toBe(1);
    expect(await entityDf(l, 'LOC:pasar-induk')).toBe(1);
    expect(await l.count()).toBe(2);
  });
});

describe('list, timeline, search', () => {
  it('lists newest reads first, filters by site, finds by words and entity names', async () => {
    const l = lib();
    await l.save(putinKim, putinKimEntities, 3000);
    await l.save(makeArticle({ url: 'https://detik.example/a', site: 'detikNews', title: 'Banjir rendam Jakarta Utara', text: 'Banjir merendam ratusan rumah di Jakarta Utara.', published: '2024-01-10' }), [ent('LOC', 'Jakarta Utara')], 2000);
    await l.save(makeArticle({ url: 'https://detik.example/b', site: 'detikNews', title: 'Putin bertemu Xi Jinping', text: 'Vladimir Putin bertemu Xi Jinping di Beijing.', published: '2024-05-16' }), [ent('PER', 'Vladimir Putin'), ent('PER', 'Xi Jinping')], 1000);
    expect((await l.list()).map((a) => a.title)).toEqual(['Putin Kirim Mobil Aurus untuk Kim Jong Un', 'Banjir rendam Jakarta Utara', 'Putin bertemu Xi Jinping']);
    expect((await l.list({ site: 'detikNews', limit: 1, offset: 1 })).map((a) => a.title)).toEqual(['Putin bertemu Xi Jinping']);
    const tl = await l.entityTimeline('PER:vladimir-putin');
    expect(tl.map((a) => a.title)).toEqual(['Putin bertemu Xi Jinping', 'Putin Kirim Mobil Aurus untuk Kim Jong Un']);
    expect((await l.search('putin')).length).toBe(2);
    expect((await l.search('pertemuan putin')).map((h) => h.title)).toEqual(['Putin bertemu Xi Jinping']); // stemmed: temu
    expect((await l.search('putin', { site: 'detikNews' })).length).toBe(1);
    expect((await l.search('putin', { from: '2024-03-01' })).map((h) => h.title)).toEqual(['Putin bertemu Xi Jinping']);
    expect((await l.search('', { entityId: 'PER:kim-jong-un' })).length).toBe(1);
    expect(await l.search('tidakadakatainiwkwk')).toEqual([]);
  });

  it('finds an article by the name of an entity its text only alludes to', async () => {
    const l = lib();
    await l.save(makeArticle({ url: 'https://a.example/1', title: 'Presiden Rusia kirim hadiah ke Pyongyang', text: 'Presiden Rusia mengirim hadiah mobil ke Pyongyang.' }), [ent('PER', 'Vladimir Putin')]);
    expect((await l.search('Putin')).map((h) => h.title)).toEqual(['Presiden Rusia kirim hadiah ke Pyongyang']);
    expect((await l.search('Putin mobil')).length).toBe(1);
    expect(await l.search('Putin banjir')).toEqual([]);
  });
});
