// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClutter, type ClutterHit } from '../../../src/clutter/index';
import { CLASS_HINT, CLASS_RULES, RULE_HEAD_CHARS, TEXT_RULES, TEXT_RULE_START, THRESHOLDS, collapse, collapsedLength } from '../../../src/clutter/rules';
import { docFrom, PROSE } from './helpers';

const texts = (hits: ClutterHit[]) => hits.map((h) => `${h.reason}|${(h.element.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
const body = (inner: string, cls = 'detail__body-text') => `<h1>Judul berita yang cukup panjang</h1><div class="${cls}"><p>${PROSE}</p>${inner}<p>${PROSE}</p></div>`;

describe('text rules fire on each outlet’s real markup', () => {
  it('detik: table.linksisip read-also between paragraphs', () => {
    const doc = docFrom(body('<table class="linksisip"><tbody><tr><td><div class="lihatjg"><strong>Baca juga: </strong><a href="/x">Terungkap! Cekcok Pemotor vs Pria Berpistol</a></div></td></tr></tbody></table>'));
    const hits = findClutter(doc, 'https://news.detik.com/berita/d-1/x');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.element.tagName).toBe('TABLE');
    expect(hits[0]!.reason).toBe('related');
  });

  it('generic: the same read-also table on an unknown outlet is found by text', () => {
    const doc = docFrom(body('<table class="x"><tbody><tr><td><strong>Baca juga: </strong><a href="/x">Terungkap! Cekcok Pemotor vs Pria Berpistol</a></td></tr></tbody></table>'));
    const hits = findClutter(doc, 'https://example.org/a/b');
    expect(hits.map((h) => h.element.tagName)).toEqual(['TABLE']);
    expect(hits[0]!.rule).toBe('text:baca-juga');
  });

  it('detik: parallax ad labels, video placeholder, video promo and sign-off', () => {
    const doc = docFrom(body(`<p style="text-align:center">ADVERTISEMENT</p><div class="para paraA"><div class="para_abs"></div></div>
      <p id="para_caption2">SCROLL TO RESUME CONTENT</p>
      <p><strong>Lihat juga Video: Cekcok Polisi dengan Ketua RT Gegara Parkir Mobil</strong></p>
      <a href="https://20.detik.com/embed/1" class="embed video20detik">[Gambas:Video 20detik]</a>
      <p>Penutup berita ini cukup panjang untuk menjadi paragraf biasa. <strong>(mea/mea)</strong></p>`));
    const t = texts(findClutter(doc, 'https://example.org/a'));
    expect(t).toContain('ad|ADVERTISEMENT');
    expect(t).toContain('ad|SCROLL TO RESUME CONTENT');
    expect(t).toContain('video-promo|Lihat juga Video: Cekcok Polisi dengan Ketua RT Gegara Parkir Mobil');
    expect(t).toContain('video-promo|[Gambas:Video 20detik]');
    expect(t).toContain('editor|(mea/mea)');
  });

  it('tribun: p.baca has no label in its text (CSS ::before) and needs the site rule', () => {
    const html = body('<p class="baca"><strong> &bull; <a href="https://solo.tribunnews.com/x">Pesan Nunung Setelah Sembuh dari Covid-19</a></strong></p>', 'side-article txt-article');
    expect(texts(findClutter(docFrom(html), 'https://solo.tribunnews.com/2020/10/09/x'))).toEqual(['related|• Pesan Nunung Setelah Sembuh dari Covid-19']);
  });

  it('liputan6: div.baca-juga and the orphan <p>Baca Juga</p> before it', () => {
    const doc = docFrom(body('<p>Baca Juga</p><div class="baca-juga"><ul class="baca-juga__list"><li><a href="/1">Tri Indonesia Luncurkan Paket Baru</a></li><li><a href="/2">Operator Seluler Gelar Promo Akhir Tahun</a></li></ul></div>', 'read-page__content-body'));
    const t = texts(findClutter(doc, 'http://tekno.liputan6.com/read/1/x'));
    expect(t).toContain('related|Baca Juga');
    expect(t.some((x) => x.startsWith('related|Tri Indonesia'))).toBe(true);
  });

  it('mediaindonesia: p.related-news, the flying-carpet ad inside a paragraph, the channel promo', () => {
    const doc = docFrom(body(`<p class='related-news'><strong>Baca juga :&nbsp;<a href='https://mediaindonesia.com/x'>KPK Periksa Pejabat</a></strong></p>
      <p>Kalimat pertama.<div class="flying-carpet"><div id="Ads_paralax"><ins class="adsbygoogle"></ins></div></div></p>
      <div class="ext-channel"> Cek berita dan artikel yg lain di <a href="#">Google News</a></div>`, 'article'));
    const hits = findClutter(doc, 'https://mediaindonesia.com/ekonomi/1/x');
    const reasons = hits.map((h) => `${h.reason}:${h.element.className}`);
    expect(reasons).toEqual(expect.arrayContaining(['related:related-news', 'ad:flying-carpet', 'promo:ext-channel']));
  });

  it('pikiran-rakyat and merdeka: bold "Baca Juga:" paragraphs with one or several links', () => {
    const doc = docFrom(body(`<p><strong>Baca Juga: <a href="/a">Donald Trump Positif Covid-19</a></strong></p>
      <p><strong>Baca juga:</strong><br><a href="/b">Kisah Mayor Penjara Guantanamo</a><br><a href="/c">Tahanan Guantanamo Dibebaskan</a></p>`));
    const hits = findClutter(doc, 'https://example.org/x');
    expect(hits.filter((h) => h.reason === 'related').map((h) => h.element.tagName)).toEqual(['P', 'P']);
  });

  it('antara: editor and copyright lines at the end of the body', () => {
    const doc = docFrom(`<div id="content_news">${PROSE}<br><br>${PROSE}<p class="mt10">Editor: <span>Ade Marboen</span></p><p class="date">COPYRIGHT &copy; <span>ANTARA</span> 2015</p></div>`);
    expect(texts(findClutter(doc, 'http://www.antaranews.com/berita/1/x'))).toEqual(['editor|Editor: Ade Marboen', 'notice|COPYRIGHT © ANTARA 2015']);
  });

  it('page-level ad slots: GPT, AdSense, sticky ad, billboard', () => {
    const doc = docFrom(`<div id="div-gpt-ad-1572509811568-0"></div><ins class="adsbygoogle"></ins>
      <div class="sticky-ads"><iframe></iframe></div><div class="billboard_top"></div>${body('')}`);
    const reasons = findClutter(doc, 'https://example.org/x').map((h) => h.reason);
    expect(reasons.filter((r) => r === 'ad')).toHaveLength(3);
    expect(reasons).toContain('overlay');
  });

  it('other outlets\' phrasings: "Pilihan Editor:", "Artikel Selanjutnya", "Follow Berita … di Google News", "Simak berita dan artikel lainnya"', () => {
    const doc = docFrom(body(`<p><strong>Pilihan Editor: </strong><a href="/a">Sri Mulyani Minta MK Tolak Uji Materi</a></p>
      <div class="x"><span>Artikel Selanjutnya</span> <a href="/b">IHSG Berbalik Melemah Akibat Profit Taking</a></div>
      <p>Follow Berita Okezone di <a href="https://news.google.com/x">Google News</a></p>
      <p><strong>Simak berita dan artikel lainnya di <a href="https://news.google.com/y">Google News</a></strong></p>`));
    const t = texts(findClutter(doc, 'https://example.org/x'));
    expect(t).toContain('related|Pilihan Editor: Sri Mulyani Minta MK Tolak Uji Materi');
    expect(t).toContain('related|Artikel Selanjutnya IHSG Berbalik Melemah Akibat Profit Taking');
    expect(t).toContain('promo|Follow Berita Okezone di Google News');
    expect(t).toContain('promo|Simak berita dan artikel lainnya di Google News');
  });

  it('a related box headed "Berita Terkait" is hidden as a whole', () => {
    const doc = docFrom(`${body('')}<div class="box-x"><h4><span>Berita Terkait</span></h4><ul><li><a href="/1">Polres Lhokseumawe Serahkan Anggota</a></li><li><a href="/2">Din Minimi Menyerahkan Diri ke BIN</a></li></ul></div>`);
    const hits = findClutter(doc, 'https://example.org/x');
    const hidden = (el: Element) => hits.some((h) => h.element === el || h.element.contains(el));
    expect(hidden(doc.querySelector('h4')!)).toBe(true);
    expect(Array.from(doc.querySelectorAll('.box-x a')).every(hidden)).toBe(true);
    expect(hidden(doc.querySelector('.detail__body-text p')!)).toBe(false);
  });
});

describe('rules do not fire on prose, navigation, captions or comments', () => {
  it('prose that merely mentions baca, iklan, sumber, terkait or a parenthesis', () => {
    const doc = docFrom(body(`<p>Baca juga pendapat ahli hukum soal ini, kata dia kepada wartawan di Jakarta pada Senin siang.</p>
      <p>Iklan rokok dilarang tayang di televisi sejak aturan baru berlaku, menurut Kementerian Kesehatan.</p>
      <p>Terkait hal itu, Kapolri meminta jajarannya bersikap tegas terhadap pelanggaran di lapangan.</p>
      <p>Sumber daya manusia menjadi kunci, ujarnya. Ia menyebut tim (KPK) sudah bekerja.</p>
      <p><strong>Jakarta (ANTARA)</strong> - Pemerintah mengumumkan kebijakan baru hari ini di Istana.</p>
      <p>Pilihan editor jatuh pada foto banjir di Bekasi, yang kemudian menjadi sampul edisi pekan ini.</p>
      <p>Berita selanjutnya datang dari <a href="/c">Bandung</a>, tempat banjir merendam ratusan rumah warga sejak Minggu malam.</p>`));
    expect(findClutter(doc, 'https://news.detik.com/x')).toEqual([]);
  });

  it('navigation, captions and comment sections survive even with clutter-like classes', () => {
    const doc = docFrom(`<header class="sticky"><nav class="nav-related"><a href="/">Beranda</a><a href="/b">Berita</a><a href="/c">Olahraga</a></nav></header>
      <figure class="ads-figure"><img src="a.jpg"><figcaption>Iklan di baliho</figcaption></figure>${body('')}
      <div id="comments" class="comments"><div class="share-comment">Bagikan</div></div>`);
    const hits = findClutter(doc, 'https://example.org/x');
    for (const h of hits) {
      expect(h.element.closest('nav, header, figure, #comments')).toBeNull();
    }
  });

  it('body containers whose class merely contains a vocabulary word are not hidden', () => {
    const doc = docFrom(`<div class="baca-content"><div class="entry-content no-share"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div></div>`);
    expect(findClutter(doc, 'https://otomotif.kompas.com/read/x')).toEqual([]);
  });

  it('findClutter never mutates the document', () => {
    const doc = docFrom(body('<table class="linksisip"><tr><td>Baca juga: <a href="/x">Judul terkait</a></td></tr></table>'));
    const before = doc.documentElement.outerHTML;
    expect(findClutter(doc, 'https://news.detik.com/x').length).toBeGreaterThan(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('paid links and ad-plugin blocks', () => {
  it('hides a short block made of a rel="sponsored" link, and a WordPress ad-inserter block', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body><article><p>Paragraf berita yang panjang tentang kunjungan Kim Jong Un ke Rusia dan pertemuannya dengan Putin di kosmodrom.</p>
       <div id="a"><a href="https://iklan.example/smk3" rel="sponsored"><strong>Jasa SMK3 dan ISO</strong></a></div>
       <div class="code-block code-block-7" id="b"><a href="https://x.example/">Promo</a></div>
       <p id="c">Menurut laporan, <a href="https://partner.example" rel="sponsored nofollow">mitra kami</a> ikut mendanai riset tentang hubungan kedua negara yang makin erat sejak pertemuan tersebut berlangsung.</p>
       </article></body></html>`, 'text/html');
    const hits = findClutter(doc, 'https://akurasi.id/x');
    const ids = hits.map((h) => h.element.id);
    expect(ids).toContain('a');
    expect(ids).toContain('b');
    expect(ids).not.toContain('c'); // prose with one paid link stays
    expect(hits.find((h) => h.element.id === 'a')?.rule).toBe('structure:sponsored-link');
  });
});

