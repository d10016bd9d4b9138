// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineOf, siteOf } from '../../../src/article/metadata';

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

  it("passes over a desk's initials given as the author to the template's author box, not to a photo's credit", () => {
    const page = doc(`<head><meta name="author" content="bgs"></head><body><div class="photo"><img src="a.jpg"><span class="author">Dok. Humas Kota</span></div>
      <div class="author">Rina Suryani - detiknews</div><p>Isi berita. <strong>(bgs/rul)</strong></p></body>`);
    expect(bylineOf(page, null, null)).toBe('Rina Suryani');
    // Initials and nothing better: no byline rather than a code readers cannot read.
    expect(bylineOf(doc('<head><meta name="author" content="mea/mea"></head><body><p>Isi.</p></body>'), null, null)).toBeNull();
    // A photo credit alone is no author.
    expect(bylineOf(doc('<body><figure><img src="a.jpg"><span class="author">Dok. Humas Kota</span></figure><p>Isi.</p></body>'), null, null)).toBeNull();
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

  it('site: the outlet after a headline the site name repeats ("Judul :: Okezone News"), else the site name as given', () => {
    const head = (site: string) => doc(`<html><head><meta property="og:title" content="Ahok Dukung Jokowi Diberi Pangkat Bintang Lima"><meta property="og:site_name" content="${site}"></head><body></body></html>`);
    expect(siteOf(head('Ahok Dukung Jokowi Diberi Pangkat Bintang Lima :: Okezone News'), 'news.okezone.com')).toBe('Okezone News');
    expect(siteOf(head('Kompas.com - Berita Terkini'), 'kompas.com')).toBe('Kompas.com - Berita Terkini');
    expect(siteOf(head('detikNews'), 'news.detik.com')).toBe('detikNews');
  });

  it('takes the writer from a credits line or table when the meta author names the company (Kompas Cyber Media)', () => {
    const page = doc('<body><p>Isi berita.</p><table><tr><td>Penulis</td><td>: Ferril Dennys</td></tr><tr><td>Editor</td><td>: Aloysius Gonsaga AE</td></tr></table></body>');
    expect(bylineOf(page, null, 'Kompas Cyber Media')).toBe('Ferril Dennys');
    expect(bylineOf(doc('<body><table><tr><td>Penulis</td><td>: Kontributor Lhokseumawe, Masriadi</td></tr></table></body>'), null, null)).toBe('Masriadi');
    expect(bylineOf(doc('<body><p>Isi berita.</p><p>Penulis: Nadia Putri Editor: Ivan Aulia</p></body>'), null, null)).toBe('Nadia Putri');
    expect(bylineOf(doc('<body><p>Penulis muda itu menulis novel.</p></body>'), null, null)).toBeNull();
  });
});

describe("Okezone's reporter box (div.nmreporter)", () => {
  // The real page (corpus okezone-1, 2015 template): no meta author, no JSON-LD.
  const file = path.resolve(__dirname, '../../../../shared/corpus/raw/okezone-1.html');

  it('reads the name, not the role under it', () => {
    const page = doc(readFileSync(file, 'utf8'));
    expect(bylineOf(page, null, null)).toBe('Dewi Kania');
  });

  it('takes no name from an aggregated story (the source outlet) or an editor box', () => {
    const box = (name: string, role: string) => doc(`<body><div class="autor"><div class="reporter"></div><div class="nmreporter"><div>${name}</div><span>${role}</span></div></div><p>Isi berita.</p></body>`);
    expect(bylineOf(box('Dewi Kania', 'Jurnalis'), null, null)).toBe('Dewi Kania');
    expect(bylineOf(box('Koran Sindo', 'Agregasi'), null, null)).toBeNull();
    expect(bylineOf(box('Rani Hardjanti', 'Editor'), null, null)).toBeNull();
  });
});

describe('an author account named after the outlet', () => {
  it('is not a writer (WordPress "Author Metro Bali" on metrobali.com); a person is kept', () => {
    const page = (name: string) => doc(`<head><meta property="og:site_name" content="Metro Bali"></head><body><div class="author">${name}</div><p>Isi berita.</p></body>`);
    expect(bylineOf(page('Author Metro Bali'), { author: { name: 'Metro Bali' } }, 'Author Metro Bali', undefined, 'metrobali.com')).toBeNull();
    expect(bylineOf(page('Metro Bali'), null, null, undefined, 'www.metrobali.com')).toBeNull();
    // The host's name alone, without a site name: the label before the public suffix.
    expect(bylineOf(doc('<body><p>Isi.</p></body>'), { author: { name: 'Radar Cirebon' } }, null, undefined, 'www.radarcirebon.co.id')).toBeNull();
    expect(bylineOf(page('Ketut Sutiawan'), null, null, undefined, 'metrobali.com')).toBe('Ketut Sutiawan');
  });
});

describe('credits lines broken by <br> and desk accounts', () => {
  it('reads the writer of "Pewarta: X<br>Editor: Y<br>Copyright" (ANTARA), not the whole line', () => {
    const page = doc('<body><p>Isi berita.</p><p class="text-muted mt-2 small">Pewarta: Devi Nindy<br>Editor: Agus Salim<br>Copyright © ANTARA 2024</p></body>');
    expect(bylineOf(page, null, null, undefined, 'www.antaranews.com')).toBe('Devi Nindy');
  });

  it("an outlet's desk written as one word is not a writer; a person whose name starts like the outlet is", () => {
    const meta = '<head><meta property="og:site_name" content="kumparan"></head>';
    expect(bylineOf(doc(`${meta}<body><p>Isi.</p></body>`), { author: { name: 'kumparanNEWS' } }, null, undefined, 'kumparan.com')).toBeNull();
    expect(bylineOf(doc(`${meta}<body><p>Isi.</p></body>`), { author: { name: 'Kumparan Siregar' } }, null, undefined, 'kumparan.com')).toBe('Kumparan Siregar');
  });
});

describe('joined credit labels and a reporter box with the date beside the name', () => {
  it('"Redaktur & Reporter : name" (JPNN) names the writer; "Redaktur : name" alone does not', () => {
    expect(bylineOf(doc('<body><p>Isi.</p><div class="editor-info">Redaktur &amp; Reporter : Budi Santoso</div></body>'), null, null)).toBe('Budi Santoso');
    expect(bylineOf(doc('<body><p>Isi.</p><div class="editor-info">Redaktur : Budi Santoso</div></body>'), null, null)).toBeNull();
  });

  it('Okezone\'s current box: "Name, <b>Jurnalis</b>" then the date', () => {
    const page = doc('<body><div class="reporter"><div class="namerep">Rina Wulandari, <b>Jurnalis</b></div><span>Kamis, 01 Februari 2024 |09:00 WIB</span></div><p>Isi.</p></body>');
    expect(bylineOf(page, null, null)).toBe('Rina Wulandari');
  });
});
