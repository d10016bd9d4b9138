/**
 * Cleaning around Readability: before it (on the working copy, made without the marked clutter)
 * help it pick the right container; after it drop what is left, using the same rules table.
 */
import { findClutterIn, type NamedElements } from '../clutter/detect';
import { CLUTTER_ATTR, RULE_ATTR, SHOWN_ATTR } from '../clutter/hide';
import { INITIALS, TEXT_RULES, TEXT_RULE_START, collapse, collapsedLength } from '../clutter/rules';
import type { SiteRule } from '../clutter/sites';

/** Class/id names of photo boxes; their short text is a caption or credit, not running text. */
const PIC_NAME = /^(?:pic|photo|foto|image|img|gambar|figure|caption|thumb)|[-_](?:pic|picture|photo|foto|image|img|caption|credit)(?:[-_\d].*)?$|caption/i;
/** Every name PIC_NAME matches holds one of these words: most class strings fail here, before the split. */
const PIC_HINT = /pic|photo|foto|image|img|gambar|figure|caption|thumb|credit/i;
const CAPTION_MAX_CHARS = 400;

/**
 * What figureCaptions reads from the clutter scan: only the class/id elements with a photo word
 * in a name (no other can be a photo box), for the scan to keep in ScanStats.named.
 */
export const captionNames = (): NamedElements => ({ elements: [], classes: [], ids: [], only: PIC_HINT });

/**
 * Photo boxes become <figure> with a <figcaption>, so Readability keeps the image and the text walker skips the caption.
 * `named`: the class/id elements the clutter scan read on this same document before clutter was
 * removed from it (their names are not read again; those removed since are skipped), all of them
 * or only those with a photo word in a name (captionNames).
 */
function figureCaptions(doc: Document, limit: number, named?: NamedElements): void {
  if (!doc.body) return;
  const list = named ?? readNames(doc.body.querySelectorAll('[class], [id]'), limit);
  const boxes: Element[] = [];
  // Class strings repeat: their verdict (0 no photo name, 1 photo, 2 caption) is memoised.
  const memo = new Map<string, number>();
  const kindOf = (names: string): number => {
    if (!PIC_HINT.test(names)) return 0;
    const list = names.split(/\s+/).filter(Boolean);
    if (!list.some((n) => PIC_NAME.test(n))) return 0;
    return list.some((n) => /caption/i.test(n)) ? 2 : 1;
  };
  for (let i = 0; i < Math.min(list.elements.length, limit); i++) {
    const el = list.elements[i];
    const cls = list.classes[i] ?? '';
    const id = list.ids[i];
    let kind: number | undefined;
    if (id) kind = kindOf(`${cls} ${id}`);
    else if ((kind = memo.get(cls)) === undefined) memo.set(cls, (kind = kindOf(cls)));
    if (!kind || !el || el.tagName === 'IMG' || el.tagName === 'FIGURE' || el.tagName === 'FIGCAPTION' || !el.isConnected) continue;
    const length = collapsedLength(el.textContent ?? '');
    const max = kind === 2 ? 3 * CAPTION_MAX_CHARS : CAPTION_MAX_CHARS;
    if (!length || length > max || el.querySelector('h1, h2, h3, p p, ul, ol')) continue;
    boxes.push(el);
  }
  for (const el of boxes) {
    if (!el.isConnected || el.closest('figcaption')) continue;
    const figure = doc.createElement('figure');
    const caption = doc.createElement('figcaption');
    for (const img of Array.from(el.querySelectorAll('img'))) figure.appendChild(img);
    caption.textContent = collapse(el.textContent ?? '');
    figure.appendChild(caption);
    el.replaceWith(figure);
  }
}

function readNames(all: NodeListOf<Element>, limit: number): NamedElements {
  const out: NamedElements = { elements: [], classes: [], ids: [] };
  for (let i = 0; i < Math.min(all.length, limit); i++) {
    const el = all[i] as Element;
    out.elements.push(el);
    out.classes.push(el.getAttribute('class'));
    out.ids.push(el.getAttribute('id'));
  }
  return out;
}

