// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../../src/article/blocks';
import { cleanParagraphs, postcleanContent, signoffNames } from '../../../src/article/postclean';

const LONG = 'Andi menjelaskan, sebenarnya jika seseorang ingin sehat, aktivitas sederhana seperti jalan kaki saja sudah cukup.';

const paragraphs = (html: string): string[] => {
  const root = document.createElement('div');
  root.innerHTML = html;
  postcleanContent(root, 'https://www.example.id/berita/1');
  return cleanParagraphs(blocksOf(root));
};

describe("the reporter's name in capitals closing the article (Tempo)", () => {
  it('drops a last block that is only names in capitals', () => {
    for (const signoff of ['DINI TEJA', 'FRISKI RIANA | ANTARA', 'ANDITA RAHMA, M. ROSSENO AJI']) {
      expect(cleanParagraphs([LONG, signoff])).toEqual([LONG]);
    }
    // The old template: one <p>, paragraphs split by <br><br>, the sign-off in <strong>.
    expect(paragraphs(`<p><strong>TEMPO.CO</strong>, <strong>Jakarta</strong> - ${LONG}<br /> <br /> ${LONG}<br /> <br /> <strong>DINI TEJA</strong></p>`))
      .toEqual([`TEMPO.CO, Jakarta - ${LONG}`, LONG]);
  });

  it('keeps capitals with sentence punctuation, mixed case, digits, a sign-off that is the only block, or one before the end', () => {
    expect(cleanParagraphs([LONG, 'MERDEKA!'])).toEqual([LONG, 'MERDEKA!']);
    expect(cleanParagraphs([LONG, 'Dini Teja'])).toEqual([LONG, 'Dini Teja']);
    expect(cleanParagraphs([LONG, 'PEMILU 2024'])).toEqual([LONG, 'PEMILU 2024']);
    expect(cleanParagraphs(['DINI TEJA'])).toEqual(['DINI TEJA']);
    expect(cleanParagraphs(['KURANG MOTIVASI', LONG])).toEqual(['KURANG MOTIVASI', LONG]);
  });
});

describe('the capitals sign-off names the reporters (the byline when the page gives none)', () => {
  it('reports the dropped sign-off and writes its names in title case, agencies left out', () => {
    const found: { signoff?: string } = {};
    expect(cleanParagraphs([LONG, 'HENDRIK YAPUTRA | ANTARA'], found)).toEqual([LONG]);
    expect(found.signoff).toBe('HENDRIK YAPUTRA | ANTARA');
    expect(signoffNames('HENDRIK YAPUTRA | ANTARA')).toBe('Hendrik Yaputra');
    expect(signoffNames('DINI TEJA')).toBe('Dini Teja');
    expect(signoffNames('ANDITA RAHMA, M. ROSSENO AJI')).toBe('Andita Rahma, M. Rosseno Aji');
    expect(signoffNames("ANTARA | REUTERS")).toBeNull();
    const none: { signoff?: string } = {};
    cleanParagraphs([LONG, 'MERDEKA!'], none);
    expect(none.signoff).toBeUndefined();
  });
});

describe('a photo caption in italics before the lead (WordPress regional sites)', () => {
  const CAPTION = 'PJs. Bupati Badung I Ketut Lihadnyana saat memimpin penyemprotan cairan disinfektan di wilayah Kuta Selatan, Jumat (9/10).';

  it('drops an all-italic first paragraph when the next one opens with the dateline', () => {
    expect(paragraphs(`<p class="x"><em>${CAPTION}</em></p><p>&nbsp;</p><p><strong>Mangupura, (Metrobali.com)-</strong></p><p>${LONG}</p><p>${LONG}</p>`))
      .toEqual([`Mangupura, (Metrobali.com)- ${LONG}`, LONG]);
    expect(paragraphs(`<p><i>${CAPTION}</i></p><p><strong>JAKARTA, KOMPAS.com</strong> - ${LONG}</p>`)).toEqual([`JAKARTA, KOMPAS.com - ${LONG}`]);
  });

  it('keeps it when it is not all italic, when no dateline follows, or when it is the dateline itself', () => {
    expect(paragraphs(`<p><em>Foto di atas</em> menunjukkan ${LONG}</p><p>Jakarta - ${LONG}</p>`)).toHaveLength(2);
    expect(paragraphs(`<p><em>${CAPTION}</em></p><p>${LONG}</p>`)).toEqual([CAPTION, LONG]);
    expect(paragraphs(`<p><em>Jakarta (ANTARA) - ${LONG}</em></p><p>Jakarta - ${LONG}</p>`)).toHaveLength(2);
  });
});
