/**
 * The in-memory document frequencies (df-cache.ts) and the v2 -> v3 migration that gave them a
 * write generation: memory must always agree with the stored counts, also when another context
 * (the library page next to the background) writes to the same database.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { buildRows, dfTerms, GEN_KEY, postOf, SCHEMA_V2, SCHEMA_V6, STATS_KEY, unpackCounts, unpackFeatures, type ArticleRow, type BodyRow, type FeatRow } from '../../../src/library/db';
import { readGen, type DfSnapshot } from '../../../src/library/df-cache';
import { KeyIndex, keyHash } from '../../../src/library/key-index';
import { docEntities } from '../../../src/library/features';
import { articleId } from '../../../src/library/ids';
import { ent, entityDf, freshName, makeArticle } from './helpers';

const open: Library[] = [];
function lib(name = freshName('sorot-counts'), opts?: { snapshotEvery?: number; snapshotIdleMs?: number }): Library {
  const l = openLibrary(name, opts);
  open.push(l);
  return l;
}
afterEach(() => { while (open.length) open.pop()!.close(); });

/** The truth the counts must equal: recounted from the stored articles, as maps. */
async function stored(l: Library) {
  const terms = new Map<string, number>();
  for (const f of await l.db.feats.toArray()) for (const t of dfTerms(unpackFeatures(f))) terms.set(t, (terms.get(t) ?? 0) + 1);
  const entities = new Map<string, number>();
  for (const a of await l.db.articles.toArray()) for (const e of new Set(a.entityIds)) entities.set(e, (entities.get(e) ?? 0) + 1);
  // Exactly the entities some article names have a row (v6 rows hold no count).
  expect(new Set((await l.db.entities.toArray()).map((e) => e.id))).toEqual(new Set(entities.keys()));
  // The key index holds every article's keys and time, as its row gives them.
  const keys = new Map((await l.db.articles.toArray()).map((r) => {
    const [id, time, k] = postOf(r);
    return [id, { time, hashes: [...new Set(k!.map(keyHash))].sort((a, b) => a - b) }] as const;
  }));
  return { terms, entities, articles: await l.db.articles.count(), keys };
}

/** Counts and key index held in memory, comparable with stored(). */
function plain(s: DfSnapshot | null) {
  return s && { terms: s.terms, entities: s.entities, articles: s.articles, keys: s.index.entries() };
}

/** The context's counts brought to the stored generation, as every query and write does. */
async function memory(l: Library) {
  await l.counts.ready(l.db);
  return plain(await l.db.transaction('r', [l.db.counts, l.db.countlog, l.db.sync], async () => l.counts.catchUp(l.db, await readGen(l.db))));
}

const article = (i: number, topic: string, site = 'Kompas.com') => makeArticle({
  url: `https://k.example/${i}`, site, title: `${topic} melanda kota nomor ${i}`, published: `2024-03-${String((i % 27) + 1).padStart(2, '0')}`,
  text: `Warga kota menghadapi ${topic} sejak pagi.\nPetugas ${topic} dikerahkan, kata Heru Budi nomor ${i}.`,
});

