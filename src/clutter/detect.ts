/**
 * Clutter detection: structure and text rules first (rules.ts), per-site selectors only add
 * (sites.ts). Pure: reads the DOM, never mutates it.
 */
import type { ClutterReason } from '../types';
import {
  CLASS_EXEMPT, CLASS_HINT, CLASS_RULES, NEVER_HIDE_TAGS, PROTECTED_INSIDE, RULE_HEAD_CHARS, TEXT_RULES, TEXT_RULE_START, TEXT_TRIGGER,
  THRESHOLDS, TRIGGER_MAX_CHARS, INITIALS, collapse, collapsedLength, type ClassRule, type TextRule, AD_EMBEDS } from './rules';
import { siteRulesFor, type SiteRule } from './sites';

/**
 * `from`: the hit is only the end of `element`'s text, from its text child `child` (an index into
 * childNodes) at `offset` to the end: a sign-off closing a paragraph ("... kata dia. (ant/kid)").
 * Detection stays pure: markClutter wraps that text in a span of its own and marks the span.
 */
export type ClutterHit = { element: Element; reason: ClutterReason; rule: string; from?: TextTail };

/** The end of an element's text: from text child `child` at `offset`, and the `siblings` nodes after that child. */
export interface TextTail { child: number; offset: number; siblings: number }

const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE']);
const BLOCKISH = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'TD', 'TR', 'TABLE', 'TBODY', 'SECTION', 'ASIDE', 'ARTICLE',
  'BLOCKQUOTE', 'H2', 'H3', 'H4', 'H5', 'H6', 'DL', 'DD', 'DT', 'CENTER', 'FORM']);


/**
 * el's class attribute ('' when it has none: no caller tells that from null), read through the
 * reflecting property, cheaper than getAttribute (an SVG element's className is not a string).
 */
function classOf(el: Element): string | null {
  const cls = el.className;
  return typeof cls === 'string' ? cls : el.getAttribute('class');
}

/** The length of el's collapsed text (the string itself is not made). */
const textLength = (el: Element): number => collapsedLength(el.textContent ?? '');

function linkTextLength(el: Element): number {
  // Text inside a link is link text whole ("<a>Baca juga: Judul</a>", kumparan's read-also).
  if (el.closest('a[href]')) return textLength(el);
  let n = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) n += textLength(links[i] as Element);
  return n;
}

/** `length`: the collapsed length of el's text, when the caller has it. */
export function linkDensity(el: Element, length = textLength(el)): number {
  return length ? Math.min(1, linkTextLength(el) / length) : 0;
}

/** The article, its navigation, captions and comments are never clutter. */
function isProtected(el: Element): boolean {
  if (NEVER_HIDE_TAGS.has(el.tagName)) return true;
  if (el.matches(PROTECTED_INSIDE) || el.closest('nav, [role="navigation"], figure, #comments, .comments')) return true;
  return el.querySelector(PROTECTED_INSIDE) !== null;
}

/**
 * A share-named element around a linked headline is a story card whose buttons show on hover
 * (WordPress "hover-share-item"), not a share bar: share bars hold no headline (nor a byline).
 */
function isStoryCard(el: Element): boolean {
  for (const a of el.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], h5 a[href]')) if (textLength(a) >= 20) return true;
  // A share row that also holds the reporter's name (Okezone's "detail-social-share"): the byline
  // stays; the buttons inside are found by their own names.
  return el.querySelector(BYLINE_INSIDE) !== null;
}

const BYLINE_INSIDE = '[itemprop~="author"], [rel~="author"], [class*="author"], [class*="autor"], [class*="byline"], [class*="reporter"], [class*="penulis"], [class*="writer"]';