/** Marks page furniture in the clone; removed after Readability (removing it before changes Readability's pick). */
const META_ATTR = 'data-sorot-meta';

const TITLE_META_NAME = /(?:^|[\s_-])(?:summary|excerpt|deck|subtitle|sub-title|standfirst|date|time|author|byline|reporter|meta|kanal|upperdeck|smalldesc|breadcrumbs?)(?:$|[\s_-])/i;

/**
 * Marks el as page furniture. A box holding only text and inline content gets the mark on a <p>
 * made around its content too: Readability wraps such text in a new <p> and puts that <p> in the
 * box's place (the box's attributes, and so the mark, were lost: VIVA's deck div.summary).
 */
function markMeta(el: Element, kind: string): void {
  el.setAttribute(META_ATTR, kind);
  if (el.tagName !== 'DIV' || !el.firstChild) return;
  for (let c: ChildNode | null = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && !PHRASING.has((c as Element).tagName) && (c as Element).tagName !== 'BR') return;
  }
  const p = el.ownerDocument.createElement('p');
  p.setAttribute(META_ATTR, kind);
  while (el.firstChild) p.appendChild(el.firstChild);
  el.appendChild(p);
}

/** The headline's own box (kicker, date, author around the <h1>) is not body text. */
function markTitleBlock(doc: Document): void {
  const h1 = Array.from(doc.querySelectorAll('h1')).find((h) => collapsedLength(h.textContent ?? '') >= 10);
  const box = h1?.parentElement;
  if (!h1 || !box || box.tagName === 'BODY' || box.tagName === 'ARTICLE' || box.tagName === 'MAIN') return;
  const rest = collapsedLength(box.textContent ?? '') - collapsedLength(h1.textContent ?? '');
  if (rest > 300 || box.querySelectorAll('p').length > 2) return;
  for (const el of Array.from(box.querySelectorAll('*'))) if (!el.querySelector('h1') && el !== h1) markMeta(el, 'title-block');
  // Deck, date and author boxes that follow the headline box.
  let n = 0;
  for (let s = box.nextElementSibling; s && n < 6; s = s.nextElementSibling, n++) {
    const names = `${s.getAttribute('class') ?? ''} ${s.getAttribute('id') ?? ''}`;
    if (!TITLE_META_NAME.test(names) || collapsedLength(s.textContent ?? '') > 300 || s.querySelector('p + p')) break;
    markMeta(s, 'title-meta');
  }
}

/** Inline content that may trail a paragraph an ad was injected into. */
const PHRASING = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'SPAN', 'FONT', 'U', 'SMALL', 'BIG', 'SUB', 'SUP', 'MARK', 'CITE', 'Q', 'ABBR', 'TIME']);
const NON_SPACE = /[^\s\u00a0\u200b]/;

/**
 * An ad injected mid-paragraph (Media Indonesia: `<p>first half<div class="flying-carpet">…</div>
 * second half</p>`) is parsed as `<p>first half</p><div>ad</div> second half<p></p>`: the parser
 * closes the <p> at the <div> and turns the stray </p> into an empty paragraph. With the ad removed
 * from the copy, the loose second half sits between the first half and that empty <p>: it is
 * moved back into the paragraph. Only when nothing but inline content separates them (a kept
 * figure or box in between means the text order is the page's own).
 */
