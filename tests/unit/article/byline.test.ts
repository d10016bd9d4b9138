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
});
