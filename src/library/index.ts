/**
 * The reader's library: what the background and the UI call. Storage is IndexedDB (./db.ts);
 * ranking and grouping are the pure ./rank.ts and ./story.ts, shared with the CLI.
 */
import Dexie from 'dexie';
import type { RelatedView } from '../messaging/protocol';
import type { Article, Entity } from '../types';
import { applyDeltas, Deltas } from './counts';
import {
  buildRows, dfTerms, keyRange, LibraryDb, packFeatures, retime, STATS_KEY, unpackFeatures,
  type ArticleRow, type BodyRow, type EntityRow, type FeatRow, type TermFields,
} from './db';
import { DfCache } from './df-cache';
import { LibraryError, isQuotaError } from './errors';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, type ExportFile } from './export-schema';
import { docEntities } from './features';
import { articleId } from './ids';
import { rankRelated } from './rank';
import { rarity, type CorpusStats } from './similarity';
import { searchLibrary, type SearchFilters, type SearchHit } from './search';

export { articleId } from './ids';
export { LibraryError } from './errors';
export type { SearchFilters, SearchHit } from './search';
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
  save(article: Article, entities: Entity[], now?: number): Promise<StoredArticle>;
  get(id: string): Promise<StoredArticle | undefined>;
  getByUrl(canonicalUrl: string): Promise<StoredArticle | undefined>;
  related(id: string, limit?: number): Promise<RelatedView[]>;
  entityTimeline(entityId: string, limit?: number): Promise<ArticleSummary[]>;
  search(query: string, filters?: SearchFilters, limit?: number): Promise<SearchHit[]>;
  list(opts?: { offset?: number; limit?: number; site?: string }): Promise<ArticleSummary[]>;
  entity(id: string): Promise<EntityRow | undefined>;
  delete(id: string): Promise<boolean>;
  clear(): Promise<void>;
  count(): Promise<number>;
  exportJson(): Promise<string>;
  importJson(text: string): Promise<{ added: number; updated: number }>;
  estimateSize(): Promise<SizeEstimate>;
  articleId(canonicalUrl: string): string;
  close(): void;
  /** The Dexie database, for tests and the bench only. */
  readonly db: LibraryDb;
}

/** Candidate retrieval for related(): tunables in one place. */
export const RETRIEVAL = {
  /** Keys in more than this share of the library are too common to probe (and weigh little). */
  maxDfShare: 0.02,
  /** ...but in a small library every shared key is worth probing. */
  minMaxDf: 300,
  entityProbes: 6,
  termProbes: 8,
  /** Ids read per probe at most. */
  perProbe: 500,
  /** When rare keys find too little: this many common terms, this many ids each. */
  fallbackProbes: 3,
  fallbackPerProbe: 500,
  /** Candidates scored exactly by rank.ts. */
  candidates: 40,
} as const;

export function summary(r: ArticleRow): ArticleSummary {
  return {
    id: r.id, url: r.url, canonicalUrl: r.canonicalUrl, title: r.title, site: r.site, host: r.host,
    published: r.published, excerpt: r.excerpt, image: r.image, wordCount: r.wordCount,
    firstRead: r.firstRead, lastRead: r.lastRead, readCount: r.readCount, savedAt: r.firstRead,
    entities: r.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
  };
}