describe('related cards after a label', () => {
  it('hides a headline-card list that follows a "Berita Lainnya" label, not a prose list', () => {
    const card = (t: string) => `<li><div class="pic"><a href="/x"><img alt=""></a></div><div class="text"><h3><a href="/x">${t}</a></h3><span>24/6/2025</span><p>Ringkasan singkat berita lain yang tidak ada hubungannya dengan artikel ini sama sekali.</p></div></li>`;
    const doc = new DOMParser().parseFromString(
      `<html><body><article><p>${'Isi berita yang panjang. '.repeat(20)}</p></article>
       <div class="ti">Berita Lainnya</div><ul id="cards">${card('Satu judul berita lain')}${card('Dua judul berita lain')}${card('Tiga judul berita lain')}</ul>
       <h2>Langkah berikutnya</h2><ul id="prose"><li>Pemerintah menyiapkan anggaran.</li><li>DPR membahas aturan.</li></ul></body></html>`, 'text/html');
    const ids = findClutter(doc, 'https://example.co.id/x').map((h) => h.element.id);
    expect(ids).toContain('cards');
    expect(ids).not.toContain('prose');
  });
});

describe('class-name pre-test', () => {
  it('CLASS_HINT lets through every class/id name a CLASS_RULES pattern matches (all corpus and fixture pages)', async () => {
    const { readFileSync, readdirSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../..');
    const dirs = [path.resolve(root, '../shared/corpus/raw'), path.join(root, 'tests/fixtures')].filter((d) => existsSync(d));
    const names = new Set<string>(['skyscrper', 'yarpp-related', 'bottom-ads-sticky', 'code-block-7', 'ext-channel', 'article-credits', 'topikpilihan', 'emoji-reactions']);
    for (const dir of dirs) {
      for (const f of (readdirSync(dir, { recursive: true }) as string[]).filter((x) => String(x).endsWith('.html'))) {
        const html = readFileSync(path.join(dir, f), 'utf8');
        for (const m of html.matchAll(/\s(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
          for (const n of (m[1] ?? m[2] ?? m[3] ?? '').split(/\s+/)) if (n) names.add(n);
        }
      }
    }
    expect(names.size).toBeGreaterThan(1000);
    const missed = [...names].filter((n) => CLASS_RULES.some((r) => r.pattern.test(n)) && !CLASS_HINT.test(n));
    expect(missed).toEqual([]);
  });
});

describe('class-name pre-test, generated names', () => {
  it('CLASS_HINT lets through any name a CLASS_RULES pattern matches (names generated from each pattern)', () => {
    for (const rule of CLASS_RULES) {
      // Whole names: the patterns are anchored; letters in either case, as the patterns are /i.
      const name = fc.stringMatching(new RegExp(rule.pattern.source)).filter((n) => !/\s/.test(n) && n.length > 0);
      const cased = fc.tuple(name, fc.boolean()).map(([n, up]) => (up ? n.toUpperCase() : n));
      fc.assert(fc.property(cased, (n) => !rule.pattern.test(n) || CLASS_HINT.test(n)), { numRuns: 3000 });
      // Inside a class string: after another name and a space.
      fc.assert(fc.property(name, (n) => !rule.pattern.test(n) || CLASS_HINT.test(`x ${n}`)), { numRuns: 500 });
    }
  });
});

describe('text-rule pre-test', () => {
  it('TEXT_RULE_START lets through every text a TEXT_RULES pattern matches (corpus text nodes and one example per rule)', async () => {
    const { readFileSync, readdirSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../..');
    const dir = path.resolve(root, '../shared/corpus/raw');
    const texts = ['• Baca juga: X', 'Read more: X', 'Baca selengkapnya', 'Berita Terkait', 'Jangan Lewatkan', 'Berita rekomendasi',
      '[Gambas:Video 20detik]', 'Saksikan video berikut', 'ADVERTISEMENT', 'Scroll to continue with content', 'Dilarang mengambil',
      '© 2024 X', 'Hak cipta dilindungi', 'Disclaimer: X', 'Artikel ini telah tayang di X', '-----', 'Editor: X', 'Sumber: X',
      '(mea/mea)', '[ian]', '12 Komentar', 'Bagikan', 'Ikuti berita terkini', 'Pilihan Editor: X', 'Artikel Selanjutnya', 'Follow Berita Okezone di Google News',
      'Simak berita dan artikel lainnya di Google News', 'Klik di sini untuk', 'Tags: a, b', 'Kata kunci: a'];
    // jsdom, quiet: happy-dom's parser would try to load each page's stylesheets and frames.
    const { createRequire } = await import('node:module');
    const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom');
    if (existsSync(dir)) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.html'))) {
        const body: HTMLElement = new JSDOM(readFileSync(path.join(dir, f), 'utf8'), { virtualConsole: new VirtualConsole() }).window.document.body;
        const walker = body.ownerDocument.createTreeWalker(body, 4);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.nodeValue ?? '').length <= 1000) texts.push(n.nodeValue ?? '');
      }
    }
    expect(texts.length).toBeGreaterThan(1000);
    const collapse = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    const matched = texts.filter((raw) => TEXT_RULES.some((r) => r.pattern.test(collapse(raw))));
    expect(matched.length).toBeGreaterThan(100);
    expect(matched.filter((raw) => !TEXT_RULE_START.test(raw))).toEqual([]);
  });
});

