// @vitest-environment node
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../src/article/index';
import { joinMultiPage, type PartIO } from '../../../src/article/parts';

const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom');
const parse = (html: string, url: string): Document => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;

const BASE = 'https://zonajakarta.pikiran-rakyat.com/internasional/pr-1/berita-panjang';
const para = (part: number, n: number) => `<p>Bagian ${part} paragraf ${n}: Pemerintah daerah menyiapkan langkah penanganan banjir di kawasan pesisir utara, kata kepala dinas kepada wartawan pada Senin pagi di kantornya.</p>`;
const page = (part: number, pager: string) => `<!doctype html><html lang="id"><head><title>Berita Panjang - Zona Jakarta</title>
<meta property="og:title" content="Berita Panjang"><meta property="article:published_time" content="2020-10-09T10:00:00+07:00"></head>
<body><article><h1>Berita Panjang tentang Banjir Pesisir</h1><div class="read__content">
${part === 1 ? '<p>Jakarta - Paragraf pembuka yang diulang di setiap halaman artikel ini sebagai ringkasan singkat.</p>' : '<p>Jakarta - Paragraf pembuka yang diulang di setiap halaman artikel ini sebagai ringkasan singkat.</p>'}
${[1, 2, 3, 4].map((n) => para(part, n)).join('\n')}</div>${pager}</article></body></html>`;
const pager = (cross = false) => `<div class="paging paging--article"><a class="paging__link" href="${BASE}">1</a><a class="paging__link" href="${BASE}?page=2">2</a><a class="paging__link" href="${BASE}?page=3">3</a>${cross ? '<a class="paging__link" href="https://evil.example/x?page=4">4</a>' : ''}<a rel="next" href="${BASE}?page=2">Selanjutnya</a></div>`;

function fakeIO(pages: Record<string, string>): PartIO & { requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    fetchText: async (url, maxBytes) => {
      requested.push(url);
      const html = pages[url];
      return html !== undefined && html.length <= maxBytes ? html : null;
    },
    parse,
  };
}

describe('joinMultiPage', () => {
  it('joins three parts in order, each paragraph once, and never requests another origin', async () => {
    const doc = parse(page(1, pager(true)), BASE);
    const first = analyzeDocument(doc, BASE).result.article!;
    const io = fakeIO({ [`${BASE}?page=2`]: page(2, pager()), [`${BASE}?page=3`]: page(3, pager()) });
    const joined = await joinMultiPage(doc, BASE, first, io);
    expect(io.requested).toEqual([`${BASE}?page=2`, `${BASE}?page=3`]);
    expect(joined!.parts).toEqual([`${BASE}?page=2`, `${BASE}?page=3`]);
    const text = joined!.article.paragraphs.join('\n');
    for (const part of [1, 2, 3]) for (const n of [1, 2, 3, 4]) expect(text.split(`Bagian ${part} paragraf ${n}:`)).toHaveLength(2);
    expect(text.split('Paragraf pembuka yang diulang')).toHaveLength(2);
    expect(text.indexOf('Bagian 1 paragraf 1')).toBeLessThan(text.indexOf('Bagian 2 paragraf 1'));
    expect(text.indexOf('Bagian 2 paragraf 4')).toBeLessThan(text.indexOf('Bagian 3 paragraf 1'));
    expect(joined!.article.url).toBe(BASE);
    expect(joined!.article.wordCount).toBeGreaterThan(first.wordCount * 2);
  });

  it('uses the outlet’s show-all page when there is one', async () => {
    const url = 'https://solo.tribunnews.com/2020/10/09/berita-panjang';
    const paged = (n: number, extra = '') => page(n, `<div class="paging"><a href="${url}?page=2">Halaman selanjutnya</a></div>${extra}`);
    const all = page(1, '').replace('</div></article>', `${para(2, 1)}${para(3, 1)}</div></article>`);
    const doc = parse(paged(1), url);
    const first = analyzeDocument(doc, url).result.article!;
    const io = fakeIO({ [`${url}?page=all`]: all });
    const joined = await joinMultiPage(doc, url, first, io);
    expect(io.requested).toEqual([`${url}?page=all`]);
    expect(joined!.article.paragraphs.join('\n')).toContain('Bagian 3 paragraf 1');
  });

  it('is bounded: at most `pages` pages, and nothing at all for a single-page article', async () => {
    const many = `<div class="pagination">${Array.from({ length: 30 }, (_, i) => `<a href="${BASE}?page=${i + 2}">${i + 2}</a>`).join('')}</div>`;
    const doc = parse(page(1, many), BASE);
    const first = analyzeDocument(doc, BASE).result.article!;
    const pages = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${BASE}?page=${i + 2}`, page(i + 2, '')]));
    const io = fakeIO(pages);
    await joinMultiPage(doc, BASE, first, io, { pages: 4, bytesPerPage: 1e6, totalBytes: 1e7, ms: 5000 });
    expect(io.requested).toHaveLength(3);
    const single = parse(page(1, ''), BASE);
    const none = fakeIO({});
    expect(await joinMultiPage(single, BASE, analyzeDocument(single, BASE).result.article!, none)).toBeNull();
    expect(none.requested).toEqual([]);
  });

  it('stops at the byte budget and skips parts that cannot be read', async () => {
    const doc = parse(page(1, pager()), BASE);
    const first = analyzeDocument(doc, BASE).result.article!;
    const io = fakeIO({ [`${BASE}?page=3`]: page(3, '') });
    const joined = await joinMultiPage(doc, BASE, first, io);
    expect(joined!.parts).toEqual([`${BASE}?page=3`]);
    const small = fakeIO({ [`${BASE}?page=2`]: page(2, ''), [`${BASE}?page=3`]: page(3, '') });
    const budget = page(2, '').length + 10;
    const capped = await joinMultiPage(doc, BASE, first, small, { pages: 10, bytesPerPage: 1e6, totalBytes: budget, ms: 5000 });
    expect(capped!.parts).toEqual([`${BASE}?page=2`]);
  });
});
