/**
 * The reader's library: what the background and the UI call. Storage is IndexedDB (./db.ts);
 * ranking and grouping are the pure ./rank.ts and ./story.ts, shared with the CLI.
 */
import Dexie, { type Table } from 'dexie';
import type { RelatedView } from '../messaging/protocol';
import type { Article, Entity } from '../types';
import { applyDeltas, Deltas, issueWrites, mergeSurfaces, planDeltas, type Write, type Written } from './counts';
import { DirectTx } from './direct-tx';
import {
  buildRows, dfTerms, entityRow, GEN_KEY, LibraryDb, packFeatures, postOf, retime, snapshotRows, STATS_KEY, unpackFeatures,
  type ArticleRow, type BodyRow, type EntityRow, type FeatRow, type PackedFeatures, type SyncRow, type TermFields,
} from './db';
import { DfIndex, readGen, type DfSnapshot } from './df-cache';
import { BLOCKED_MESSAGE, LibraryError, STALE_MESSAGE, isQuotaError } from './errors';
import { entityKey, KeyIndex } from './key-index';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport } from './export-schema';
import { docEntities } from './features';
import { articleId } from './ids';
import { RANK, rankRelated } from './rank';
import { entityDfOf, rarity, type CorpusStats } from './similarity';
import { searchLibrary, type SearchFilters, type SearchHit } from './search';
import { scanText, type TextScanResult } from './text-scan';

export { articleId } from './ids';
export { LibraryError } from './errors';
export type { SearchFilters, SearchHit } from './search';
export type { TextScanResult } from './text-scan';
export type { ArticleRow, EntityRow } from './db';

/** A stored article as get() returns it: metadata, ranking features and the readable body. */
export type StoredArticle = ArticleRow & TermFields & Omit<BodyRow, 'id'>;

/** What lists, timelines and search show: no body, no ranking internals. */
export interface ArticleSummary {
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  site: string;
  host: string;
  published: string | null;
  excerpt: string | null;
  image: string | null;
  wordCount: number;
  firstRead: number;
  lastRead: number;
  readCount: number;
  /** When first stored (ms); the UI's "saved" date. */
  savedAt: number;
  /** Entities mentioned, for filters and chips. */
  entities: { id: string; name: string; type: string }[];
}

export interface SizeEstimate {
  articles: number;
  /** Bytes used by this origin (all of its storage), when the browser tells. */
  usage: number | null;
  quota: number | null;
  bytesPerArticle: number | null;
}

export interface Library {
  /**
   * Store an article read now; a revisit updates the record and counts one more read.
   * `sameVisit`: the same reading (a multi-page article's other parts joined, the page reloaded),
   * so not another read: the read count and last read stay.
   */
  save(article: Article, entities: Entity[], now?: number, opts?: { sameVisit?: boolean }): Promise<StoredArticle>;
  get(id: string): Promise<StoredArticle | undefined>;
  getByUrl(canonicalUrl: string): Promise<StoredArticle | undefined>;
  related(id: string, limit?: number): Promise<RelatedView[]>;
  /** Related stored articles of an article that is not stored (saving is off for its site): nothing is written. */
  relatedTo(article: Article, entities: Entity[], limit?: number): Promise<RelatedView[]>;
  entityTimeline(entityId: string, limit?: number): Promise<ArticleSummary[]>;
  search(query: string, filters?: SearchFilters, limit?: number): Promise<SearchHit[]>;
  /**
   * The words anywhere in the title or text, in the most recently read articles (text-scan.ts):
   * for words search() does not index. `exclude`: ids already found.
   */
  searchText(query: string, filters?: SearchFilters, limit?: number, exclude?: readonly string[]): Promise<TextScanResult>;
  /** Newest read first; `sites` keeps those sites only (an outlet's sections, say). */
  list(opts?: { offset?: number; limit?: number; site?: string; sites?: readonly string[] }): Promise<ArticleSummary[]>;
  /** Every distinct site stored, with the hosts of its oldest and newest read articles, by site name. */
  sites(): Promise<{ site: string; hosts: string[] }[]>;
  entity(id: string): Promise<EntityRow | undefined>;
  /**
   * Entities known by `form` (any case): its name or a surface form it was seen under ("Korut",
   * "jokowi"); if none, those with a form starting with it. At most `limit`.
   */
  findEntities(form: string, limit?: number): Promise<EntityRow[]>;
  delete(id: string): Promise<boolean>;
  clear(): Promise<void>;
  count(): Promise<number>;
  /** The whole library as one JSON string: small libraries and tests (see exportChunks). */
  exportJson(): Promise<string>;
  /**
   * The same JSON text as exportJson(), in parts of about `batch` articles each, so a large
   * library is never one string: join them, or make a Blob of them, to get the file.
   */
  exportChunks(opts?: { batch?: number }): AsyncGenerator<string, void, undefined>;
  importJson(text: string): Promise<{ added: number; updated: number; unchanged: number }>;
  estimateSize(): Promise<SizeEstimate>;
  articleId(canonicalUrl: string): string;
  /**
   * Called once if a newer Sorot upgrades (or deletes) the database while this copy has it open:
   * this copy has closed for good and its page should be reloaded. Returns an unsubscribe.
   */
  onStale(cb: () => void): () => void;
  close(): void;
  /** The Dexie database, for tests and the bench only. */
  readonly db: LibraryDb;
  /** Load the counts and key index now (a page is loading whose article will be saved). */
  warm(): Promise<void>;
  /** The in-memory counts, for tests and the bench only. */
  readonly counts: DfIndex;
}

