/**
 * IndexedDB schema (Dexie) with its history. Every version ever shipped stays declared here so
 * Dexie can upgrade any old database step by step; never edit a shipped version, add one.
 *
 * v1: one `articles` table holding everything, plus `entities`.
 * v2: each article is split in three rows, by who reads them: `articles` (metadata and the
 *     index arrays: what lists, timelines and search walk), `feats` (the ranking features packed
 *     in one string: a related query reads ~60 of them, and one string deserialises far faster
 *     than a few hundred small values) and `bodies` (paragraphs + HTML, read only when opening
 *     an article). Adds a `keys` multiEntry index for candidates and search, `vocab` (document
 *     frequency of each term) and `meta` (article count) so rarity needs no table scan.
 * v3: adds `sync`, one row holding the write generation: every write transaction bumps it, so a
 *     context can tell whether the counts it holds in memory (df-cache.ts) are still the stored
 *     ones without reading them. The upgrade seeds the row; no other data changes shape.
 * v4: replaces `vocab` (a row per term, ~100 rows rewritten by every save) with `counts` (one
 *     packed snapshot of every document frequency, at a generation) and `countlog` (what each
 *     write since then set, by generation). A context that wakes up (the service worker, every few
 *     minutes) loads its counts from one row plus a short log instead of ~100k rows, and a save
 *     writes one log row instead of a hundred vocab rows (df-cache.ts). The upgrade packs the
 *     vocab, entity and article counts into the first snapshot. Drops the indexes no query reads
 *     (articles.site; entities.type, lastSeen, articleCount).
 * v5: candidates come from memory (key-index.ts): every article's index keys, packed in one
 *     `keybase` row (rewritten every few thousand writes), the changes since in the snapshot, and
 *     in each log row the keys its write set. The `keys` and `ekeys` multiEntry
 *     indexes (~40 entries written per save) are dropped; rows keep the arrays (search checks
 *     them). The upgrade builds the key index from the rows and folds the log into the snapshot.
 * v6: entity rows keep only what describes the entity (name, type, surfaces) and its forms
 *     (name and surfaces lower-cased, a multiEntry index: the library page finds an entity by a
 *     short form). Their article count was a second copy of the counts (snapshot + log) and, with
 *     `lastSeen`, changed on every save, so each save rewrote the rows of all ~7 entities it
 *     named; now a save writes an entity row only when the entity is new or shows a new form.
 * v7: drops the unique `canonicalUrl` index. No query reads it (an article's id is a hash of its
 *     canonical URL, so the primary key already makes URLs unique), and a unique index costs each
 *     save a lookup of the new URL through every level of LevelDB besides its own entry: such
 *     reads of old keys are what sets off LevelDB's seek compactions (20 MB rewritten each) in a
 *     run of saves. No record changes. From v7 a save reads no stored row at all: the surface
 *     forms a save sees for an entity whose row its context has not read go in its log row
 *     (`seen`) and are merged into the entity row once writes pause (index.ts, flushSeen).
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { EntityType } from '../types';
import { buildFeatures, indexKeys, type DocEntity, type DocFeatures } from './features';
import { entityKey, KeyIndex, type KeyBase, type Post, type StoredKeys } from './key-index';

/** v1 row, kept for the migration and its test. */
export interface ArticleRowV1 {
  id: string;
  canonicalUrl: string;
  url: string;
  title: string;
  site: string;
  host: string;
  published: string | null;
  byline: string | null;
  lang: string | null;
  excerpt: string | null;
  image: string | null;
  wordCount: number;
  paragraphs: string[];
  contentHtml: string;
  entityIds: string[];
  firstRead: number;
  lastRead: number;
  readCount: number;
}