/** A class-matched element holding real prose is a container, not clutter. */
function holdsProse(el: Element): boolean {
  const length = textLength(el);
  if (length < THRESHOLDS.proseChars) return false;
  // Ad slots carry their loader scripts inline: code is not prose.
  let code = 0;
  for (const s of el.querySelectorAll('script, style, noscript, template')) code += textLength(s);
  return length - code - linkTextLength(el) >= THRESHOLDS.proseChars;
}

/**
 * The rule for an element's class and id. Pages repeat the same class strings hundreds of times,
 * so results for elements without an id (ids are unique) are memoised per class string for one scan.
 */
function classRuleFor(cls: string | null, id: string | null, memo: Map<string, ClassRule | null>): ClassRule | null {
  if (id || !cls) return classRuleOf(cls, id);
  let rule = memo.get(cls);
  if (rule === undefined) {
    rule = classRuleOf(cls, null);
    memo.set(cls, rule);
  }
  return rule;
}

function classRuleOf(cls: string | null, id: string | null): ClassRule | null {
  // Hint words hold no spaces, so a string without one has no name with one.
  if (!(cls && CLASS_HINT.test(cls)) && !(id && CLASS_HINT.test(id))) return null;
  const names = cls ? cls.split(/\s+/) : [];
  if (id) names.push(id);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (!name || !CLASS_HINT.test(name) || CLASS_EXEMPT.test(name)) continue;
    for (let k = 0; k < CLASS_RULES.length; k++) {
      const rule = CLASS_RULES[k] as ClassRule;
      if (rule.pattern.test(name)) return rule;
    }
  }
  return null;
}

/**
 * No rule for a text longer than boxMaxChars (every maxChars is below it; climb relies on this).
 * `text`: the block's collapsed text (BoxText: up to RULE_HEAD_CHARS, which decides every rule).
 */
function textRuleFor(text: BoxText, el: Element): TextRule | null {
  const { head, length } = text;
  for (let i = 0; i < TEXT_RULES.length; i++) {
    const rule = TEXT_RULES[i] as TextRule;
    // Past its maxChars only a box rule may apply (the test below would skip any other).
    if (length > rule.maxChars && !rule.box) continue;
    if (!rule.pattern.test(head)) continue;
    if (length > rule.maxChars) {
      if (length > THRESHOLDS.boxMaxChars || linkDensity(el, length) < THRESHOLDS.boxLinkDensity) continue;
    }
    if (rule.needsLink && length > 30 && linkDensity(el, length) < 0.25) continue;
    if (rule.atEnd && (!isAtBlockEnd(el) || inCaption(el))) continue;
    return rule;
  }
  return null;
}

/** 0: no rule can start with this text run; 1: a rule's pattern matches it; 2: only a rule's lead does. */
function anyTextRule(text: string): 0 | 1 | 2 {
  let lead = false;
  for (let i = 0; i < TEXT_RULES.length; i++) {
    const rule = TEXT_RULES[i] as TextRule;
    if (rule.pattern.test(text)) return 1;
    if (!lead && rule.lead?.test(text)) lead = true;
  }
  return lead ? 2 : 0;
}

const CAPTION_NAME = /caption|keterangan|credit|photo-?desc|desc-?(?:foto|photo|img|image)|(?:foto|photo|img|image|pic)[-_]?(?:desc|cap|ket|info)/i;

/** In a photo caption a closing "(REUTERS/Chaiwat Subprasom)" credits the photo: not a sign-off. */
function inCaption(el: Element): boolean {
  if (el.closest('figure, figcaption')) return true;
  let p: Element | null = el;
  for (let i = 0; p && i < 3; i++, p = p.parentElement) if (CAPTION_NAME.test(classOf(p) ?? '')) return true;
  return false;
}

/** Nothing but whitespace follows el in its inline run (a block sibling ends the run). */
function isAtBlockEnd(el: Element | Text): boolean {
  if (el.nodeType === 1 && BLOCKISH.has((el as Element).tagName)) return true;
  for (let node: Element | Text = el; ; ) {
    for (let s = node.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 1 && BLOCKISH.has((s as Element).tagName)) return true;
      if ((s.nodeType === 1 || s.nodeType === 3) && collapsedLength(s.textContent ?? '') !== 0) return false;
    }
    const p = node.parentElement;
    if (!p || BLOCKISH.has(p.tagName)) return true;
    node = p;
  }
}

