/**
 * Library search over the `keys` multiEntry index (title terms, the article's 16 heaviest terms,
 * entity-name words), all stemmed like the ranking. Not every body word is indexed: at 100k
 * articles a full inverted index would cost more storage than the articles themselves, and a
 * reader searches by what an article is about, which is what the heaviest terms are.
 *
 * Query terms are ANDed: the rarest one is read from the index (newest articles first, thanks to
 * time keys), the others are checked on its rows page by page, so a query costs one index read
 * and usually one or two pages of rows.
 */
import { keyRange, plainKey, unpackFeatures, type ArticleRow, type LibraryDb } from './db';
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

  return db.transaction('r', [db.articles, db.feats, db.entities, db.vocab, db.meta], async () => {
    const n = Math.max(1, (await db.meta.get('stats'))?.articles ?? 1);
    const dfRows = await db.vocab.bulkGet(terms);
    const df = new Map(terms.map((t, i) => [t, dfRows[i]?.df ?? 0]));
    // The rarest term (or the entity filter) drives: its ids are read from the index, the rows
    // loaded, and every other condition checked on them. Loading the lists of common terms to
    // intersect them would cost more than it saves. vocab counts ranking terms only, so df 0
    // means "in no article" (the AND is empty) or "only in entity names" (rare): it drives first.
    const rarest = [...terms].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0))[0];
    // Time keys: the driving key's range lists its articles newest first, so reading the first
    // `scoreCap` of them is both bounded and the right ones when a word is common.
    const driver = rarest != null ? ['keys', rarest] as const : filters.entityId ? ['ekeys', filters.entityId] as const : null;
    let rows: ArticleRow[];
    if (driver) {
      const ids = (await db.articles.where(driver[0]).between(...keyRange(driver[1])).limit(SEARCH.scoreCap).primaryKeys()) as string[];
      if (!ids.length) return [];
      // Newest first, a page at a time, until enough rows pass: a common word needs one page.
      rows = [];
      for (let i = 0; i < ids.length && rows.length < limit * SEARCH.scoredPerResult; i += SEARCH.page) {
        const page = await db.articles.bulkGet(ids.slice(i, i + SEARCH.page));
        for (const r of page) if (r && passes(r)) rows.push(r);
      }
    } else {
      // Filters only: the newest reads that pass, walking a bounded number of rows.
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