export function openLibrary(dbName = 'sorot'): Library {
  const db = new LibraryDb(dbName);
  const ALL = [db.articles, db.feats, db.bodies, db.entities, db.vocab, db.meta];
  const dfCache = new DfCache();

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

  /** The counted parts of a stored article (for exact df on update and delete). */
  async function counted(row: ArticleRow | undefined) {
    if (!row) return undefined;
    const feat = await db.feats.get(row.id);
    return { dfTerms: feat ? dfTerms(unpackFeatures(feat)) : [], entityIds: row.entityIds };
  }

  async function save(article: Article, entities: Entity[], now = Date.now()): Promise<StoredArticle> {
    const canonicalUrl = (article.canonicalUrl || article.url).trim();
    const id = articleId(canonicalUrl);
    // Text work happens before the transaction: IndexedDB transactions should stay short.
    const built = buildRows(
      {
        id, canonicalUrl, url: article.url, title: article.title, site: article.site, host: article.host,
        published: article.published, byline: article.byline, lang: article.lang, excerpt: article.excerpt,
        image: article.image, wordCount: article.wordCount, firstRead: now, lastRead: now, readCount: 1,
      },
      article.paragraphs,
      docEntities(entities),
    );
    const body: BodyRow = { id, paragraphs: article.paragraphs, contentHtml: article.contentHtml };
    try {
      const row = await db.transaction('rw', ALL, async () => {
        const [prevRow, prevFeat] = await Promise.all([db.articles.get(id), db.feats.get(id)]);
        const prev = prevRow ? { dfTerms: prevFeat ? dfTerms(unpackFeatures(prevFeat)) : [], entityIds: prevRow.entityIds } : undefined;
        const row = retime({ ...built.row, firstRead: prevRow?.firstRead ?? now, readCount: (prevRow?.readCount ?? 0) + 1 });
        const d = new Deltas();
        d.change(prev, { dfTerms: dfTerms(built.terms), entityIds: row.entityIds });
        d.describe(entities.filter((e) => row.entityIds.includes(e.id)));
        // Issued together: one round trip for the rows, two for the counts.
        await Promise.all([db.articles.put(row), db.feats.put(built.feat), db.bodies.put(body), applyDeltas(db, d, now)]);
        return row;
      });
      dfCache.invalidate(dfTerms(built.terms));
      return { ...row, ...built.terms, paragraphs: body.paragraphs, contentHtml: body.contentHtml };
    } catch (e) {
      if (isQuotaError(e)) {
        throw new LibraryError('quota', 'Penyimpanan perpustakaan penuh: artikel tidak disimpan. Hapus artikel lama atau ekspor lalu kosongkan perpustakaan. (QuotaExceededError)', { cause: e });
      }
      throw e;
    }
  }

  async function related(id: string, limit = 8): Promise<RelatedView[]> {
    return db.transaction('r', [db.articles, db.feats, db.entities, db.vocab, db.meta], async () => {
      const [row, feat, total] = await Promise.all([db.articles.get(id), db.feats.get(id), count()]);
      if (!row || !feat) return [];
      const target = unpackFeatures(feat);
      const n = Math.max(1, total);
      const terms = dfTerms(target);
      const [tdf, ents] = await Promise.all([dfCache.get(db, terms), db.entities.bulkGet(row.entityIds)]);
      const edf = new Map(row.entityIds.map((e, i) => [e, ents[i]?.articleCount ?? 1]));
      const stats: CorpusStats = { docCount: n, termDf: (t) => tdf.get(t) ?? 1, entityDf: (e) => edf.get(e) ?? 1 };

      // Probe the rarest keys; each probe votes for the articles it finds, by rarity.
      const maxDf = Math.max(RETRIEVAL.minMaxDf, n * RETRIEVAL.maxDfShare);
      const weightOf = new Map(target.terms.map((t, i) => [t, target.weights[i] ?? 1]));
      const entityProbes = [...edf].filter(([, df]) => df >= 2 && df <= maxDf)
        .sort((a, b) => a[1] - b[1]).slice(0, RETRIEVAL.entityProbes);
      const termProbes = terms.map((t) => [t, tdf.get(t) ?? 1] as const).filter(([, df]) => df >= 2 && df <= maxDf)
        .map(([t, df]) => [t, df, (weightOf.get(t) ?? 1) * rarity(df, n) ** 2] as const)
        .sort((a, b) => b[2] - a[2]).slice(0, RETRIEVAL.termProbes);
      const votes = new Map<string, number>();
      const vote = (ids: string[], w: number) => { for (const k of ids) if (k !== id) votes.set(k, (votes.get(k) ?? 0) + w); };
      const probe = (entities: (readonly [string, number])[], probeTerms: (readonly [string, number, number])[], cap: number) => Promise.all([
        // Time keys: each probe reads the newest `cap` articles with the key.
        ...entities.map(async ([e, df]) => vote(await db.articles.where('ekeys').between(...keyRange(e)).limit(cap).primaryKeys(), 2 * rarity(df, n) ** 2)),
        ...probeTerms.map(async ([t, , w]) => vote(await db.articles.where('keys').between(...keyRange(t)).limit(cap).primaryKeys(), w)),
      ]);
      await probe(entityProbes, termProbes, RETRIEVAL.perProbe);
      if (votes.size < limit) {
        // Nothing rare is shared (a small or very uniform library): fall back to the heaviest
        // common keys, bounded, so related() still answers.
        const used = new Set([...entityProbes.map(([k]) => k), ...termProbes.map(([k]) => k)]);
        const common = target.terms.filter((t) => !used.has(t) && (tdf.get(t) ?? 0) >= 2).slice(0, RETRIEVAL.fallbackProbes)
          .map((t) => [t, tdf.get(t)!, (weightOf.get(t) ?? 1) * rarity(tdf.get(t)!, n) ** 2] as const);
        await probe([], common, RETRIEVAL.fallbackPerProbe);
      }
      const pool = [...votes].sort((a, b) => b[1] - a[1]).slice(0, RETRIEVAL.candidates).map(([k]) => k);
      const cands = (await db.feats.bulkGet(pool)).filter((r): r is FeatRow => !!r).map(unpackFeatures);
      const byId = new Map(cands.map((c) => [c.id, c]));
      return rankRelated(target, cands, stats, limit).map((r) => {
        const c = byId.get(r.id)!;
        return { id: r.id, url: c.url, title: c.title, site: c.site, published: c.published, score: r.score, reason: r.reason, shared: r.shared, sameStory: r.sameStory };
      });
    });
  }

  async function entityTimeline(entityId: string, limit = 50): Promise<ArticleSummary[]> {
    // Time keys list the entity's articles newest first: read exactly `limit` of them.
    const rows = await db.articles.where('ekeys').between(...keyRange(entityId)).limit(limit).toArray();
    return rows.map(summary);
  }

  async function list(opts: { offset?: number; limit?: number; site?: string } = {}): Promise<ArticleSummary[]> {
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 50;
    const coll = opts.site
      ? db.articles.where('[site+lastRead]').between([opts.site, Dexie.minKey], [opts.site, Dexie.maxKey]).reverse()
      : db.articles.orderBy('lastRead').reverse();
    return (await coll.offset(offset).limit(limit).toArray()).map(summary);
  }

  async function remove(id: string): Promise<boolean> {
    const removed = await db.transaction('rw', ALL, async () => {
      const prevRow = await db.articles.get(id);
      if (!prevRow) return null;
      const prev = await counted(prevRow);
      const d = new Deltas();
      d.change(prev, undefined);
      await Promise.all([db.articles.delete(id), db.feats.delete(id), db.bodies.delete(id)]);
      await applyDeltas(db, d, Date.now());
      return prev!.dfTerms;
    });
    if (removed) dfCache.invalidate(removed);
    return removed != null;
  }

  async function exportJson(): Promise<string> {
    return db.transaction('r', [db.articles, db.feats, db.bodies, db.entities], async () => {
      const [rows, feats, bodies, entities] = await Promise.all([db.articles.toArray(), db.feats.toArray(), db.bodies.toArray(), db.entities.toArray()]);
      const bodyOf = new Map(bodies.map((b) => [b.id, b]));
      const featOf = new Map(feats.map((f) => [f.id, unpackFeatures(f)]));
      const file: ExportFile = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: Date.now(),
        articles: rows.map((r) => {
          const f = featOf.get(r.id);
          return {
            ...r,
            terms: f?.terms ?? [], weights: f?.weights ?? [], forms: f?.forms ?? [], titleTerms: f?.titleTerms ?? [],
            paragraphs: bodyOf.get(r.id)?.paragraphs ?? [], contentHtml: bodyOf.get(r.id)?.contentHtml ?? '',
          };
        }),
        entities,
      };
      return JSON.stringify(file);
    });
  }

  async function importJson(text: string): Promise<{ added: number; updated: number }> {
    const parsed = parseExport(text);
    if (!parsed.ok) throw new LibraryError('invalid-import', `Import refused, nothing was changed: ${parsed.message}`);
    const file = parsed.value;
    for (const a of file.articles) {
      if (a.id !== articleId(a.canonicalUrl)) {
        throw new LibraryError('invalid-import', `Import refused, nothing was changed: article ${a.id} does not match its URL (edited or foreign file)`);
      }
    }
    let added = 0;
    let updated = 0;
    await db.transaction('rw', ALL, async () => {
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
        if (prev) updated++; else added++;
        d.change(prev ? { dfTerms: prevTerms ? dfTerms(prevTerms) : [], entityIds: prev.entityIds } : undefined, { dfTerms: dfTerms(finalTerms), entityIds: row.entityIds });
        rows.push(row);
        feats.push({ id: row.id, f: packFeatures(row, finalTerms) });
        if (newer) bodies.push({ id: a.id, paragraphs, contentHtml });
      });
      await db.articles.bulkPut(rows);
      await db.feats.bulkPut(feats);
      await db.bodies.bulkPut(bodies);
      // Entity rows from the file carry names and surfaces; counts follow from the articles.
      const existing = await db.entities.bulkGet(file.entities.map((e) => e.id));
      await db.entities.bulkPut(file.entities.map((e, i) => {
        const prev = existing[i];
        return prev
          ? { ...prev, surface: [...new Set([...prev.surface, ...e.surface])].slice(0, 20), lastSeen: Math.max(prev.lastSeen, e.lastSeen) }
          : { ...e, articleCount: 0 };
      }));
      await applyDeltas(db, d, Date.now());
    }).catch((e: unknown) => {
      if (isQuotaError(e)) throw new LibraryError('quota', 'Penyimpanan penuh: impor dibatalkan, tidak ada yang berubah. (QuotaExceededError)', { cause: e });
      throw e;
    });
    dfCache.clear();
    return { added, updated };
  }

  async function estimateSize(): Promise<SizeEstimate> {
    const articles = await count();
    const nav = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } }).navigator;
    const est = nav?.storage?.estimate ? await nav.storage.estimate() : null;
    const usage = est?.usage ?? null;
    return { articles, usage, quota: est?.quota ?? null, bytesPerArticle: usage != null && articles ? Math.round(usage / articles) : null };
  }

  return {
    db,
    save,
    get: async (id) => join(await db.articles.get(id)),
    getByUrl: async (canonicalUrl) => join(await db.articles.get(articleId(canonicalUrl))),
    related,
    entityTimeline,
    search: (query, filters = {}, limit = 20) => searchLibrary(db, query, filters, limit),
    list,
    entity: (id) => db.entities.get(id),
    delete: remove,
    clear: async () => {
      await db.transaction('rw', ALL, async () => { await Promise.all(ALL.map((t) => t.clear())); });
      dfCache.clear();
    },
    count,
    exportJson,
    importJson,
    estimateSize,
    articleId,
    close: () => db.close(),
  };
}