/** v2 slim row: metadata + ranking features. */
export interface ArticleRow {
  id: string;
  canonicalUrl: string;
  url: string;
  title: string;
  site: string;
  host: string;
  published: string | null;
  /** From `published`, else from the article's dateline (dates.ts): date search and ranking. */
  publishedTs: number | null;
  byline: string | null;
  /** Article.source, when the page named one. */
  source?: string;
  lang: string | null;
  excerpt: string | null;
  image: string | null;
  wordCount: number;
  entityIds: string[];
  /** Names travel with the row so lists can show entity chips without another read. */
  entities: DocEntity[];
  /** Index keys (see timeKey): terms + title terms + entity-name words, newest article first. */
  keys: string[];
  /** Index keys (see timeKey) of entityIds, newest article first. */
  ekeys: string[];
  firstRead: number;
  lastRead: number;
  readCount: number;
}

/** Ranking features of one article, packed (see packFeatures). */
export interface FeatRow {
  id: string;
  f: string;
}

/** The term vector part of the features, kept in `feats` and in export files. */
export interface TermFields {
  terms: string[];
  weights: number[];
  forms: string[];
  titleTerms: string[];
}

export interface BodyRow {
  id: string;
  paragraphs: string[];
  contentHtml: string;
}

export interface EntityRow {
  id: string;
  name: string;
  type: EntityType;
  /** Surface forms seen across articles (capped). */
  surface: string[];
  /** v6: name and surfaces lower-cased, indexed: the library finds "Korut" or "jokowi" by them. */
  forms: string[];
}

/** v1-v5 entity row: no forms; the article count (document frequency) and last save time. */
export interface EntityRowV5 extends Omit<EntityRow, 'forms'> {
  articleCount: number;
  lastSeen: number;
}

/** An entity row with its indexed forms. */
export function entityRow(e: Pick<EntityRow, 'id' | 'name' | 'type' | 'surface'>): EntityRow {
  return { id: e.id, name: e.name, type: e.type, surface: e.surface, forms: [...new Set([e.name, ...e.surface].map((f) => f.toLowerCase()))] };
}

export interface VocabRow {
  t: string;
  df: number;
}

export interface MetaRow {
  k: string;
  articles: number;
}

/**
 * Every document frequency at generation `gen`, packed: keys joined by NUL (no term or entity id
 * holds one), values in typed arrays. One row of ~2 MB at 100k articles reads in milliseconds.
 */
export interface CountsSnapshotRow {
  k: string;
  gen: number;
  terms: string;
  termDf: Uint32Array;
  entities: string;
  entityDf: Uint32Array;
  articles: number;
  /** v5: the key index's base (in `keybase`) and the changes since (absent in v4 snapshots). */
  keys?: StoredKeys;
}

/** What the write that set generation `gen` stored (absolute values, not differences). */
export interface CountLogRow {
  gen: number;
  terms: [string, number][];
  entities: [string, number][];
  articles: number | null;
  /** v5: the index keys of each article the write stored or removed. */
  posts?: Post[];
  /**
   * v7: entities the write described whose row it did not read: their surface forms, to be
   * merged into the entity row once writes pause. A log row is dropped (folded into a snapshot)
   * only by a context that has merged them.
   */
  seen?: SeenEntity[];
}

/** An entity as one article described it: id, name, type, surface forms. */
export type SeenEntity = [id: string, name: string, type: EntityType, surface: string[]];

/** The write generation (see df-cache.ts). */
export interface SyncRow {
  k: string;
  gen: number;
}

export const SCHEMA_V1 = {
  articles: 'id, &canonicalUrl, site, lastRead, *entityIds',
  entities: 'id, type, lastSeen',
};

export const SCHEMA_V2 = {
  articles: 'id, &canonicalUrl, site, lastRead, publishedTs, *ekeys, *keys, [site+lastRead]',
  feats: 'id',
  bodies: 'id',
  entities: 'id, type, lastSeen, articleCount',
  vocab: 't',
  meta: 'k',
};

