// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findMentionRanges, locateArticleRoot } from '../../../src/page/highlight';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('entity highlighting by text', () => {
  const html = `
    <nav>Putin di menu</nav>
    <div id="main"><article id="a">
      <p>Presiden Rusia, Vladimir Putin, bertemu Kim Jong Un.</p>
      <p data-sorot-clutter="related">Baca juga: Putin lagi</p>
      <p>Putin memberi hadiah. Putinisme bukan nama.</p>
    </article><aside>Putin di samping</aside></div>`;

  it('finds the article container from its first and last paragraphs', () => {
    const doc = page(html);
    const root = locateArticleRoot(doc, ['Presiden Rusia, Vladimir Putin, bertemu Kim Jong Un.', 'Putin memberi hadiah. Putinisme bukan nama.']);
    expect(root.id).toBe('a');
  });

  it('matches whole words only, longest form first, and skips hidden clutter', () => {
    const doc = page(html);
    const root = doc.getElementById('a')!;
    const ranges = findMentionRanges(root, ['Putin', 'Vladimir Putin']);
    expect(ranges.map((r) => r.toString())).toEqual(['Vladimir Putin', 'Putin']);
  });

  it('finds mentions again after the page re-renders the text', () => {
    const doc = page(html);
    const root = doc.getElementById('a')!;
    root.innerHTML = '<p>Kim Jong Un dan <b>Kim Jong Un</b></p>';
    expect(findMentionRanges(root, ['Kim Jong Un'])).toHaveLength(2);
  });

  it('skips text the page never shows: a <title> inside the body', () => {
    const doc = page('<div id="x"><title>Kim Jong Un - Berita</title><p>Kim Jong Un tiba.</p></div>');
    expect(findMentionRanges(doc.getElementById('x')!, ['Kim Jong Un'])).toHaveLength(1);
  });

  it('returns nothing for empty or one-letter forms', () => {
    const doc = page(html);
    expect(findMentionRanges(doc.body, ['', ' ', 'P'])).toHaveLength(0);
  });
});
