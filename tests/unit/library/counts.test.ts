/**
 * The in-memory document frequencies (df-cache.ts) and the v2 -> v3 migration that gave them a
 * write generation: memory must always agree with the stored counts, also when another context
 * (the library page next to the background) writes to the same database.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { buildRows, dfTerms, GEN_KEY, SCHEMA_V2, STATS_KEY, type ArticleRow, type BodyRow, type FeatRow } from '../../../src/library/db';
import { readGen } from '../../../src/library/df-cache';
import { docEntities } from '../../../src/library/features';
import { articleId } from '../../../src/library/ids';
import { ent, freshName, makeArticle } from './helpers';

const open: Library[] = [];
function lib(name = freshName('sorot-counts')): Library {
  const l = openLibrary(name);
  open.push(l);
  return l;
}
afterEach(() => { while (open.length) open.pop()!.close(); });

/** The stored counts, as maps. */
async function stored(l: Library) {
  const vocab = new Map((await l.db.vocab.toArray()).map((v) => [v.t, v.df]));
  const entities = new Map((await l.db.entities.toArray()).map((e) => [e.id, e.articleCount]));
  return { terms: vocab, entities, articles: (await l.db.meta.get(STATS_KEY))?.articles ?? 0 };
}

async function memory(l: Library) {
  const gen = await l.db.transaction('r', l.db.sync, () => readGen(l.db));
  await l.counts.ensure(l.db, gen);
  return l.counts.current(gen);
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
    expect(l.counts.current(gen)).toEqual(await stored(l));
    await l.clear();
    expect(await memory(l)).toEqual({ terms: new Map(), entities: new Map(), articles: 0 });
    expect(await stored(l)).toEqual({ terms: new Map(), entities: new Map(), articles: 0 });
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

describe('schema v2 -> v3 migration', () => {
  it('upgrades a filled v2 database: records, counts and ranking unchanged, generation seeded', async () => {
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
      vocab: await v2.table('vocab').toArray(), entities: await v2.table('entities').toArray(), meta: await v2.table('meta').toArray(),
    };
    v2.close();

    const l = lib(name);
    expect(await l.count()).toBe(120);
    expect(l.db.verno).toBe(3);
    expect((await l.db.sync.get(GEN_KEY))?.gen).toBe(1);
    expect({
      articles: await l.db.articles.toArray(), feats: await l.db.feats.toArray(), bodies: await l.db.bodies.toArray(),
      vocab: await l.db.vocab.toArray(), entities: await l.db.entities.toArray(), meta: await l.db.meta.toArray(),
    }).toEqual(before);
    expect(await memory(l)).toEqual(await stored(l));
    expect((await l.search('banjir', {}, 5)).length).toBe(5);
    expect(await l.related(rows[1]!.id, 3)).toHaveLength(3);
    // And writes after the upgrade keep the counts exact.
    await l.save(article(500, 'banjir'), [ent('PER', 'Heru Budi')], 9000);
    expect((await l.entity('PER:heru-budi'))?.articleCount).toBe(121);
    expect(l.counts.current((await l.db.sync.get(GEN_KEY))!.gen)).toEqual(await stored(l));
  });
});