export const SCHEMA_V3 = { ...SCHEMA_V2, sync: 'k' };

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  // Indexes no query reads are dropped: each costs writes on every save (an entity row's
  // articleCount index entry moved for each of the ~7 entities an article names).
  articles: 'id, &canonicalUrl, lastRead, publishedTs, *ekeys, *keys, [site+lastRead]',
  entities: 'id',
  vocab: null,
  counts: 'k',
  countlog: 'gen',
};

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  articles: 'id, &canonicalUrl, lastRead, publishedTs, [site+lastRead]',
  keybase: 'k',
};

/** v6: entity rows lose their counts and gain their forms, indexed. */
export const SCHEMA_V6 = { ...SCHEMA_V5, entities: 'id, *forms' };

/** v7: no unique canonicalUrl index (the id is a hash of it). */
export const SCHEMA_V7 = { ...SCHEMA_V6, articles: 'id, lastRead, publishedTs, [site+lastRead]' };

/** The key index's base, as stored (one row). */
export interface KeyBaseRow extends KeyBase {
  k: string;
}

export const KEYBASE_KEY = 'keybase';

export const STATS_KEY = 'stats';
export const GEN_KEY = 'gen';
export const SNAPSHOT_KEY = 'snapshot';

export class LibraryDb extends Dexie {
  articles!: Table<ArticleRow, string>;
  feats!: Table<FeatRow, string>;
  bodies!: Table<BodyRow, string>;
  entities!: Table<EntityRow, string>;
  meta!: Table<MetaRow, string>;
  sync!: Table<SyncRow, string>;
  counts!: Table<CountsSnapshotRow, string>;
  countlog!: Table<CountLogRow, number>;
  keybase!: Table<KeyBaseRow, string>;

  constructor(name: string) {
    // Relaxed durability (Chromium's default today, stated so it stays): a commit does not wait
    // for the disk to flush; a power cut may lose the last reads, never half a record. No liveQuery
    // is used, so Dexie's transaction cache is off.
    super(name, { chromeTransactionDurability: 'relaxed', cache: 'disabled' });
    // Dexie's change tracking for liveQuery: on every write it works out which keys and index
    // ranges changed and, on commit, posts them to every other page of the extension over a
    // BroadcastChannel. Nothing here subscribes (contexts learn of writes from the generation,
    // df-cache.ts, and the UI from the background's messages), so it is CPU spent in every save
    // for nobody; the query cache it feeds is off already.
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeV2toV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeV3toV4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeV4toV5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeV5toV6);
    // Dropping an index changes no record: no upgrade function.
    this.version(7).stores(SCHEMA_V7);
    // A new database starts with the empty library's counts, so nothing needs recounting.
    this.on('populate', (tx) => {
      const { row, base } = snapshotRows({ terms: new Map(), entities: new Map(), articles: 0 }, 0, KeyIndex.empty());
      void tx.table('counts').put(row);
      if (base) void tx.table('keybase').put(base);
    });
  }
}

/** The terms whose document frequency `vocab` counts (same set as statsOf in similarity.ts). */
export function dfTerms(t: Pick<TermFields, 'terms' | 'titleTerms'>): string[] {
  return [...new Set([...t.terms, ...t.titleTerms])];
}

/** Everything an article row carries besides what is derived from its text and entities. */
export type RowBase = Omit<ArticleRow, 'publishedTs' | 'entities' | 'entityIds' | 'keys' | 'ekeys'>;

/**
 * Row keys carry the article's time: "term" + SEP + (MAX - time) in fixed-width base 36. Up to v4
 * they were multiEntry index keys, so one key range listed a term's articles newest first; since
 * v5 the key index in memory does that (key-index.ts) and rows keep the arrays in this form.
 */
const SEP = '\u0001';
const TIME_WIDTH = 9;
const MAX_TIME = 36 ** TIME_WIDTH - 1;

export function timeKey(key: string, time: number): string {
  const inv = Math.max(0, Math.min(MAX_TIME, MAX_TIME - Math.floor(time)));
  return key + SEP + inv.toString(36).padStart(TIME_WIDTH, '0');
}

/** The plain key of a time key. */
export function plainKey(timed: string): string {
  const i = timed.indexOf(SEP);
  return i < 0 ? timed : timed.slice(0, i);
}

