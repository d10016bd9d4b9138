/**
 * Entity highlighting on the live page without touching its DOM: mentions are found by text
 * (so they survive the page re-rendering) and painted with the CSS Custom Highlight API.
 */

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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ranges of whole-word, case-sensitive matches of any surface form inside root's visible text. */
export function findMentionRanges(root: Element, surfaces: string[]): Range[] {
  const forms = [...new Set(surfaces.filter((s) => s.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (!forms.length) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const parent = n.parentElement;
      if (!parent || SKIP.has(parent.tagName.toUpperCase()) || isHidden(parent)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
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
 * Paint all mentions and scroll to the `step`-th one (wrapping). Returns how many were found and
 * which one is current (1-based; 0 when none).
 */
export function highlightMentions(doc: Document, root: Element, surfaces: string[] | null, step: number): { count: number; current: number } {
  const win = doc.defaultView;
  const hl = win ? registry(win) : null;
  hl?.reg.delete(ALL);
  hl?.reg.delete(CURRENT);
  if (!surfaces?.length) return { count: 0, current: 0 };
  const ranges = findMentionRanges(root, surfaces);
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
