/** Article metadata from meta tags, JSON-LD and the page: title, byline, date, site, canonical URL. */
import { isoInZone, parseDateText, urlDate } from './date-text';
import { collapse, collapsedLength } from '../clutter/rules';

/** Every <meta> key (property, name, itemprop) -> the content of its first element; also "property=key" etc. per attribute. */
export type MetaIndex = Map<string, string>;

const META_KEYS = ['property', 'name', 'itemprop'] as const;

/**
 * One pass over the page's <meta> elements; the metadata readers below take it so one analysis
 * reads the metas once (a querySelector per key walks the whole document each time).
 */
export function metaIndex(doc: Document): MetaIndex {
  const map: MetaIndex = new Map();
  const all = doc.getElementsByTagName('meta');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    const content = el.getAttribute('content') ?? '';
    for (let k = 0; k < META_KEYS.length; k++) {
      const attr = META_KEYS[k] as string;
      const key = el.getAttribute(attr);
      if (key === null) continue;
      if (!map.has(key)) map.set(key, content);
      if (!map.has(`${attr}=${key}`)) map.set(`${attr}=${key}`, content);
    }
  }
  return map;
}

const meta = (index: MetaIndex, ...keys: string[]): string | null => {
  for (const key of keys) {
    const v = index.get(key);
    if (v && collapse(v)) return collapse(v);
  }
  return null;
};

/** JSON-LD objects on the page, flattened (@graph, arrays). Malformed blocks are skipped. */
export function jsonLd(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.slice(0, 50).forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      /* invalid JSON-LD is common; ignore it */
    }
  }
  return out;
}

const ARTICLE_TYPES = /^(?:News|Report|Blog|Analysis|Opinion|Review|Satirical|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$/;
const isArticleLd = (o: Record<string, unknown>): boolean =>
  [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));

export function articleLd(doc: Document): Record<string, unknown> | null {
  return jsonLd(doc).find(isArticleLd) ?? null;
}

/** " - Kompas.com", " | Republika Online", "Okezone Lifestyle : " and similar outlet affixes. */
export function cleanTitle(raw: string, site: string | null, host: string): string {
  let t = collapse(raw);
  const outlet = [site, host.replace(/^www\./, '').split('.').slice(-2, -1)[0]].filter(Boolean) as string[];
  for (let i = 0; i < 2; i++) {
    const m = t.match(/^(.{15,}?)\s+[|\-–—:·»]\s+([^|\-–—:·»]{2,40})$/);
    if (m?.[1] && m[2] && looksLikeOutlet(m[2], outlet)) t = m[1].trim();
    // "Kompas.com - Judul", "Judul | Tempo", and "KapanLagi.com: Judul" (a colon needs no space before it).
    const p = t.match(/^([^|\-–—:·»]{2,40})\s+[|\-–—:·»]\s+(.{15,})$/) ?? t.match(/^([^|\-–—:·»]{2,40}):\s+(.{15,})$/);
    if (p?.[1] && p[2] && looksLikeOutlet(p[1], outlet)) t = p[2].trim();
  }
  return t;
}

function looksLikeOutlet(s: string, outlets: string[]): boolean {
  const x = s.toLowerCase().replace(/\s+/g, '');
  if (/\.(?:com|co\.id|id|net|org|tv)\b/.test(x)) return true;
  return outlets.some((o) => {
    const y = o.toLowerCase().replace(/\s+/g, '').replace(/\.(?:com|co\.id|id)$/, '');
    return y.length >= 3 && (x.includes(y) || y.includes(x));
  });
}

function sameSite(a: URL, b: URL): boolean {
  const reg = (h: string) => h.replace(/^www\./, '').split('.').slice(-2).join('.');
  return reg(a.hostname) === reg(b.hostname);
}

const TRACKING = /^(?:utm_\w+|fbclid|gclid|_ga|ref|src|source|medium|campaign)$/i;

