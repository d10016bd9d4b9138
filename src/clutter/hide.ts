/**
 * The one reversible hiding mechanism: attributes on the hidden elements plus one stylesheet.
 * Nothing is removed from the page, so undo is removing an attribute.
 */
import type { ClutterHit, TextTail } from './detect';

export const CLUTTER_ATTR = 'data-sorot-clutter';
export const RULE_ATTR = 'data-sorot-rule';
export const SHOWN_ATTR = 'data-sorot-shown';
export const HIDE_ATTR = 'data-sorot-hide';
/** On a span Sorot made around part of a text (a sign-off ending a paragraph): unmarkAll removes it. */
export const WRAP_ATTR = 'data-sorot-wrap';

export const HIDE_CSS = `html[${HIDE_ATTR}] [${CLUTTER_ATTR}]:not([${SHOWN_ATTR}]) { display: none !important; }\n`;

/**
 * The end of a text child as an element of its own: the text from `offset` moves into a new span
 * (the text node is split, nothing else changes). Null when the page changed since detection.
 */
function wrapTail(el: Element, { child, offset, siblings }: TextTail): Element | null {
  const node = el.childNodes[child];
  if (!node || node.nodeType !== 3 || offset < 0 || offset >= (node as Text).length) return null;
  // The nodes after the text that the sign-off runs on to ("[<a>sc</a>]"), read before the split.
  const after: ChildNode[] = [];
  for (let s = node.nextSibling; s && after.length < siblings; s = s.nextSibling) after.push(s);
  if (after.length < siblings) return null;
  // At 0 (a sign-off on its own line) the whole text moves.
  const rest = offset ? (node as Text).splitText(offset) : (node as Text);
  const span = el.ownerDocument.createElement('span');
  span.setAttribute(WRAP_ATTR, '');
  rest.replaceWith(span);
  span.append(rest, ...after);
  return span;
}

/**
 * Marks the hits on the page. Returns them as marked: a hit on the end of a text (`from`) becomes
 * a hit on the span made around that end, so it is shown and hidden like any other element.
 */
export function markClutter(doc: Document, hits: ClutterHit[]): ClutterHit[] {
  const out: ClutterHit[] = [];
  for (const hit of hits) {
    if (hit.element.ownerDocument !== doc) continue;
    const element = hit.from ? wrapTail(hit.element, hit.from) : hit.element;
    if (!element) continue;
    element.setAttribute(CLUTTER_ATTR, hit.reason);
    element.setAttribute(RULE_ATTR, hit.rule);
    out.push(hit.from ? { element, reason: hit.reason, rule: hit.rule } : hit);
  }
  return out;
}

/** Switch hiding on or off for the whole page (the marks stay). */
export function setHiding(doc: Document, enabled: boolean): void {
  doc.documentElement?.toggleAttribute(HIDE_ATTR, enabled);
}

/** Show (or re-hide) one hidden element. */
export function setShown(el: Element, shown: boolean): void {
  el.toggleAttribute(SHOWN_ATTR, shown);
}

/** Whether the reader has shown this hidden element again (setShown). */
export function isShown(el: Element): boolean {
  return el.hasAttribute(SHOWN_ATTR);
}

/** Remove every mark this module ever set. */
export function unmarkAll(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${CLUTTER_ATTR}], [${RULE_ATTR}], [${SHOWN_ATTR}]`)) {
    el.removeAttribute(CLUTTER_ATTR);
    el.removeAttribute(RULE_ATTR);
    el.removeAttribute(SHOWN_ATTR);
  }
  // The spans made around text go, their text joined back to the text it was split from.
  for (const span of doc.querySelectorAll(`span[${WRAP_ATTR}]`)) {
    const first = span.firstChild;
    const prev = span.previousSibling;
    // The split text joins the text it was split from; what followed it moves back out.
    if (first && first.nodeType === 3 && prev && prev.nodeType === 3) {
      (prev as Text).appendData((first as Text).data);
      first.remove();
    }
    span.replaceWith(...Array.from(span.childNodes));
  }
  doc.documentElement?.removeAttribute(HIDE_ATTR);
}
