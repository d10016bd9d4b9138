/**
 * Library search over the key index in memory (key-index.ts: title terms, the article's 16
 * heaviest terms, entity-name words, entity ids), all stemmed like the ranking. Not every body word is indexed: at 100k
 * articles a full inverted index would cost more storage than the articles themselves, and a
 * reader searches by what an article is about, which is what the heaviest terms are.
 *
 * Query terms are ANDed: the rarest one drives (its articles newest first); the other words'
 * lists are intersected with it in memory, and rows are read only for articles that have every
 * word: usually one page. Document frequencies come from memory too (df-cache.ts).
 */
import type Dexie from 'dexie';
import { plainKey, unpackFeatures, type ArticleRow, type FeatRow, type LibraryDb } from './db';
import type { DfSnapshot } from './df-cache';
import { entityKey } from './key-index';
import { rarity } from './similarity';
import { termsOf } from './text';

export interface SearchFilters {
  site?: string;
  /** Any of these sites (an outlet's sections); with `site`, either. */
  sites?: readonly string[];
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
   * The other words of a query are intersected in memory when in at most this many articles;
   * a commoner word is checked on the rows read anyway (reading its whole list costs more).
   */
  intersectMax: 20000,
} as const;

const toMs = (v: string | number | undefined): number | null => {
  if (v == null) return null;
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : null;
};

/** Call inside a read transaction over articles and feats, with `mem` current (index.ts). */
export async function searchLibrary(db: LibraryDb, mem: DfSnapshot, query: string, filters: SearchFilters, limit: number): Promise<SearchHit[]> {
  const terms = termsOf(query);
  const from = toMs(filters.from);
  const to = toMs(filters.to);
  const siteList = [...new Set([...(filters.sites ?? []), ...(filters.site ? [filters.site] : [])])];
  const siteSet = siteList.length ? new Set(siteList) : null;
  const hasAllTerms = (r: ArticleRow) => {
    if (!terms.length) return true;
    const keys = new Set(r.keys.map(plainKey));
    return terms.every((t) => keys.has(t));
  };
  const passes = (r: ArticleRow) =>
    hasAllTerms(r) &&
    (!siteSet || siteSet.has(r.site)) &&
    (!filters.entityId || r.entityIds.includes(filters.entityId)) &&
    (from == null || (r.publishedTs != null && r.publishedTs >= from)) &&
    (to == null || (r.publishedTs != null && r.publishedTs <= to));

  const n = Math.max(1, mem.articles);
  const df = new Map(terms.map((t) => [t, mem.terms.get(t) ?? 0]));
  // The rarest term (or the entity filter) drives: its articles are listed newest first, the
  // other words intersected, the rows loaded and every other condition checked on them. The
  // counts cover ranking terms only, so df 0 means "in no article" (the AND is empty) or "only
  // in entity names" (rare): it drives first.
  const byRarity = [...terms].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
  const rarest = byRarity[0];
  const range = { from, to };
  const driver = rarest != null ? rarest : filters.entityId ? entityKey(filters.entityId) : null;
  let rows: ArticleRow[];
  let feats: (FeatRow | undefined)[];
  if (driver != null) {
    // A rare driver is read whole, so an AND with it finds old matches too; a common one only
    // its newest articles.
    const driverDf = rarest != null ? (df.get(rarest) ?? 0) : Infinity;
    let ids = mem.index.newest(driver, driverDf <= SEARCH.intersectMax ? Infinity : SEARCH.scoreCap, range);
    const others = byRarity.slice(1).filter((t) => (df.get(t) ?? 0) <= SEARCH.intersectMax);
    if (rarest != null && filters.entityId) others.push(entityKey(filters.entityId));
    for (const t of others) {
      if (!ids.length) break;
      const set = new Set(mem.index.newest(t, Infinity, range));
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
    const walk = async (base: Dexie.Collection<ArticleRow, string>, cap: number) => {
      let walked = 0;
      return base
        .until(() => ++walked > cap)
        .filter(passes)
        .limit(limit)
        .toArray();
    };
    if (dated || !siteSet) {
      rows = await walk(
        dated ? db.articles.where('publishedTs').between(from ?? -Infinity, to ?? Infinity, true, true).reverse() : db.articles.orderBy('lastRead').reverse(),
        SEARCH.walkCap,
      );
    } else {
      // Each site's newest from its index (the walk shared among them), merged newest first.
      const cap = Math.max(limit, Math.ceil(SEARCH.walkCap / siteList.length));
      const per = await Promise.all(siteList.map((s) => walk(db.articles.where('[site+lastRead]').between([s, -Infinity], [s, Infinity]).reverse(), cap)));
      rows = per.flat().sort((a, b) => b.lastRead - a.lastRead).slice(0, limit);
    }
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
}