function opensBracket(raw: string): boolean {
  let end = raw.length - 1;
  while (end >= 0 && raw.charCodeAt(end) <= 32) end--;
  const c = raw.charCodeAt(end);
  return c === 40 /* ( */ || c === 91 /* [ */;
}

function endsWithBracket(raw: string): boolean {
  let end = raw.length - 1;
  while (end >= 0 && raw.charCodeAt(end) <= 32) end--;
  const c = raw.charCodeAt(end);
  return c === 41 /* ) */ || c === 93 /* ] */;
}

/** A bracketed sign-off closing a text run, with the text before it: "... kata dia. (ant/kid)". */
const TAIL_SIGNOFF = /(\S)(\s*)([([][^()[\]]{1,40}[)\]])\s*$/;
/** "(Sumber: Antara)", "[Source: Reuters]": the source named after the last sentence. */
const SOURCE_SIGNOFF = /^[([]\s*(?:sumber|source)\s*:\s*[^()[\]:]{1,30}[)\]]$/i;
const SENTENCE_END = /[.!?"”’'»]/;
/** News agencies and photo desks: "(REUTERS/Andrew Kelly)", "(ANTARA FOTO/...)" credit a photo. */
const CREDIT_WORD = /^(?:foto|photo|dok|reuters|afp|ap|antara|antarafoto|ant?ara ?foto|epa|xinhua|getty|istimewa|ilustrasi|ist|detikcom)$/i;

/**
 * One part of a sign-off: a reporter's or editor's initials, a short code ("abd", "H-4", "Mvi").
 * A full name or an outlet ("Liputan6.com/Faizal Fanani") is a photo credit in a caption.
 */
const isInitials = (part: string): boolean => /^\s*[\p{L}\d*-]{1,8}\s*$/u.test(part) && !CREDIT_WORD.test(part.trim());

/** A sign-off in a text run: where its bracket starts, and whether a sentence's end comes before it. */
interface Bracketed { at: number; bracket: string; afterSentence: boolean; spaced: boolean }

/** The bracket closing a run glued to its text: "... kata dia. (ant/kid)". */
function gluedBracket(raw: string): Bracketed | null {
  const start = Math.max(0, raw.length - 100);
  const m = TAIL_SIGNOFF.exec(raw.slice(start));
  if (!m) return null;
  const [, before, gap, bracket] = m as unknown as [string, string, string, string];
  return { at: start + m.index + before.length + gap.length, bracket, afterSentence: SENTENCE_END.test(before), spaced: gap.length > 0 };
}

/** A bracket alone on its line after a <br> ("... Smartfren.<br><br>(Cas/Isk)"): the break ends the sentence. */
function ownLineBracket(node: Text, raw: string): Bracketed | null {
  const m = /^(\s*)([([][^()[\]]{1,40}[)\]])\s*$/.exec(raw);
  if (!m) return null;
  let prev = node.previousSibling;
  while (prev && prev.nodeType === 3 && !collapsedLength(prev.textContent ?? '')) prev = prev.previousSibling;
  if (!prev || prev.nodeName !== 'BR') return null;
  return { at: (m[1] as string).length, bracket: m[2] as string, afterSentence: true, spaced: true };
}

/** Where a sign-off may not be the end of running text: headings, captions, navigation. */
const NOT_RUNNING_TEXT = 'h1, h2, h3, h4, h5, h6, figure, figcaption, nav, [role="navigation"], a, button, title, option, textarea';

/**
 * A source tag an aggregator links inside brackets after the last sentence: "pungkasnya.[<a>sc</a>]"
 * (Blogger portals crediting suara.com). The bracket opens this run, the link and the closing
 * bracket follow it to the end of the block.
 */
function linkedBracket(node: Text, raw: string): (Bracketed & { siblings: number }) | null {
  const m = /([.!?"”’'»])(\s*)([([])\s*$/.exec(raw.slice(-20));
  if (!m) return null;
  const link = node.nextSibling;
  const close = link?.nextSibling;
  if (!link || link.nodeType !== 1 || !close || close.nodeType !== 3) return null;
  const want = m[3] === '[' ? ']' : ')';
  if (collapse(close.nodeValue ?? '') !== want || !isAtBlockEnd(close as Text)) return null;
  const label = collapse(link.textContent ?? '');
  if (!label || (link as Element).children.length > 0) return null;
  const at = raw.length - (m[0].length - (m[1] as string).length - (m[2] as string).length);
  return { at, bracket: `${m[3]}${label}${want}`, afterSentence: true, spaced: true, siblings: 2 };
}

/**
 * A sign-off glued to the end of a paragraph's text (the same cases cleanParagraphs drops from the
 * clean text): after a sentence's end any initials ("(abd)", "(H-4)") or a source line, anywhere
 * initials with a slash ("(ant/kid)"). Only the bracket is the hit, never the paragraph.
 */
function tailSignoff(node: Text, parent: Element): { offset: number; siblings: number; rule: string } | null {
  // Cheap first, on the run's last characters only (a paragraph's whole string is not made): it
  // must end with a bracket (spaces aside), or open one.
  let last = node.length > 24 ? node.substringData(node.length - 24, 24) : node.data;
  // (Unless those are all spaces: markup indentation after the text.)
  if (!last.trim()) last = node.data;
  const closed = endsWithBracket(last);
  if (!closed && !opensBracket(last)) return null;
  const raw = node.data;
  const found: (Bracketed & { siblings?: number }) | null = closed ? (gluedBracket(raw) ?? ownLineBracket(node, raw)) : linkedBracket(node, raw);
  if (!found) return null;
  const inner = collapse(found.bracket);
  const source = SOURCE_SIGNOFF.test(inner);
  if (!source && !(INITIALS.test(inner) && inner.slice(1, -1).split('/').every(isInitials))) return null;
  // Not after a sentence, only slashed initials with a space before them ("Rp5.000/kg)" is prose).
  if (!found.afterSentence && !(found.spaced && inner.includes('/') && !source)) return null;
  const siblings = found.siblings ?? 0;
  if ((!siblings && !isAtBlockEnd(node)) || parent.closest(NOT_RUNNING_TEXT) || inCaption(parent)) return null;
  return { offset: found.at, siblings, rule: source ? 'text:source-inline' : 'text:initials-inline' };
}

/** A block's collapsed text as the text rules read it: its length, and its first RULE_HEAD_CHARS characters. */
interface BoxText {
  length: number;
  head: string;
}

/**
 * collapse(raw) up to RULE_HEAD_CHARS, given its collapsed length. A prefix of raw collapses to a
 * prefix of collapse(raw) (a cut space run is still one space; only a last space may be trimmed),
 * so a long text is collapsed from its start only, unless that start is mostly spaces.
 */
function boxText(raw: string, length: number): BoxText {
  if (length <= RULE_HEAD_CHARS) return { length, head: collapse(raw) };
  let head = collapse(raw.slice(0, 2 * RULE_HEAD_CHARS));
  if (head.length < RULE_HEAD_CHARS) head = collapse(raw);
  return { length, head: head.slice(0, RULE_HEAD_CHARS) };
}

/** A child of el other than `from` whose own text starts clutter of another reason than `reason`. */
function holdsOtherLabel(el: Element, from: Element, reason: ClutterReason): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c === from) continue;
    const raw = c.textContent ?? '';
    if (!TEXT_RULE_START.test(raw)) continue;
    const t = collapse(raw);
    for (const rule of TEXT_RULES) if (rule.reason !== reason && t.length <= rule.maxChars && rule.pattern.test(t)) return true;
  }
  return false;
}

