/** Full-text search of the stored texts, for words the key index does not hold. */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/library';
import { TEXT_SCAN, firstWordAt, hasAllWords, queryWords, snippetAt } from '../../../src/library/text-scan';
import { ent, freshName, makeArticle } from './helpers';

describe('word matching', () => {
  it('matches word starts, any case, without diacritics; every word must be there', () => {
    const words = queryWords('Vaksin  Café!');
    expect(words).toEqual(['vaksin', 'cafe']);
    expect(hasAllWords('Program vaksinasi digelar di CAFÉ kota.', words)).toBe(true);
    expect(hasAllWords('Program vaksinasi digelar di kedai.', words)).toBe(false);
    // Inside a word is no match: "aksin" does not find "vaksin".
    expect(hasAllWords('vaksin', queryWords('aksin'))).toBe(false);
    expect(firstWordAt('Ada kafe. Lalu vaksin dan cafe.', words)).toBe(15);
  });

  it('cuts a snippet at word boundaries around the match', () => {
    const text = 'Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas.';
    const at = text.indexOf('tujuh');
    const s = snippetAt(text, at, 20);
    expect(s).toMatch(/^… .*tujuh.* …$/);
    expect(s).not.toMatch(/ [a-z]{1,2} …$/); // no half word at the end
    expect(snippetAt('tujuh hari', 0, 20)).toBe('tujuh hari');
  });
});

describe('searchText over the library', () => {
  const l = openLibrary(freshName('sorot-textscan'));
  afterAll(() => l.close());

  it('finds a body-only word the index search misses, newest read first, with filters and exclusions', async () => {
    // The long text makes "layang-layang" one of many light words: not among the indexed key terms.
    const filler = ['Pemerintah kota membahas anggaran pembangunan jalan, jembatan, sekolah dan pasar bersama dewan.',
      'Walikota menyebut proyek drainase, terminal, puskesmas, taman, perpustakaan, stadion dan rusun akan dikerjakan.',
      'Fraksi partai menyoroti pajak, retribusi, hibah, pinjaman, obligasi, subsidi, tunjangan, honor dan belanja pegawai.'].join(' ').repeat(3);
    for (let i = 0; i < 6; i++) {
      const kite = i % 2 === 0 ? ' Anak-anak bermain layang-layang di lapangan.' : '';
      await l.save(makeArticle({ url: `https://n.example/${i}`, site: i < 3 ? 'detikNews' : 'Kompas.com', published: `2024-03-0${i + 1}`, title: `Rapat anggaran kota ${i}`, text: `${filler}${kite}` }), [ent('LOC', 'Bandung')], 1000 + i);
    }
    expect(await l.search('layang', {}, 10)).toEqual([]);
    const all = await l.searchText('layang', {}, 10);
    expect(all.hits.map((h) => h.url)).toEqual(['https://n.example/4', 'https://n.example/2', 'https://n.example/0']);
    expect(all.hits[0]!.snippet).toContain('layang-layang');
    expect(all.complete).toBe(true);
    expect(all.scanned).toBe(6);
    // Every word must be found (title words count), filters apply, shown ones are left out.
    expect((await l.searchText('layang rapat', {}, 10)).hits).toHaveLength(3);
    expect((await l.searchText('layang gempa', {}, 10)).hits).toHaveLength(0);
    expect((await l.searchText('layang', { site: 'detikNews' }, 10)).hits.map((h) => h.url)).toEqual(['https://n.example/2', 'https://n.example/0']);
    expect((await l.searchText('layang', {}, 10, [l.articleId('https://n.example/4')])).hits).toHaveLength(2);
    expect((await l.searchText('layang', {}, 1)).hits).toHaveLength(1);
  });

  it('reads at most the cap of recent articles and says the scan was not complete', async () => {
    const m = openLibrary(freshName('sorot-textscan-cap'));
    const cap = TEXT_SCAN as { articles: number; page: number };
    const shipped = { ...cap };
    try {
      for (let i = 0; i < 7; i++) await m.save(makeArticle({ url: `https://c.example/${i}`, title: `Berita ${i}`, text: i === 0 ? 'Ada kata langka: zamrud.' : 'Kabar biasa hari ini.' }), [], 100 + i);
      Object.assign(cap, { articles: 4, page: 2 });
      const r = await m.searchText('zamrud', {}, 10);
      expect(r).toMatchObject({ hits: [], scanned: 4, complete: false });
      Object.assign(cap, shipped);
      expect((await m.searchText('zamrud', {}, 10)).hits.map((h) => h.url)).toEqual(['https://c.example/0']);
    } finally {
      Object.assign(cap, shipped);
      m.close();
    }
  });
});