describe('in-memory counts', () => {
  it('match the stored counts through saves, revisits, deletes and clear', async () => {
    const l = lib();
    for (let i = 0; i < 12; i++) await l.save(article(i, ['banjir', 'gempa', 'kebakaran'][i % 3]!), [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 4}`)], 1000 + i);
    expect(await memory(l)).toEqual(await stored(l));
    // Memory is now current: these writes go through the memory path and must stay exact.
    await l.save(article(3, 'longsor'), [ent('PER', 'Heru Budi')], 5000); // revisit, other words
    await l.save(article(40, 'banjir'), [ent('LOC', 'Kota 9')], 5001);
    await l.delete(l.articleId('https://k.example/5'));
    const gen = await l.db.transaction('r', l.db.sync, () => readGen(l.db));
    expect(l.counts.current(gen)).not.toBeNull();
    expect(plain(l.counts.current(gen))).toEqual(await stored(l));
    await l.clear();
    expect(await memory(l)).toEqual({ terms: new Map(), entities: new Map(), articles: 0, keys: new Map() });
    expect(await stored(l)).toEqual({ terms: new Map(), entities: new Map(), articles: 0, keys: new Map() });
  });

  it('are not trusted after another context wrote, and the stored counts stay exact', async () => {
    const name = freshName('sorot-two');
    const bg = lib(name);
    const page = lib(name);
    for (let i = 0; i < 6; i++) await bg.save(article(i, 'banjir'), [ent('PER', 'Heru Budi')], 1000 + i);
    await memory(bg);
    await memory(page);
    // The page deletes and the background saves right after, with memory loaded before the delete.
    await page.delete(page.articleId('https://k.example/2'));
    await bg.save(article(7, 'banjir'), [ent('PER', 'Heru Budi')], 2000);
    const truth = await stored(bg);
    expect(truth.articles).toBe(6);
    expect(truth.entities.get('PER:heru-budi')).toBe(6);
    expect(await memory(bg)).toEqual(truth);
    expect(await memory(page)).toEqual(truth);
    // related() in a context with stale memory answers from the stored rows (as a fresh context
    // does) and reloads.
    await page.save(article(8, 'gempa'), [ent('PER', 'Heru Budi'), ent('LOC', 'Cianjur')], 3000);
    await page.save(article(9, 'gempa'), [ent('LOC', 'Cianjur')], 3001);
    const target = bg.articleId('https://k.example/8');
    const stale = await bg.related(target, 3);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale).toEqual(await lib(name).related(target, 3));
    expect(await memory(bg)).toEqual(await stored(bg));
    expect(await bg.related(target, 3)).toEqual(stale);
  });
});

describe('saving from memory (direct transaction)', () => {
  it('a save from current memory goes through no Dexie transaction; with memory behind, its own is undone and the save goes the checked way', async () => {
    const name = freshName('sorot-direct');
    const bg = lib(name);
    const page = lib(name);
    for (let i = 0; i < 3; i++) await bg.save(article(i, 'banjir'), [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i}`)], 1000 + i);
    await memory(bg);
    // Transactions through Dexie: the checked way (saveChecked), and what reads and loads use.
    const dexie = vi.spyOn(bg.db, 'transaction');
    const checked = () => dexie.mock.calls.filter((c) => c[0] === 'rw').length;
    try {
      // A new article and a revisit: neither goes through Dexie.
      await bg.save(article(10, 'gempa'), [ent('PER', 'Heru Budi', 1, ['Heru']), ent('LOC', 'Cianjur')], 2000);
      await bg.save(article(1, 'longsor'), [ent('LOC', 'Kota 1')], 2001);
      expect(checked()).toBe(0);
      expect(await memory(bg)).toEqual(await stored(bg));
      // Another context writes: the background's memory is a write behind. Its direct
      // transaction finds out from the generation, is aborted, and the save goes the checked way.
      await page.save(article(11, 'banjir'), [ent('PER', 'Heru Budi')], 2002);
      await bg.save(article(12, 'gempa'), [ent('PER', 'Heru Budi'), ent('LOC', 'Cianjur')], 2003);
      expect(checked()).toBe(1);
      await bg.save(article(2, 'gempa'), [ent('PER', 'Heru Budi')], 2004); // a revisit, memory current again
      expect(checked()).toBe(1);
    } finally {
      dexie.mockRestore();
    }
    const truth = await stored(bg);
    expect(truth.articles).toBe(6);
    expect(truth.entities.get('PER:heru-budi')).toBe(5);
    expect(await memory(bg)).toEqual(truth);
    expect(await memory(page)).toEqual(truth);
    expect((await bg.entity('PER:heru-budi'))?.surface).toEqual(['Heru Budi', 'Heru']);
    expect((await bg.get(bg.articleId('https://k.example/1')))?.readCount).toBe(2);
  });
});

