import { describe, expect, it } from 'vitest';
import { DATELINE_OUTLET_ROLE, extractEntities, slug } from '../../../src/entities/index';
import { mergeMentions } from '../../../src/entities/merge';
import type { RawMention } from '../../../src/entities/mentions';

const m = (text: string, type: RawMention['type'], extra: Partial<RawMention> = {}): RawMention =>
  ({ paragraph: 0, start: 0, end: text.length, text, type, source: 'tagger', ...extra });

describe('mergeMentions', () => {
  it('merges a surname into the full name of the same person', () => {
    const ents = mergeMentions([m('Vladimir Putin', 'PER'), m('Putin', 'PER'), m('Putin', 'PER')]);
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ id: 'PER:vladimir-putin', name: 'Vladimir Putin', count: 3 });
    expect(ents[0]!.surface).toEqual(['Vladimir Putin', 'Putin']);
  });

  it('files short forms under the full name (Korut = Korea Utara, Jokowi = Joko Widodo)', () => {
    const ents = mergeMentions([m('Korea Utara', 'LOC'), m('Korut', 'ORG'), m('Jokowi', 'PER')]);
    const korea = ents.find((e) => e.id === 'LOC:korea-utara');
    expect(korea?.surface.sort()).toEqual(['Korea Utara', 'Korut']);
    expect(ents.find((e) => e.type === 'PER')).toMatchObject({ id: 'PER:joko-widodo', name: 'Joko Widodo', surface: ['Jokowi'] });
  });

  it('joins an acronym defined in the text with its long form', () => {
    const ents = mergeMentions([m('Komite Peralihan Aceh', 'ORG'), m('KPA', 'ORG', { acronymOf: 'Komite Peralihan Aceh' }), m('KPA', 'ORG')]);
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ name: 'Komite Peralihan Aceh', count: 3 });
  });

  it('joins a description headed by an organisation word to the name beside it, typed ORG', () => {
    const p = 'Menurut laporan dari Kantor Berita Resmi Korut, Korean Central News Agency (KCNA), hadiah itu disorot.';
    const at = (text: string, type: RawMention['type'], extra: Partial<RawMention> = {}) => {
      const start = p.indexOf(text);
      return m(text, type, { start, end: start + text.length, ...extra });
    };
    const ents = mergeMentions([
      at('Kantor Berita Resmi Korut', 'LOC'), at('Korean Central News Agency', 'ORG'), at('KCNA', 'ORG', { acronymOf: 'Korean Central News Agency' }),
    ]);
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ id: 'ORG:korean-central-news-agency', name: 'Korean Central News Agency', count: 3 });
    // Alone, such a description is still an organisation, not the place it ends with.
    expect(mergeMentions([m('Kantor Berita Resmi Korut', 'LOC'), m('Kantor Berita Resmi Korut', 'LOC')])[0]).toMatchObject({ type: 'ORG' });
    // A person after a comma is not the organisation's name.
    expect(mergeMentions([at('Kantor Berita Resmi Korut', 'ORG'), { ...at('Korean Central News Agency', 'PER') }])).toHaveLength(2);
  });

  it('strips police and military ranks from names, before and after', () => {
    const ents = extractEntities(['Kapolres Metro Jakarta Selatan Kompol Widya Agustiono mengatakan pelaku sudah ditangkap.', 'Widya menyebut kasus itu masih didalami.']);
    const names = ents.map((e) => e.name);
    expect(names).toContain('Widya Agustiono');
    expect(names.some((n) => /Kompol/.test(n))).toBe(false);
    expect(ents.find((e) => e.name === 'Widya Agustiono')?.count).toBe(2);
  });

  it('ignores case when grouping and shows all-caps names in title case', () => {
    const ents = mergeMentions([m('LHOKSEUMAWE', 'LOC', { source: 'dateline' }), m('Lhokseumawe', 'LOC')]);
    expect(ents).toHaveLength(1);
    expect(ents[0]!.name).toBe('Lhokseumawe');
  });

  it('makes stable ids from the canonical name', () => {
    expect(slug('Kim Jong-un')).toBe('kim-jong-un');
    expect(slug('KOMPAS.com')).toBe('kompas-com');
  });
});

