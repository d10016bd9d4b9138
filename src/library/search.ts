/**
 * Library search over the `keys` multiEntry index (title terms, the article's 48 heaviest terms,
 * entity-name words), all stemmed like the ranking. Not every body word is indexed: at 100k
 * articles a full inverted index would cost more storage than the articles themselves, and a
 * reader searches by what an article is about, which is what the heaviest terms are.
 *
 * Query terms are ANDed: the rarest one is read from the index, the others are checked on its
 * rows, so a query costs one index read and at most a few hundred small row reads.
 */
import { unpackFeatures, type ArticleRow, type LibraryDb } from './db';
import { rarity } from './similarity';
import { termsOf } from './text';

export interface SearchFilters {
  site?: string;
  entityId?: string;
  /** Inclusive bounds on the publication date (ISO string or ms). */
  from?: string | number;
  to?: string | number;
}

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  site: string;
  published: string | null;
  excerpt: string | null;
  lastRead: number;
  score: number;
  /** Query words found in the title (for highlighting). */
  inTitle: string[];
  entities: { id: string; name: string; type: string }[];
}

export const SEARCH = {
  /** A driving term in at most this many articles has all its matches loaded and scored;
   *  beyond that the newest matching reads are walked instead. */
  scoreCap: 400,
  /** Rows walked newest-first when a query matches too much to score every match. */
  walkCap: 4000,
} as const;

const toMs = (v: string | number | undefined): number | null => {
  if (v == null) return null;
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

export async function searchLibrary(db: LibraryDb, query: string, filters: SearchFilters, limit: number): Promise<SearchHit[]> {
  const terms = termsOf(query);
  const from = toMs(filters.from);
  const to = toMs(filters.to);
  const passes = (r: ArticleRow) =>
    terms.every((t) => r.keys.includes(t)) &&
    (!filters.site || r.site === filters.site) &&
    (!filters.entityId || r.entityIds.includes(filters.entityId)) &&
    (from == null || (r.publishedTs != null && r.publishedTs >= from)) &&
    (to == null || (r.publishedTs != null && r.publishedTs <= to));

  return db.transaction('r', [db.articles, db.feats, db.entities, db.vocab, db.meta], async () => {
    const n = Math.max(1, (await db.meta.get('stats'))?.articles ?? 1);
    const dfRows = await db.vocab.bulkGet(terms);
    const df = new Map(terms.map((t, i) => [t, dfRows[i]?.df ?? 0]));
    // The rarest term (or the entity filter) drives: its ids are read from the index, the rows
    // loaded, and every other condition checked on them. Loading the lists of common terms to
    // intersect them would cost more than it saves.
    // vocab counts ranking terms; a word found only in an entity name is indexed but uncounted
    // (df 0), so the index itself, read with a bound, decides whether it is small enough.
    const rarest = [...terms].sort((a, b) => (df.get(a) || Infinity) - (df.get(b) || Infinity))[0];
    let ids: string[] | null = null;
    if (rarest != null && (df.get(rarest) ?? 0) <= SEARCH.scoreCap) {
      ids = (await db.articles.where('keys').equals(rarest).limit(SEARCH.scoreCap + 1).primaryKeys()) as string[];
      if (!ids.length) return [];
      if (ids.length > SEARCH.scoreCap) ids = null;
    } else if (filters.entityId) {
      ids = (await db.articles.where('entityIds').equals(filters.entityId).limit(SEARCH.scoreCap + 1).primaryKeys()) as string[];
      if (ids.length > SEARCH.scoreCap) ids = null;
    }
    let rows: ArticleRow[];
    if (ids != null) {
      rows = (await db.articles.bulkGet(ids)).filter((r): r is ArticleRow => !!r && passes(r));
    } else {
      // Every condition is common: the newest reads that pass, walking a bounded number of rows.
      const base = filters.site
        ? db.articles.where('[site+lastRead]').between([filters.site, -Infinity], [filters.site, Infinity]).reverse()
        : db.articles.orderBy('lastRead').reverse();
      let walked = 0;
      rows = await base
        .until(() => ++walked > SEARCH.walkCap)
        .filter(passes)
        .limit(limit)
        .toArray();
    }
    const now = Date.now();
    const feats = await db.feats.bulkGet(rows.map((r) => r.id));
    return rows
      .map((r, k) => {
        const f = feats[k] ? unpackFeatures(feats[k]!) : null;
        const title = new Set(f?.titleTerms ?? []);
        const inTitle = terms.filter((t) => title.has(t));
        let score = 0;
        for (const t of terms) {
          const i = f ? f.terms.indexOf(t) : -1;
          const w = i >= 0 ? (f!.weights[i] ?? 1) : 0.5;
          score += rarity(df.get(t) ?? 1, n) * (w + (title.has(t) ? 2 : 0));
        }
        // Recently read first among equals: a search is mostly "that article I read".
        score *= 1 + 0.2 * Math.exp(-(now - r.lastRead) / (30 * 86_400_000));
        return { id: r.id, url: r.url, title: r.title, site: r.site, published: r.published, excerpt: r.excerpt, lastRead: r.lastRead, score: Math.round(score * 1000) / 1000, inTitle,
          entities: r.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })) };
      })
      .sort((a, b) => b.score - a.score || b.lastRead - a.lastRead)
      .slice(0, limit);
  });
}
