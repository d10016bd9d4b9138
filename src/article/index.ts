/**
 * Article analysis: the one pipeline the content script, the CLI and the tests share.
 *   clone -> findClutter (on the clone) -> markClutter (attributes only on the live page) -> preclean ->
 *   Readability -> postclean -> blocks -> metadata -> isArticle
 */
import { Readability } from '@mozilla/readability';
import { findClutter, namesIn, type ClutterHit, type ScanStats } from '../clutter/detect';
import { CLUTTER_ATTR, isShown, markClutter } from '../clutter/hide';
import { THRESHOLDS, collapse, collapsedLength } from '../clutter/rules';
import { siteRulesFor, type SiteRule } from '../clutter/sites';
import type { Article, ExtractResult, HiddenItem } from '../types';
import { blocksOf } from './blocks';
import { notArticleReason } from './classify';
import {
  articleLd, bylineOf, canonicalUrl, excerptOf, fallbackTitle, imageOf, langOf, metaIndex, publishedFromPage, publishedOf, siteOf, titleOf, toIso,
} from './metadata';
import { captionNames, cleanParagraphs, postcleanContent, precleanClone, signoffNames } from './postclean';

export { blocksOf } from './blocks';
export { showAllUrl, nextPageUrls, joinParts } from './multipage';

/** Pages with more elements than this are not analysed (bounded work on hostile pages). */
export const MAX_ELEMENTS = 40000;
/** Text beyond this (the longest real news articles are ~60k chars) would block the page for seconds. */
export const MAX_TEXT_CHARS = 300_000;
const HIDDEN_TEXT_MAX = 120;

/**
 * Visible text only: ad slots hold scripts and styles whose source is not what the user saw.
 * Read up to 2000 characters, and no further than the shown HIDDEN_TEXT_MAX needs: once the
 * pieces read collapse to more than that, what follows changes neither the shown start nor the
 * ellipsis (a prefix of the text collapses to a prefix of its collapsed whole).
 */
function visibleText(el: Element): string {
  let out = '';
  let shown = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n && out.length < 2000 && shown <= HIDDEN_TEXT_MAX; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName;
    if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT' && tag !== 'TEMPLATE') {
      const value = n.nodeValue ?? '';
      out += `${value} `;
      // No more than collapse(out).length: pieces joined by spaces collapse to at least the sum of theirs.
      shown += collapsedLength(value);
    }
  }
  return collapse(out);
}

/** The text a hit covers: its element's, or the end of one of its texts (`from`). */
function hitText({ element, from }: ClutterHit): string {
  if (!from) return visibleText(element);
  const node = element.childNodes[from.child];
  let text = node?.nodeType === 3 ? (node as Text).data.slice(from.offset) : '';
  for (let s = node?.nextSibling, i = 0; s && i < from.siblings; s = s.nextSibling, i++) text += s.textContent ?? '';
  return collapse(text);
}

/** The outlet or agency a "Sumber: ..." line names ("Sumber : The Telegraph"), not a photo's source. */
function sourceOf(hidden: HiddenItem[]): string | null {
  for (const h of hidden) {
    if (h.reason !== 'editor') continue;
    // Alone ("Sumber: Daily Mail") or closing a credits line ("Editor : X Sumber : The Telegraph").
    const m = /(?:^|\s)sumber\s*:\s*([^:]{2,80})$/i.exec(h.text.trim());
    if (m && !/^(?:foto|gambar|video|data)\b/i.test(m[1]!)) return m[1]!.replace(/[.\s]+$/, '');
  }
  return null;
}

export function hiddenItems(hits: ClutterHit[]): HiddenItem[] {
  return hits.map((hit) => {
    const { element, reason, rule } = hit;
    const text = hitText(hit);
    const item: HiddenItem = { reason, rule, text: text.length > HIDDEN_TEXT_MAX ? `${text.slice(0, HIDDEN_TEXT_MAX - 1)}…` : text };
    if (isShown(element)) item.shown = true;
    return item;
  });
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

const WORD = /[\p{L}\p{N}]+/gu;

/** Counted, not collected: a long article has thousands of words. */
function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    WORD.lastIndex = 0;
    while (WORD.test(p)) n++;
  }
  return n;
}