function rejoinSplitParagraphs(doc: Document): void {
  const paragraphs = doc.body?.getElementsByTagName('p');
  if (!paragraphs) return;
  const empties: Element[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as Element;
    if (!p.firstChild) empties.push(p);
  }
  for (const empty of empties) {
    const run: Node[] = [];
    let s = empty.previousSibling;
    for (; s; s = s.previousSibling) {
      if (s.nodeType === 3 || s.nodeType === 8 || (s.nodeType === 1 && PHRASING.has((s as Element).tagName))) run.push(s);
      else break;
    }
    if (!s || s.nodeName !== 'P' || !run.some((n) => n.nodeType !== 8 && NON_SPACE.test(n.textContent ?? ''))) continue;
    const first = s as Element;
    first.appendChild(doc.createTextNode(' '));
    for (const n of run.reverse()) first.appendChild(n);
    empty.remove();
  }
}

/**
 * On the working copy (the marked clutter already removed from it): rejoin
 * paragraphs an ad split, mark the headline's box and turn photo boxes into figures, so
 * Readability picks the right container and reads whole paragraphs.
 */
export function precleanClone(doc: Document, limit = 30000, named?: NamedElements): void {
  dropStrayHeadElements(doc);
  rejoinSplitParagraphs(doc);
  // Scripts, iframes and empty paragraphs (left where an ad split a <p>) Readability removes itself.
  markTitleBlock(doc);
  figureCaptions(doc, limit, named);
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * A <title> in the body: a widget that pastes a whole page's head into the article (liputan6's
 * comments box) makes the page title a paragraph of text at the article's end. HTML titles only:
 * an SVG icon's <title> is its accessible name.
 */
function dropStrayHeadElements(doc: Document): void {
  if (!doc.body) return;
  for (const el of Array.from(doc.body.getElementsByTagName('title'))) if (el.namespaceURI === XHTML) el.remove();
}

/** On Readability's content: the same rules again (classes survive with keepClasses). */
export function postcleanContent(root: Element, url: string, siteRules?: SiteRule[]): void {
  for (const el of Array.from(root.querySelectorAll(`[${META_ATTR}]`))) el.remove();
  // A sign-off ending a paragraph (a hit on part of its text) is cleanParagraphs' to drop, not the paragraph.
  for (const hit of findClutterIn(root, url, { sites: true, linkLists: 'all', siteRules })) if (!hit.from) hit.element.remove();
  for (const el of Array.from(root.querySelectorAll(`[${CLUTTER_ATTR}], [${RULE_ATTR}], [${SHOWN_ATTR}]`))) {
    el.removeAttribute(CLUTTER_ATTR);
    el.removeAttribute(RULE_ATTR);
    el.removeAttribute(SHOWN_ATTR);
  }
  dropTrailingFurniture(root);
  dropLeadCaption(root);
}

/** A dateline opening the lead: "Jakarta -", "JAKARTA, KOMPAS.com -", "Mangupura, (Metrobali.com)-", "Jakarta (ANTARA) -". */
const LEAD_DATELINE = /^\p{Lu}[\p{L}\p{N}.'’ ]{1,40}?(?:,\s*\(?[\p{L}\p{N}.]{2,30}\)?|\s*\([\p{L}\p{N}.]{2,30}\))?\s*[-–—]/u;
const LEAD_CAPTION_MAX = 300;

/**
 * The photo's caption written as the body's first paragraph, all in italics, before the lead's
 * dateline (WordPress regional sites: "<p><em>Bupati ... saat meninjau ..., Jumat (9/10).</em></p>
 * <p><strong>Mangupura, (Metrobali.com)-</strong></p>"). The dateline is where the article starts;
 * an italic paragraph before it is not running text.
 */
function dropLeadCaption(root: Element): void {
  let first: Element | null = null;
  let next: Element | null = null;
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    if (!NON_SPACE.test(p.textContent ?? '')) continue;
    if (first) {
      next = p;
      break;
    }
    first = p;
  }
  if (!first || !next || first.contains(next)) return;
  const text = collapse(first.textContent ?? '');
  if (text.length > LEAD_CAPTION_MAX || LEAD_DATELINE.test(text) || !LEAD_DATELINE.test(collapse(next.textContent ?? ''))) return;
  let italic = 0;
  for (const em of Array.from(first.querySelectorAll('em, i'))) if (!em.parentElement?.closest('em, i')) italic += collapsedLength(em.textContent ?? '');
  if (italic >= text.length - 2) first.remove();
}

