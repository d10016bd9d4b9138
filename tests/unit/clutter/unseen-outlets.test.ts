// @vitest-environment happy-dom
// Clutter on outlets the corpus does not hold, found by text and structure (synthetic markup after
// each outlet's template; no copied article text).
import { describe, expect, it } from 'vitest';
import { findClutter, type ClutterHit } from '../../../src/clutter/index';
import { cleanParagraphs } from '../../../src/article/postclean';
import { docFrom, PROSE } from './helpers';

const texts = (hits: ClutterHit[]) => hits.map((h) => `${h.reason}|${(h.element.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
const body = (inner: string) => `<h1>Judul berita yang cukup panjang</h1><div class="read"><p>${PROSE}</p>${inner}<p>${PROSE}</p></div>`;
const URL = 'https://www.example.id/read/2024/1/berita';

describe('calls to follow the outlet elsewhere (promo)', () => {
  it('"Dapatkan berita ...", "Follow WhatsApp Channel ...", bulleted "* Follow Official ..." and "Fakta atau Hoaks?"', () => {
    const t = texts(findClutter(docFrom(body(`
      <p>Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di <a href="/o">ORION</a>, daftar sekarang dengan <a href="/d">klik disini</a></p>
      <p>Follow WhatsApp Channel iNews untuk update berita terbaru setiap hari! <a href="/w">Follow</a></p>
      <p>* Follow Official WhatsApp Channel Liputan6.com untuk mendapatkan berita-berita terkini dengan mengklik <a href="/w">tautan ini</a>.</p>
      <p>* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor Cek Fakta 0811 0000 000 hanya dengan ketik kata kunci.</p>`)), URL));
    expect(t.filter((x) => x.startsWith('promo|'))).toHaveLength(4);
  });

  it('"Baca berita X lainnya di <a>Google News</a>": the first text run leads into the link', () => {
    const t = texts(findClutter(docFrom(body('<p>Baca berita TRIBUNJATENG lainnya di <a href="https://news.google.com/x">Google News</a></p><p>Yuk, ikuti saluran WhatsApp kami agar tidak ketinggalan berita.</p>')), URL));
    expect(t).toEqual(['promo|Baca berita TRIBUNJATENG lainnya di Google News', 'promo|Yuk, ikuti saluran WhatsApp kami agar tidak ketinggalan berita.']);
  });

  it('prose that merely mentions Google News or starts with "Dapatkan" stays', () => {
    const prose = [
      '<p>Dapatkannya tidak mudah, kata petani itu sambil menunjukkan sawah yang gagal panen karena kemarau panjang tahun ini.</p>',
      '<p>Google News menjadi salah satu sumber lalu lintas terbesar bagi media daring, kata peneliti itu. Ikuti perkembangannya.</p>',
    ].join('');
    expect(findClutter(docFrom(body(prose)), URL)).toEqual([]);
    expect(cleanParagraphs(['Baca berita TRIBUNJATENG lainnya di Google News', PROSE])).toEqual([PROSE]);
  });
});

describe('related boxes', () => {
  it('a read-also written whole inside its link (kumparan) is a related line', () => {
    const t = texts(findClutter(docFrom(body('<div class="TextBox"><span data-qa-id="story-paragraph"><a href="/x">Baca juga: Arus Mudik di Pelabuhan Merak Mulai Padat</a></span></div>')), URL));
    expect(t).toEqual(['related|Baca juga: Arus Mudik di Pelabuhan Merak Mulai Padat']);
  });

  it('"Menarik Dibaca", "Berita Pilihan", "Video Pilihan" headed link lists', () => {
    const box = (label: string) => `<div class="box"><h3>${label}</h3><ul><li><a href="/1">Saham Perbankan Menguat Sepanjang Sesi Pertama</a></li><li><a href="/2">Rupiah Dibuka Melemah Pagi Ini</a></li></ul></div>`;
    for (const label of ['Menarik Dibaca', 'Berita Pilihan', 'Video Pilihan', 'Pilihan Redaksi']) {
      const t = texts(findClutter(docFrom(body(box(label))), URL));
      expect(t.some((x) => x.startsWith(`related|${label}`)), label).toBe(true);
    }
  });
});

describe('share-named story cards', () => {
  it('a card named for its hover share buttons holds a linked headline: not a share bar', () => {
    const card = `<div class="article-tran hover-share-item"><div class="post-image"><a href="/k"><img src="k.jpg"></a></div>
      <h3 class="entry-title"><a href="/k">Kapolres Berikan Penghargaan Kepada Enam Belas Personel</a></h3><div class="entry-content">Kapolres memberikan penghargaan kepada personel...</div></div>`;
    const bar = '<div class="post-share"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">WhatsApp</a></div>';
    const t = texts(findClutter(docFrom(body(card + bar)), URL));
    expect(t).toEqual(['share|FacebookTwitterWhatsApp']);
  });
});

describe('photo credits in captions', () => {
  it('"(REUTERS/Name)" closing a caption is the photo credit, not a sign-off; the same after body text is', () => {
    const caption = '<div class="photodesc">Staf laboratorium memeriksa sampel di Bangkok.<b>&nbsp;(REUTERS/Chaiwat Subprasom)</b></div>';
    expect(findClutter(docFrom(body(caption)), URL)).toEqual([]);
    const t = texts(findClutter(docFrom(body('<p>Penutup berita ini cukup panjang untuk menjadi paragraf biasa. <strong>(mea/mea)</strong></p>')), URL));
    expect(t).toEqual(['editor|(mea/mea)']);
  });
});

describe('share rows holding the byline', () => {
  it('a share-named row with the reporter in it stays; its buttons are hidden by their own name', () => {
    const row = `<div class="detail-social-share-ab"><div class="autor"><div class="nmreporter"><div>Fakhrizal Fakhri</div><span>Jurnalis</span></div></div>
      <div class="r"><div class="sosmed"><ul><li><a id="facebook-share">Share on Facebook</a></li><li><a id="twitter-share">Share on Twitter</a></li></ul></div></div></div>`;
    const t = texts(findClutter(docFrom(body(row)), URL));
    expect(t).toEqual(['share|Share on FacebookShare on Twitter']);
  });
});

describe('credits tables', () => {
  it('"Penulis | : name" in table cells is one editor credit, the label climbing to its table', () => {
    const table = `<div class="kcm-read-copy"><table><tbody><tr><td>Penulis</td><td>: Ferril Dennys</td></tr><tr><td>Editor</td><td>: Aloysius Gonsaga AE</td></tr>
      <tr><td>Sumber</td><td>: <a href="http://persib.co.id/">Persib</a></td></tr></tbody></table></div>`;
    const t = texts(findClutter(docFrom(body(table)), URL));
    expect(t).toEqual(['editor|Penulis: Ferril DennysEditor: Aloysius Gonsaga AE Sumber: Persib']);
  });

  it('joined labels: "Redaktur & Reporter : name" (JPNN), "Penulis/Editor: name"', () => {
    const t = texts(findClutter(docFrom(body('<div class="x">Redaktur &amp; Reporter : Budi Santoso</div><p>Penulis/Editor: Nadia Putri</p>')), URL));
    expect(t).toEqual(['editor|Redaktur & Reporter : Budi Santoso', 'editor|Penulis/Editor: Nadia Putri']);
  });

  it('a bare "Penulis" heading prose is not hidden', () => {
    expect(findClutter(docFrom(body(`<h3>Penulis</h3><p>${'Penulis muda itu menulis tentang kota kelahirannya dengan penuh kenangan dan cerita. '.repeat(3)}</p>`)), URL)).toEqual([]);
  });
});

describe('one wrapper holding several kinds of clutter', () => {
  it("Republika's credits table, tag list and share bar in one wrapper are three items", () => {
    const wrapper = `<div class="set-sosmed global-detail"><div class="red"><table><tr><td><strong>Redaktur :</strong> Agus Yulianto</td></tr>
      <tr><td><strong>Sumber :</strong> kemenag.go.id</td></tr></table></div><div class="clear"></div>
      <div class="social"><div><b><span>TAG:</span></b></div><div class="tagging"><a href="/t/1">#haji</a></div><div class="tagging"><a href="/t/2">#kesehatan haji</a></div></div>
      <div class="social"><div class="share-bottom"><span>0</span><strong>SHARE</strong><ul><li><a href="#">Mail</a></li><li><a href="#">Copy</a></li></ul></div></div></div>`;
    const t = texts(findClutter(docFrom(body('') + wrapper), URL));
    expect(t).toEqual(['share|0SHAREMailCopy', 'editor|Redaktur : Agus Yulianto Sumber : kemenag.go.id', 'tags|TAG:#haji#kesehatan haji']);
  });

  it('an editor line beside prose-free siblings of the same kind still climbs to its box', () => {
    const box = '<div class="credits"><p>Penulis: Nadia Putri</p><p>Editor: Ivan Aulia</p></div>';
    const t = texts(findClutter(docFrom(body('') + `<div class="wrap">${box}</div>`), URL));
    expect(t).toEqual(['editor|Penulis: Nadia PutriEditor: Ivan Aulia']);
  });
});