describe('stored snapshot and change log (v4)', () => {
  const gen = (l: Library) => l.db.transaction('r', l.db.sync, () => readGen(l.db));
  const topics = ['banjir', 'gempa', 'kebakaran'];

  it('a context that wakes up loads its counts from the snapshot and the log, not the tables', async () => {
    const name = freshName('sorot-snap');
    const bg = lib(name, { snapshotEvery: 4 });
    for (let i = 0; i < 3; i++) await bg.save(article(i, topics[i % 3]!), [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 4}`)], 1000 + i);
    await memory(bg);
    await bg.counts.scheduleSnapshot(bg.db);
    expect((await bg.db.counts.toArray()).map((r) => r.gen)).toEqual([await gen(bg)]);
    // Writes after it: logged; every 4th writes a new snapshot and drops the log before it.
    for (let i = 3; i < 14; i++) {
      await bg.save(article(i, topics[i % 3]!), [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 4}`)], 1000 + i);
      await bg.counts.scheduleSnapshot(bg.db).catch(() => {});
    }
    await bg.delete(bg.articleId('https://k.example/4'));
    const snapGen = (await bg.db.counts.toArray())[0]!.gen;
    const log = await bg.db.countlog.toArray();
    expect(log.every((r) => r.gen > snapGen)).toBe(true);
    expect(log.length).toBe((await gen(bg)) - snapGen);
    expect(log.length).toBeLessThan(5);

    const woke = lib(name);
    const target = woke.articleId('https://k.example/7');
    const related = await woke.related(target, 3);
    expect(woke.counts.lastLoadFrom).toBe('snapshot');
    expect(plain(woke.counts.current(await gen(woke)))).toEqual(await stored(woke));
    expect(related).toEqual(await bg.related(target, 3));
  });

  it('a due snapshot is written once the writes pause, not inside the write that made it due', async () => {
    const name = freshName('sorot-idle');
    const bg = lib(name, { snapshotEvery: 3, snapshotIdleMs: 40 });
    await bg.save(article(0, 'banjir'), [ent('PER', 'Heru Budi')], 1000);
    await memory(bg);
    await bg.counts.scheduleSnapshot(bg.db);
    const first = (await bg.db.counts.toArray())[0]!.gen;
    // Three saves in a row: due after the third, but none of them writes it.
    for (let i = 1; i < 4; i++) await bg.save(article(i, topics[i % 3]!), [ent('PER', 'Heru Budi')], 1000 + i);
    expect((await bg.db.counts.toArray())[0]!.gen).toBe(first);
    expect(await bg.db.countlog.count()).toBe(3);
    // Once they pause it is written, and the log it covers is dropped.
    await new Promise((r) => setTimeout(r, 150));
    expect((await bg.db.counts.toArray())[0]!.gen).toBe(await gen(bg));
    expect(await bg.db.countlog.count()).toBe(0);
    const woke = lib(name);
    expect(await memory(woke)).toEqual(await stored(woke));
    expect(woke.counts.lastLoadFrom).toBe('snapshot');
  });

  it('a context a few writes behind catches up from the log; a gap in the log is repaired by a recount', async () => {
    const name = freshName('sorot-log');
    const bg = lib(name);
    const page = lib(name);
    for (let i = 0; i < 5; i++) await bg.save(article(i, 'banjir'), [ent('PER', 'Heru Budi')], 1000 + i);
    await memory(bg);
    await memory(page);
    expect(page.counts.lastLoadFrom).toBe('snapshot');
    page.counts.lastLoadFrom = null;
    await bg.save(article(9, 'gempa'), [ent('LOC', 'Cianjur')], 2000);
    await bg.delete(bg.articleId('https://k.example/1'));
    // The page's search follows the two writes from the log: no reload.
    expect((await page.search('gempa', {}, 5)).map((h) => h.url)).toEqual(['https://k.example/9']);
    expect(page.counts.lastLoadFrom).toBeNull();
    expect(plain(page.counts.current(await gen(page)))).toEqual(await stored(page));
    // A write that left no log row (a bulk load): the log cannot bridge it, so the counts are
    // recounted from the articles, stay exact, and are stored as a new snapshot.
    await bg.db.transaction('rw', bg.db.sync, bg.db.meta, async () => {
      await bg.db.sync.put({ k: GEN_KEY, gen: (await readGen(bg.db)) + 1 });
    });
    const fresh = lib(name);
    expect(await fresh.related(fresh.articleId('https://k.example/2'), 3)).toEqual(await bg.related(bg.articleId('https://k.example/2'), 3));
    expect(await memory(fresh)).toEqual(await stored(fresh));
    expect(fresh.counts.lastLoadFrom).toBe('recount');
    expect((await fresh.db.counts.toArray()).map((r) => r.gen)).toEqual([await gen(fresh)]);
    const again = lib(name);
    expect(await memory(again)).toEqual(await stored(again));
    expect(again.counts.lastLoadFrom).toBe('snapshot');
  });

  it('a write whose memory is behind a compacted log reloads and saves exactly (its transaction does not cover the snapshot)', async () => {
    const name = freshName('sorot-compacted');
    const page = lib(name);
    const bg = lib(name, { snapshotEvery: 2 });
    await page.save(article(0, 'banjir'), [ent('PER', 'Heru Budi')], 1000);
    // The background writes enough for two snapshots: the log the page would need is dropped.
    for (let i = 1; i < 7; i++) await bg.save(article(i, 'gempa'), [ent('PER', 'Heru Budi'), ent('LOC', 'Cianjur')], 1000 + i);
    await bg.counts.scheduleSnapshot(bg.db);
    page.counts.lastLoadFrom = null;
    await page.save(article(8, 'banjir'), [ent('PER', 'Heru Budi')], 3000);
    expect(page.counts.lastLoadFrom).toBe('snapshot');
    const truth = await stored(page);
    expect(truth.entities.get('PER:heru-budi')).toBe(8);
    expect(await memory(page)).toEqual(truth);
    expect(await memory(bg)).toEqual(truth);
  });
});