const LANG_WORDS = 2000;
const LETTERS = /\p{L}+/gu;
/** Whole words (a run of letters, as LETTERS reads them) that are Indonesian / English function words. */
const ID_FUNCTION_WORD = /(?<!\p{L})(?:yang|dan|di|dengan|untuk|ini|itu|dari|tidak|dalam|akan|pada|juga|ke|karena|ada|oleh)(?!\p{L})/gu;
const EN_FUNCTION_WORD = /(?<!\p{L})(?:the|and|of|to|is|in|that|for|with|was|on|are)(?!\p{L})/gu;

/** Matches of a global `re` in s that end by `end`. */
function countUpTo(re: RegExp, s: string, end: number): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.test(s) && re.lastIndex <= end) n++;
  return n;
}

/**
 * Indonesian function words: `lang` attributes are unreliable (many pages say "en"). Among the
 * first 2000 words of the lowercased text; counted, not collected (each paragraph lowercased on
 * its own is the joined text lowercased: the space between them ends any casing context).
 */
export function detectLang(paragraphs: string[], declared: string | null): string | null {
  let words = 0;
  let id = 0;
  let en = 0;
  for (let i = 0; i < paragraphs.length && words < LANG_WORDS; i++) {
    const text = (paragraphs[i] as string).toLowerCase();
    // Where the 2000th word ends, if it is in this paragraph.
    let end = text.length;
    LETTERS.lastIndex = 0;
    while (LETTERS.test(text)) {
      if (++words === LANG_WORDS) {
        end = LETTERS.lastIndex;
        break;
      }
    }
    id += countUpTo(ID_FUNCTION_WORD, text, end);
    en += countUpTo(EN_FUNCTION_WORD, text, end);
  }
  if (words >= 30) {
    if (id / words > 0.06 && id > en) return 'id';
    if (en / words > 0.06 && en > id) return 'en';
  }
  return declared;
}

function notArticle(reason: string, hidden: HiddenItem[]): ExtractResult {
  return { isArticle: false, notArticleReason: reason, article: null, hidden };
}

export function analyzeDocument(doc: Document, url: string): { result: ExtractResult; hits: ClutterHit[] } {
  let hits: ClutterHit[] = [];
  try {
    if (doc.getElementsByTagName('*').length > MAX_ELEMENTS) return { result: notArticle('page too large', []), hits };
    // The one copy of the page (Readability mutates it) is made first and the clutter scan runs on
    // it: the same DOM as the live page's, and what the scan touched Readability reuses. Only the
    // hits are then found again on the live page, where they are marked.
    const copy = doc.cloneNode(true) as Document;
    const stats: ScanStats = { textChars: 0, complete: false, named: captionNames() };
    const siteRules = siteRulesFor(url);
    const found = findClutter(copy, url, stats, siteRules);
    // The scan's text walk read every text node of the body: its sum is body.textContent.length.
    const textChars = stats.complete && copy.body ? stats.textChars : (copy.body?.textContent?.length ?? 0);
    if (textChars > MAX_TEXT_CHARS) return { result: notArticle('page too large', []), hits };
    hits = markClutter(doc, onPage(found, doc));
    const hidden = hiddenItems(found);
    const named = stats.named;
    precleanClone(workingCopy(copy, found, doc, url), undefined, named);
    // The same working copy made again from the page (only if Readability needs its first state
    // back, see lazyPageCache): a new copy, the same hits found on it by path, the same names.
    const live = hits;
    // (Hits on the end of a text are spans on the page now, in the copies too: found again by path.)
    const again = live.length === found.length ? (): Document => {
      const other = doc.cloneNode(true) as Document;
      const root = other.body ?? other.documentElement;
      const names = named && root ? namesIn(root, named.only) : undefined;
      const same = onPage(live, other);
      if (same.length !== live.length) throw new Error('the page changed during analysis');
      precleanClone(workingCopy(other, same, doc, url), undefined, names);
      return other;
    } : null;
    return { result: extract(doc, copy, url, hidden, siteRules, again), hits };
  } catch (err) {
    return { result: notArticle(`could not read the page (${err instanceof Error ? err.message : String(err)})`, hiddenItems(hits)), hits };
  }
}

