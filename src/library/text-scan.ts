/**
 * Full-text search of the stored articles themselves, for words the key index does not hold
 * (search.ts indexes titles, each article's heaviest terms and names, not every body word).
 * It reads the bodies of the most recently read articles, a page at a time, up to a cap: a
 * reader looking for a phrase from an article is most often looking for one read lately, and
 * reading every body of a 100k library would take seconds. The caller says how far it looked.
 */
import type { ArticleRow, LibraryDb } from './db';
import type { SearchFilters, SearchHit } from './search';
import { escapeRe } from '../regex';

export const TEXT_SCAN = {
  /** Most recently read articles whose text is read at most. */
  articles: 1500,
  /** Bodies read per round trip. */
  page: 200,
  /** Characters of context either side of the first match, for the snippet. */
  context: 70,
} as const;

export interface TextScanResult {
  hits: (SearchHit & { snippet: string })[];
  /** Articles whose text was read. */
  scanned: number;
  /** False when the cap stopped the scan before the oldest article. */
  complete: boolean;
}

/** Lower case without diacritics, one character for one: offsets stay valid for snippets. */
const fold = (s: string) => {
  const lower = s.toLowerCase();
  // Most Indonesian text is plain ASCII: the Unicode pass only when there is something to fold.
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC') : lower;
};

/** The query's words, folded; each must start a word of the article ("vaksin" finds "vaksinasi"). */
export function queryWords(query: string): string[] {
  return [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2))];
}

const wordStart = (w: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRe(w)}`, 'u');

/** Whether every word starts a word of `text`. */
export function hasAllWords(text: string, words: readonly string[]): boolean {
  const folded = fold(text);
  return words.every((w) => wordStart(w).test(folded));
}

/** Where the first of the words starts a word of `text`, or -1. */
export function firstWordAt(text: string, words: readonly string[]): number {
  const folded = fold(text);
  let first = -1;
  for (const w of words) {
    const m = wordStart(w).exec(folded);
    if (!m) continue;
    const at = m.index + m[0].length - w.length;
    if (first < 0 || at < first) first = at;
  }
  return first;
}

/** A line of text around `at`, cut at word boundaries. */
export function snippetAt(text: string, at: number, context: number = TEXT_SCAN.context): string {
  let start = Math.max(0, at - context);
  let end = Math.min(text.length, at + context);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/**
 * Articles, most recently read first, whose title or text holds every word of `query` and that
 * pass `filters`; `exclude` are already shown (found by the index). Call in a read transaction
 * over articles and bodies, or outside one (each page is then its own reads).
 */
export async function scanText(
  db: LibraryDb, query: string, filters: SearchFilters, limit: number, exclude: ReadonlySet<string> = new Set(), cap: number = TEXT_SCAN.articles,
): Promise<TextScanResult> {
  const words = queryWords(query);
  if (!words.length || limit <= 0) return { hits: [], scanned: 0, complete: true };
  const sites = new Set([...(filters.sites ?? []), ...(filters.site ? [filters.site] : [])]);
  const from = filters.from == null ? null : typeof filters.from === 'number' ? filters.from : Date.parse(filters.from);
  const to = filters.to == null ? null : typeof filters.to === 'number' ? filters.to : Date.parse(filters.to);
  const passes = (r: ArticleRow) =>
    (!sites.size || sites.has(r.site)) &&
    (!filters.entityId || r.entityIds.includes(filters.entityId)) &&
    (from == null || (r.publishedTs != null && r.publishedTs >= from)) &&
    (to == null || (r.publishedTs != null && r.publishedTs <= to));

  const hits: TextScanResult['hits'] = [];
  let scanned = 0;
  // The ids in one walk of the lastRead index (keys only), then the rows a page at a time.
  // One key past the cap says whether older articles were left unread (no count of the whole store).
  const keys = (await db.articles.orderBy('lastRead').reverse().limit(cap + 1).primaryKeys()) as string[];
  const more = keys.length > cap;
  const all = more ? keys.slice(0, cap) : keys;
  for (let offset = 0; offset < all.length && hits.length < limit; offset += TEXT_SCAN.page) {
    const ids = all.slice(offset, offset + TEXT_SCAN.page);
    scanned += ids.length;
    const todo = ids.filter((id) => !exclude.has(id));
    const rows = await db.articles.bulkGet(todo);
    // Bodies only of the articles the filters let through.
    const keep = rows.filter((r): r is ArticleRow => !!r && passes(r));
    const bodies = await db.bodies.bulkGet(keep.map((r) => r.id));
    keep.forEach((r, k) => {
      if (hits.length >= limit) return;
      const body = (bodies[k]?.paragraphs ?? []).join(' ');
      if (!hasAllWords(`${r.title}\n${body}`, words)) return;
      const at = firstWordAt(body, words);
      const snippet = at < 0 ? '' : snippetAt(body, at);
      hits.push({
        id: r.id, url: r.url, title: r.title, site: r.site, published: r.published, excerpt: r.excerpt, lastRead: r.lastRead,
        score: 0, inTitle: [], entities: r.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })), snippet,
      });
    });
  }
  return { hits, scanned, complete: !more && scanned >= all.length };
}