describe('schema v2 -> v3 -> v4 -> v5 -> v6 migration', () => {
  it('upgrades a filled v2 database: records, counts and ranking unchanged, generation seeded, counts packed', async () => {
    const name = freshName('sorot-v2');
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const rows: ArticleRow[] = [];
    const feats: FeatRow[] = [];
    const bodies: BodyRow[] = [];
    const df = new Map<string, number>();
    const edf = new Map<string, number>();
    for (let i = 0; i < 120; i++) {
      const a = article(i, ['banjir', 'gempa', 'pemilu', 'harga beras'][i % 4]!, i % 2 ? 'detikNews' : 'Kompas.com');
      const ents = docEntities([ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 5}`)]);
      const id = articleId(a.canonicalUrl);
      const b = buildRows({ id, canonicalUrl: a.canonicalUrl, url: a.url, title: a.title, site: a.site, host: a.host, published: a.published, byline: null, lang: 'id', excerpt: a.excerpt, image: null, wordCount: a.wordCount, firstRead: 1000 + i, lastRead: 2000 + i, readCount: 1 }, a.paragraphs, ents);
      rows.push(b.row);
      feats.push(b.feat);
      bodies.push({ id, paragraphs: a.paragraphs, contentHtml: a.contentHtml });
      for (const t of dfTerms(b.terms)) df.set(t, (df.get(t) ?? 0) + 1);
      for (const e of b.row.entityIds) edf.set(e, (edf.get(e) ?? 0) + 1);
    }
    await v2.table('articles').bulkPut(rows);
    await v2.table('feats').bulkPut(feats);
    await v2.table('bodies').bulkPut(bodies);
    await v2.table('vocab').bulkPut([...df].map(([t, n]) => ({ t, df: n })));
    await v2.table('entities').bulkPut([...edf].map(([id, n]) => ({ id, name: id, type: id.split(':')[0], surface: [id], articleCount: n, lastSeen: 1 })));
    await v2.table('meta').put({ k: STATS_KEY, articles: rows.length });
    const before = {
      articles: await v2.table('articles').toArray(), feats: await v2.table('feats').toArray(), bodies: await v2.table('bodies').toArray(),
      // v6 keeps only what describes an entity in its row, and its forms.
      entities: (await v2.table('entities').toArray()).map(({ articleCount: _n, lastSeen: _t, ...e }) => ({ ...e, forms: [e.id.toLowerCase()] })), meta: await v2.table('meta').toArray(),
    };
    v2.close();

    const l = lib(name);
    expect(await l.count()).toBe(120);
    expect(l.db.verno).toBe(7);
    expect((await l.db.sync.get(GEN_KEY))?.gen).toBe(1);
    expect({
      articles: await l.db.articles.toArray(), feats: await l.db.feats.toArray(), bodies: await l.db.bodies.toArray(),
      entities: await l.db.entities.toArray(), meta: await l.db.meta.toArray(),
    }).toEqual(before);
    // v4 packed the v2 vocabulary into the first snapshot and dropped the table.
    expect(l.db.tables.map((t) => t.name)).not.toContain('vocab');
    const snap = await l.db.counts.toArray();
    expect(snap.map((r) => r.gen)).toEqual([1]);
    expect(unpackCounts(snap[0]!)).toEqual({ terms: df, entities: edf, articles: 120 });
    // v5 built the key index from the rows into the same snapshot.
    const base = await l.db.keybase.get('keybase');
    expect(base?.version).toBe(snap[0]!.keys!.base);
    expect(KeyIndex.unpack(base!, snap[0]!.keys!.posts).size).toBe(120);
    expect(await memory(l)).toEqual(await stored(l));
    expect(l.counts.lastLoadFrom).toBe('snapshot');
    expect((await l.search('banjir', {}, 5)).length).toBe(5);
    // And writes after the upgrade keep the counts exact.
    await l.save(article(500, 'banjir'), [ent('PER', 'Heru Budi')], 9000);
    expect(await entityDf(l, 'PER:heru-budi')).toBe(121);
    expect(plain(l.counts.current((await l.db.sync.get(GEN_KEY))!.gen))).toEqual(await stored(l));
    // Ranking works on migrated rows: a second report of one migrated story, saved now, comes first.
    const orig = (await l.get(rows[1]!.id))!;
    await l.save(makeArticle({ url: 'https://lain.example/laporan-kedua', title: orig.title, text: orig.paragraphs.join('\n\n'), published: orig.published }), [ent('PER', 'Heru Budi'), ent('LOC', 'Kota 1')], 9900);
    expect((await l.related(rows[1]!.id, 3))[0]?.id).toBe(articleId('https://lain.example/laporan-kedua'));
  });
});

describe('surface forms a save logs instead of reading the entity row (v7)', () => {
  const jokowi = (surface: string[]) => ent('PER', 'Joko Widodo', 1, surface);
  const id = 'PER:joko-widodo';
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('a save reads no entity row; the new form is logged, shown by its own context and the export at once, and merged into the row once writes pause', async () => {
    const name = freshName('sorot-seen');
    const page = lib(name);
    const bg = lib(name, { snapshotIdleMs: 30 });
    await page.save(article(1, 'banjir'), [jokowi(['Joko Widodo'])], 1000);
    await bg.warm();
    // bg holds no row of this entity: its save reads none (only the generation), and logs the form.
    const reads: string[] = [];
    const proto = globalThis.IDBObjectStore.prototype;
    const get = proto.get;
    proto.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      reads.push(this.name);
      return get.call(this, key);
    };
    try {
      await bg.save(article(2, 'gempa'), [jokowi(['Jokowi', 'Joko Widodo'])], 2000);
    } finally {
      proto.get = get;
    }
    expect(reads).toEqual(['sync']);
    const gen = (await bg.db.sync.get(GEN_KEY))!.gen;
    expect((await bg.db.countlog.get(gen))?.seen).toEqual([[id, 'Joko Widodo', 'PER', ['Jokowi', 'Joko Widodo']]]);
    expect((await bg.db.entities.get(id))?.surface).toEqual(['Joko Widodo']);
    // Logged once: the next save showing no form beyond those logs nothing more.
    await bg.save(article(4, 'gempa'), [jokowi(['Jokowi'])], 2500);
    expect((await bg.db.countlog.get(gen + 1))?.seen).toBeUndefined();
    // Before the merge: the saving context shows the form, and an export from any context has it.
    expect((await bg.entity(id))?.surface).toEqual(['Joko Widodo', 'Jokowi']);
    const file = JSON.parse(await page.exportJson()) as { entities: { id: string; surface: string[] }[] };
    expect(file.entities.find((e) => e.id === id)?.surface).toEqual(['Joko Widodo', 'Jokowi']);
    // Writes paused: merged into the row (the first name seen stays), found by the new form.
    await vi.waitFor(async () => expect((await bg.db.entities.get(id))?.surface).toEqual(['Joko Widodo', 'Jokowi']), { timeout: 2000, interval: 20 });
    expect((await page.findEntities('jokowi')).map((e) => e.id)).toEqual([id]);
    expect((await page.entity(id))?.forms).toEqual(['joko widodo', 'jokowi']);
    // The merge was a write like any other: the page catches up, its counts stay exact.
    await page.save(article(3, 'banjir'), [jokowi(['Pak Jokowi'])], 3000);
    expect(await memory(page)).toEqual(await stored(page));
    // bg's next save (its memory behind the page's write: the checked way, which reads the row) merges its form at once; no form is lost.
    await bg.save(article(5, 'gempa'), [jokowi(['Presiden Jokowi'])], 4000);
    const g = (await bg.db.sync.get(GEN_KEY))!.gen;
    expect((await bg.db.countlog.get(g))?.seen).toBeUndefined();
    expect((await bg.db.entities.get(id))?.surface).toEqual(['Joko Widodo', 'Jokowi', 'Pak Jokowi', 'Presiden Jokowi']);
    expect(await memory(bg)).toEqual(await stored(bg));
  });

  it('a context that ends before merging leaves the form in the log; the next one merges it before folding the log', async () => {
    const name = freshName('sorot-seen-lost');
    const page = lib(name);
    await page.save(article(1, 'banjir'), [jokowi(['Joko Widodo'])], 1000);
    const bg = lib(name, { snapshotIdleMs: 60_000 });
    await bg.save(article(2, 'gempa'), [jokowi(['Jokowi'])], 2000);
    bg.close(); // the worker stops before writes pause
    open.splice(open.indexOf(bg), 1);
    expect((await page.db.entities.get(id))?.surface).toEqual(['Joko Widodo']);
    // A new context loads snapshot + log (collecting the logged forms); its snapshot merges first.
    const next = lib(name);
    await next.counts.ready(next.db);
    await next.counts.scheduleSnapshot(next.db);
    expect((await next.db.entities.get(id))?.surface).toEqual(['Joko Widodo', 'Jokowi']);
    expect(await next.db.countlog.count()).toBe(0);
    expect(await memory(next)).toEqual(await stored(next));
    await wait(0);
  });
});

describe('schema v6 -> v7 migration', () => {
  it('drops the unique canonicalUrl index and keeps every record', async () => {
    const name = freshName('sorot-v6');
    const l6 = lib(name);
    for (let i = 0; i < 30; i++) await l6.save(article(i, ['banjir', 'gempa'][i % 2]!), [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 3}`)], 1000 + i);
    await l6.counts.scheduleSnapshot(l6.db);
    const tables = ['articles', 'feats', 'bodies', 'entities', 'meta', 'sync', 'counts', 'countlog', 'keybase'] as const;
    const dump = async (l: Library) => Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await l.db.table(t).toArray()] as const)));
    const before = await dump(l6);
    l6.close();
    open.splice(open.indexOf(l6), 1);
    // The same records in a v6 database (its schema, with the unique index).
    const name6 = freshName('sorot-v6b');
    const d6 = new Dexie(name6);
    d6.version(6).stores(SCHEMA_V6);
    await d6.open();
    expect(d6.table('articles').schema.idxByName.canonicalUrl?.unique).toBe(true);
    for (const t of tables) await d6.table(t).bulkPut(before[t] as object[]);
    d6.close();
    const l7 = lib(name6);
    expect(await l7.count()).toBe(30);
    expect(l7.db.verno).toBe(7);
    expect(l7.db.articles.schema.idxByName.canonicalUrl).toBeUndefined();
    expect(await dump(l7)).toEqual(before);
    expect(await memory(l7)).toEqual(await stored(l7));
    expect(l7.counts.lastLoadFrom).toBe('snapshot');
    // Saves, revisits and lookups by URL work without the index.
    await l7.save(article(3, 'banjir'), [ent('PER', 'Heru Budi')], 5000);
    expect((await l7.getByUrl(article(3, 'banjir').canonicalUrl))?.readCount).toBe(2);
    expect(await memory(l7)).toEqual(await stored(l7));
  });
});
