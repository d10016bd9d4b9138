/**
 * Multi-page articles: fetch the other parts of the article on the page, run the same pipeline on
 * each and join them. The caller supplies the I/O (a same-origin fetch and an inert parser), so
 * this stays testable and free of browser APIs. The live page is never touched.
 *   1. the outlet's "show all" form (kompas and tribunnews ?page=all, detik ?single=1);
 *   2. else next-page links (rel=next, numbered pagination), followed part by part.
 * Only URLs of the page's own origin are requested, within PART_LIMITS.
 */
import type { Article } from '../types';
import { analyzeDocument } from './index';
import { MAX_PAGES, joinParts, nextPageUrls, showAllUrl } from './multipage';

export const PART_LIMITS = {
  /** Pages in all, the open one included. */
  pages: MAX_PAGES,
  /** One response larger than this is dropped (news pages are 100-800 KB). */
  bytesPerPage: 3_000_000,
  totalBytes: 12_000_000,
  /** Wall time for all requests together. */
  ms: 10_000,
};

export interface PartIO {
  /** GET one HTML page of the same origin, at most maxBytes; null when it fails or is not HTML. */
  fetchText(url: string, maxBytes: number, signal: AbortSignal): Promise<string | null>;
  /** An inert document for the HTML (DOMParser: no script runs, nothing loads). */
  parse(html: string, url: string): Document;
}

export interface JoinedArticle {
  article: Article;
  /** The part URLs that were fetched and joined, in order. */
  parts: string[];
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

const withoutHash = (url: string): string => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

/** The whole article when the page is one part of several, else null (single page, or no part could be read). */
export async function joinMultiPage(doc: Document, url: string, first: Article, io: PartIO, limits = PART_LIMITS): Promise<JoinedArticle | null> {
  const origin = originOf(url);
  if (!origin || !/^https?:/.test(url)) return null;
  const showAll = showAllUrl(doc, url);
  const queue = nextPageUrls(doc, url, limits.pages);
  if (!showAll && !queue.length) return null;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.ms);
  let bytes = 0;
  /** One part: fetched, parsed inert, run through the pipeline. */
  const load = async (partUrl: string): Promise<{ doc: Document; article: Article | null } | null> => {
    const budget = Math.min(limits.bytesPerPage, limits.totalBytes - bytes);
    if (originOf(partUrl) !== origin || budget <= 0 || controller.signal.aborted) return null;
    const html = await io.fetchText(partUrl, budget, controller.signal).catch(() => null);
    if (html == null || controller.signal.aborted) return null;
    bytes += html.length;
    const partDoc = io.parse(html, partUrl);
    const { result } = analyzeDocument(partDoc, partUrl);
    // A short last part is still a part; an index or error page is not.
    const usable = result.article && result.article.paragraphs.length > 0
      && (result.isArticle || result.notArticleReason === 'too little text');
    return { doc: partDoc, article: usable ? result.article : null };
  };

  try {
    if (showAll) {
      const whole = await load(showAll);
      if (whole?.article && whole.article.wordCount > first.wordCount) {
        return { article: joinParts([first, whole.article]), parts: [showAll] };
      }
    }
    const seen = new Set([withoutHash(url)]);
    const parts: Article[] = [];
    const fetched: string[] = [];
    for (let next = queue.shift(); next && fetched.length < limits.pages - 1; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      const part = await load(next);
      if (!part) continue;
      fetched.push(next);
      if (part.article) parts.push(part.article);
      // Pagination that shows a window of pages: later parts name the pages after them.
      for (const more of nextPageUrls(part.doc, next, limits.pages)) {
        if (!seen.has(more) && !queue.includes(more) && originOf(more) === origin) queue.push(more);
      }
    }
    return parts.length ? { article: joinParts([first, ...parts]), parts: fetched } : null;
  } finally {
    clearTimeout(timer);
  }
}