describe('collapsedLength', () => {
  // Every code unit \s matches, U+200B (which it does not), near misses, surrogates and letters.
  const SPACES = [...Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch)), '\u200b'];
  const OTHERS = ['a', 'Z', '1', '.', '\u200c', '\u180e', '\u0085', '\u00ad', '\ud83d', '\ude00', 'é', '\u0000', '\u001f', '!'];
  it('is collapse(s).length for any string (property)', () => {
    expect(SPACES.length).toBeGreaterThan(20);
    const unit = fc.constantFrom(...SPACES, ...OTHERS);
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
      const s = units.join('');
      expect(collapsedLength(s)).toBe(collapse(s).length);
    }), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      expect(collapsedLength(s)).toBe(collapse(s).length);
    }), { numRuns: 2000 });
  });
});

describe('collapse', () => {
  it('returns already collapsed text as is, and is the full replace + trim for any string (property)', () => {
    const SPACES = [...Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch)), '\u200b'];
    const unit = fc.constantFrom(...SPACES, ' ', ' ', 'a', 'Z', '1', '.', '\u200c', '\u0085', '\ud83d', '\ude00');
    const slow = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    fc.assert(fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
      const s = units.join('');
      expect(collapse(s)).toBe(slow(s));
    }), { numRuns: 5000 });
    const done = 'Sudah rapi, satu spasi.';
    expect(collapse(done)).toBe(done);
  });
});

