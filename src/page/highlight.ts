/**
 * Entity highlighting on the live page without touching its DOM: mentions are found by text
 * (so they survive the page re-rendering) and painted with the CSS Custom Highlight API.
 */

import { wholeWordsRe } from '../regex';

// TITLE: some pages put a second <title> inside <body>; its text is never shown.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'TEMPLATE', 'SVG', 'TITLE']);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The live element that holds the article: the deepest element whose text contains both the
 * first and the last paragraph (by their opening words). Falls back to <body>.
 */
export function locateArticleRoot(doc: Document, paragraphs: string[]): Element {
  const body = doc.body ?? doc.documentElement;
  const probes = [paragraphs[0], paragraphs[paragraphs.length - 1]]
    .filter((p): p is string => !!p)
    .map((p) => norm(p).slice(0, 60));
  if (!probes.length) return body;
  let best: Element = body;
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const text = norm(child.textContent ?? '');
      if (probes.every((p) => text.includes(p))) {
        best = child;
        walk(child);
        return;
      }
    }
  };
  walk(body);
  return best;
}

function isHidden(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) if (e.hasAttribute('data-sorot-clutter') && !e.hasAttribute('data-sorot-shown')) return true;
  return false;
}

/** The text nodes a reader sees under root: not in scripts, styles or hidden elements. */
function visibleText(root: Element): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const parent = n.parentElement;
      if (!parent || SKIP.has(parent.tagName.toUpperCase()) || isHidden(parent)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
}