/**
 * From a short labelled text node, climb to the largest element that is still that label's
 * line or box ("Baca juga:" strong -> td -> table.linksisip), stopping at the body.
 */
function climb(start: Element, stopAt: Element, texts: Map<Element, BoxText | null>, leadOnly = false): { el: Element; rule: TextRule } | null {
  let best: { el: Element; rule: TextRule } | null = null;
  let el: Element | null = start;
  let bestText = '';
  for (let i = 0; el && el !== stopAt && i < THRESHOLDS.maxClimb; i++, el = el.parentElement) {
    // Labels in one container climb through the same ancestors: their text is read once per scan
    // (null: too big to be a label's box, checked on the raw length, then on the collapsed length
    // before the copy is made: past boxMaxChars textRuleFor finds no rule, so the climb ends as here).
    // Also null when no rule can match the text's start (TEXT_RULE_START fails): the climb ends
    // there just the same (textRuleFor would find no rule), without the text being collapsed.
    let text = texts.get(el);
    if (text === undefined) {
      const raw = el.textContent ?? '';
      if (raw.length > THRESHOLDS.boxMaxChars * 3 || !TEXT_RULE_START.test(raw)) text = null;
      else {
        const length = collapsedLength(raw);
        text = length > THRESHOLDS.boxMaxChars ? null : boxText(raw, length);
      }
      texts.set(el, text);
    }
    if (text === null) break;
    if (best && !text.head.startsWith(bestText.slice(0, 40))) break;
    // A line (not a box) ends where its parent also holds another kind of clutter: Republika's
    // credits table, tag list and share bar in one wrapper are three items, not one "editor" line.
    if (best && !best.rule.box && holdsOtherLabel(el, best.el, best.rule.reason)) break;
    const rule = textRuleFor(text, el);
    // A lead ("Penulis" in its own table cell) may climb two levels to the block its rule reads.
    if (!rule && !best && leadOnly && i < 2) continue;
    if (!rule || (best && rule.reason !== best.rule.reason) || isProtected(el)) break;
    best = { el, rule };
    bestText = text.head;
  }
  return best;
}

