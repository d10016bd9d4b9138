/**
 * Entity highlighting inside the reading view's (already sanitised) article DOM: text nodes are
 * split and wrapped in <mark> elements built with createElement, never with HTML strings.
 */
import type { Entity } from '../../types';
import { wholeWordsRe } from '../../regex';

const SKIP = new Set(['A', 'CODE', 'PRE', 'MARK', 'SCRIPT', 'STYLE']);

/** Wrap every whole-word mention of the entities' surface forms. Returns the number of marks. */
export function highlightEntities(root: Element, entities: Entity[]): number {
  const bySurface = new Map<string, Entity>();
  for (const e of entities) {
    for (const s of [...e.surface, e.name]) {
      const f = s.trim();
      if (f.length > 1 && !bySurface.has(f)) bySurface.set(f, e);
    }
  }
  if (!bySurface.size) return 0;
  const forms = [...bySurface.keys()].sort((a, b) => b.length - a.length);
  const re = wholeWordsRe(forms);
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      for (let p = n.parentElement; p && p !== root; p = p.parentElement) if (SKIP.has(p.tagName)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let last = 0;
    const parts: Node[] = [];
    while ((m = re.exec(text))) {
      const ent = bySurface.get(m[0]);
      if (!ent) continue;
      if (m.index > last) parts.push(doc.createTextNode(text.slice(last, m.index)));
      const mark = doc.createElement('mark');
      mark.className = `ent ent-${ent.type}`;
      mark.dataset.entity = ent.id;
      mark.title = ent.role ? `${ent.name} (${ent.role})` : ent.name;
      mark.textContent = m[0];
      parts.push(mark);
      last = m.index + m[0].length;
      count++;
    }
    if (!parts.length) continue;
    if (last < text.length) parts.push(doc.createTextNode(text.slice(last)));
    node.replaceWith(...parts);
  }
  return count;
}

/** The readable blocks, in order, for text-to-speech. */
export function readableBlocks(root: Element): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6,p,li,blockquote,figcaption,td,th,pre'));
  // Skip blocks nested in another chosen block (li > p) and empty ones.
  return all.filter((el) => (el.textContent ?? '').trim().length > 0 && !all.some((o) => o !== el && o.contains(el) && !el.contains(o)));
}
