/**
 * Library search over the `keys` multiEntry index (title terms, the article's 16 heaviest terms,
 * entity-name words), all stemmed like the ranking. Not every body word is indexed: at 100k
 * articles a full inverted index would cost more storage than the articles themselves, and a
 * reader searches by what an article is about, which is what the heaviest terms are.
 *
 * Query terms are ANDed: the rarest one is read from the index (newest articles first, thanks to
 * time keys); the other words, when rare enough, are intersected on the index in the same round
 * trip, else checked on the rows page by page. A query costs one round of index reads and
 * usually one page of rows. Document frequencies come from memory (df-cache.ts).
 */
import type { Table } from 'dexie';
import { keyRange, plainKey, timeKey, unpackFeatures, type ArticleRow, type FeatRow, type LibraryDb } from './db';
import { readGen } from './df-cache';
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
  /** Articles of the driving word (newest first) checked at most. */
  scoreCap: 400,
  /** Rows read per page of the driving word's articles. */
  page: 50,
  /** Matches scored per result asked for: the newest ones; older matches rank below anyway. */
  scoredPerResult: 2,
  /** Rows walked newest-first when there is no word and no entity to drive the search. */
  walkCap: 4000,
  /**
   * The other words of a query are checked on the index, not on rows, when they are in at most
   * this many articles: their id lists are read together with the driver's and intersected, so
   * rows are loaded only for articles that have every word. Reading a longer list costs more
   * than checking the word on the page of rows read anyway (bench/library.ts at 100k: 1000
   * instead of 3000 gave the same top ten for every sampled query, 15% faster).
   */
  intersectMax: 1000,
} as const;

const toMs = (v: string | number | undefined): number | null => {
  if (v == null) return null;
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

/** Document frequencies for a query's words; from memory when current (index.ts). */
export type QueryFrequencies = (gen: number, terms: string[]) => Promise<{ df: (t: string) => number; n: number }>;

/**
 * Bounds of one key's time keys restricted to [from, to] (ms; either may be null). Time keys sort
 * newest first, so the newest bound is the lower one.
 */
function timedRange(key: string, from: number | null, to: number | null): [string, string] {
  const [lo, hi] = keyRange(key);
  return [to != null ? timeKey(key, to) : lo, from != null ? timeKey(key, from) : hi];
}

export async function searchLibrary(db: LibraryDb, countTables: Table[], query: string, filters: SearchFilters, limit: number, frequencies: QueryFrequencies): Promise<SearchHit[]> {
  const terms = termsOf(query);
  const from = toMs(filters.from);
  const to = toMs(filters.to);
  const hasAllTerms = (r: ArticleRow) => {
    if (!terms.length) return true;
    const keys = new Set(r.keys.map(plainKey));
    return terms.every((t) => keys.has(t));
  };
  const passes = (r: ArticleRow) =>
    hasAllTerms(r) &&
    (!filters.site || r.site === filters.site) &&
    (!filters.entityId || r.entityIds.includes(filters.entityId)) &&
    (from == null || (r.publishedTs != null && r.publishedTs >= from)) &&
    (to == null || (r.publishedTs != null && r.publishedTs <= to));

  return db.transaction('r', [db.articles, db.feats, ...countTables], async () => {
    const freq = await frequencies(await readGen(db), terms);
    const n = Math.max(1, freq.n);
    const df = new Map(terms.map((t) => [t, freq.df(t)]));
    // The rarest term (or the entity filter) drives: its ids are read from the index, the rows
    // loaded, and every other condition checked on them. vocab counts ranking terms only, so df 0
    // means "in no article" (the AND is empty) or "only in entity names" (rare): it drives first.
    const byRarity = [...terms].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
    const rarest = byRarity[0];
    // Time keys: the driving key's range lists its articles newest first, so reading the first
    // `scoreCap` of them is both bounded and the right ones when a word is common. A date filter
    // narrows the range itself: only the articles of those dates are read.
    const driver = rarest != null ? ['keys', rarest] as const : filters.entityId ? ['ekeys', filters.entityId] as const : null;
    let rows: ArticleRow[];
    let feats: (FeatRow | undefined)[];
    if (driver) {
      // Other words that are rare enough are intersected on the index (one round trip, in
      // parallel with the driver's read); the rest are checked on the rows.
      const others = byRarity.slice(1).filter((t) => (df.get(t) ?? 0) <= SEARCH.intersectMax);
      const [ids0, ...otherIds] = await Promise.all([
        db.articles.where(driver[0]).between(...timedRange(driver[1], from, to), true, true).limit(SEARCH.scoreCap).primaryKeys() as Promise<string[]>,
        ...others.map((t) => db.articles.where('keys').between(...timedRange(t, from, to), true, true).limit(SEARCH.intersectMax + 1).primaryKeys() as Promise<string[]>),
      ]);
      let ids = ids0!;
      for (const o of otherIds) {
        // A list that hit its cap is incomplete: leave that word to the row check.
        if (o.length > SEARCH.intersectMax) continue;
        const set = new Set(o);
        ids = ids.filter((id) => set.has(id));
      }
      if (!ids.length) return [];
      // Newest first, a page at a time, until enough rows pass: usually one page.
      rows = [];
      feats = [];
      for (let i = 0; i < ids.length && rows.length < limit * SEARCH.scoredPerResult; i += SEARCH.page) {
        const pageIds = ids.slice(i, i + SEARCH.page);
        const [page, pageFeats] = await Promise.all([db.articles.bulkGet(pageIds), db.feats.bulkGet(pageIds)]);
        page.forEach((r, k) => { if (r && passes(r)) { rows.push(r); feats.push(pageFeats[k]); } });
      }
    } else {
      // Filters only: the newest that pass, walking a bounded number of rows. A date filter walks
      // its dates (newest published first); otherwise newest reads first.
      const dated = from != null || to != null;
      const base = dated
        ? db.articles.where('publishedTs').between(from ?? -Infinity, to ?? Infinity, true, true).reverse()
        : filters.site
          ? db.articles.where('[site+lastRead]').between([filters.site, -Infinity], [filters.site, Infinity]).reverse()
          : db.articles.orderBy('lastRead').reverse();
      let walked = 0;
      rows = await base
        .until(() => ++walked > SEARCH.walkCap)
        .filter(passes)
        .limit(limit)
        .toArray();
      feats = await db.feats.bulkGet(rows.map((r) => r.id));
    }
    const now = Date.now();
    return rows
      .map((r, k) => {
        const f = feats[k] ? unpackFeatures(feats[k]!) : null;
        const title = new Set(f?.titleTerms ?? []);
        const inTitle = terms.filter((t) => title.has(t));
        let score = 0;
        for (const t of terms) {
          const i = f ? f.terms.indexOf(t) : -1;
          const w = i >= 0 ? (f!.weights[i] ?? 1) : 0.5;
          score += rarity(df.get(t) || 1, n) * (w + (title.has(t) ? 2 : 0));
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