/** The time an article sorts by: when it was published, else when it was first read. */
export function articleTime(row: Pick<ArticleRow, 'publishedTs' | 'firstRead'>): number {
  return row.publishedTs ?? row.firstRead;
}

/** An article's keys for the in-memory key index: its index keys and its entity ids. */
export function postOf(row: Pick<ArticleRow, 'id' | 'keys' | 'entityIds' | 'publishedTs' | 'firstRead'>): Post {
  return [row.id, articleTime(row), [...row.keys.map(plainKey), ...row.entityIds.map(entityKey)]];
}

/** Recompute the time keys of a row (after its dates changed, e.g. on revisit). */
export function retime(row: ArticleRow): ArticleRow {
  const t = articleTime(row);
  return { ...row, keys: row.keys.map((k) => timeKey(plainKey(k), t)), ekeys: row.entityIds.map((e) => timeKey(e, t)) };
}

/** Build the v2 rows for an article; shared by save, the migration and the bench. */
export function buildRows(base: RowBase, paragraphs: string[], entities: DocEntity[]): { row: ArticleRow; feat: FeatRow; terms: TermFields } {
  const f = buildFeatures({ id: base.id, site: base.site, title: base.title, published: base.published, paragraphs }, entities);
  const publishedTs = f.publishedTs;
  const time = articleTime({ publishedTs, firstRead: base.firstRead });
  const entityIds = f.entities.map((e) => e.id);
  const row: ArticleRow = {
    ...base,
    publishedTs,
    entityIds,
    entities: f.entities,
    keys: indexKeys(f).map((k) => timeKey(k, time)),
    ekeys: entityIds.map((e) => timeKey(e, time)),
  };
  const terms = { terms: f.terms, weights: f.weights, forms: f.forms, titleTerms: f.titleTerms };
  return { row, feat: { id: base.id, f: packFeatures(row, terms) }, terms };
}

/**
 * One JSON string per article with what ranking and a RelatedView need. Positional on purpose:
 * it is read for every candidate of every related query, so it is kept small.
 */
export function packFeatures(row: Pick<ArticleRow, 'site' | 'title' | 'url' | 'published' | 'publishedTs' | 'entities'>, t: TermFields): string {
  return JSON.stringify([row.site, row.title, row.url, row.published, row.publishedTs, t.terms, t.weights, t.forms, t.titleTerms, row.entities.map((e) => [e.id, e.name, e.type, e.n])]);
}

export interface PackedFeatures extends DocFeatures {
  url: string;
  published: string | null;
}

export function unpackFeatures(r: FeatRow): PackedFeatures {
  const [site, title, url, published, publishedTs, terms, weights, forms, titleTerms, ents] = JSON.parse(r.f) as [
    string, string, string, string | null, number | null, string[], number[], string[], string[], [string, string, EntityType, number][],
  ];
  return { id: r.id, site, title, url, published, publishedTs, terms, weights, forms, titleTerms, entities: ents.map(([id, name, type, n]) => ({ id, name, type, n })) };
}

const MIGRATION_CHUNK = 200;