export function canonicalUrl(doc: Document, url: string, metas = metaIndex(doc)): string {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    return url;
  }
  for (const raw of [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), meta(metas, 'og:url')]) {
    if (!raw) continue;
    try {
      const u = new URL(raw, base);
      if (/^https?:$/.test(u.protocol) && sameSite(u, base)) return u.href;
    } catch {
      /* bad href: try the next source */
    }
  }
  const u = new URL(base.href);
  u.hash = '';
  // forEach, not [...keys()]: in a Firefox content script the iterator of the page's
  // URLSearchParams is not iterable (Xray), and every page without a canonical link failed.
  const tracking: string[] = [];
  u.searchParams.forEach((_v, k) => {
    if (TRACKING.test(k)) tracking.push(k);
  });
  for (const k of tracking) u.searchParams.delete(k);
  return u.href;
}

/** ISO date-time, or null. Accepts "2022-12-12 10:31:00" and "2015/06/19 13:06:05" forms too. */
export function toIso(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(/^(\d{4})\/(\d{2})\/(\d{2})/, '$1-$2-$3')
    .replace(/^(\d{4}-\d{2}-\d{2})\s+(\d)/, '$1T$2')
    // "2015-06-19T03:40:00+07:00Z" (merdeka): an offset and a Z; the offset is the one meant.
    .replace(/([+-]\d{2}:?\d{2})Z$/, '$1')
    // "2015-06-16T14-05-11Z" (detik): the time is WIB, as the page shows it, despite the Z.
    .replace(/T(\d{2})-(\d{2})-(\d{2})Z$/, 'T$1:$2:$3+07:00');
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  // The page's own offset is kept ("+08:00": a WITA outlet's time stays 14.58 WITA, not 13.58 WIB).
  const off = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?(\d{2})$/.exec(s);
  return off ? isoInZone(d.getTime(), (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3]))) : d.toISOString();
}

export function publishedOf(doc: Document, ld: Record<string, unknown> | null, metas = metaIndex(doc)): string | null {
  // Lazily: the page-wide queries only when the metas say nothing.
  const candidates = [
    () => meta(metas, 'article:published_time', 'og:published_time', 'datePublished', 'publishdate', 'pubdate',
      'dtk:publishdate', 'content_PublishedDate', 'date', 'publish-date', 'publication_date'),
    () => (typeof ld?.datePublished === 'string' ? ld.datePublished : null),
    () => doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    const raw = c();
    const iso = toIso(raw) ?? (raw ? parseDateText(raw) : null);
    if (iso) return iso;
  }
  return null;
}

/** Elements that may hold the article's date as text (kompas .kcm-date, okezone .dates ...). */
const DATE_ELEMENTS = 'time, [class*="date"], [class*="Date"], [class*="tanggal"], [class*="waktu"], [class*="publish"], [id*="date"]';

/** The day (yyyy-mm-dd) of an ISO time in WIB. */
const wibDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

/**
 * The date written beside the headline, for pages whose metadata has none. First a date-like
 * element in the headline's block (the h1's parent and up to two levels more). Then the first one
 * after the h1 in the page, but sidebars further down list other articles' dates, so when the URL
 * has a /yyyy/mm/dd/ date that element must fall on the same day (it adds the time); else the
 * URL's date. Never decides whether the page is an article.
 */
