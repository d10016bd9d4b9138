/**
 * Multi-page articles. Pure helpers: they say which URL to fetch; the caller fetches.
 * liputan6-style pages that hold every part in one document are read whole and need none of this.
 */
import type { Article } from '../types';

/** Outlets with a "show the whole article" URL. */
const SHOW_ALL: Array<{ domain: string; param: string; value: string }> = [
  { domain: 'kompas.com', param: 'page', value: 'all' },
  { domain: 'tribunnews.com', param: 'page', value: 'all' },
  { domain: 'detik.com', param: 'single', value: '1' },
];

export const MAX_PAGES = 10;

const NEXT_TEXT = /^(?:selanjutnya|berikutnya|halaman selanjutnya|halaman berikutnya|next|next page|lanjut|›|»|>)$/i;

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** True when the page shows pagination ("Halaman selanjutnya", rel=next, a paging block). */
export function isPaginated(doc: Document): boolean {
  return Boolean(doc.querySelector('link[rel="next"], a[rel="next"], .paging, .pagination, .paging__link'))
    || Array.from(doc.querySelectorAll('a')).slice(0, 3000).some((a) => NEXT_TEXT.test((a.textContent ?? '').replace(/\s+/g, ' ').trim()) && /page=|halaman|\/\d+\/?$/i.test(a.getAttribute('href') ?? ''));
}

/** The outlet's "show all" URL for a paginated article, or null (unknown outlet, or not paginated). */
export function showAllUrl(doc: Document, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const rule = SHOW_ALL.find((r) => hostMatches(u.hostname.toLowerCase(), r.domain));
  if (!rule || u.searchParams.get(rule.param) === rule.value || !isPaginated(doc)) return null;
  u.searchParams.set(rule.param, rule.value);
  u.hash = '';
  return u.href;
}

/** Same-origin next-page links in page order, bounded; never the page itself. */
export function nextPageUrls(doc: Document, url: string, max = MAX_PAGES): string[] {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    return [];
  }
  const out: string[] = [];
  const add = (href: string | null | undefined): void => {
    if (!href || out.length >= max) return;
    try {
      const u = new URL(href, base);
      u.hash = '';
      if (u.origin !== base.origin || u.href === base.href || out.includes(u.href)) return;
      out.push(u.href);
    } catch {
      /* bad href */
    }
  };
  add(doc.querySelector('link[rel="next"]')?.getAttribute('href'));
  for (const a of Array.from(doc.querySelectorAll('a[rel="next"], .paging a, .pagination a, a.paging__link')).slice(0, 200)) {
    const href = a.getAttribute('href');
    const text = (a.textContent ?? '').trim();
    if (/^\d+$/.test(text) || NEXT_TEXT.test(text) || a.getAttribute('rel') === 'next') add(href);
  }
  return out;
}

/** One article from its parts, in order; paragraphs repeated across parts (lead, sign-off) kept once. */
export function joinParts(parts: Article[]): Article {
  if (parts.length === 0) throw new Error('joinParts: no parts');
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  for (const part of parts) {
    for (const p of part.paragraphs) {
      const key = p.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key)) continue;
      seen.add(key);
      paragraphs.push(p);
    }
  }
  const first = parts[0] as Article;
  return {
    ...first,
    paragraphs,
    contentHtml: parts.map((p) => p.contentHtml).join('\n'),
    wordCount: paragraphs.reduce((n, p) => n + (p.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0),
  };
}