/** Labels of the page furniture that follows an article: "Halaman:", "Tags", "Terkini", "Video pilihan". */
const TRAILING_LABEL = /^(?:halaman|tags?|topik|terkini|berita terkini|terpopuler|video pilihan|berita terkait|artikel terkait|baca juga|rekomendasi|bagikan|share)\s*:?$/i;
const RUNNING_TEXT_MIN = 60;
const UNITS = 'p, li, blockquote, h2, h3, h4, h5, h6';

/**
 * After the last paragraph of running text, Readability sometimes keeps the template's tail: an
 * empty "Halaman:" pager, "Tags" and "Terkini" headings with their lists gone, a video promo that is
 * only a linked thumbnail and its caption (tribunnews). A tail piece goes when it has no text, only
 * such a label, or only text inside links and captions; a short closing sentence stays.
 */
function dropTrailingFurniture(root: Element): void {
  const units = root.querySelectorAll(UNITS);
  let last: Element | null = null;
  for (let i = units.length - 1; i >= 0 && !last; i--) {
    const u = units[i]!;
    const text = collapse(u.textContent ?? '');
    if (text.length < RUNNING_TEXT_MIN) continue;
    let linked = 0;
    for (const a of u.querySelectorAll('a')) linked += collapse(a.textContent ?? '').length;
    if (linked < text.length / 2) last = u;
  }
  if (!last) return;
  for (let node: Element | null = last; node && node !== root; node = node.parentElement) {
    for (let sib = node.nextElementSibling; sib; ) {
      const next = sib.nextElementSibling;
      if (isFurniture(sib)) sib.remove();
      sib = next;
    }
  }
}

function isFurniture(el: Element): boolean {
  const text = collapse(el.textContent ?? '');
  if (!text) return !el.querySelector('img, picture, video, iframe, table') || !!el.querySelector('a img, a picture');
  if (TRAILING_LABEL.test(text)) return true;
  // Only links and captions: a promo card or a list of headlines.
  let kept = text.length;
  for (const x of el.querySelectorAll('a, figcaption')) if (!x.parentElement?.closest('a, figcaption')) kept -= collapse(x.textContent ?? '').length;
  // Bare addresses written out are the article's own (a contact list at its end), not a promo.
  return kept <= 2 && !!el.querySelector('a[href]') && !/^(?:(?:https?:\/\/|www\.)\S+\s*)+$/i.test(text);
}

/** A whole block of text that a rule says is clutter (links are gone at this stage, so be strict). */
export function isClutterText(text: string): boolean {
  // Every rule is anchored at the start: most paragraphs fail on their first word.
  if (!TEXT_RULE_START.test(text)) return false;
  for (const rule of TEXT_RULES) {
    if (!rule.pattern.test(text) || text.length > rule.maxChars) continue;
    if (rule.needsLink && text.length > 30 && !/^[^:]{0,25}:/.test(text)) continue;
    return true;
  }
  return false;
}

/** Sign-off initials glued to the last sentence: "... kata dia. (Mvi/Ali)". Needs a slash to be sure. */
const TRAILING_INITIALS = /\s*[([]\s*[\w*.\- ]{1,25}(?:\/[\w*.\- ]{1,25}){1,3}\s*[)\]]\s*$/;

/** Page furniture that Readability sometimes keeps: date/view-count lines, photo credits. */
const NOT_BODY = [
  /^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\s*,\s*\d{1,2}\s+\p{L}+\s+\d{4}\b.{0,60}$/iu,
  /^[\d.,]+\s*(?:views?|kali dibaca|dibaca)$/i,
  /\|\s*[\d.,]+\s*views?$/i,
  /^(?:foto|photo|ilustrasi|gambar)\s*:\s*.{0,120}$/i,
  /^.{0,60}\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)\b,?\s+\d{1,2}[\s/-]+\S+[\s/-]+\d{2,4}.{0,25}\d{1,2}[:.]\d{2}(?:\s*(?:wib|wita|wit))?$/iu,
];