/**
 * v1 -> v2: move bodies out, derive features, count document frequencies. Paged by primary key
 * so a large library is not loaded into memory at once. Runs inside Dexie's upgrade transaction:
 * a failure leaves the database at v1, untouched.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const articles = tx.table('articles');
  const names = new Map<string, EntityRow>();
  for (const e of (await tx.table('entities').toArray()) as EntityRow[]) names.set(e.id, e);
  const df = new Map<string, number>();
  const edf = new Map<string, number>();
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const page = (await (after == null ? articles.orderBy(':id') : articles.where(':id').above(after))
      .limit(MIGRATION_CHUNK)
      .toArray()) as unknown as ArticleRowV1[];
    if (!page.length) break;
    const bodies: BodyRow[] = [];
    const rows: ArticleRow[] = [];
    const feats: FeatRow[] = [];
    for (const old of page) {
      const { paragraphs, contentHtml, entityIds, ...rest } = old;
      // v1 kept only ids; names and types come from the entities table (ids survive if a row is missing).
      const ents: DocEntity[] = entityIds.map((id) => {
        const e = names.get(id);
        return { id, name: e?.name ?? id.replace(/^[A-Z]+:/, '').replace(/-/g, ' '), type: e?.type ?? ((id.split(':')[0] as EntityType) || 'MISC'), n: 1 };
      });
      const built = buildRows(rest, paragraphs ?? [], ents);
      // Keep every v1 entity id even if its type is not one ranking uses.
      built.row.entityIds = [...new Set([...entityIds])];
      rows.push(retime(built.row));
      feats.push(built.feat);
      bodies.push({ id: old.id, paragraphs: paragraphs ?? [], contentHtml: contentHtml ?? '' });
      for (const t of dfTerms(built.terms)) df.set(t, (df.get(t) ?? 0) + 1);
      for (const id of built.row.entityIds) edf.set(id, (edf.get(id) ?? 0) + 1);
      count++;
    }
    await tx.table('bodies').bulkPut(bodies);
    await tx.table('feats').bulkPut(feats);
    await articles.bulkPut(rows);
    after = page[page.length - 1]!.id;
  }
  await tx.table('vocab').bulkPut([...df].map(([t, n]) => ({ t, df: n })));
  await tx.table('meta').put({ k: STATS_KEY, articles: count });
  // articleCount in v1 could drift; recount from the articles themselves.
  await tx.table('entities').toCollection().modify((e: EntityRowV5) => {
    e.articleCount = edf.get(e.id) ?? 0;
  });
}

/**
 * v2 -> v3: seed the write generation. Starts at 1, not 0, so a context that read the counts of
 * the v2 database (generation 0 by default) before the upgrade does not mistake them for current.
 */
async function upgradeV2toV3(tx: Transaction): Promise<void> {
  await tx.table('sync').put({ k: GEN_KEY, gen: 1 });
}

/**
 * v3 -> v4: pack the stored counts into the first snapshot, at the current generation. Dexie
 * deletes `vocab` only after the upgrade functions ran, so it is still readable here.
 */
async function upgradeV3toV4(tx: Transaction): Promise<void> {
  const [vocab, ents, meta, sync] = await Promise.all([
    tx.table('vocab').toArray() as Promise<VocabRow[]>,
    tx.table('entities').toArray() as Promise<EntityRowV5[]>,
    tx.table('meta').get(STATS_KEY) as Promise<MetaRow | undefined>,
    tx.table('sync').get(GEN_KEY) as Promise<SyncRow | undefined>,
  ]);
  const terms = new Map(vocab.filter((v) => v.df > 0).map((v) => [v.t, v.df] as const));
  const entities = new Map(ents.filter((e) => e.articleCount > 0).map((e) => [e.id, e.articleCount] as const));
  const row = packCounts({ terms, entities, articles: meta?.articles ?? 0 }, sync?.gen ?? 0);
  // A key holding NUL cannot be packed (never seen): no snapshot, the counts get rebuilt instead.
  if (row) await tx.table('counts').put(row);
}

/**
 * v4 -> v5: build the key index from the rows (paged) and store it with the counts, the log
 * folded in, at the current generation. If the log has a gap the snapshot is left as it is:
 * without keys it is not used, and the first reader recounts everything (df-cache.ts).
 */