/** An element's place among its parent's element children (cached: hits share parents and siblings). */
function childIndex(el: Element, cache: Map<Element, number>): number {
  let n = 0;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
    const k = cache.get(s);
    if (k !== undefined) {
      n += k + 1;
      break;
    }
    n++;
  }
  cache.set(el, n);
  return n;
}

/** The hits found on a copy, as the same elements of the page it was cloned from (by child-index path). */
function onPage(found: ClutterHit[], doc: Document): ClutterHit[] {
  const index = new Map<Element, number>();
  // Copy element -> page element, for every ancestor resolved so far (hits share most of them).
  const live = new Map<Element, Element | null>();
  const out: ClutterHit[] = [];
  for (const hit of found) {
    const chain: Element[] = [];
    let el: Element | null = hit.element;
    let at: Element | null | undefined;
    for (; el && (at = live.get(el)) === undefined; el = el.parentElement) chain.push(el);
    // Above the chain: a resolved ancestor, or (el null) the document itself.
    let cur: Element | null = el ? (at ?? null) : null;
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i] as Element;
      cur = !el && i === chain.length - 1 ? doc.documentElement : (cur?.children[childIndex(c, index)] ?? null);
      live.set(c, cur);
    }
    if (cur) out.push({ ...hit, element: cur });
  }
  return out;
}

/**
 * The working copy for Readability: the copy without the clutter found on it (nor any marked on the
 * page by an earlier analysis), with a <base> so relative links resolve.
 */
function workingCopy(copy: Document, found: ClutterHit[], doc: Document, url: string): Document {
  // Ends of texts first (child indices are read before any removal), then whole elements.
  for (const { element, from } of found) {
    const node = from && element.childNodes[from.child];
    if (!from || !node || node.nodeType !== 3) continue;
    for (let i = 0; i < from.siblings && node.nextSibling; i++) node.nextSibling.remove();
    (node as Text).data = (node as Text).data.slice(0, from.offset);
  }
  for (const { element, from } of found) if (!from) element.remove();
  // One pass for both: marks left on the page by an earlier analysis, and a <base> of its own.
  let hasBase = false;
  for (const el of Array.from(copy.querySelectorAll(`[${CLUTTER_ATTR}], base[href]`))) {
    if (el.hasAttribute(CLUTTER_ATTR)) el.remove();
    else if (el.isConnected) hasBase = true;
  }
  if (!hasBase) {
    const base = copy.createElement('base');
    base.setAttribute('href', doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : url);
    copy.head?.prepend(base);
  }
  return copy;
}

const READABILITY_OPTIONS = {
  keepClasses: true,
  serializer: (node: Node) => node as Element,
  maxElemsToParse: THRESHOLDS.maxElements,
  charThreshold: 400,
};

/** What Readability 0.6.0 would cache as the body's HTML: its own steps up to _grabArticle, on `copy`. */
function cachedBodyHtml(copy: Document): string {
  let html = '';
  const reader = new Readability<Element>(copy, READABILITY_OPTIONS) as unknown as { _grabArticle: () => null; parse(): unknown };
  reader._grabArticle = function grabbed(this: { _doc: Document }): null {
    html = this._doc.body?.innerHTML ?? '';
    return null;
  };
  reader.parse();
  return html;
}