/** Thrown inside a save's transaction to abort it: memory was not at the stored generation. */
class MemoryBehind extends Error {}

/** What a save reads and writes (saveDirect). */
const SAVE_STORES = ['articles', 'feats', 'bodies', 'entities', 'meta', 'sync', 'countlog'];

function issueDirect(tx: DirectTx, w: Write): void {
  void ('del' in w ? tx.delete(w.store, w.del) : tx.put(w.store, w.put));
}

/** Candidate retrieval for related(): tunables in one place. */
export const RETRIEVAL = {
  /** Keys in more than this share of the library are too common to probe (and weigh little). */
  maxDfShare: 0.02,
  /** ...but in a small library every shared key is worth probing. */
  minMaxDf: 300,
  /**
   * Probes run on the key index in memory (key-index.ts): microseconds each, so a query can
   * afford the probes and ids that find other coverage of an event. What a query costs in
   * IndexedDB is the candidates' feature rows (one request each, about a millisecond at 100k).
   */
  entityProbes: 6,
  termProbes: 8,
  /** Ids read per probe at most (the newest ones). */
  perProbe: 150,
  /** When rare keys find too little: this many common terms, this many ids each. */
  fallbackProbes: 3,
  fallbackPerProbe: 150,
  /** Candidates scored exactly by rank.ts. */
  candidates: 24,
} as const;

export function summary(r: ArticleRow): ArticleSummary {
  return {
    id: r.id, url: r.url, canonicalUrl: r.canonicalUrl, title: r.title, site: r.site, host: r.host,
    published: r.published, excerpt: r.excerpt, image: r.image, wordCount: r.wordCount,
    firstRead: r.firstRead, lastRead: r.lastRead, readCount: r.readCount, savedAt: r.firstRead,
    entities: r.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
  };
}

export interface LibraryOptions {
  /** Writes between two stored snapshots of the counts (df-cache.ts); small in tests. */
  snapshotEvery?: number;
  /** A due snapshot is written once no write came for this long (ms; df-cache.ts). */
  snapshotIdleMs?: number;
}

/**
 * The library, opened on its first use. The background worker wakes for every tab event and
 * panel message, most of which never touch the library; opening it builds the Dexie database and
 * its schema versions, a measurable part of each worker start (which competes with a panel
 * opening at the same moment).
 */
export function lazyLibrary(open: () => Library = () => openLibrary()): Library {
  let lib: Library | undefined;
  return new Proxy({} as Library, {
    get(_, key) {
      lib ??= open();
      const value: unknown = Reflect.get(lib, key);
      return typeof value === 'function' ? value.bind(lib) : value;
    },
  });
}