/** Every NOT_BODY pattern holds one of these words (a cheap first test; keep it a superset). */
const NOT_BODY_HINT = /senin|selasa|rabu|kamis|jum|sabtu|minggu|view|dibaca|foto|photo|ilustrasi|gambar/iu;

/** Captions that landed in the text: short blocks ending in a photo credit ("... Foto: Grammy"). */
const CREDIT_END = /(?:^|[.\s(])(?:foto|photo|ilustrasi|sumber foto|dok(?:umentasi)?)\s*:\s*[^.:]{1,60}\)?$/i;

/** A sign-off after the last sentence: "... tersebut. (H-4)", "... Denpasar. (Luh Wayanti)". */
const SIGNOFF_AFTER_SENTENCE = /([.!?"”’])\s*[([][^()[\]]{1,30}[)\]]$/;

/**
 * The reporter's name(s) in capitals closing the article, Tempo style: "DINI TEJA",
 * "FRISKI RIANA | ANTARA", "ANDITA RAHMA, M. ROSSENO AJI". Only a whole last block with no
 * lowercase letter, digit or sentence punctuation (a closing shout such as "MERDEKA!" stays).
 */
const CAPS_NAME = String.raw`\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,4}`;
const CAPS_SIGNOFF = new RegExp(String.raw`^${CAPS_NAME}(?: ?[|/,] ?${CAPS_NAME}){0,3}$`, 'u');
const CAPS_SIGNOFF_MAX = 80;

/** News agencies a Tempo-style sign-off names beside the reporter: a source, not a writer. */
const AGENCY = /^(?:ANTARA(?:NEWS)?|REUTERS|AP|AFP|XINHUA|BERNAMA|ANADOLU|DPA|KYODO|YONHAP|BBC|CNN|AL ?JAZEERA|TEMPO(?:\.CO)?|KORAN TEMPO|MAJALAH TEMPO|NYT|THE GUARDIAN|BLOOMBERG|CNBC|DW|VOA|PTI|ABC)$/;

/**
 * The reporters a capitals sign-off names ("FRISKI RIANA | ANTARA" -> "Friski Riana"), written in
 * title case; null when it names only agencies. The article's byline when the page gives none.
 */
export function signoffNames(signoff: string): string | null {
  const names = signoff.split(/\s*[|/,]\s*/).map((n) => n.trim()).filter((n) => n && !AGENCY.test(n));
  if (!names.length) return null;
  return names
    .map((n) => n.toLowerCase().replace(/(^|[\s.'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()))
    .join(', ');
}

/** `found.signoff`: set to the capitals sign-off the text ended with, when it was dropped. */
export function cleanParagraphs(blocks: string[], found?: { signoff?: string }): string[] {
  const out: string[] = [];
  for (const raw of blocks) {
    const text = collapse(raw.replace(TRAILING_INITIALS, (m) => (INITIALS.test(m.trim()) ? '' : m)));
    if (!text || isClutterText(text) || (NOT_BODY_HINT.test(text) && NOT_BODY.some((re) => re.test(text)))) continue;
    if (text.length <= 300 && text.includes(':') && CREDIT_END.test(text)) continue;
    out.push(text);
  }
  const tail = out[out.length - 1];
  if (tail !== undefined && out.length > 1 && tail.length <= CAPS_SIGNOFF_MAX && CAPS_SIGNOFF.test(tail)) {
    out.pop();
    if (found) found.signoff = tail;
  }
  const last = out.length - 1;
  const end = out[last];
  if (end !== undefined) out[last] = end.replace(SIGNOFF_AFTER_SENTENCE, '$1');
  return out;
}
