// @vitest-environment node
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyzeDocument, detectLang } from '../../../src/article/index';
import { joinParts, nextPageUrls, showAllUrl } from '../../../src/article/multipage';
import { cleanTitle } from '../../../src/article/metadata';
import { findClutter } from '../../../src/clutter/index';
import type { Article } from '../../../src/types';

const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom');
const parse = (html: string, url: string): Document => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;

const P = (n: number) => `<p>Paragraf ${n}: Polisi masih mendalami percekcokan antara pemotor dan pemobil yang dinarasikan membawa pistol di Cipulir, Kebayoran Lama. Korban telah membuat laporan terkait kejadian itu, kata Kapolsek kepada wartawan.</p>`;
const URL_DETIK = 'https://news.detik.com/berita/d-6453785/polisi-soal-pistol';
const PAGE = `<!doctype html><html lang="id"><head><title>Polisi soal Pistol - detikNews</title>
<meta property="og:title" content="Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor - detikNews">
<meta property="og:site_name" content="detiknews"><link rel="canonical" href="https://news.detik.com/berita/d-6453785/polisi-soal-pistol">
<meta property="article:published_time" content="2022-12-10T13:19:56+07:00"><meta name="author" content="Mulia Budi"></head>
<body><nav><a href="/">Beranda</a></nav><article><h1>Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor</h1>
<div class="detail__body-text"><strong>Jakarta</strong> - ${P(1)}
<table class="linksisip"><tr><td><strong>Baca juga: </strong><a href="/a">Terungkap! Cekcok Pemotor vs Pria Berpistol</a></td></tr></table>
${P(2)}<p>ADVERTISEMENT</p><div id="div-gpt-ad-1"></div><p>SCROLL TO RESUME CONTENT</p>${P(3)}
<p><strong>Lihat juga Video: Cekcok Polisi dengan Ketua RT</strong></p>${P(4)}<p>Penutup. <strong>(mea/mea)</strong></p></div>
<div class="detail__body-tag"><a href="/t1">polsek kebayoran lama</a></div></article></body></html>`;