/** Ranges of whole-word, case-sensitive matches of any surface form inside root's visible text. */
export function findMentionRanges(root: Element, surfaces: string[]): Range[] {
  const forms = [...new Set(surfaces.filter((s) => s.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (!forms.length) return [];
  const re = wholeWordsRe(forms);
  const doc = root.ownerDocument;
  const walker = visibleText(root);
  const ranges: Range[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = doc.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      ranges.push(r);
    }
  }
  return ranges;
}

/** Where a mention is: its paragraph of the article and character offsets in it (types.ts Mention). */
export interface MentionAt {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** s with whitespace runs collapsed to one space and trimmed, and for each index of s its index there. */
function collapse(s: string): { text: string; at: Int32Array } {
  const at = new Int32Array(s.length + 1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    at[i] = out.length;
    const ch = s[i]!;
    if (/\s/.test(ch)) {
      if (out.length && out[out.length - 1] !== ' ') out += ' ';
    } else out += ch;
  }
  at[s.length] = out.length;
  if (out.endsWith(' ')) out = out.slice(0, -1);
  return { text: out, at };
}

/**
 * Ranges of the given mentions of an entity (and of nothing else) in root's visible text: each
 * mention's paragraph is found in the page's text, whitespace ignored, and the mention at its
 * offset in it. So the page shows exactly the article's mentions of that entity, as many as the
 * panel counts: not another person's name that contains the same word ("Joseph Bankman" for
 * "Bankman"), not the same word in a caption. A paragraph the page writes differently is found
 * by the words around the mention; a mention found neither way is left out.
 */
export function findMentionRangesAt(root: Element, paragraphs: readonly string[], mentions: readonly MentionAt[]): Range[] {
  const doc = root.ownerDocument;
  const walker = visibleText(root);
  // The visible text as one string, whitespace collapsed, and where each of its characters is.
  const nodes: Text[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  let flat = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    nodes.push(n as Text);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (/\s/.test(ch)) {
        if (!flat.length || flat[flat.length - 1] === ' ') continue;
        flat += ' ';
      } else flat += ch;
      nodeOf.push(nodes.length - 1);
      offsetOf.push(i);
    }
  }
  const lowerFlat = flat.toLowerCase();
  const found = new Map<number, number>(); // paragraph -> its start in flat (-1: not found)
  let cursor = 0;
  const paragraphAt = (i: number): number => {
    let at = found.get(i);
    if (at !== undefined) return at;
    const p = collapse(paragraphs[i] ?? '').text;
    at = p ? flat.indexOf(p, cursor) : -1;
    if (at < 0 && p) at = flat.indexOf(p);
    if (at < 0 && p) at = lowerFlat.indexOf(p.toLowerCase());
    if (at >= 0) cursor = at + p.length;
    found.set(i, at);
    return at;
  };
  const ranges: Range[] = [];
  const seen = new Set<number>();
  for (const m of [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)) {
    const para = paragraphs[m.paragraph];
    if (typeof para !== 'string' || m.start < 0 || m.end > para.length || m.end <= m.start) continue;
    const c = collapse(para);
    const ns = c.at[m.start]!;
    const name = collapse(para.slice(m.start, m.end)).text;
    if (!name) continue;
    let from = -1;
    const pAt = paragraphAt(m.paragraph);
    if (pAt >= 0 && flat.startsWith(name, pAt + ns)) from = pAt + ns;
    else if (pAt >= 0 && lowerFlat.startsWith(name.toLowerCase(), pAt + ns)) from = pAt + ns;
    else {
      // The words around the mention as the page writes them: both sides, else the words
      // before it, else the words after it.
      const ws = Math.max(0, ns - 24);
      const ne = ns + name.length;
      for (const [a, b] of [[ws, ne + 24], [ws, ne], [ns, ne + 24]] as const) {
        if (b - a <= name.length) continue;
        const w = flat.indexOf(c.text.slice(a, b), pAt >= 0 ? pAt : 0);
        if (w >= 0) { from = w + (ns - a); break; }
      }
    }
    if (from < 0 || seen.has(from) || from + name.length > flat.length) continue;
    seen.add(from);
    const last = from + name.length - 1;
    const r = doc.createRange();
    r.setStart(nodes[nodeOf[from]!]!, offsetOf[from]!);
    r.setEnd(nodes[nodeOf[last]!]!, offsetOf[last]! + 1);
    ranges.push(r);
  }
  return ranges;
}

const ALL = 'sorot-entity';
const CURRENT = 'sorot-entity-current';
export const HIGHLIGHT_CSS = `::highlight(${ALL}){background:#ffe27a;color:#111}::highlight(${CURRENT}){background:#ff9f1a;color:#000}`;

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
function registry(win: Window): { reg: HighlightRegistry; Highlight: new (...r: Range[]) => unknown } | null {
  const css = (win as any).CSS;
  const Highlight = (win as any).Highlight;
  return css?.highlights && Highlight ? { reg: css.highlights, Highlight } : null;
}

/**
 * Paint all mentions (the given ones, see findMentionRangesAt, else every match of the surfaces) and scroll to the `step`-th one (wrapping). Returns how many were found and
 * which one is current (1-based; 0 when none).
 */
export function highlightMentions(
  doc: Document, root: Element, surfaces: string[] | null, step: number,
  at?: { paragraphs: readonly string[]; mentions: readonly MentionAt[] },
): { count: number; current: number } {
  const win = doc.defaultView;
  const hl = win ? registry(win) : null;
  hl?.reg.delete(ALL);
  hl?.reg.delete(CURRENT);
  if (!surfaces?.length && !at?.mentions.length) return { count: 0, current: 0 };
  // The entity's own mentions where the article's paragraphs are known (the panel's count);
  // its surface forms only as a fallback.
  let ranges = at?.mentions.length && at.paragraphs.length ? findMentionRangesAt(root, at.paragraphs, at.mentions) : [];
  if (!ranges.length && surfaces?.length) ranges = findMentionRanges(root, surfaces);
  if (!ranges.length) return { count: 0, current: 0 };
  const i = ((step % ranges.length) + ranges.length) % ranges.length;
  const current = ranges[i]!;
  if (hl) {
    hl.reg.set(ALL, new hl.Highlight(...ranges));
    hl.reg.set(CURRENT, new hl.Highlight(current));
  }
  const target = current.startContainer.parentElement;
  target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  return { count: ranges.length, current: i + 1 };
}