export function publishedFromPage(doc: Document, url: string, title?: string | null): string | null {
  const dateOf = (el: Element) => parseDateText(el.getAttribute('datetime') ?? '') ?? abbrTime(el) ?? parseDateText(el.textContent ?? '');
  const h1 = doc.querySelector('article h1, h1') ?? headlineByText(doc, title);
  let block: Element | null = h1?.parentElement ?? null;
  for (let level = 0; block && block !== doc.body && level < 3; level++, block = block.parentElement) {
    const els = block.querySelectorAll(DATE_ELEMENTS);
    for (let i = 0; i < els.length && i < 50; i++) {
      const iso = dateOf(els[i]!);
      if (iso) return iso;
    }
  }
  // A date line right under the headline whatever its class ("v7-music-newsdetail-schedule").
  let n = 0;
  for (let s = h1?.nextElementSibling; s && n < 3; s = s.nextElementSibling, n++) {
    if (collapsedLength(s.textContent ?? '') > 80) break;
    const iso = dateOf(s);
    if (iso) return iso;
  }
  const fromUrl = urlDate(url);
  if (h1) {
    const els = doc.querySelectorAll(DATE_ELEMENTS);
    for (let i = 0; i < els.length && i < 300; i++) {
      const el = els[i]!;
      if (!(h1.compareDocumentPosition(el) & 4 /* follows the h1 */)) continue;
      const iso = dateOf(el);
      if (iso && (!fromUrl || wibDay(iso) === fromUrl)) return iso;
    }
  }
  return fromUrl;
}

/**
 * The hAtom form Blogger and older WordPress themes write: `<abbr class="published updated"
 * title="2020-10-09T10:10:00+07:00">9 Oktober 2020</abbr>`, the full time in the title while the
 * text shows the day only. The element itself or an <abbr> inside it.
 */
function abbrTime(el: Element): string | null {
  const abbr = el.tagName === 'ABBR' ? el : el.querySelector('abbr[title]');
  const title = abbr?.getAttribute('title')?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(title) ? toIso(title) : null;
}

const HEADLINE_TAGS = 'h2, h3, h4, h5, h6, div, span, p, strong, b, td';

/**
 * A page without an <h1> (old templates put the headline in a div or an h2): the first element
 * that holds exactly the article's title, not a link nor one holding links (a related list that
 * repeats the headline further down), among the body's first elements.
 */
function headlineByText(doc: Document, title: string | null | undefined): Element | null {
  const want = title ? collapse(title) : '';
  if (want.length < 10 || !doc.body) return null;
  const lower = want.toLowerCase();
  const els = doc.body.querySelectorAll(HEADLINE_TAGS);
  for (let i = 0; i < els.length && i < 3000; i++) {
    const el = els[i]!;
    if (el.childElementCount > 3 || collapsedLength(el.textContent ?? '') !== want.length) continue;
    if (collapse(el.textContent ?? '').toLowerCase() === lower && !el.closest('a') && !el.querySelector('a')) return el;
  }
  return null;
}

function ldAuthor(ld: Record<string, unknown> | null, key: 'author' | 'creator' = 'author'): string | null {
  const names = [ld?.[key]].flat().slice(0, 5).map((a) =>
    typeof a === 'string' ? a : a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string' ? (a as { name: string }).name : '',
  ).map(collapse).filter(Boolean);
  return names.length ? names.join(', ') : null;
}

/** The editor the page names in its microdata (ANTARA: `Editor: <span itemprop="editor">…</span>`), lowercased. */
function editorOf(doc: Document): string | null {
  const name = collapse(doc.querySelector('[itemprop="editor"]')?.textContent ?? '');
  return name && name.length <= 100 ? name.toLowerCase() : null;
}

const SOCIAL_HANDLE = /^@[\w.]+$/;
/** The publishing company or the site named as the author ("PT. VIVA MEDIA BARU - VIVA.co.id", "Liputan6.com"): not a writer. */
const PUBLISHER_AUTHOR = /^(?:PT|CV)\.?\s|\b[a-z0-9-]+\.(?:com|co\.id|id|net|tv)\b|\b(?:cyber|media) (?:media|group|network)$/i;