/** A bare label ("Jangan Lewatkan", "Baca Juga") heads the link list that follows it. */
/** Headline cards (picture, linked title, date, teaser) after a related label: every item links out. */
function isCardList(el: Element): boolean {
  const items = Array.from(el.children);
  if (items.length < 2) return false;
  const linked = items.filter((c) => c.querySelector('a[href]') && textLength(c) <= 400);
  return linked.length / items.length >= 0.8;
}

function followingLinkList(label: Element): Element[] {
  const out: Element[] = [];
  for (let s = label.nextElementSibling; s && out.length < 12; s = s.nextElementSibling) {
    if (s.tagName === 'BR') continue;
    const length = textLength(s);
    if (!length) continue;
    if (s.tagName === 'A' || linkDensity(s, length) >= 0.6 || isCardList(s)) out.push(s);
    else break;
  }
  return out;
}

function pushHit(hits: ClutterHit[], seen: Set<Element>, element: Element, reason: ClutterReason, rule: string): void {
  if (seen.has(element)) return;
  seen.add(element);
  hits.push({ element, reason, rule });
}

function insideHit(el: Element, seen: Set<Element>, root: Element): boolean {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (seen.has(p)) return true;
  return false;
}

/** Keep only outermost hits: hiding a box hides what is inside it. */
function outermost(hits: ClutterHit[]): ClutterHit[] {
  const set = new Set(hits.map((h) => h.element));
  return hits.filter((h) => {
    for (let p = h.element.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

export interface FindOptions {
  /** Also apply per-site selectors (default on). */
  sites?: boolean;
  /** siteRulesFor(url), when the caller already has it (one analysis scans twice). */
  siteRules?: SiteRule[];
  /** Where link lists count as related boxes: 'body' = inside the likely text container (live page), 'all' = anywhere (Readability output). */
  linkLists?: 'body' | 'all';
  /** Filled in by the text walk: the length of all text under root (= root.textContent.length) when it saw every text node. */
  stats?: ScanStats;
}

export interface ScanStats {
  textChars: number;
  complete: boolean;
  /** When given: every element with a class or id the scan read (document order), with both, for a later pass over the same names. */
  named?: NamedElements;
}

export interface NamedElements {
  elements: Element[];
  classes: Array<string | null>;
  ids: Array<string | null>;
  /** Only the elements whose class or id this matches (a later pass that wants only some names). */
  only?: RegExp;
}

/** Whether a scan keeps an element with these names in `list` (see NamedElements.only). */
const keeps = (list: NamedElements, cls: string | null, id: string | null): boolean =>
  !list.only || (cls !== null && list.only.test(cls)) || (id !== null && list.only.test(id));

const INLINE = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'SPAN', 'FONT', 'U', 'SMALL', 'BIG', 'SUB', 'SUP', 'MARK', 'P', 'BR', 'CITE', 'Q', 'ABBR', 'TIME']);

/** The element holding most of the running text: where long text runs' block parents concentrate. */
function topScored(score: Map<Element, number>): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  // forEach: a for-of over entries makes an array per entry.
  score.forEach((n, el) => {
    if (n > bestScore) {
      best = el;
      bestScore = n;
    }
  });
  return best;
}

const LIST_TAGS = 'ul, ol, div, section, aside, table, dl';

/** Links of 12+ characters under each element of a scope, with their text length. */
type LinkTally = Map<Element, { n: number; chars: number }>;

/**
 * One pass over the scope's links, adding each long link to every ancestor up to the scope:
 * the per-box counts without a query per box (nested boxes made that quadratic).
 */
function tallyLinks(scope: Element): LinkTally {
  const tally: LinkTally = new Map();
  const stop = scope.parentElement;
  // Indexed, not Array.from: a NodeList's iterator makes an object per item.
  const links = scope.getElementsByTagName('a');
  for (let i = 0, n = Math.min(links.length, THRESHOLDS.maxElements); i < n; i++) {
    const a = links[i] as Element;
    const len = textLength(a);
    if (len < 12) continue;
    for (let p = a.parentElement; p && p !== stop; p = p.parentElement) {
      const t = tally.get(p);
      if (t) {
        t.n++;
        t.chars += len;
      } else tally.set(p, { n: 1, chars: len });
    }
  }
  return tally;
}

/** A box that is mostly links (3+ of them) and little else: read-also, popular, latest lists. */
function isLinkList(el: Element, tally: LinkTally): boolean {
  const t = tally.get(el);
  if (!t || t.n < 3) return false;
  const length = textLength(el);
  return t.chars / Math.max(1, length) >= 0.6 && length - t.chars < 400;
}

const SPONSORED = 'a[rel~="sponsored"]';

/** The class/id elements a scan of root reads, with their names: what it leaves in ScanStats.named. */
export function namesIn(root: Element, only?: RegExp): NamedElements {
  const named = root.querySelectorAll('[class], [id]');
  const n = Math.min(named.length, THRESHOLDS.maxElements);
  const out: NamedElements = { elements: [], classes: [], ids: [], only };
  for (let i = 0; i < n; i++) {
    const el = named[i];
    if (!el) continue;
    const cls = classOf(el);
    const id = el.id;
    if (!keeps(out, cls, id)) continue;
    out.elements.push(el);
    out.classes.push(cls);
    out.ids.push(id);
  }
  return out;
}

/** Clutter inside root (usually doc.body). Pure detection. */
export function findClutterIn(root: Element, url: string, opts: FindOptions = {}): ClutterHit[] {
  const hits: ClutterHit[] = [];
  const seen = new Set<Element>();

  // 1. Per-site selectors (known portals), additive.
  if (opts.sites !== false) {
    for (const rule of opts.siteRules ?? siteRulesFor(url)) {
      for (const el of root.querySelectorAll(rule.selector)) {
        if (NEVER_HIDE_TAGS.has(el.tagName) || el.querySelector('h1')) continue;
        pushHit(hits, seen, el, rule.reason, rule.id);
      }
    }
  }
  // 2. Class/id vocabulary.
  // A static list: indexing a live collection is slow in some DOMs.
  const named = root.querySelectorAll('[class], [id]');
  const n = Math.min(named.length, THRESHOLDS.maxElements);
  const memo = new Map<string, ClassRule | null>();
  const keep = opts.stats?.named;
  for (let i = 0; i < n; i++) {
    const el = named[i];
    if (!el) continue;
    const cls = classOf(el);
    const id = el.id;
    if (keep && keeps(keep, cls, id)) {
      keep.elements.push(el);
      keep.classes.push(cls);
      keep.ids.push(id);
    }
    const rule = classRuleFor(cls, id, memo);
    // Inside a box already hit (ancestors come first), a hit would be dropped by outermost().
    if (!rule || seen.has(el) || insideHit(el, seen, root) || isProtected(el) || holdsProse(el)) continue;
    if (rule.reason === 'share' && isStoryCard(el)) continue;
    pushHit(hits, seen, el, rule.reason, rule.id);
  }
  // 3. Text rules on short text runs, climbed to their line or box. The same walk scores
  // where long text runs concentrate (the likely body, for link lists below).
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const bodyScore = new Map<Element, number>();
  const texts = new Map<Element, BoxText | null>();
  // Sign-offs inside a paragraph's text: hits on part of an element, kept apart (see outermost).
  const tails: ClutterHit[] = [];
  let triggers = 0;
  let visited = 0;
  let textChars = 0;
  let node: Node | null = walker.nextNode();
  for (; node && visited < THRESHOLDS.maxElements * 2; node = walker.nextNode(), visited++) {
    // The length first, without the string (Text.length is nodeValue.length).
    const length = (node as CharacterData).length;
    textChars += length;
    if (length < 3) continue;
    const long = length >= 60;
    // A long run's parent first: script and style source is neither scored nor a label, and a run
    // too long to be a label is scored on its length, so neither needs its string.
    let parent: Element | null = null;
    if (long) {
      parent = node.parentElement;
      if (!parent || SKIP_TEXT_PARENTS.has(parent.tagName)) continue;
    }
    const raw = length <= TRIGGER_MAX_CHARS * 2 || !long ? (node.nodeValue ?? '') : '';
    const label = length <= TRIGGER_MAX_CHARS * 2 && triggers < THRESHOLDS.maxTriggers && TEXT_RULE_START.test(raw);
    // A run too short to score that cannot start a rule either needs nothing more (not even its parent).
    // That includes the indentation between tags, most text nodes: TEXT_RULE_START needs a non-space.
    // A short run may still end a paragraph with its sign-off ("<a>Jokowi</a>. (abd)").
    const bracketEnd = !long && !label && (endsWithBracket(raw) || opensBracket(raw));
    if (!long && !label && !bracketEnd) continue;
    if (!parent) {
      parent = node.parentElement;
      if (!parent || SKIP_TEXT_PARENTS.has(parent.tagName)) continue;
    }
    if ((long || bracketEnd || label) && tails.length < 50) {
      const tail = tailSignoff(node as Text, parent);
      if (tail) {
        const child = Array.prototype.indexOf.call(parent.childNodes, node) as number;
        tails.push({ element: parent, reason: 'editor', rule: tail.rule, from: { child, offset: tail.offset, siblings: tail.siblings } });
      }
    }
    if (long) {
      let el: Element | null = parent;
      while (el && INLINE.has(el.tagName)) el = el.parentElement;
      if (el) bodyScore.set(el, (bodyScore.get(el) ?? 0) + length);
    }
    if (!label) continue;
    // All of these must hold, cheapest first: a label's size (the collapsed length, no copy), the
    // trigger words in the run and in its collapsed text, a rule matching that text.
    const size = collapsedLength(raw);
    if (!size || size > TRIGGER_MAX_CHARS || !TEXT_TRIGGER.test(raw)) continue;
    const t = collapse(raw);
    // Rules are anchored at the start of a block, so the block's first text run must match one itself.
    const kind = TEXT_TRIGGER.test(t) ? anyTextRule(t) : 0;
    if (!kind) continue;
    triggers++;
    const found = climb(parent, root, texts, kind === 2);
    if (!found || seen.has(found.el)) continue;
    pushHit(hits, seen, found.el, found.rule.reason, found.rule.id);
    if (found.rule.reason === 'related' && textLength(found.el) <= 30) {
      for (const s of followingLinkList(found.el)) pushHit(hits, seen, s, 'related', `${found.rule.id}+list`);
    }
  }
  if (opts.stats) {
    opts.stats.textChars = textChars;
    opts.stats.complete = !node;
  }
  // 4. Paid links: a short block whose text is mostly rel="sponsored" links is an ad, whatever its
  // class (WordPress ad plugins, hand-placed advertorial links).
  for (const a of Array.from(root.querySelectorAll(SPONSORED)).slice(0, 200)) {
    let el: Element | null = a;
    while (el && el !== root && INLINE.has(el.tagName)) el = el.parentElement;
    if (!el || el === root || seen.has(el) || isProtected(el)) continue;
    const length = textLength(el);
    const paid = Array.from(el.querySelectorAll(SPONSORED)).reduce((n, x) => n + textLength(x), 0);
    if (length <= THRESHOLDS.sponsoredMaxChars && paid / Math.max(1, length) >= 0.6) pushHit(hits, seen, el, 'ad', 'structure:sponsored-link');
  }

  for (const el of Array.from(root.querySelectorAll(AD_EMBEDS)).slice(0, 300)) {
    if (!seen.has(el) && !isProtected(el)) pushHit(hits, seen, el, 'ad', 'structure:ad-embed');
  }
  // 5. Link lists (related/popular boxes) by structure alone.
  if (opts.linkLists) {
    const scope = opts.linkLists === 'all' ? root : topScored(bodyScore);
    if (scope) {
      const tally = tallyLinks(scope);
      const boxes = scope.querySelectorAll(LIST_TAGS);
      for (let i = 0, n = Math.min(boxes.length, 3000); i < n; i++) {
        const el = boxes[i] as Element;
        if (seen.has(el) || el === scope || !isLinkList(el, tally) || isProtected(el)) continue;
        pushHit(hits, seen, el, 'related', 'structure:link-list');
      }
    }
  }
  const kept = outermost(hits);
  if (!tails.length) return kept;
  // A sign-off inside a hidden box goes with the box.
  const boxes = new Set(kept.map((h) => h.element));
  const inBox = (el: Element): boolean => {
    for (let p: Element | null = el; p; p = p.parentElement) if (boxes.has(p)) return true;
    return false;
  };
  return kept.concat(tails.filter((t) => !inBox(t.element)));
}

/** All clutter on the page. Pure: the document is not touched. */
export function findClutter(doc: Document, url: string, stats?: ScanStats, siteRules?: SiteRule[]): ClutterHit[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  try {
    return findClutterIn(root, url, { linkLists: 'body', stats, siteRules });
  } catch {
    // What the scan read so far is not the whole page.
    if (stats) {
      stats.complete = false;
      stats.named = undefined;
    }
    // Malformed or hostile markup must never break the page.
    return [];
  }
}