describe('rule head', () => {
  // Texts that start like each rule's matches, continued by random words well past the head.
  const STARTS = ['• Baca juga: ', 'Baca juga ', 'baca juga video ', 'Baca juga', 'Lihat pula » ', 'Read more: ', 'baca: ', 'Baca selengkapnya ',
    'Berita Terkait ', 'Artikel terkait', 'Jangan Lewatkan ', 'Most popular ', 'Related articles ', 'Berita rekomendasi ', '[Gambas:Video 20detik]',
    'Simak juga video ', 'Tonton video ', 'ADVERTISEMENT', 'Iklan ', 'Dilarang mengambil ', 'Copyright © ', '© 2024 ', 'Hak cipta ',
    'Konten ini adalah kiriman ', 'Disclaimer: ', 'Artikel ini telah tayang ', '----- ', 'Editor: ', 'Sumber: ', '(mea/mea) ', '[ian] ',
    'Bagikan ', 'Share: ', 'Cek berita dan artikel ', 'Ikuti kami ', 'Download aplikasi ', 'Tags: ', 'Kata kunci: '];
  const WORDS = ['kata', 'Baca', 'juga', 'video', ':', '-', '»', '(', ')', '/', '©', '2024', 'x', 'terkait', 'a/b', 'Lihat'];
  const text = fc.tuple(fc.constantFrom(...STARTS), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 120 }))
    .map(([start, words]) => collapse(`${start}${words.join(' ')}`));

  it('every rule that may match a text longer than RULE_HEAD_CHARS is decided on its first RULE_HEAD_CHARS characters (property)', () => {
    const long = TEXT_RULES.filter((r) => r.box || r.maxChars > RULE_HEAD_CHARS);
    expect(long.length).toBeGreaterThan(5);
    fc.assert(fc.property(text, (t) => {
      if (t.length <= RULE_HEAD_CHARS) return;
      for (const rule of long) expect([rule.id, rule.pattern.test(t.slice(0, RULE_HEAD_CHARS))]).toEqual([rule.id, rule.pattern.test(t)]);
    }), { numRuns: 3000 });
  });

  it('the other rules (any pattern, end anchors included) only cover texts within the head', () => {
    for (const rule of TEXT_RULES) if (!rule.box && rule.maxChars > RULE_HEAD_CHARS) expect(rule.pattern.source).not.toMatch(/\$(?!\])/);
    for (const rule of TEXT_RULES) if (rule.pattern.source.includes('$') && !rule.box) expect(rule.maxChars).toBeLessThanOrEqual(RULE_HEAD_CHARS);
  });
});

describe('box size', () => {
  it('no text rule covers more than boxMaxChars (the label climb stops at a longer box without reading it)', () => {
    for (const rule of TEXT_RULES) expect(rule.maxChars).toBeLessThan(THRESHOLDS.boxMaxChars);
  });
});
