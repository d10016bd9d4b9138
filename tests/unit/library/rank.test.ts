import { describe, expect, it } from 'vitest';
import { buildFeatures, docEntities, type DocFeatures } from '../../../src/library/features';
import { rankRelated, reasonText } from '../../../src/library/rank';
import { entityDfOf, rarity, similarity, statsOf } from '../../../src/library/similarity';
import { groupStories, isSameStory } from '../../../src/library/story';
import { splitParagraphs } from '../../../src/library/text';
import type { Entity } from '../../../src/types';
import { devSet, ent } from './helpers';

function doc(id: string, site: string, published: string, title: string, text: string, entities: Entity[]): DocFeatures {
  return buildFeatures({ id, site, title, published, paragraphs: splitParagraphs(text) }, entities);
}

const putin = ent('PER', 'Vladimir Putin', 3);
const kim = ent('PER', 'Kim Jong Un', 3);
const rusia = ent('LOC', 'Rusia', 2);
const korut = ent('LOC', 'Korea Utara', 2);

// Three outlets on one event, one article on another event with the same people, filler.
const docs = [
  doc('kompas-aurus', 'Kompas.com', '2024-02-20', 'Putin Kirim Mobil Aurus untuk Kim Jong Un',
    'Presiden Rusia Vladimir Putin menghadiahkan mobil Aurus kepada pemimpin Korea Utara Kim Jong Un, lapor KCNA.\nKim Yo Jong berterima kasih atas hadiah mobil itu.',
    [putin, kim, rusia, korut, ent('ORG', 'KCNA'), ent('PER', 'Kim Yo Jong')]),
  doc('detik-aurus', 'detikNews', '2024-02-20', 'Kim Jong Un Terima Hadiah Mobil Aurus dari Putin',
    'Kim Jong Un menerima mobil Aurus buatan Rusia dari Vladimir Putin. KCNA menyebut Kim Yo Jong menyampaikan terima kasih.',
    [putin, kim, rusia, ent('ORG', 'KCNA'), ent('PER', 'Kim Yo Jong')]),
  doc('cnn-aurus', 'CNN Indonesia', '2024-02-21', 'Hadiah Mobil Aurus Putin untuk Kim Disorot, Dinilai Langgar Sanksi PBB',
    'Hadiah mobil Aurus dari Vladimir Putin untuk Kim Jong Un dinilai melanggar sanksi Dewan Keamanan PBB terhadap Korea Utara.',
    [putin, kim, korut, ent('ORG', 'PBB')]),
  doc('kompas-vostochny', 'Kompas.com', '2023-09-13', 'Kim Jong Un dan Putin Bertemu di Kosmodrom Vostochny',
    'Kim Jong Un bertemu Vladimir Putin di Kosmodrom Vostochny, Rusia. Keduanya membahas kerja sama militer dan satelit.',
    [putin, kim, rusia, ent('LOC', 'Vostochny')]),
  doc('tempo-beras', 'Tempo.co', '2024-02-20', 'Harga Beras Naik di Pasar Induk Cipinang',
    'Harga beras medium naik di Pasar Induk Cipinang. Pedagang mengeluhkan pasokan dari Jawa Tengah.',
    [ent('LOC', 'Cipinang'), ent('LOC', 'Jawa Tengah')]),
  doc('detik-banjir', 'detikNews', '2024-02-21', 'Banjir Rendam Ratusan Rumah di Jakarta Utara',
    'Banjir merendam ratusan rumah di Jakarta Utara setelah hujan deras semalaman.',
    [ent('LOC', 'Jakarta Utara')]),
];
// A library is more than its one story: unrelated articles (other events of the dev set) make
// rarity meaningful, as it is in a reader's real library.
const filler = devSet().stories.filter((s) => s.id !== 'aurus-hadiah-2024').flatMap((s) => s.articles)
  .map((a, i) => doc(`filler-${i}`, a.outlet, a.date, a.title, a.text, []));
const stats = statsOf([...docs, ...filler]);

