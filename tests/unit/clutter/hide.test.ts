// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  CLUTTER_ATTR, HIDE_CSS, earlyCss, findClutter, markClutter, setHiding, setShown, unmarkAll,
} from '../../../src/clutter/index';
import { docFrom, PROSE } from './helpers';

describe('hiding is one reversible mechanism', () => {
  const html = `<div class="detail__body-text"><p>${PROSE}</p><p>ADVERTISEMENT</p><p><strong>Baca juga: </strong><a href="/x">Judul lain yang terkait</a></p><p>${PROSE}</p></div>`;

  it('marks with reason and rule, toggles page hiding and single elements, and unmarks to the original', () => {
    const doc = docFrom(html);
    const original = doc.documentElement.outerHTML;
    const hits = findClutter(doc, 'https://example.org/x');
    markClutter(doc, hits);
    const marked = Array.from(doc.querySelectorAll(`[${CLUTTER_ATTR}]`));
    expect(marked.map((el) => el.getAttribute(CLUTTER_ATTR)).sort()).toEqual(['ad', 'related']);
    expect(marked.every((el) => el.getAttribute('data-sorot-rule'))).toBe(true);

    setHiding(doc, true);
    expect(doc.documentElement.hasAttribute('data-sorot-hide')).toBe(true);
    setShown(marked[0]!, true);
    expect(marked[0]!.hasAttribute('data-sorot-shown')).toBe(true);
    setShown(marked[0]!, false);
    expect(marked[0]!.hasAttribute('data-sorot-shown')).toBe(false);
    setHiding(doc, false);
    expect(doc.documentElement.hasAttribute('data-sorot-hide')).toBe(false);

    setHiding(doc, true);
    setShown(marked[1]!, true);
    unmarkAll(doc);
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('the stylesheet hides only marked, not-shown elements under the page switch', () => {
    expect(HIDE_CSS).toContain('html[data-sorot-hide] [data-sorot-clutter]:not([data-sorot-shown])');
    expect(HIDE_CSS).toContain('display: none !important');
  });

  it('early CSS exists for known portals only, scoped under the same switch', () => {
    const css = earlyCss('news.detik.com');
    expect(css).toContain('html[data-sorot-hide] table.linksisip:not([data-sorot-shown])');
    expect(css).toContain('display: none !important');
    expect(earlyCss('solo.tribunnews.com')).toContain('p.baca');
    // The network's own domains share the publishing system, so its rules.
    expect(earlyCss('www.tribunjakarta.com')).toContain('p.baca');
    expect(earlyCss('www.haibunda.com')).toContain('table.linksisip');
    expect(earlyCss('nottribunjakarta.com')).toBe('');
    expect(earlyCss('example.org')).toBe('');
    expect(earlyCss('notdetik.com')).toBe('');
  });
});