const stripSorot = (html: string) => html.replace(/\s*data-sorot-[a-z]+(="[^"]*")?/g, '');

describe('analyzeDocument', () => {
  it('names the source a translated story gives ("Sumber: ..."), alone or closing the credits, and keeps it out of the text', () => {
    for (const [line, want] of [['<p>Sumber: Daily Mail</p>', 'Daily Mail'], ['<p>Editor : Ervan Hardoko<br>Sumber : The Telegraph</p>', 'The Telegraph']] as const) {
      const page = PAGE.replace('<p>Penutup. <strong>(mea/mea)</strong></p>', `<p>Penutup.</p>${line}`);
      const { result } = analyzeDocument(parse(page, URL_DETIK), URL_DETIK);
      expect(result.article?.source).toBe(want);
      expect(result.article?.paragraphs.join(' ')).not.toMatch(/Sumber/);
    }
    // A photo's source is no story's source; a page without the line has none.
    expect(analyzeDocument(parse(PAGE.replace('<p>Penutup. <strong>(mea/mea)</strong></p>', '<p>Penutup.</p><p>Sumber: foto Antara</p>'), URL_DETIK), URL_DETIK).result.article?.source).toBeUndefined();
    expect(analyzeDocument(parse(PAGE, URL_DETIK), URL_DETIK).result.article?.source).toBeUndefined();
  });

  it("leaves out a page title pasted into the body by a widget (a second head inside the comments box), not an SVG icon's title", () => {
    const page = PAGE.replace('<strong>(mea/mea)</strong></p></div>', '<strong>(mea/mea)</strong></p><div data-comments="1"><title>Polisi soal Pistol - detikNews</title><meta charset="utf-8"></div></div>')
      .replace('<p>Penutup.', '<p><svg width="8" height="8"><title>ikon kutipan</title></svg>Penutup.');
    const { result } = analyzeDocument(parse(page, URL_DETIK), URL_DETIK);
    const a = result.article!;
    expect(a.paragraphs.join('\n')).not.toContain('Polisi soal Pistol - detikNews');
    expect(a.paragraphs.at(-1)).toMatch(/Penutup/);
  });

  it('extracts clean paragraphs, metadata and hidden items', () => {
    const { result, hits } = analyzeDocument(parse(PAGE, URL_DETIK), URL_DETIK);
    const a = result.article!;
    expect(result.isArticle).toBe(true);
    expect(a.title).toBe('Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor');
    expect(a.canonicalUrl).toBe(URL_DETIK);
    expect(a.published).toBe('2022-12-10T13:19:56+07:00');
    expect(a.byline).toBe('Mulia Budi');
    expect(a.site).toBe('detiknews');
    expect(a.host).toBe('news.detik.com');
    expect(a.lang).toBe('id');
    expect(a.paragraphs[0]).toMatch(/^Jakarta - Paragraf 1:/);
    expect(a.paragraphs.join('\n')).not.toMatch(/Baca juga|ADVERTISEMENT|SCROLL TO|Lihat juga Video|mea\/mea|polsek kebayoran/);
    expect(a.paragraphs.filter((p) => p.startsWith('Paragraf') || p.startsWith('Jakarta'))).toHaveLength(4);
    expect(a.wordCount).toBeGreaterThan(100);
    expect(a.contentHtml).not.toContain('data-sorot');
    expect(hits.length).toBe(result.hidden.length);
    expect(result.hidden.map((h) => h.reason)).toEqual(expect.arrayContaining(['related', 'ad', 'video-promo', 'editor', 'tags']));
  });

  it('returns the hits as elements of the live page, each marked there (the scan runs on the copy)', () => {
    const doc = parse(PAGE, URL_DETIK);
    const { hits } = analyzeDocument(doc, URL_DETIK);
    expect(hits.length).toBeGreaterThan(3);
    for (const h of hits) {
      expect(h.element.ownerDocument).toBe(doc);
      expect(h.element.isConnected).toBe(true);
      expect(h.element.getAttribute('data-sorot-clutter')).toBe(h.reason);
      expect(h.element.getAttribute('data-sorot-rule')).toBe(h.rule);
    }
    expect(doc.querySelectorAll('[data-sorot-clutter]').length).toBe(hits.length);
  });

  it('analysing a page again gives the same result, and what an earlier analysis marked stays out of the text', () => {
    const doc = parse(PAGE, URL_DETIK);
    const first = analyzeDocument(doc, URL_DETIK).result;
    expect(analyzeDocument(doc, URL_DETIK).result).toEqual(first);
    // A paragraph marked on the page before (say, by the late-ad rescan) is left out.
    const p3 = [...doc.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Paragraf 3'))!;
    p3.setAttribute('data-sorot-clutter', 'ad');
    const third = analyzeDocument(doc, URL_DETIK).result;
    expect(first.article!.paragraphs.some((p) => p.startsWith('Paragraf 3'))).toBe(true);
    expect(third.article!.paragraphs.some((p) => p.startsWith('Paragraf 3'))).toBe(false);
  });

  it('Readability\'s body cache made only when it starts over gives the same result as the eager one', () => {
    // Index-like (no paragraphs: every attempt fails and restores the body), short, and a normal article.
    const pages = [PAGE.replace(/<p>[\s\S]*?<\/p>/g, ''), PAGE.replace(/\$\{P\(\d\)\}/g, '').replace(/<p>Paragraf [234][\s\S]*?<\/p>/g, ''), PAGE];
    for (const html of pages) {
      const lazy = parse(html, URL_DETIK);
      let clones = 0;
      const clone = lazy.cloneNode.bind(lazy);
      lazy.cloneNode = (deep?: boolean) => {
        clones++;
        return clone(deep);
      };
      const eager = parse(html, URL_DETIK);
      const a = analyzeDocument(lazy, URL_DETIK);
      // A body that cannot take the accessor: Readability serializes it eagerly, as it does itself.
      const define = Object.defineProperty;
      const spy = vi.spyOn(Object, 'defineProperty').mockImplementation((o, key, desc) => {
        if (key === 'innerHTML') throw new TypeError('not here');
        return define(o, key, desc);
      });
      let b;
      try {
        b = analyzeDocument(eager, URL_DETIK);
      } finally {
        spy.mockRestore();
      }
      expect(a.result).toEqual(b.result);
      expect(stripSorot(lazy.documentElement.outerHTML)).toBe(stripSorot(eager.documentElement.outerHTML));
      // The page without paragraphs makes Readability start over: the working copy was made again.
      if (html === pages[0]) expect(clones).toBe(2);
      if (html === PAGE) expect(clones).toBe(1);
    }
  });

  it('never mutates the live page beyond data-sorot-* attributes', () => {
    const doc = parse(PAGE, URL_DETIK);
    const before = doc.documentElement.outerHTML;
    analyzeDocument(doc, URL_DETIK);
    const after = doc.documentElement.outerHTML;
    expect(after).not.toBe(before);
    expect(stripSorot(after)).toBe(before);
  });

  it('says photo galleries, video pages and near-empty pages are not articles', () => {
    const gallery = `<html><body><h1>Gardu Induk Milenium PLN Resmi Beroperasi</h1><div class="text_gal"><p>PT PLN resmi mengoperasikan Gardu Induk 150 kV Milenium di Jakarta hari ini.</p></div><img src="1.jpg"><img src="2.jpg"></body></html>`;
    const photo = analyzeDocument(parse(gallery, 'http://finance.detik.com/readfoto/2016/02/23/1/x'), 'http://finance.detik.com/readfoto/2016/02/23/1/x');
    expect(photo.result.isArticle).toBe(false);
    expect(photo.result.notArticleReason).toBeTruthy();
    const empty = analyzeDocument(parse('<html><body><p>Halo</p></body></html>', 'https://example.org/'), 'https://example.org/');
    expect(empty.result.isArticle).toBe(false);
  });

  it('says tag, topic, category and search listings are index pages, unless a headline slug follows or the page declares an article', () => {
    const items = Array.from({ length: 15 }, (_, i) => `<li><a href="/news/b${i}"><h2>Banjir melanda wilayah ke-${i + 1}, ratusan rumah terendam</h2></a><p>Warga di wilayah ke-${i + 1} mengungsi ke tempat yang lebih tinggi setelah hujan turun semalaman di kota itu.</p></li>`).join('');
    const listing = `<html><head><meta property="og:type" content="website"></head><body><h1>Tag: Banjir</h1><ul>${items}</ul></body></html>`;
    for (const url of ['https://www.jpnn.com/tag/banjir', 'https://www.example.id/topik/banjir-jakarta', 'https://blog.example.com/search/label/Politik', 'https://news.example.id/indeks']) {
      const r = analyzeDocument(parse(listing, url), url).result;
      expect(r.isArticle, url).toBe(false);
      expect(r.notArticleReason, url).toBe('index page');
    }
    const post = 'https://www.example.id/category/berita/banjir-melanda-lima-kecamatan-di-kota-hari-ini';
    expect(analyzeDocument(parse(listing, post), post).result.notArticleReason).not.toBe('index page');
    const declared = listing.replace('content="website"', 'content="article"');
    expect(analyzeDocument(parse(declared, 'https://www.jpnn.com/tag/banjir'), 'https://www.jpnn.com/tag/banjir').result.notArticleReason).not.toBe('index page');
  });

  it('takes the byline from a capitals sign-off when the page names no author (Tempo)', () => {
    const html = `<html><head><meta property="og:type" content="article"></head><body><h1>DPR Bahas RUU Penyiaran Pekan Depan</h1><div class="detail-in">${P(1)}${P(2)}${P(3)}<p>HENDRIK YAPUTRA | ANTARA</p></div></body></html>`;
    const r = analyzeDocument(parse(html, 'https://nasional.tempo.co/read/1/x'), 'https://nasional.tempo.co/read/1/x').result;
    expect(r.article?.byline).toBe('Hendrik Yaputra');
    expect(r.article?.paragraphs.join(' ')).not.toContain('HENDRIK');
    const named = html.replace('<head>', '<head><meta name="author" content="Tim Tempo">');
    expect(analyzeDocument(parse(named, 'https://nasional.tempo.co/read/1/x'), 'https://nasional.tempo.co/read/1/x').result.article?.byline).toBe('Tim Tempo');
  });

  it('keeps a text-only deck beside the headline out of the text (Readability rewraps it in a new <p>: VIVA div.summary)', () => {
    const html = `<html><head><meta property="og:type" content="article"></head><body><article><div class="title"><h1>Thailand Butuh Empat Hari Sebelum Pastikan MERS</h1></div>
      <div class="summary">Puluhan orang dikarantina di Thailand terkait penyakit MERS.</div><div class="smalldesc"><div class="date">Jum'at, 19 Juni 2015 | 13:12 WIB</div></div>
      <div id="article-content" class="content">${P(1)}${P(2)}${P(3)}</div></article></body></html>`;
    const r = analyzeDocument(parse(html, 'http://dunia.news.viva.co.id/news/read/1-x'), 'http://dunia.news.viva.co.id/news/read/1-x').result;
    expect(r.article?.paragraphs[0]).toMatch(/^Paragraf 1:/);
    expect(r.article?.paragraphs.join(' ')).not.toContain('Puluhan orang dikarantina');
  });

  it('does not throw on malformed HTML', () => {
    for (const html of ['', '<p><p><p>', '<div><table><p>x</td></div>', '<html><body><!-- <p>', '<<<>>>', '<p>'.repeat(2000)]) {
      expect(() => analyzeDocument(parse(html, 'https://example.org/a'), 'https://example.org/a')).not.toThrow();
    }
  });

  it('bounds work on a 50,000-element page', () => {
    const html = `<html><body><div>${'<div><span>x</span></div>'.repeat(25000)}</div></body></html>`;
    const doc = parse(html, 'https://example.org/a');
    const t0 = performance.now();
    const { result } = analyzeDocument(doc, 'https://example.org/a');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(result.isArticle).toBe(false);
    expect(result.notArticleReason).toBe('page too large');
  });

  it('says a page with more than 300,000 characters of text is too large, and marks nothing on it', () => {
    const para = `<p>${'Kata kata yang panjang sekali. '.repeat(400)}</p>`;
    const doc = parse(`<html><body><h1>Judul berita yang panjang</h1>${para.repeat(30)}<div class="ads">Iklan</div></body></html>`, 'https://example.org/a');
    const before = doc.documentElement.outerHTML;
    const { result, hits } = analyzeDocument(doc, 'https://example.org/a');
    expect(result.notArticleReason).toBe('page too large');
    expect(hits).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(before);
    // Just under the limit it is analysed.
    const small = parse(`<html><body><h1>Judul berita yang panjang</h1>${para.repeat(20)}</body></html>`, 'https://example.org/a');
    expect(analyzeDocument(small, 'https://example.org/a').result.notArticleReason).not.toBe('page too large');
  });

  it('never throws on random HTML (property)', () => {
    const tag = fc.constantFrom('p', 'div', 'span', 'table', 'td', 'tr', 'ul', 'li', 'a', 'strong', 'h1', 'h2', 'br', 'figure', 'figcaption', 'script', 'nav', 'ins');
    const text = fc.constantFrom('Baca juga:', 'ADVERTISEMENT', '(rdp/rdp)', 'Editor: X', 'iklan', 'Jakarta -', 'kata dia.', '[Gambas:Video 20detik]', '', ' ', '<', '&amp;');
    const cls = fc.constantFrom('', 'linksisip', 'baca', 'ads', 'related', 'share', 'caption', 'no-share', 'sticky', 'pic_artikel');
    const node = fc.tuple(tag, cls, text, fc.boolean()).map(([t, c, x, close]) => `<${t} class="${c}">${x}${close ? `</${t}>` : ''}`);
    fc.assert(fc.property(fc.array(node, { maxLength: 60 }), fc.constantFrom('https://news.detik.com/a', 'https://solo.tribunnews.com/b', 'https://example.org/'), (parts, url) => {
      const doc = parse(`<html><body>${parts.join('')}</body></html>`, url);
      findClutter(doc, url);
      const { result } = analyzeDocument(doc, url);
      expect(typeof result.isArticle).toBe('boolean');
    }), { numRuns: 60 });
  });
});

describe('metadata and multi-page helpers', () => {
  it('cleans outlet affixes from titles', () => {
    expect(cleanTitle('Menteri Yuddy Ancam PNS yang Rankingnya Terendah - Kompas.com', 'Kompas.com', 'nasional.kompas.com')).toBe('Menteri Yuddy Ancam PNS yang Rankingnya Terendah');
    expect(cleanTitle('Okezone : Sering Depresi Berat, Hati-hati Diabetes', null, 'lifestyle.okezone.com')).toBe('Sering Depresi Berat, Hati-hati Diabetes');
    expect(cleanTitle('Cekcok Pemotor vs Pemobil: Cuma Diperlihatkan', null, 'news.detik.com')).toBe('Cekcok Pemotor vs Pemobil: Cuma Diperlihatkan');
    expect(cleanTitle('KapanLagi.com: Raffi Ahmad Ungkap Alasan Pindah Rumah', 'KapanLagi.com', 'www.kapanlagi.com')).toBe('Raffi Ahmad Ungkap Alasan Pindah Rumah');
    expect(cleanTitle('Jokowi: Kami Tidak Akan Menaikkan Harga BBM', 'detikNews', 'news.detik.com')).toBe('Jokowi: Kami Tidak Akan Menaikkan Harga BBM');
  });

  it('gives the outlet’s show-all URL only for paginated pages', () => {
    const paged = parse('<body><div class="paging"><a href="?page=2">Halaman selanjutnya</a></div></body>', 'https://solo.tribunnews.com/2020/10/09/x');
    expect(showAllUrl(paged, 'https://solo.tribunnews.com/2020/10/09/x')).toBe('https://solo.tribunnews.com/2020/10/09/x?page=all');
    expect(showAllUrl(paged, 'https://regional.kompas.com/read/1/x')).toBe('https://regional.kompas.com/read/1/x?page=all');
    expect(showAllUrl(paged, 'https://news.detik.com/d-1/x')).toBe('https://news.detik.com/d-1/x?single=1');
    expect(showAllUrl(parse('<body><p>x</p></body>', 'https://news.detik.com/d-1/x'), 'https://news.detik.com/d-1/x')).toBeNull();
    expect(showAllUrl(paged, 'https://example.org/x')).toBeNull();
  });

  it('lists same-origin next pages, bounded, never the page itself', () => {
    const url = 'https://zonajakarta.pikiran-rakyat.com/internasional/pr-1/x';
    const doc = parse(`<body><div class="paging"><a class="paging__link" href="${url}">1</a><a class="paging__link" href="${url}?page=2">2</a><a class="paging__link" href="https://evil.example/x?page=3">3</a><a rel="next" href="${url}?page=2">Selanjutnya</a></div></body>`, url);
    expect(nextPageUrls(doc, url)).toEqual([`${url}?page=2`]);
    const many = parse(`<body><div class="pagination">${Array.from({ length: 30 }, (_, i) => `<a href="/p?page=${i + 2}">${i + 2}</a>`).join('')}</div></body>`, 'https://a.example/p');
    expect(nextPageUrls(many, 'https://a.example/p')).toHaveLength(10);
  });

  it('joins parts without repeating paragraphs', () => {
    const part = (paragraphs: string[]): Article => ({
      url: 'u', canonicalUrl: 'u', title: 't', byline: null, published: null, site: 's', host: 'h', lang: 'id', excerpt: null,
      paragraphs, contentHtml: `<p>${paragraphs.join('</p><p>')}</p>`, image: null, wordCount: 0,
    });
    const joined = joinParts([part(['Satu dua tiga.', 'Empat lima.']), part(['Empat  lima.', 'Enam tujuh delapan.'])]);
    expect(joined.paragraphs).toEqual(['Satu dua tiga.', 'Empat lima.', 'Enam tujuh delapan.']);
    expect(joined.wordCount).toBe(8);
  });
});

describe('paragraph split by a mid-paragraph ad (Media Indonesia)', () => {
  const URL_MI = 'https://mediaindonesia.com/politik-dan-hukum/785000/kejelasan-dokumen';
  const ad = '<div class="flying-carpet"><div class="amp-flying-carpet-wrapper"><div id="Ads_paralax"><ins class="adsbygoogle" id="ins_paralax"></ins><script>googletag.cmd.push(function() { googletag.display(paralax); });</script></div></div></div>';
  const page = (between: string) => `<!doctype html><html lang="id"><head><title>Kejelasan Dokumen - Media Indonesia</title>
<meta property="og:title" content="Kejelasan Dokumen Pencabutan"><meta property="article:published_time" content="2025-06-01T10:00:00+07:00"></head>
<body><section class="detail"><div class="article"><h1>Kejelasan Dokumen Pencabutan Izin Tambang</h1>
${P(1)}<p>Para warga datang ke kantor dinas untuk mencari kejelasan mengenai dokumen resmi pencabutan tersebut.${between} Mereka menunggu hingga sore hari tanpa mendapat jawaban dari petugas yang berjaga di loket.</p>
${P(2)}${P(3)}</div></section></body></html>`;

  it('rejoins the two halves once the ad is removed', () => {
    const { result } = analyzeDocument(parse(page(ad), URL_MI), URL_MI);
    const paragraphs = result.article!.paragraphs;
    const joined = paragraphs.find((p) => p.startsWith('Para warga'));
    expect(joined).toBe('Para warga datang ke kantor dinas untuk mencari kejelasan mengenai dokumen resmi pencabutan tersebut. Mereka menunggu hingga sore hari tanpa mendapat jawaban dari petugas yang berjaga di loket.');
    expect(paragraphs.filter((p) => p.startsWith('Mereka menunggu'))).toEqual([]);
  });

  it('keeps the page’s order when a kept box sits between the halves', () => {
    const box = '<div class="quote-box"><blockquote>Kutipan penting dari pejabat yang berwenang mengenai dokumen itu.</blockquote></div>';
    const { result } = analyzeDocument(parse(page(box), URL_MI), URL_MI);
    const text = result.article!.paragraphs.join('\n');
    expect(text.indexOf('Kutipan penting')).toBeLessThan(text.indexOf('Mereka menunggu'));
  });
});

describe('a page that gives no title', () => {
  it('takes the headline from the URL, else the first sentence, never an empty string', async () => {
    const { fallbackTitle } = await import('../../../src/article/metadata');
    expect(fallbackTitle('https://www.indozone.id/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un', [], 'www.indozone.id'))
      .toBe('Putin hadiahkan mobil mewah buatan rusia untuk kim jong un');
    expect(fallbackTitle('https://photo.liputan6.com/musik/hadiri-grammy-awards-2016-taylor-swift-2437247', [], 'photo.liputan6.com'))
      .toBe('Hadiri grammy awards taylor swift');
    expect(fallbackTitle('https://news.detik.com/berita/d-7001234', ['JAKARTA, KOMPAS.com - Harga cabai naik dua kali lipat di Jakarta. Pedagang mengeluh.'], 'news.detik.com'))
      .toBe('Harga cabai naik dua kali lipat di Jakarta.');
    expect(fallbackTitle('https://x.example/', [], 'www.x.example')).toBe('x.example');
  });

  it('is used when the page has no title, og:title, headline or h1', () => {
    const body = Array.from({ length: 8 }, (_, i) => `<p>Paragraf ${i} tentang banjir di Jakarta yang merendam ratusan rumah warga sejak pagi hari ini.</p>`).join('');
    const url = 'https://news.detik.com/berita/d-7001234/banjir-rendam-ratusan-rumah-di-jakarta';
    const { result } = analyzeDocument(parse(`<html><head></head><body><article>${body}</article></body></html>`, url), url);
    expect(result.article?.title).toBe('Banjir rendam ratusan rumah di jakarta');
  });
});

describe('detectLang', () => {
  // The word-list version it replaced (the joined text lowercased, its first 2000 letter runs).
  const ID = new Set(['yang', 'dan', 'di', 'dengan', 'untuk', 'ini', 'itu', 'dari', 'tidak', 'dalam', 'akan', 'pada', 'juga', 'ke', 'karena', 'ada', 'oleh']);
  const EN = new Set(['the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'with', 'was', 'on', 'are']);
  const listed = (paragraphs: string[], declared: string | null): string | null => {
    const words = paragraphs.join(' ').toLowerCase().match(/\p{L}+/gu)?.slice(0, 2000) ?? [];
    if (words.length >= 30) {
      const id = words.filter((w) => ID.has(w)).length;
      const en = words.filter((w) => EN.has(w)).length;
      if (id / words.length > 0.06 && id > en) return 'id';
      if (en / words.length > 0.06 && en > id) return 'en';
    }
    return declared;
  };
  const word = fc.constantFrom(...ID, ...EN, 'Yang', 'DAN', 'The', 'dia', 'dian', 'kedua', 'then', 'İS', 'İni', 'ΣΑΣ', 'ke-2', 'di.', 'x', 'Jakarta', 'the2', '2the', 'ﬁn', 'ǅan', 'é', 'ini,', '(dan)');
  const paragraph = fc.array(word, { maxLength: 60 }).map((w) => w.join(' '));

  it('decides as the word list did (property: short, long and mixed texts)', () => {
    fc.assert(fc.property(fc.array(paragraph, { maxLength: 8 }), fc.constantFrom(null, 'en', 'id'), (ps, declared) => {
      expect(detectLang(ps, declared)).toBe(listed(ps, declared));
    }), { numRuns: 3000 });
    // Past the 2000-word window: what follows it does not count.
    const id = Array.from({ length: 2100 }, (_, i) => (i % 10 ? 'kata' : 'yang')).join(' ');
    const en = Array.from({ length: 300 }, () => 'the of and').join(' ');
    for (const ps of [[id, en], [en, id], [id.slice(0, 9990), en], [`${'kata '.repeat(1990)}the the the`, en]]) {
      expect(detectLang(ps, null)).toBe(listed(ps, null));
    }
  });
});
