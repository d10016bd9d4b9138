/**
 * The one reversible hiding mechanism: attributes on the hidden elements plus one stylesheet.
 * Nothing is removed from the page, so undo is removing an attribute.
 */
import type { ClutterHit } from './detect';

export const CLUTTER_ATTR = 'data-sorot-clutter';
export const RULE_ATTR = 'data-sorot-rule';
export const SHOWN_ATTR = 'data-sorot-shown';
export const HIDE_ATTR = 'data-sorot-hide';

export const HIDE_CSS = `html[${HIDE_ATTR}] [${CLUTTER_ATTR}]:not([${SHOWN_ATTR}]) { display: none !important; }\n`;

export function markClutter(doc: Document, hits: ClutterHit[]): void {
  for (const { element, reason, rule } of hits) {
    if (element.ownerDocument !== doc) continue;
    element.setAttribute(CLUTTER_ATTR, reason);
    element.setAttribute(RULE_ATTR, rule);
  }
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
  doc.documentElement?.removeAttribute(HIDE_ATTR);
}
