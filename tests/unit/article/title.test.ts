// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { titleOf } from '../../../src/article/metadata';

const doc = (head: string, body: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const H1 = 'Bikin Gaduh Kota, Rumah Penyanyi Ini Digrebek Polisi';

describe('title', () => {
  it('takes the page headline when the meta title only wraps it with a section or outlet affix', () => {
    const page = doc(`<meta property="og:title" content="Kapanlagi.com: Musik - ${H1}">`, `<h1>${H1}</h1>`);
    expect(titleOf(page, null, 'KapanLagi.com', 'musik.kapanlagi.com')).toBe(H1);
    const after = doc(`<meta property="og:title" content="${H1} - Berita Terkini">`, `<h1>${H1}</h1>`);
    expect(titleOf(after, null, 'Contoh', 'www.contoh.id')).toBe(H1);
  });

  it("takes the visible headline's punctuation when the meta title has the same words without it", () => {
    const shown = 'Izin Tambang Nikel di Raja Ampat: Apa Iya Betul Dicabut?';
    const page = doc(`<meta property="og:title" content="Izin Tambang Nikel di Raja Ampat Apa Iya Betul Dicabut">`, `<h1>${shown}</h1>`);
    expect(titleOf(page, null, 'Media Indonesia', 'mediaindonesia.com')).toBe(shown);
  });

  it('keeps the meta title when the headline is a shorter, different wording or a word of it', () => {
    const page = doc(`<meta property="og:title" content="${H1}, Tetangga Protes">`, `<h1>${H1}</h1>`);
    expect(titleOf(page, null, 'Contoh', 'www.contoh.id')).toBe(`${H1}, Tetangga Protes`);
    const other = doc(`<meta property="og:title" content="Pesta Charlotte Church Digerebek Polisi">`, `<h1>${H1}</h1>`);
    expect(titleOf(other, null, 'Contoh', 'www.contoh.id')).toBe('Pesta Charlotte Church Digerebek Polisi');
  });
});
