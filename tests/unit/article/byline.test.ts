// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bylineOf } from '../../../src/article/metadata';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('byline', () => {
  const ld = { '@type': 'NewsArticle', creator: { '@type': 'Person', name: 'Desca Lidya Natalia' }, author: { '@type': 'Person', name: 'B Kunto Wibisono' } };

  it('takes the JSON-LD creator when the JSON-LD author is the editor the page names (ANTARA)', () => {
    const page = doc(`<body><div class="byline">Oleh <span itemprop="author">Desca Lidya Natalia</span></div>
      <div id="content_news">Jakarta (ANTARA News) - Isi berita.<p class="mt10">Editor: <span itemprop="editor">B Kunto Wibisono</span></p></div></body>`);
    expect(bylineOf(page, ld, null)).toBe('Desca Lidya Natalia');
  });

  it('keeps the JSON-LD author when the page names no editor, or another one', () => {
    expect(bylineOf(doc('<body><p>Isi berita.</p></body>'), ld, null)).toBe('B Kunto Wibisono');
    expect(bylineOf(doc('<body><p>Editor: <span itemprop="editor">Ade Marboen</span></p></body>'), ld, null)).toBe('B Kunto Wibisono');
  });

  it('skips a social handle or an address given as the author and takes the next candidate (Blogger portals)', () => {
    const page = doc('<body><p>Isi berita.</p></body>');
    expect(bylineOf(page, null, '@geloranews')).toBeNull();
    expect(bylineOf(page, { author: { name: '@geloranews' } }, 'Redaksi Gelora')).toBe('Redaksi Gelora');
    expect(bylineOf(page, null, 'www.example.id')).toBeNull();
    expect(bylineOf(page, null, 'Ahmad @ Jakarta')).toBe('Ahmad @ Jakarta');
  });

  it('passes over the publishing company or the site given as the author, to the page’s schema.org author (VIVA)', () => {
    const page = doc('<body><div itemprop="author" itemscope class="author">Oleh : <b>Adrianus Mandey</b></div><p>Isi berita.</p></body>');
    expect(bylineOf(page, null, 'PT. VIVA MEDIA BARU - VIVA.co.id')).toBe('Adrianus Mandey');
    expect(bylineOf(doc('<body><p>Isi.</p></body>'), null, 'Liputan6.com')).toBeNull();
    expect(bylineOf(doc('<body><p>Isi.</p></body>'), null, 'Fino Yurio Kristo - detikinet')).toBe('Fino Yurio Kristo - detikinet');
  });
});