/** The writer's label, alone or joined to the editor's ("Redaktur & Reporter", JPNN; "Penulis/Editor"). */
const WRITER_LABEL = String.raw`(?:(?:redaktur|editor|penyunting)\s*(?:&|dan|\/)\s*)?(?:penulis|reporter|pewarta|wartawan)(?:\s*(?:&|dan|\/)\s*(?:redaktur|editor|penyunting))?`;
const CREDIT_LABEL = new RegExp(String.raw`^\s*${WRITER_LABEL}\s*:?\s*$|^\s*${WRITER_LABEL}\s*:`, 'i');
const CREDIT_NAME = new RegExp(String.raw`^${WRITER_LABEL}\s*:\s*(.{3,60}?)(?=\s+(?:editor|penyunting|redaktur|sumber|fotografer|foto)\s*:|\s*[|]|$)`, 'i');

/**
 * The writer a credits line names ("Penulis : Ferril Dennys", as a table row or a line), when no
 * meta tag or schema.org author gives one. Text nodes only, and only those a label starts.
 */
function creditAuthor(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 20000; node = walker.nextNode(), seen++) {
    const v = node.nodeValue ?? '';
    if (v.length > 40 && !CREDIT_LABEL.test(v)) continue;
    if (!CREDIT_LABEL.test(v)) continue;
    // The label's row or line: its cell's parent when the label sits alone in a cell.
    let block = node.parentElement;
    for (let i = 0; block && i < 3 && !/^(?:TR|P|DIV|LI|SPAN)$/.test(block.tagName); i++) block = block.parentElement;
    if (block?.tagName === 'TD' || block?.parentElement?.tagName === 'TR') block = block.closest('tr');
    // Text nodes kept apart: "Pewarta: Devi Nindy<br>Editor: Agus Salim" (ANTARA) has no space at the break.
    const text = block ? spacedText(block) : '';
    const name = text.length <= 160 ? CREDIT_NAME.exec(text)?.[1] : undefined;
    if (name) return name.trim();
  }
  return null;
}

/** A desk's initials ("bgs", "mea/mea"): the editor's code at the end of a detik piece, not a name a reader knows. */
const DESK_INITIALS = /^[a-z]{2,4}(?:\/[a-z]{2,4})*$/;
/** A person's name: two to five capitalised words (particles such as "bin", "van" allowed). */
const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|bin|binti|van|de|da|al|el)){1,4}$/u;

/** el's text with its text nodes kept apart: markup without spaces ("<div>Dewi Kania</div><span>Jurnalis</span>"). */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && parts.length < 40; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  return collapse(parts.join(' '));
}

/**
 * Author boxes: the usual class names, and a box named for the reporter or journalist
 * (Okezone's `div.nmreporter`: "<div>Dewi Kania</div><span>Jurnalis</span>").
 */
const AUTHOR_BOX = '.author, .detail__author, .read__author, [class*="reporter"], [class*="jurnalis"], [class*="wartawan"]';
/** A role word before or after the name. */
const WRITER_ROLE = /^(?:penulis|reporter|jurnalis|wartawan|kontributor|oleh)\s*:?\s+|\s*[,·|-]?\s+(?:penulis|reporter|jurnalis|wartawan|kontributor)$/i;
/** A box whose role says the name is not the writer's: an editor, a source outlet ("Agregasi"), a photographer. */
const NOT_WRITER_ROLE = /(?:^|\s)(?:agregasi|editor|redaktur|penyunting|sumber|fotografer|foto)\s*:?$|^(?:editor|redaktur|penyunting|sumber|fotografer|foto)\s*:/i;

/**
 * The writer a template shows in its author box ("Bagus Kurniawan - detiknews"): the name before
 * the outlet, when it reads as a person's name.
 */
function authorBox(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll(AUTHOR_BOX)).slice(0, 8)) {
    // A photo's credit line is styled as an author too ("Dok. Saleh Husin" under kompas pictures).
    if (el.querySelectorAll('a').length > 1 || el.closest('figure, .photo, [class*="caption"]') || el.parentElement?.querySelector(':scope > img')) continue;
    // The box's role under the name ("Dewi Kania Jurnalis", Okezone): an aggregated story names its source there.
    const box = spacedText(el);
    if (box.length > 200 || NOT_WRITER_ROLE.test(box)) continue;
    // The box, or its first line (Okezone's "<div class=namerep>Name, <b>Jurnalis</b></div><span>date</span>").
    for (const part of [el, el.firstElementChild]) {
      const full = part === el ? box : part ? spacedText(part) : '';
      if (!full || full.length > 80) continue;
      const text = full.replace(WRITER_ROLE, '').replace(/\s+[-–—|]\s+\S+$/, '');
      if (text.length <= 60 && PERSON_NAME.test(text)) return text;
    }
  }
  return null;
}

