/** Search narrowed in the library itself: date ranges on the indexes, words intersected on the index. */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/library';
import { SEARCH } from '../../../src/library/search';
import { ent, freshName, makeArticle } from './helpers';

describe('search filters', () => {
  const l = openLibrary(freshName('sorot-filters'));
  afterAll(() => l.close());

  it('filters by dates, entity and site without words, and ANDs words through the index', async () => {
    for (let i = 0; i < 40; i++) {
      const month = String((i % 4) + 1).padStart(2, '0');
      const topic = i % 2 ? 'banjir' : 'gempa';
      await l.save(makeArticle({
        url: `https://n.example/${i}`, site: i % 5 ? 'detikNews' : 'Kompas.com', published: i === 39 ? null : `2024-${month}-1${i % 10}`,
        title: `${topic} di kota nomor ${i}${i % 8 === 0 ? ' Cianjur' : ''}`, text: `Warga kota menghadapi ${topic} pekan ini.`,
      }), i % 3 ? [ent('PER', 'Heru Budi')] : [ent('LOC', 'Cianjur')], 1000 + i);
    }
    const feb = await l.search('', { from: '2024-02-01', to: '2024-02-29T23:59:59Z' }, 100);
    expect(feb.length).toBe(10);
    expect(feb.every((h) => h.published!.startsWith('2024-02'))).toBe(true);
    const febCianjur = await l.search('', { entityId: 'LOC:cianjur', from: '2024-02-01', to: '2024-02-29T23:59:59Z' }, 100);
    expect(febCianjur.map((h) => h.title).sort()).toEqual(feb.filter((h) => h.entities.some((e) => e.id === 'LOC:cianjur')).map((h) => h.title).sort());
    expect(febCianjur.length).toBeGreaterThan(0);
    const kompasMarch = await l.search('', { site: 'Kompas.com', from: '2024-03-01', to: '2024-03-31T23:59:59Z' }, 100);
    expect(kompasMarch.every((h) => h.site === 'Kompas.com' && h.published!.startsWith('2024-03'))).toBe(true);
    expect(kompasMarch.length).toBe(2);
    // Words: a common and a rarer one, ANDed; with a date range on top.
    // Banjir is in odd articles, Cianjur tagged on every third one.
    const title = (i: number) => `banjir di kota nomor ${i}`;
    const odd3 = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 3 === 0);
    const both = await l.search('banjir cianjur', {}, 100);
    expect(both.map((h) => h.title).sort()).toEqual(odd3.map(title).sort());
    // ...published in April (i % 4 === 3), and dated (39 is not).
    const bothApril = await l.search('banjir cianjur', { from: '2024-04-01' }, 100);
    expect(bothApril.map((h) => h.title).sort()).toEqual(odd3.filter((i) => i % 4 === 3 && i !== 39).map(title).sort());
    expect(SEARCH.intersectMax).toBeGreaterThan(0);
  });

  it('finds an old match of two common words: a driver within intersectMax is read whole, not only its newest', async () => {
    const m = openLibrary(freshName('sorot-and'));
    const cap = SEARCH as { scoreCap: number };
    const shipped = cap.scoreCap;
    try {
      // "pelabuhan" and "tarif" are each in 6 articles; only the oldest has both.
      for (let i = 0; i < 11; i++) {
        const words = i === 0 ? 'pelabuhan tarif' : i % 2 ? 'pelabuhan' : 'tarif';
        await m.save(makeArticle({ url: `https://p.example/${i}`, published: `2024-05-${String(i + 1).padStart(2, '0')}`, title: `${words} kota nomor ${i}`, text: `Berita tentang ${words} hari ini.` }), [], 5000 + i);
      }
      cap.scoreCap = 3;
      const hits = await m.search('pelabuhan tarif', {}, 10);
      expect(hits.map((h) => h.url)).toEqual(['https://p.example/0']);
    } finally {
      cap.scoreCap = shipped;
      m.close();
    }
  });
});