async function upgradeV4toV5(tx: Transaction): Promise<void> {
  const posts: Post[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await (after == null ? tx.table('articles').orderBy(':id') : tx.table('articles').where(':id').above(after))
      .limit(MIGRATION_CHUNK * 10)
      .toArray()) as ArticleRow[];
    if (!page.length) break;
    for (const r of page) posts.push(postOf(r));
    after = page[page.length - 1]!.id;
  }
  const [row, sync] = await Promise.all([
    tx.table('counts').get(SNAPSHOT_KEY) as Promise<CountsSnapshotRow | undefined>,
    tx.table('sync').get(GEN_KEY) as Promise<SyncRow | undefined>,
  ]);
  const gen = sync?.gen ?? 0;
  if (!row || row.gen > gen) return;
  const log = (await tx.table('countlog').where('gen').above(row.gen).toArray()) as CountLogRow[];
  if (log.filter((w) => w.gen <= gen).length !== gen - row.gen) return;
  const counts = unpackCounts(row);
  for (const w of log) if (w.gen <= gen) applyCountWrite(counts, w);
  const { row: packed, base } = snapshotRows(counts, gen, KeyIndex.build(posts));
  if (!packed) return;
  await tx.table('counts').put(packed);
  if (base) await tx.table('keybase').put(base);
  await tx.table('countlog').clear();
}

/**
 * v5 -> v6: entity rows drop the article count and last save time (the counts, snapshot + log,
 * already hold the count, and a recount takes it from the articles) and get their forms. Rows no
 * article names any more go.
 */
async function upgradeV5toV6(tx: Transaction): Promise<void> {
  const entities = tx.table('entities');
  await entities.filter((e: EntityRowV5) => !(e.articleCount > 0)).delete();
  await entities.toCollection().modify((e: Partial<EntityRowV5> & Partial<EntityRow>, ref: { value: unknown }) => {
    ref.value = entityRow(e as EntityRow);
  });
}

/** Apply what one write set (a log row, or a write's own result) to counts in memory. */
export function applyCountWrite(snap: CountMaps, w: Pick<CountLogRow, 'terms' | 'entities' | 'articles'>): void {
  for (const [t, df] of w.terms) if (df > 0) snap.terms.set(t, df); else snap.terms.delete(t);
  for (const [e, n] of w.entities) if (n > 0) snap.entities.set(e, n); else snap.entities.delete(e);
  if (w.articles != null) snap.articles = w.articles;
}

/** Every document frequency, as held in memory (df-cache.ts) and packed in `counts`. */
export interface CountMaps {
  terms: Map<string, number>;
  entities: Map<string, number>;
  articles: number;
}

/** Snapshot keys are joined by NUL; a key holding one (never seen) makes the snapshot unwritable. */
const NUL = '\u0000';

export function packCounts(snap: CountMaps, gen: number, keys?: StoredKeys): CountsSnapshotRow | null {
  const pack = (m: Map<string, number>) => {
    const keys = [...m.keys()];
    if (keys.some((k) => k.includes(NUL))) return null;
    return { keys: keys.join(NUL), values: Uint32Array.from(keys, (k) => m.get(k)!) };
  };
  const t = pack(snap.terms);
  const e = pack(snap.entities);
  if (!t || !e) return null;
  const row: CountsSnapshotRow = { k: SNAPSHOT_KEY, gen, terms: t.keys, termDf: t.values, entities: e.keys, entityDf: e.values, articles: snap.articles };
  if (keys) row.keys = keys;
  return row;
}

/**
 * The rows that store counts and key index at generation `gen`: the snapshot, and the key
 * index's base when it is not stored yet (then call index.markStored(gen) after writing it).
 */
export function snapshotRows(snap: CountMaps, gen: number, index: KeyIndex): { row: CountsSnapshotRow | null; base: KeyBaseRow | null } {
  const { base, keys } = index.pack(gen);
  return { row: packCounts(snap, gen, keys), base: base && { k: KEYBASE_KEY, ...base } };
}

export function unpackCounts(row: CountsSnapshotRow): CountMaps {
  const unpack = (keys: string, values: Uint32Array) => {
    const m = new Map<string, number>();
    if (!keys) return m;
    const ks = keys.split(NUL);
    for (let i = 0; i < ks.length; i++) m.set(ks[i]!, values[i]!);
    return m;
  };
  return { terms: unpack(row.terms, row.termDf), entities: unpack(row.entities, row.entityDf), articles: row.articles };
}