describe('extractEntities', () => {
  it('strips titles from names and keeps them as the role', () => {
    const ents = extractEntities(['Presiden Rusia, Vladimir Putin, bertemu Menteri Luar Negeri Retno Marsudi di Jakarta.']);
    const putin = ents.find((e) => e.name === 'Vladimir Putin');
    expect(putin?.type).toBe('PER');
    expect(putin?.role).toBe('Presiden Rusia');
    expect(ents.some((e) => e.name.startsWith('Presiden'))).toBe(false);
  });

  it('gives mention offsets that point at the text in the paragraph', () => {
    const paras = ['JAKARTA, KOMPAS.com - Komisi Pemberantasan Korupsi (KPK) memeriksa pejabat di Jakarta.', 'KPK juga memanggil saksi.'];
    const ents = extractEntities(paras);
    for (const e of ents) for (const x of e.mentions) expect(paras[x.paragraph]!.slice(x.start, x.end)).toBe(x.text);
    const kpk = ents.find((e) => e.id === 'ORG:komisi-pemberantasan-korupsi');
    expect(kpk?.count).toBe(3);
    expect(ents.find((e) => e.id === 'LOC:jakarta')?.count).toBe(2);
  });

  it('types the dateline correctly and marks its outlet', () => {
    const ents = extractEntities(['INDOZONE.ID - Presiden Rusia, Vladimir Putin, memperkuat hubungan dengan Korea Utara.']);
    const outlet = ents.find((e) => e.surface.includes('INDOZONE.ID'));
    expect(outlet).toMatchObject({ type: 'ORG', role: DATELINE_OUTLET_ROLE });
    expect(ents.filter((e) => e.type === 'PER').map((e) => e.name)).toEqual(['Vladimir Putin']);
  });

  it('is sorted by count, most mentioned first', () => {
    const ents = extractEntities(['Rusia dan Korea Utara.', 'Rusia lagi.', 'Rusia.']);
    expect(ents[0]!.name).toBe('Rusia');
    for (let i = 1; i < ents.length; i++) expect(ents[i - 1]!.count).toBeGreaterThanOrEqual(ents[i]!.count);
  });
});

describe('mention clean-up rules', () => {
  it('files places without administrative words and splits a chain of them', () => {
    const ents = extractEntities(['Pria asal Desa Seuneubok Aceh Kecamatan Paya Bakong, Aceh Utara itu ditangkap.']);
    const locs = ents.filter((e) => e.type === 'LOC').map((e) => e.name);
    expect(locs).toEqual(expect.arrayContaining(['Seuneubok Aceh', 'Paya Bakong', 'Aceh Utara']));
    expect(locs.some((n) => /Desa|Kecamatan/.test(n))).toBe(false);
  });

  it('splits a pair of known people written with a hyphen', () => {
    const ents = extractEntities(['Pemerintahan Jokowi-JK menargetkan pertumbuhan ekonomi tujuh persen.']);
    const ids = ents.filter((e) => e.type === 'PER').map((e) => e.id).sort();
    expect(ids).toEqual(['PER:joko-widodo', 'PER:jusuf-kalla']);
  });

  it('does not report acronyms of common nouns or capitalised function words', () => {
    const ents = extractEntities(['IHSG ditutup melemah. Karena itu PNS dan KUHP dibahas di Jakarta.']);
    expect(ents.map((e) => e.name)).toEqual(['Jakarta']);
  });
});

describe('name propagation within an article', () => {
  it('counts every bare surname once the full name is known, and adds no new entity', async () => {
    const { extractEntities } = await import('../../../src/entities');
    const ents = extractEntities([
      'Presiden Rusia, Vladimir Putin, bertemu Kim Jong Un di Moskow.',
      'Hadiah mobil dari Putin menjadi sorotan. Gestur ini memperlihatkan upaya Putin untuk memperkuat ikatan.',
    ]);
    const putin = ents.find((e) => e.name === 'Vladimir Putin');
    expect(putin?.type).toBe('PER');
    expect(putin?.count).toBe(3);
    expect(ents.filter((e) => /Putin/.test(e.name))).toHaveLength(1);
  });
});