export function openLibrary(dbName = 'sorot', opts: LibraryOptions = {}): Library {
  const db = new LibraryDb(dbName);
  const ALL = [db.articles, db.feats, db.bodies, db.entities, db.meta, db.sync, db.counts, db.countlog, db.keybase];
  const DATA = [db.articles, db.feats, db.bodies, db.entities, db.meta, db.counts, db.countlog, db.keybase];
  /** What bringing counts and key index up to date reads (DfIndex.catchUp). */
  const COUNTS = [db.sync, db.counts, db.countlog, db.keybase];
  const counts = new DfIndex(opts.snapshotEvery, opts.snapshotIdleMs);

  /**
   * Run a transaction over `tables` with the counts and key index current in memory. ready()
   * loads memory before the transaction; inside it, the generation is read (with whatever reads
   * `prefetch` issues: one round trip) and catchUp() bridges writes of other contexts that landed
   * in between. If even that fails (the log was compacted past us at that very moment), go round
   * again from a reload.
   */
  async function withMemory<T, P = undefined>(
    mode: 'r' | 'rw', tables: Table[], fn: (mem: DfSnapshot, gen: number, pre: P) => Promise<T>, prefetch?: () => Promise<P>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (attempt) counts.invalidate();
      await counts.ready(db);
      const out = await db.transaction(mode, tables, async () => {
        const [gen, pre] = await Promise.all([readGen(db), prefetch?.() as Promise<P>]);
        const mem = await counts.catchUp(db, gen);
        return mem ? { value: await fn(mem, gen, pre) } : null;
      });
      if (out) return out.value;
      if (attempt >= 2) throw new LibraryError('storage', 'Perpustakaan sedang sibuk; coba lagi. (counts could not be brought up to date)');
    }
  }
  /** A write: every table, counts current. */
  const withCounts = <T, P = undefined>(fn: (mem: DfSnapshot, gen: number, pre: P) => Promise<T>, prefetch?: () => Promise<P>) =>
    withMemory('rw', ALL, fn, prefetch);
  /** A read of `tables` with counts and key index current. */
  const reading = <T, P = undefined>(tables: Table[], fn: (mem: DfSnapshot, pre: P) => Promise<T>, prefetch?: () => Promise<P>) =>
    withMemory('r', [...tables, ...COUNTS], (mem, _gen, pre: P) => fn(mem, pre), prefetch);

  // A newer Sorot wants to upgrade: close and stay closed. Dexie's default closes and reopens on
  // the next call, and Dexie 4 then opens the newer database with this copy's older schema (and
  // may patch it to match): old code must not write to a schema it does not know. Every call
  // from now on fails with a 'stale' error that tells the reader to reload.
  let stale = false;
  const staleListeners = new Set<() => void>();
  db.on('versionchange', () => {
    stale = true;
    db.close({ disableAutoOpen: true });
    counts.invalidate();
    for (const cb of staleListeners) cb();
    return false; // stops Dexie's default close-and-reopen
  });
  // This copy's upgrade waits until older connections close. IndexedDB keeps the open pending
  // (nothing is lost: queued writes run once it completes), but callers hear about it now.
  let blocked = false;
  const blockedWaiters = new Set<() => void>();
  db.on('blocked', () => {
    blocked = true;
    for (const w of blockedWaiters) w();
  });

  /** `p` with the two open-time faults turned into LibraryErrors the UI can show. */
  function guard<T>(p: Promise<T>): Promise<T> {
    const mapped = p.catch((e: unknown) => {
      if (stale && !(e instanceof LibraryError)) throw new LibraryError('stale', STALE_MESSAGE, { cause: e });
      throw e;
    });
    if (db.isOpen()) return mapped;
    return new Promise<T>((resolve, reject) => {
      // Rejecting early does not cancel `p`: a save still lands when the upgrade completes, and
      // the error carries it so the caller can follow up.
      const tell = () => reject(new LibraryError('blocked', BLOCKED_MESSAGE, { pending: mapped }));
      if (blocked) tell();
      blockedWaiters.add(tell);
      mapped.then(resolve, reject).finally(() => blockedWaiters.delete(tell));
    });
  }
  type AsyncFn = (...args: any[]) => Promise<unknown>;
  const guarded = <F extends AsyncFn>(f: F): F => ((...args: Parameters<F>) => guard(f(...args))) as F;

  async function count(): Promise<number> {
    const m = await db.meta.get(STATS_KEY);
    return m?.articles ?? 0;
  }

  async function join(row: ArticleRow | undefined): Promise<StoredArticle | undefined> {
    if (!row) return undefined;
    const [feat, body] = await Promise.all([db.feats.get(row.id), db.bodies.get(row.id)]);
    const f = feat ? unpackFeatures(feat) : null;
    return {
      ...row,
      terms: f?.terms ?? [], weights: f?.weights ?? [], forms: f?.forms ?? [], titleTerms: f?.titleTerms ?? [],
      paragraphs: body?.paragraphs ?? [], contentHtml: body?.contentHtml ?? '',
    };
  }

  type Plan = (prevRow: ArticleRow | undefined, prevFeat: FeatRow | undefined) => { row: ArticleRow; d: Deltas };
  /** Stored entities (a count in memory) whose row this context has not read: a save merges surfaces into them. New ones have no row. */
  const rowsLacking = (mem: DfSnapshot | null, entityKeys: string[]) =>
    entityKeys.filter((k) => !counts.entityRows.has(k) && (mem?.entities.get(k) ?? 0) > 0);

  /**
   * A save from memory as held, in one raw IndexedDB transaction (direct-tx.ts): the generation
   * read that proves memory current goes out with, for an article not stored yet, all the writes
   * too (with the stored version of an article the key index has, when it is a revisit); the
   * transaction is committed as soon as the last write is issued. It reads no entity row: a
   * stored entity whose row this context does not hold has the forms this article shows it under
   * logged (`seen`, planDeltas) and merged into its row once writes pause (flushSeen). Reads of
   * old keys are what set off LevelDB's seek compactions during a run of saves. If memory was
   * behind after all (another context wrote, or another save of this context came first), the
   * transaction is aborted before it commits, nothing is written, and null sends the caller to
   * saveChecked(). Also null when no raw connection is at hand.
   */
  async function saveDirect(id: string, entityKeys: string[], plan: Plan, feat: FeatRow, body: BodyRow): Promise<{ row: ArticleRow; wrote: Written } | null> {
    await counts.ready(db);
    const held = counts.held();
    if (!held || stale || !db.isOpen()) return null;
    const { snap: mem, gen } = held;
    let tx: DirectTx;
    try {
      tx = new DirectTx(db.backendDB(), SAVE_STORES);
    } catch {
      return null; // the connection is closing: the checked way reports why
    }
    try {
      const known = mem.index.has(id);
      const stored = tx.get<SyncRow>('sync', GEN_KEY);
      const prev = known ? Promise.all([tx.get<ArticleRow>('articles', id), tx.get<FeatRow>('feats', id)]) : null;
      const rowOf = new Map<string, EntityRow>();
      for (const k of entityKeys) {
        const r = counts.entityRows.get(k);
        if (r) rowOf.set(k, r);
      }
      const write = (prevRow?: ArticleRow, prevFeat?: FeatRow) => {
        const { row, d } = plan(prevRow, prevFeat);
        const planned = planDeltas(d, { terms: mem.terms, entityCounts: mem.entities, meta: { articles: mem.articles }, gen, held: rowOf, logged: counts.pendingSeen() });
        for (const [store, value] of [['articles', row], ['feats', feat], ['bodies', body]] as const) void tx.put(store, value);
        for (const w of [...planned.writes, ...planned.merge(rowOf)]) issueDirect(tx, w);
        return { row, planned };
      };
      // Not stored: every write is known now and goes out with the read of the generation.
      const early = known ? null : write();
      const [now, before] = await Promise.all([stored, prev]);
      if ((now?.gen ?? 0) !== gen) {
        tx.abort(new MemoryBehind());
        await tx.done.catch(() => {});
        return null;
      }
      const { row, planned } = early ?? write(before?.[0], before?.[1]);
      tx.commit();
      await tx.done;
      return { row, wrote: planned.wrote };
    } catch (e) {
      tx.abort(e);
      throw e;
    }
  }

  /**
   * Merge the surface forms logged by saves (`seen`: this context's, and those of every log row
   * it applied) into their entity rows: a write of its own, once writes pause (df-cache.ts), so
   * the reads of the rows land outside a run of saves. Its log row lists the entities it
   * rewrote, so other contexts drop the rows they hold. Nothing is written when no row changes.
   */
  async function flushSeen(): Promise<void> {
    if (stale || !db.isOpen()) return;
    const batch = new Map(counts.pendingSeen());
    if (!batch.size) return;
    const wrote = await withCounts(async (mem, gen) => {
      const ids = [...batch.keys()];
      const rows = await db.entities.bulkGet(ids);
      const d = new Deltas();
      d.describe([...batch.values()].map(([id, name, type, surface]) => ({ id, name, type, surface })));
      const plan = planDeltas(d, { terms: mem.terms, entityCounts: mem.entities, gen });
      const merged = plan.merge(new Map(ids.map((k, i) => [k, rows[i]] as const)));
      if (!merged.length) return { gen, rows: plan.wrote.rows, wrote: null };
      await Promise.all(issueWrites(db, [...plan.writes, ...merged]));
      return { gen: plan.wrote.to, rows: plan.wrote.rows, wrote: plan.wrote };
    });
    if (wrote.wrote) counts.committed(wrote.wrote.from, wrote.wrote.to, wrote.wrote, db);
    // The rows as stored now: the next saves naming these entities merge into them directly.
    else counts.holdRows(wrote.gen, wrote.rows);
    counts.mergedSeen(batch);
  }
  counts.flushSeen = flushSeen;

  /** An entity row with the surface forms logged for it and not merged yet (flushSeen) added. */
  const withSeen = (row: EntityRow | undefined): EntityRow | undefined => {
    const s = row && counts.pendingSeen().get(row.id);
    return s ? entityRow({ ...row!, surface: mergeSurfaces(row!.surface, s[3]) }) : row;
  };

  /**
   * The same save through Dexie, with memory brought up to date inside the transaction first
   * (withCounts): what memory lacks is read with the generation, and once caught up, whatever
   * that changed is read after all; then every write in one round trip.
   */
  async function saveChecked(id: string, entityKeys: string[], plan: Plan, feat: FeatRow, body: BodyRow): Promise<{ row: ArticleRow; wrote: Written }> {
    const lacking = (mem: DfSnapshot | null) => ({
      known: !!mem?.index.has(id),
      entities: rowsLacking(mem, entityKeys),
    });
    const read = async (need: { known: boolean; entities: string[] }) => {
      const [prevRow, prevFeat, rows] = await Promise.all([
        need.known ? db.articles.get(id) : undefined, need.known ? db.feats.get(id) : undefined,
        need.entities.length ? db.entities.bulkGet(need.entities) : [],
      ]);
      return { ...need, prevRow, prevFeat, rows: new Map(need.entities.map((k, i) => [k, rows[i]] as const)) };
    };
    return withCounts(async (mem, gen, early) => {
      // Generation, article count and term counts come from memory, current here.
      const need = lacking(mem);
      const late = await read({ known: need.known && !early.known, entities: need.entities.filter((k) => !early.rows.get(k)) });
      const prevRow = early.known ? early.prevRow : late.prevRow;
      const prevFeat = early.known ? early.prevFeat : late.prevFeat;
      const ents = entityKeys.map((k) => counts.entityRows.get(k) ?? early.rows.get(k) ?? late.rows.get(k));
      const { row, d } = plan(prevRow, prevFeat);
      const pre = { terms: mem.terms, entityCounts: mem.entities, entities: new Map(entityKeys.map((k, i) => [k, ents[i]] as const)), meta: { articles: mem.articles }, gen };
      // Issued together: one round trip for every write.
      const [, , , wrote] = await Promise.all([db.articles.put(row), db.feats.put(feat), db.bodies.put(body), applyDeltas(db, d, pre)]);
      return { row, wrote };
    }, () => read(lacking(counts.peek())));
  }

  /** An article's rows as a first read at `now` would store them (text work, no I/O). */
  function rowsOf(article: Article, entities: Entity[], now: number) {
    const canonicalUrl = (article.canonicalUrl || article.url).trim();
    const id = articleId(canonicalUrl);
    const built = buildRows(
      {
        id, canonicalUrl, url: article.url, title: article.title, site: article.site, host: article.host,
        published: article.published, byline: article.byline, ...(article.source ? { source: article.source } : {}), lang: article.lang, excerpt: article.excerpt,
        image: article.image, wordCount: article.wordCount, firstRead: now, lastRead: now, readCount: 1,
      },
      article.paragraphs,
      docEntities(entities),
    );
    return { id, built };
  }

  async function save(article: Article, entities: Entity[], now = Date.now(), opts: { sameVisit?: boolean } = {}): Promise<StoredArticle> {
    // Text work happens before the transaction: IndexedDB transactions should stay short.
    const { id, built } = rowsOf(article, entities, now);
    const body: BodyRow = { id, paragraphs: article.paragraphs, contentHtml: article.contentHtml };
    const kept = new Set(built.row.entityIds);
    const described = entities.filter((e) => kept.has(e.id));
    const entityKeys = [...kept];
    /** The row to store and what it changes in the counts, given the stored version (if any). */
    const plan = (prevRow: ArticleRow | undefined, prevFeat: FeatRow | undefined) => {
      const prev = prevRow ? { dfTerms: prevFeat ? dfTerms(unpackFeatures(prevFeat)) : [], entityIds: prevRow.entityIds } : undefined;
      // The same visit (parts joined, a reload) neither counts a read nor moves the last read.
      const again = !!prevRow && !!opts.sameVisit;
      // A new article's row is built as read now (first and last read now, one read, keys timed so).
      const row = !prevRow ? built.row : retime({
        ...built.row, firstRead: prevRow.firstRead, lastRead: again ? prevRow.lastRead : now, readCount: prevRow.readCount + (again ? 0 : 1),
      });
      const d = new Deltas();
      d.change(prev, { dfTerms: dfTerms(built.terms), entityIds: row.entityIds });
      d.describe(described);
      d.posts.push(postOf(row));
      return { row, d };
    };
    try {
      const { row, wrote } = (await saveDirect(id, entityKeys, plan, built.feat, body)) ?? (await saveChecked(id, entityKeys, plan, built.feat, body));
      counts.committed(wrote.from, wrote.to, wrote, db);
      return { ...row, ...built.terms, paragraphs: body.paragraphs, contentHtml: body.contentHtml };
    } catch (e) {
      if (isQuotaError(e)) {
        throw new LibraryError('quota', 'Penyimpanan perpustakaan penuh: artikel tidak disimpan. Hapus artikel lama atau ekspor lalu kosongkan perpustakaan. (QuotaExceededError)', { cause: e });
      }
      throw e;
    }
  }

  async function related(id: string, limit = 8): Promise<RelatedView[]> {
    // The target's features carry everything ranking needs: no article row, no body.
    return reading([db.feats], async (mem, feat) => (feat ? relatedFor(mem, unpackFeatures(feat), id, limit) : []), () => db.feats.get(id));
  }

  async function relatedTo(article: Article, entities: Entity[], limit = 8): Promise<RelatedView[]> {
    // Built as save() would build it, held in memory only: the article is not written.
    const { id, built } = rowsOf(article, entities, Date.now());
    return reading([db.feats], (mem) => relatedFor(mem, unpackFeatures(built.feat), id, limit));
  }

  /** Related articles of `target` (article `id`, never itself), inside a read over feats with memory current. */
  async function relatedFor(mem: DfSnapshot, target: PackedFeatures, id: string, limit: number): Promise<RelatedView[]> {
    const terms = dfTerms(target);
    const entityIds = [...new Set(target.entities.map((e) => e.id))];
    const n = Math.max(1, mem.articles);
    const tdf = (t: string) => mem.terms.get(t) ?? 0;
    const edf = (e: string) => mem.entities.get(e) ?? 0;
    const stats: CorpusStats = { docCount: n, termDf: (t) => tdf(t) || 1, entityDf: (e) => edf(e) || 1 };

    // Probe the rarest keys in the key index (memory); each probe votes for the articles it
    // finds, by rarity.
    const maxDf = Math.max(RETRIEVAL.minMaxDf, n * RETRIEVAL.maxDfShare);
    const weightOf = new Map(target.terms.map((t, i) => [t, target.weights[i] ?? 1]));
    // Rarity as ranking reads it (similarity.ts), so the probes favour what will score.
    const entityProbes = entityIds.map((e) => [e, entityDfOf(e, edf(e) || 1, n)] as const).filter(([, df]) => df >= 2 && df <= maxDf)
      .sort((a, b) => a[1] - b[1]).slice(0, RETRIEVAL.entityProbes);
    const termProbes = terms.map((t) => [t, tdf(t) || 1] as const).filter(([, df]) => df >= 2 && df <= maxDf)
      .map(([t, df]) => [t, df, (weightOf.get(t) ?? 1) * rarity(df, n) ** 2] as const)
      .sort((a, b) => b[2] - a[2]).slice(0, RETRIEVAL.termProbes);
    // Votes are weighed by closeness in time as rank.ts weighs scores, so the candidates read
    // are the ones ranking would put on top.
    const t0 = target.publishedTs;
    const votes = new Map<string, number>();
    const vote = ({ ids, times }: { ids: string[]; times: number[] }, w: number) => {
      ids.forEach((k, i) => {
        if (k === id) return;
        const days = t0 == null ? null : Math.abs(times[i]! - t0) / 86_400_000;
        const near = days == null ? RANK.undatedFactor : RANK.dateFloor + (1 - RANK.dateFloor) * Math.exp(-days / RANK.tauDays);
        votes.set(k, (votes.get(k) ?? 0) + w * near);
      });
    };
    const probe = (entities: (readonly [string, number])[], probeTerms: (readonly [string, number, number])[], cap: number) => {
      // Newest first: each probe reads the newest `cap` articles with the key.
      for (const [e, df] of entities) vote(mem.index.newestTimed(entityKey(e), cap), 2 * rarity(df, n) ** 2);
      for (const [t, , w] of probeTerms) vote(mem.index.newestTimed(t, cap), w);
    };
    probe(entityProbes, termProbes, RETRIEVAL.perProbe);
    if (votes.size < limit) {
      // Nothing rare is shared (a small or very uniform library): fall back to the heaviest
      // common keys, bounded, so related() still answers.
      const used = new Set([...entityProbes.map(([k]) => k), ...termProbes.map(([k]) => k)]);
      const common = target.terms.filter((t) => !used.has(t) && tdf(t) >= 2).slice(0, RETRIEVAL.fallbackProbes)
        .map((t) => [t, tdf(t), (weightOf.get(t) ?? 1) * rarity(tdf(t), n) ** 2] as const);
      probe([], common, RETRIEVAL.fallbackPerProbe);
    }
    const pool = [...votes].sort((a, b) => b[1] - a[1]).slice(0, RETRIEVAL.candidates).map(([k]) => k);
    const cands = (await db.feats.bulkGet(pool)).filter((r): r is FeatRow => !!r).map(unpackFeatures);
    const byId = new Map(cands.map((c) => [c.id, c]));
    return rankRelated(target, cands, stats, limit).map((r) => {
      const c = byId.get(r.id)!;
      return { id: r.id, url: c.url, title: c.title, site: c.site, published: c.published, score: r.score, reason: r.reason, why: r.why, shared: r.shared, sameStory: r.sameStory };
    });
  }

  async function entityTimeline(entityId: string, limit = 50): Promise<ArticleSummary[]> {
    // The key index lists the entity's articles newest first: read exactly `limit` rows.
    const rows = await reading([db.articles], async (mem) => db.articles.bulkGet(mem.index.newest(entityKey(entityId), limit)));
    return rows.filter((r): r is ArticleRow => !!r && r.entityIds.includes(entityId)).map(summary);
  }

  async function list(opts: { offset?: number; limit?: number; site?: string; sites?: readonly string[] } = {}): Promise<ArticleSummary[]> {
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 50;
    const sites = opts.sites ?? (opts.site ? [opts.site] : null);
    if (!sites) return (await db.articles.orderBy('lastRead').reverse().offset(offset).limit(limit).toArray()).map(summary);
    // Each site's newest from the [site+lastRead] index, merged newest first.
    const per = await db.transaction('r', db.articles, () =>
      Promise.all([...new Set(sites)].map((s) => db.articles.where('[site+lastRead]').between([s, Dexie.minKey], [s, Dexie.maxKey]).reverse().limit(offset + limit).toArray())),
    );
    return per.flat().sort((a, b) => b.lastRead - a.lastRead).slice(offset, offset + limit).map(summary);
  }

  async function sites(): Promise<{ site: string; hosts: string[] }[]> {
    // A skip scan of the [site+lastRead] index: one probe per distinct site, not a pass over
    // every article (tens of sites against 100k rows).
    return db.transaction('r', db.articles, async () => {
      const out: { site: string; hosts: string[] }[] = [];
      let row = await db.articles.orderBy('[site+lastRead]').first();
      while (row) {
        // Two samples: a site name is nearly always one outlet's, but a syndicated copy keeps the
        // original's name (a "detiknews" page on kompas.com).
        const last = await db.articles.where('[site+lastRead]').between([row.site, Dexie.minKey], [row.site, Dexie.maxKey]).last();
        out.push({ site: row.site, hosts: [...new Set([row.host, (last ?? row).host])] });
        row = await db.articles.where('[site+lastRead]').above([row.site, Dexie.maxKey]).first();
      }
      return out;
    });
  }

  async function remove(id: string): Promise<boolean> {
    const wrote = await withCounts(async (mem, gen) => {
      const [prevRow, prevFeat] = await Promise.all([db.articles.get(id), db.feats.get(id)]);
      if (!prevRow) return null;
      const d = new Deltas();
      d.change({ dfTerms: prevFeat ? dfTerms(unpackFeatures(prevFeat)) : [], entityIds: prevRow.entityIds }, undefined);
      d.posts.push([id, 0, null]);
      const [, , , w] = await Promise.all([db.articles.delete(id), db.feats.delete(id), db.bodies.delete(id), applyDeltas(db, d, { gen, terms: mem.terms, entityCounts: mem.entities })]);
      return w;
    });
    if (wrote) counts.committed(wrote.from, wrote.to, wrote, db);
    return wrote != null;
  }

  /** One article as the export file holds it. */
  function exportArticle(r: ArticleRow, feat: FeatRow | undefined, body: BodyRow | undefined) {
    const f = feat ? unpackFeatures(feat) : undefined;
    return {
      ...r,
      terms: f?.terms ?? [], weights: f?.weights ?? [], forms: f?.forms ?? [], titleTerms: f?.titleTerms ?? [],
      paragraphs: body?.paragraphs ?? [], contentHtml: body?.contentHtml ?? '',
    };
  }

  /**
   * The export file in parts. Each batch is read in its own short transaction (one transaction
   * cannot stay open while the consumer writes the parts somewhere): the ids are listed first,
   * an article deleted meanwhile is left out, one saved meanwhile is in the next export. Entity
   * rows come last; import recounts them from the articles anyway.
   */
  async function* exportChunks(opts: { batch?: number } = {}): AsyncGenerator<string, void, undefined> {
    const batch = Math.max(1, opts.batch ?? 200);
    const ids = (await db.articles.orderBy(':id').primaryKeys()) as string[];
    // Same text as JSON.stringify(file): the key order of ExportFile.
    yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${Date.now()},"articles":[`;
    let first = true;
    for (let i = 0; i < ids.length; i += batch) {
      const page = ids.slice(i, i + batch);
      const parts = await db.transaction('r', [db.articles, db.feats, db.bodies], async () => {
        const [rows, feats, bodies] = await Promise.all([db.articles.bulkGet(page), db.feats.bulkGet(page), db.bodies.bulkGet(page)]);
        const out: string[] = [];
        rows.forEach((r, k) => { if (r) out.push(JSON.stringify(exportArticle(r, feats[k], bodies[k]))); });
        return out;
      });
      if (!parts.length) continue;
      yield (first ? '' : ',') + parts.join(',');
      first = false;
    }
    yield '],"entities":[';
    // Surface forms saves logged and no context has merged into the rows yet (flushSeen).
    const seen = new Map<string, string[]>();
    for (const w of await db.countlog.toArray()) for (const [id, , , surface] of w.seen ?? []) seen.set(id, mergeSurfaces(seen.get(id) ?? [], surface));
    const withLogged = (e: EntityRow) => {
      const s = seen.get(e.id);
      return s ? entityRow({ ...e, surface: mergeSurfaces(e.surface, s) }) : e;
    };
    first = true;
    let after: string | null = null;
    for (;;) {
      const page: EntityRow[] = await (after == null ? db.entities.orderBy(':id') : db.entities.where(':id').above(after)).limit(batch * 10).toArray();
      if (!page.length) break;
      yield (first ? '' : ',') + page.map((e) => JSON.stringify(withLogged(e))).join(',');
      first = false;
      after = page[page.length - 1]!.id;
    }
    yield ']}';
  }

  async function exportJson(): Promise<string> {
    let text = '';
    for await (const part of exportChunks()) text += part;
    return text;
  }

  async function importJson(text: string): Promise<{ added: number; updated: number; unchanged: number }> {
    const parsed = parseExport(text);
    if (!parsed.ok) throw new LibraryError('invalid-import', `Import refused, nothing was changed: ${parsed.message}`, { problem: parsed.problem });
    const file = parsed.value;
    for (const a of file.articles) {
      if (a.id !== articleId(a.canonicalUrl)) {
        throw new LibraryError('invalid-import', `Import refused, nothing was changed: article ${a.id} does not match its URL (edited or foreign file)`, { problem: 'damaged' });
      }
    }
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const wrote = await withCounts(async (mem) => {
      const d = new Deltas();
      const prevRows = await db.articles.bulkGet(file.articles.map((a) => a.id));
      const prevFeats = await db.feats.bulkGet(file.articles.map((a) => a.id));
      const rows: ArticleRow[] = [];
      const feats: FeatRow[] = [];
      const bodies: BodyRow[] = [];
      file.articles.forEach((a, i) => {
        const { paragraphs, contentHtml, terms, weights, forms, titleTerms, ...incoming } = a;
        const prev = prevRows[i];
        const prevFeat = prevFeats[i];
        // Same article on two devices: keep the newer reading's content, the union of the history.
        const newer = !prev || incoming.lastRead >= prev.lastRead;
        const row: ArticleRow = !prev ? incoming : {
          ...(newer ? incoming : prev),
          firstRead: Math.min(prev.firstRead, incoming.firstRead),
          lastRead: Math.max(prev.lastRead, incoming.lastRead),
          readCount: Math.max(prev.readCount, incoming.readCount),
        };
        const termFields = { terms, weights, forms, titleTerms };
        const prevTerms = prevFeat ? unpackFeatures(prevFeat) : undefined;
        const finalTerms = newer || !prevTerms ? termFields : prevTerms;
        // The same reading already here (a file imported twice, or exported from this library).
        const same = prev && prev.lastRead === incoming.lastRead && prev.firstRead === incoming.firstRead && prev.readCount === incoming.readCount && prev.title === incoming.title;
        if (!prev) added++;
        else if (same) unchanged++;
        else updated++;
        d.change(prev ? { dfTerms: prevTerms ? dfTerms(prevTerms) : [], entityIds: prev.entityIds } : undefined, { dfTerms: dfTerms(finalTerms), entityIds: row.entityIds });
        rows.push(row);
        d.posts.push(postOf(row));
        feats.push({ id: row.id, f: packFeatures(row, finalTerms) });
        if (newer) bodies.push({ id: a.id, paragraphs, contentHtml });
      });
      await db.articles.bulkPut(rows);
      await db.feats.bulkPut(feats);
      await db.bodies.bulkPut(bodies);
      // Entity rows from the file carry names and surfaces; counts follow from the articles (a
      // file from before v6 also carries counts, which are not kept).
      const existing = await db.entities.bulkGet(file.entities.map((e) => e.id));
      await db.entities.bulkPut(file.entities.map(({ id, name, type, surface }, i) => {
        const prev = existing[i];
        return entityRow(prev ? { ...prev, surface: mergeSurfaces(prev.surface, surface) } : { id, name, type, surface });
      }));
      return applyDeltas(db, d, { terms: mem.terms, entityCounts: mem.entities });
    }).catch((e: unknown) => {
      if (isQuotaError(e)) throw new LibraryError('quota', 'Penyimpanan penuh: impor dibatalkan, tidak ada yang berubah. (QuotaExceededError)', { cause: e });
      throw e;
    });
    counts.committed(wrote.from, wrote.to, wrote, db);
    return { added, updated, unchanged };
  }

  async function estimateSize(): Promise<SizeEstimate> {
    const articles = await count();
    const nav = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } }).navigator;
    const est = nav?.storage?.estimate ? await nav.storage.estimate() : null;
    const usage = est?.usage ?? null;
    return { articles, usage, quota: est?.quota ?? null, bytesPerArticle: usage != null && articles ? Math.round(usage / articles) : null };
  }

  async function search(query: string, filters: SearchFilters = {}, limit = 20): Promise<SearchHit[]> {
    return reading([db.articles, db.feats], (mem) => searchLibrary(db, mem, query, filters, limit));
  }

  return {
    db,
    counts,
    save: guarded(save),
    get: guarded(async (id: string) => join(await db.articles.get(id))),
    getByUrl: guarded(async (canonicalUrl: string) => join(await db.articles.get(articleId(canonicalUrl)))),
    related: guarded(related),
    relatedTo: guarded(relatedTo),
    entityTimeline: guarded(entityTimeline),
    search: guarded(search),
    // Page by page outside one transaction: a scan of thousands of bodies must not hold up a save.
    searchText: guarded((query: string, filters: SearchFilters = {}, limit = 20, exclude: readonly string[] = []) => scanText(db, query, filters, limit, new Set(exclude))),
    list: guarded(list),
    sites: guarded(sites),
    // One row, no counts: pages that only show an entity's names need not load them.
    entity: guarded(async (id: string) => withSeen(await db.entities.get(id))),
    findEntities: guarded(async (form: string, limit = 5) => {
      const f = form.trim().toLowerCase();
      if (!f) return [];
      // A form logged moments ago and not merged yet (flushSeen) is found once writes pause.
      const exact = await db.entities.where('forms').equals(f).limit(limit).toArray();
      return (exact.length ? exact : await db.entities.where('forms').startsWith(f).distinct().limit(limit).toArray()).map((r) => withSeen(r)!);
    }),
    delete: guarded(remove),
    clear: guarded(async () => {
      const gen = await db.transaction('rw', ALL, async () => {
        const g = (await readGen(db)) + 1;
        // The generation survives a clear: it must never go back to a value a context has seen.
        await Promise.all([...DATA.map((t) => t.clear()), db.sync.put({ k: GEN_KEY, gen: g })]);
        // An empty library's counts at the new generation: the record other contexts catch up from.
        const { row, base } = snapshotRows({ terms: new Map(), entities: new Map(), articles: 0 }, g, KeyIndex.empty());
        await Promise.all([db.counts.put(row!), db.keybase.put(base!)]);
        return g;
      });
      counts.reset(gen);
    }),
    warm: guarded(() => counts.ready(db)),
    count: guarded(count),
    exportJson: guarded(exportJson),
    exportChunks,
    importJson: guarded(importJson),
    estimateSize: guarded(estimateSize),
    articleId,
    onStale: (cb) => {
      staleListeners.add(cb);
      return () => staleListeners.delete(cb);
    },
    close: () => db.close(),
  };
}