/** Letters and digits only, lowercased: "Metro Bali" and "metrobali.com" compare as "metrobali". */
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The outlet's own names, squashed: its host's main label ("metrobali" for metrobali.com) and
 * its og:site_name. A WordPress account named after the site ("Metro Bali") is not a writer.
 */
function outletNames(host: string, metas: MetaIndex): string[] {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  // The label before the public suffix ("co.id", "com", "or.id"): two from the end, or three.
  const main = labels.length >= 3 && /^(?:co|or|ac|go|web|my|biz|net|sch)$/.test(labels[labels.length - 2] ?? '') ? labels[labels.length - 3] : labels[labels.length - 2];
  const site = meta(metas, 'og:site_name');
  return [main ?? '', site ? squash(site) : ''].filter((n) => n.length >= 5);
}

/** The outlet itself ("Metro Bali"), or one of its desks written as one word ("kumparanNEWS", "detikNews"). */
function isOutletName(v: string, outlet: string): boolean {
  const sq = squash(v);
  return sq === outlet || (!/\s/.test(v) && sq.startsWith(outlet));
}

export function bylineOf(doc: Document, ld: Record<string, unknown> | null, readabilityByline: string | null | undefined, metas = metaIndex(doc), host = ''): string | null {
  const outlets = outletNames(host, metas);
  const fromMeta = meta(metas, 'author', 'article:author', 'dtk:author', 'content_author');
  let fromLd = ldAuthor(ld);
  // Some outlets put the editor in the JSON-LD author and the writer in its creator (ANTARA):
  // the page's own "Editor:" says which is which.
  if (fromLd && collapse(fromLd).toLowerCase() === editorOf(doc)) fromLd = ldAuthor(ld, 'creator');
  // Readability reads the page's byline only when the meta tags give none: the page's own
  // schema.org author comes last, for a meta author that names the company (VIVA).
  const author = doc.querySelector('[itemprop~="author"]');
  const fromPage = author ? collapse((author.querySelector('[itemprop~="name"]') ?? author).textContent ?? '') : null;
  const candidates: Array<string | null | undefined | (() => string | null)> = [fromLd, fromMeta && !/^https?:/.test(fromMeta) ? fromMeta : null, readabilityByline, fromPage, () => creditAuthor(doc), () => authorBox(doc)];
  for (const candidate of candidates) {
    const c = typeof candidate === 'function' ? candidate() : candidate;
    // "Oleh: X", "Kontributor Lhokseumawe, Masriadi": the name.
    const v = c ? collapse(c).replace(/^(?:oleh|by|penulis|reporter|author)\s*:?\s*/i, '').replace(/^kontributor\s+[^,]{2,30},\s*(?=\S)/i, '') : '';
    // A social handle ("@geloranews") or an address names an account, not a writer.
    if (v && v.length <= 100 && !SOCIAL_HANDLE.test(v) && !DESK_INITIALS.test(v) && !/^(?:https?:|www\.)/i.test(v) && !PUBLISHER_AUTHOR.test(v)
      && !outlets.some((o) => isOutletName(v, o))) return v;
  }
  return null;
}

export function siteOf(doc: Document, host: string, metas = metaIndex(doc)): string {
  const name = meta(metas, 'og:site_name', 'application-name');
  if (!name) return host.replace(/^www\./, '');
  // A site name that repeats the headline before the outlet ("Judul :: Okezone News"): the outlet.
  const title = meta(metas, 'og:title', 'twitter:title');
  if (title && title.length >= 10 && name.length > title.length && name.startsWith(title)) {
    const rest = name.slice(title.length).replace(/^\s*(?:::|[|\-–—:·»])\s*/, '').trim();
    if (rest && rest !== name.slice(title.length).trim()) return rest;
  }
  return name;
}