/**
 * Readability 0.6.0's _grabArticle starts by serializing the whole body (`pageCacheHtml =
 * page.innerHTML`), only so that a failed attempt can start over (`page.innerHTML =
 * pageCacheHtml`). Most pages never start over, and that serialization was ~5% of the analysis
 * (Chromium CPU time). Here the body's first read of innerHTML (the accessor then removes itself)
 * gives Readability a stand-in whose string is made only when Readability writes it back:
 * the working copy made again from the page (`again`, the same steps on a new copy), run through
 * Readability's own steps up to that point, serialized (the same string). The write stays
 * Readability's own. Returns the cleanup, or null when the body could not take the accessor.
 */
function lazyPageCache(body: HTMLElement, again: () => Document): (() => void) | null {
  let html: string | null = null;
  const standIn = { toString: (): string => (html ??= cachedBodyHtml(again())) };
  const remove = (): void => {
    delete (body as { innerHTML?: unknown }).innerHTML;
  };
  try {
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get: () => {
        remove();
        return standIn;
      },
      // Readability reads before it writes; a write first would mean another version of it.
      set: () => {
        throw new Error('unexpected write before Readability read the page');
      },
    });
  } catch {
    return null;
  }
  // An engine where the own accessor does not take: nothing changed, Readability reads the body itself.
  if (Object.getOwnPropertyDescriptor(body, 'innerHTML') === undefined) return null;
  return remove;
}

function extract(doc: Document, clone: Document, url: string, hidden: HiddenItem[], siteRules?: SiteRule[], again?: (() => Document) | null): ExtractResult {
  const body = clone.body;
  const cleanup = again && body ? lazyPageCache(body, again) : null;
  let parsed;
  try {
    parsed = new Readability<Element>(clone, READABILITY_OPTIONS).parse();
  } finally {
    cleanup?.();
  }
  const content = parsed?.content;
  if (!parsed || !content) return notArticle('no article text found', hidden);

  postcleanContent(content, url, siteRules);
  const ending: { signoff?: string } = {};
  const paragraphs = cleanParagraphs(blocksOf(content), ending);
  const textChars = collapsedLength(content.textContent ?? '');
  let linkChars = 0;
  const links = content.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linkChars += collapsedLength(links[i]?.textContent ?? '');
  const classed = content.querySelectorAll('[class]');
  for (let i = 0; i < classed.length; i++) classed[i]?.removeAttribute('class');

  const host = hostOf(url);
  const ld = articleLd(doc);
  const metas = metaIndex(doc);
  const site = siteOf(doc, host, metas);
  const declared = publishedOf(doc, ld, metas) ?? toIso(parsed.publishedTime);
  const wordCount = countWords(paragraphs);
  const ogType = metas.get('property=og:type') ?? null;
  const reason = notArticleReason({
    url, words: wordCount, paragraphs: paragraphs.length, ogType,
    hasArticleMeta: Boolean(ld) || /article/i.test(ogType ?? '') || declared !== null,
    linkDensity: textChars ? linkChars / textChars : 0,
  });

  const title = titleOf(doc, ld, site, host, metas) || collapse(parsed.title ?? '') || fallbackTitle(url, paragraphs, host);
  // Only a declared date says "article" above; the headline's date or the URL's fills the field.
  const published = declared ?? publishedFromPage(doc, url, title);
  const article: Article = {
    url,
    canonicalUrl: canonicalUrl(doc, url, metas),
    title,
    byline: bylineOf(doc, ld, parsed.byline, metas, host) ?? (ending.signoff ? signoffNames(ending.signoff) : null),
    published,
    site,
    host,
    lang: detectLang(paragraphs, langOf(doc, metas) ?? parsed.lang ?? null),
    excerpt: excerptOf(doc, parsed.excerpt, metas),
    paragraphs,
    contentHtml: content.outerHTML,
    image: imageOf(doc, url, metas),
    wordCount,
  };
  const source = sourceOf(hidden);
  if (source) article.source = source;
  // Not an article: keep only sentence-like blocks (widget labels such as "Vote Photo" are not its text).
  if (reason) article.paragraphs = paragraphs.filter((p) => countWords([p]) >= 4);
  return reason
    ? { isArticle: false, notArticleReason: reason, article, hidden }
    : { isArticle: true, article, hidden };
}
