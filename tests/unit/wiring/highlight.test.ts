// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findMentionRanges, findMentionRangesAt, locateArticleRoot, type MentionAt } from '../../../src/page/highlight';

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

describe('entity highlighting by the entity\'s own mentions', () => {
  // Made-up article: the son is "Berg" alone; his parents' names contain the same words.
  const paragraphs = [
    'Pengusaha Ola Lindqvist Berg membela diri.',
    'Rumah itu atas nama orang tua Berg, Per Lindqvist dan Eva Berg.',
    'Berg, kata juru bicara, tidak tahu.',
  ];
  const at = (i: number, text: string, nth = 0): MentionAt => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = paragraphs[i]!.indexOf(text, start + 1);
    return { paragraph: i, start, end: start + text.length, text };
  };
  const son = [at(0, 'Ola Lindqvist Berg'), at(1, 'Berg'), at(2, 'Berg')];
  const html = `<article id="a">
      <h1>Berg di pengadilan</h1>
      <p>Pengusaha <a href="#">Ola Lindqvist</a>&nbsp;Berg   membela diri.</p>
      <figure><figcaption>Foto: Berg</figcaption></figure>
      <p>Rumah itu atas nama orang tua Berg, <b>Per Lindqvist</b> dan Eva Berg.</p>
      <p>Berg, kata juru bicara, tidak tahu.</p>
    </article>`;

  it('paints exactly the given mentions: as many as the panel counts, none in other people\'s names or captions', () => {
    document.body.innerHTML = html;
    const ranges = findMentionRangesAt(document.getElementById('a')!, paragraphs, son);
    expect(ranges.map((r) => r.toString().replace(/\s+/g, ' '))).toEqual(['Ola Lindqvist Berg', 'Berg', 'Berg']);
    expect(ranges).toHaveLength(son.length);
    // The second "Berg" is the one after "orang tua", not the one of "Eva Berg".
    expect(ranges[1]!.startContainer.textContent).toContain('orang tua Berg');
    expect(ranges[1]!.startOffset).toBe(ranges[1]!.startContainer.textContent!.indexOf('Berg,'));
    // Matching the surface forms instead finds the caption, the heading and the mother's name too.
    expect(findMentionRanges(document.getElementById('a')!, ['Ola Lindqvist Berg', 'Berg']).length).toBeGreaterThan(son.length);
  });

  it('finds a mention by the words around it when the page writes its paragraph differently', () => {
    document.body.innerHTML = '<article id="a"><p>Rumah itu atas nama orang tua Berg, Per Lindqvist (ayah) dan Eva Berg.</p><p>Iklan</p><p>Berg, kata juru bicara, tidak tahu.</p></article>';
    const ranges = findMentionRangesAt(document.getElementById('a')!, paragraphs, [at(1, 'Berg'), at(1, 'Berg', 1), at(2, 'Berg')]);
    expect(ranges).toHaveLength(3);
    expect(ranges.map((r) => r.toString())).toEqual(['Berg', 'Berg', 'Berg']);
  });

  it('leaves out a mention whose paragraph is not on the page', () => {
    document.body.innerHTML = '<article id="a"><p>Teks lain sama sekali.</p></article>';
    expect(findMentionRangesAt(document.getElementById('a')!, paragraphs, son)).toHaveLength(0);
  });
});