const lettersOf = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function titleOf(doc: Document, ld: Record<string, unknown> | null, site: string | null, host: string, metas = metaIndex(doc)): string {
  const h1 = collapse(doc.querySelector('h1')?.textContent ?? '');
  const raw = meta(metas, 'og:title', 'twitter:title') ?? (typeof ld?.headline === 'string' ? ld.headline : null)
    ?? (h1.length >= 10 ? h1 : null) ?? collapse(doc.title ?? '');
  const title = cleanTitle(raw, site, host);
  // The page's own headline inside a meta title that still wraps it with a section or outlet
  // affix the cleaning did not know ("Musik - Judul", "Judul - Berita Terkini"): the headline.
  if (h1.length >= 15 && title.length > h1.length && (title.endsWith(h1) || title.startsWith(h1))) {
    const rest = (title.endsWith(h1) ? title.slice(0, -h1.length) : title.slice(h1.length)).trim();
    if (/^[|\-–—:·»]|[|\-–—:·»]$/.test(rest) && rest.length <= 40) return h1;
  }
  // The same words as the visible headline with its punctuation or capitals lost (a JSON-LD or
  // meta title stripped of "?" and ":"): the headline as the page shows it.
  if (h1.length >= 10 && h1 !== title && lettersOf(h1) === lettersOf(title)) return h1;
  return title;
}

/**
 * A title for a page that gives none (no og:title, headline, h1 or <title>): the headline most
 * Indonesian portals put in the URL ("/putin-hadiahkan-mobil-mewah-...-2437247"), else the first
 * sentence of the text, else the host. Never empty: lists and links need something to show.
 */
export function fallbackTitle(url: string, paragraphs: readonly string[], host: string): string {
  let slug = '';
  try {
    const segments = new URL(url).pathname.split('/').map((x) => decodeURIComponent(x));
    slug = segments.reverse().find((x) => (x.match(/[a-z]+/gi) ?? []).length >= 3 && /-/.test(x)) ?? '';
  } catch {
    /* not a URL: no slug */
  }
  // Ids and numbers in the slug ("2437247", "o2zwha283") are not headline words.
  const words = slug.replace(/\.[a-z]{2,5}$/i, '').split(/[-_]+/).filter((w) => w && !/\d/.test(w));
  if (words.length >= 3) {
    const t = words.join(' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  }
  const first = collapse(paragraphs.find((p) => p.trim()) ?? '')
    .replace(/^[A-Z][A-Z .]{2,30},\s*[^-–—]{2,40}?\s+[-–—]\s+/, ''); // "JAKARTA, KOMPAS.com - "
  const sentence = first.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence) return sentence.length > 110 ? `${sentence.slice(0, 107).replace(/\s+\S*$/, '')}…` : sentence;
  return host.replace(/^www\./, '');
}

export function langOf(doc: Document, metas = metaIndex(doc)): string | null {
  return doc.documentElement?.getAttribute('lang')?.trim() || meta(metas, 'og:locale', 'language', 'content-language') || null;
}

export function imageOf(doc: Document, url: string, metas = metaIndex(doc)): string | null {
  const raw = meta(metas, 'og:image', 'twitter:image', 'image');
  if (!raw) return null;
  try {
    const u = new URL(raw, url);
    return /^https?:$/.test(u.protocol) ? u.href : null; // not a data: placeholder
  } catch {
    return null;
  }
}

export function excerptOf(doc: Document, fallback: string | null | undefined, metas = metaIndex(doc)): string | null {
  return meta(metas, 'og:description', 'description', 'twitter:description') ?? (fallback ? collapse(fallback) : null);
}
