/**
 * Cleaning around Readability: before it (on the clone) drop marked clutter so it picks the
 * right container; after it drop what is left, using the same rules table.
 */
import { findClutterIn } from '../clutter/detect';
import { CLUTTER_ATTR, RULE_ATTR, SHOWN_ATTR } from '../clutter/hide';
import { INITIALS, TEXT_RULES, collapse } from '../clutter/rules';

/** On the clone: remove elements the live page marked as clutter, and leftovers that mislead scoring. */
export function precleanClone(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${CLUTTER_ATTR}]`))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template, iframe, ins'))) el.remove();
  // An ad injected mid-paragraph leaves an empty <p></p> after the parser split it.
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (!p.firstChild) p.remove();
  }
}

/** On Readability's content: the same rules again (classes survive with keepClasses). */
export function postcleanContent(root: Element, url: string): void {
  for (const hit of findClutterIn(root, url, { sites: true })) hit.element.remove();
  for (const el of Array.from(root.querySelectorAll(`[${CLUTTER_ATTR}], [${RULE_ATTR}], [${SHOWN_ATTR}]`))) {
    el.removeAttribute(CLUTTER_ATTR);
    el.removeAttribute(RULE_ATTR);
    el.removeAttribute(SHOWN_ATTR);
  }
}

/** A whole block of text that a rule says is clutter (links are gone at this stage, so be strict). */
export function isClutterText(text: string): boolean {
  for (const rule of TEXT_RULES) {
    if (!rule.pattern.test(text) || text.length > rule.maxChars) continue;
    if (rule.needsLink && text.length > 30 && !/^[^:]{0,25}:/.test(text)) continue;
    return true;
  }
  return false;
}

/** Sign-off initials glued to the last sentence: "... kata dia. (Mvi/Ali)". Needs a slash to be sure. */
const TRAILING_INITIALS = /\s*[([]\s*[\w*.\- ]{1,25}(?:\/[\w*.\- ]{1,25}){1,3}\s*[)\]]\s*$/;

export function cleanParagraphs(blocks: string[]): string[] {
  const out: string[] = [];
  for (const raw of blocks) {
    const text = collapse(raw.replace(TRAILING_INITIALS, (m) => (INITIALS.test(m.trim()) ? '' : m)));
    if (!text || isClutterText(text)) continue;
    out.push(text);
  }
  return out;
}