describe('rankRelated', () => {
  it('puts other coverage of the event first, with an Indonesian reason naming shared entities', () => {
    const r = rankRelated(docs[0]!, docs, stats, 5);
    expect(r.map((x) => x.id).slice(0, 2).sort()).toEqual(['cnn-aurus', 'detik-aurus']);
    expect(r.every((x) => x.id !== 'kompas-aurus')).toBe(true);
    expect(r[0]!.reason).toMatch(/sama-sama menyebut .*(Kim Yo Jong|KCNA|Kim Jong Un|Vladimir Putin)/);
    expect(r[0]!.sameStory).toBe(true);
    // Same people, other event: related, lower, not the same story.
    const vost = r.find((x) => x.id === 'kompas-vostochny');
    expect(vost).toBeDefined();
    expect(vost!.sameStory).toBe(false);
    expect(vost!.reason).toMatch(/^sama-sama menyebut /);
    expect(vost!.shared).toEqual(expect.arrayContaining(['PER:vladimir-putin', 'PER:kim-jong-un', 'LOC:rusia']));
    // Unrelated articles from the same days score far lower or not at all.
    const beras = r.find((x) => x.id === 'tempo-beras');
    expect(beras === undefined || beras.score < vost!.score).toBe(true);
    // Scores come best first within each group.
    const scores = r.filter((x) => !x.sameStory).map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('weights rare shared entities above common ones', () => {
    const r = rankRelated(docs[1]!, docs, stats, 5);
    const top = r.find((x) => x.id === 'kompas-aurus')!;
    // Kim Yo Jong / KCNA are in 2 articles, Putin and Kim in 4: the rare ones are named first.
    expect(top.reason).toMatch(/^liputan peristiwa yang sama; sama-sama menyebut (Kim Yo Jong|KCNA)/);
  });
});

describe('story grouping', () => {
  it('groups one event across outlets and leaves the same people on another date apart', () => {
    const g = groupStories(docs, stats);
    expect(g.get('detik-aurus')).toBe(g.get('kompas-aurus'));
    expect(g.get('cnn-aurus')).toBe(g.get('kompas-aurus'));
    expect(g.get('kompas-vostochny')).not.toBe(g.get('kompas-aurus'));
    expect(g.get('tempo-beras')).not.toBe(g.get('detik-banjir'));
    expect(isSameStory(docs[0]!, docs[3]!, stats)).toBe(false);
  });

  it('does not group a different event of the same day', () => {
    const g = groupStories(docs, stats);
    expect(new Set([g.get('tempo-beras'), g.get('detik-banjir'), g.get('kompas-aurus')]).size).toBe(3);
  });
});

describe('reason text', () => {
  it('names people before places when the library cannot tell which name is rarer', () => {
    const e = (id: string, name: string, type: 'PER' | 'LOC', n: number) => ({ id, name, type, n });
    const a = { ...docs[0]!, entities: [e('LOC:rusia', 'Rusia', 'LOC', 17), e('PER:kim-jong-un', 'Kim Jong Un', 'PER', 14), e('LOC:korea-utara', 'Korea Utara', 'LOC', 13), e('PER:vladimir-putin', 'Vladimir Putin', 'PER', 4)] };
    const b = { ...docs[1]!, entities: a.entities.map((e) => ({ ...e, n: 2 })) };
    const flat = { ...stats, entityDf: () => 2 };
    expect(reasonText(similarity(a, b, flat), false)).toBe('sama-sama menyebut Kim Jong Un, Vladimir Putin, Rusia');
  });

  it('names shared keywords, never bare numbers ("Covid-19" is indexed as "covid" and "19")', async () => {
    const base = { entity: 0, terms: 0.3, title: 0, days: null, shared: [] };
    expect(reasonText({ ...base, sharedTerms: [{ form: 'Covid', w: 2 }, { form: '19', w: 1.5 }, { form: 'vaksin', w: 1 }] } as never, false)).toBe('kata kunci serupa: Covid, vaksin');
    expect(reasonText({ ...base, sharedTerms: [{ form: '2024', w: 2 }] } as never, false)).toBe('topik berdekatan');
  });
});

describe('a small library', () => {
  const seedA = doc('seed-mobil', 'Indozone', '2024-02-20', 'Putin Hadiahkan Mobil Mewah untuk Kim Jong Un',
    'Presiden Rusia Vladimir Putin menghadiahkan mobil buatan Rusia kepada pemimpin Korea Utara Kim Jong Un.',
    [putin, kim, rusia, korut]);
  const seedB = doc('seed-souvenir', 'Akurasi', '2023-09-18', 'Kerja Sama Kim Jong Un dan Putin di Balik Suvenir',
    'Kim Jong Un menerima suvenir dari Vladimir Putin di akhir kunjungannya ke Rusia.',
    [putin, kim, rusia, korut]);

  it('still weighs names shared by its only two articles as names (rarity is read against at least MIN_LIBRARY)', () => {
    const two = statsOf([seedA, seedB]);
    expect(rarity(two.entityDf('PER:kim-jong-un'), two.docCount)).toBeGreaterThan(0.8);
    const r = rankRelated(seedA, [seedB], two, 5);
    expect(r.map((x) => x.id)).toEqual(['seed-souvenir']);
    // As strong as the same pair in a library of 40 (they share the same names either way).
    const wide = rankRelated(seedA, [seedB, ...filler], statsOf([seedA, seedB, ...filler]), 5);
    expect(r[0]!.score).toBeGreaterThan(0.8 * wide.find((x) => x.id === 'seed-souvenir')!.score);
  });

  it('does not treat Indonesia or Jakarta as a rare name before the library has seen many articles', () => {
    const a = doc('a', 'Kompas.com', '2024-02-20', 'Harga Cabai Naik', 'Harga cabai naik di Indonesia. Pasar di Jakarta sepi.',
      [ent('LOC', 'Indonesia'), ent('LOC', 'Jakarta')]);
    const b = doc('b', 'detikNews', '2024-02-21', 'Tim Bulu Tangkis Berangkat', 'Tim bulu tangkis Indonesia berangkat dari Jakarta.',
      [ent('LOC', 'Indonesia'), ent('LOC', 'Jakarta')]);
    const c = doc('c', 'Tempo.co', '2024-02-21', 'Pameran Batik Dibuka', 'Pameran batik dibuka di Cirebon oleh Bupati Imron.',
      [ent('LOC', 'Cirebon'), ent('PER', 'Imron')]);
    const d = doc('d', 'Antara', '2024-02-22', 'Festival Kuliner Digelar', 'Festival kuliner digelar di Cirebon, kata Bupati Imron.',
      [ent('LOC', 'Cirebon'), ent('PER', 'Imron')]);
    const s = statsOf([a, b, c, d]);
    expect(entityDfOf('LOC:indonesia', s.entityDf('LOC:indonesia'), s.docCount)).toBeGreaterThan(s.entityDf('LOC:cirebon'));
    const country = similarity(a, b, s).entity;
    const local = similarity(c, d, s).entity;
    expect(local).toBeGreaterThan(2 * country);
  });

  it('does not relate two articles because the outlet names itself in both', () => {
    const own = [ent('ORG', 'KapanLagi.com'), ent('ORG', 'Liputan6.com'), ent('ORG', 'detikcom'), ent('ORG', 'Komisi Pemberantasan Korupsi')];
    expect(docEntities(own).map((e) => e.name)).toEqual(['Komisi Pemberantasan Korupsi']);
  });
});
