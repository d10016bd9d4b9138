/**
 * Rules over the tagger's mentions for Indonesian naming habits: aliases and nicknames, short
 * forms in brackets, regional bodies, company names, pairs of short forms. Names are made up;
 * each case is the kind of sentence the corpus pages had wrong before the rule.
 */
import { describe, expect, it } from 'vitest';
import { abbreviates, companyNames } from '../../../src/entities/mentions';
import { tokenize } from '../../../src/entities/tokenize';
import { extractEntities } from '../../../src/entities/node';

const summary = (ps: string[]) => extractEntities(ps).map((e) => `${e.type}:${e.name}=${[...e.surface].sort().join('|')}`).sort();
const find = (ps: string[], name: string) => extractEntities(ps).find((e) => e.name === name);

describe('aliases and nicknames', () => {
  it('files the name after "alias" under the person before it, titles and all', () => {
    const ps = ['Polisi menangkap Rusdianto (41) alias Ayah Gom dan Sofyan Hakim alias Bang Ucok di rumahnya.', 'Ayah Gom mengaku menyesal.'];
    const gom = find(ps, 'Rusdianto');
    expect(gom).toMatchObject({ type: 'PER', count: 3 });
    // The later "Ayah Gom" is tagged without its title: still him.
    expect([...gom!.surface].sort()).toEqual(['Ayah Gom', 'Gom', 'Rusdianto']);
    expect(find(ps, 'Sofyan Hakim')?.surface).toContain('Bang Ucok');
    expect(extractEntities(ps).map((e) => e.name).sort()).toEqual(['Rusdianto', 'Sofyan Hakim']);
  });

  it('files "yang akrab disapa X" under the person last named in full', () => {
    const ps = ['Hal itu diungkapkan Hendrawan Saputra, direktur perusahaan itu.', 'Pria yang akrab disapa Iwan ini optimistis.', '"Kami siap," ucap Iwan.'];
    expect(find(ps, 'Hendrawan Saputra')).toMatchObject({ count: 3 });
  });
});

describe('short forms in brackets', () => {
  it('reads a syllable abbreviation of a name as that name', () => {
    expect(abbreviates('Mitra', 'Minahasa Tenggara')).toBe(true);
    expect(abbreviates('Amalitra', 'Aliansi Masyarakat Lingkar Tambang Ratatotok')).toBe(true);
    // Another name, a word of one name only, a different first letter: not abbreviations.
    expect(abbreviates('Jabar', 'Cianjur Selatan')).toBe(false);
    expect(abbreviates('Minahasa', 'Minahasa Tenggara')).toBe(false);
    expect(abbreviates('Angeline', 'Engeline Margriet')).toBe(false);
  });

  it('joins "Long Name (Abbrev)" into one entity', () => {
    const ps = ['Warga Kabupaten Sumbawa Timur (Sutim) menolak tambang itu. Bupati Sutim belum berkomentar.'];
    const e = find(ps, 'Sumbawa Timur');
    expect(e).toMatchObject({ type: 'LOC', count: 3 });
  });
});

describe('regional bodies', () => {
  it('reads a branch head before a place as one organisation, its headquarters as a place', () => {
    const ps = ['Petugas Polda Kalimantan Tengah menangkap dua pelaku.', 'Keduanya dibawa ke Mapolda Kalimantan Tengah, Palangka Raya.'];
    const names = summary(ps);
    expect(names).toContain('ORG:Polda Kalimantan Tengah=Polda Kalimantan Tengah');
    expect(names).toContain('LOC:Mapolda Kalimantan Tengah=Mapolda Kalimantan Tengah');
  });

  it('takes an unknown acronym or "Pemerintah" as a head only before an administrative word', () => {
    const ps = ['Kepala BPPD Kabupaten Sleman menyambut Pemerintah Kabupaten Sleman dan warga Sleman.'];
    const names = summary(ps);
    expect(names).toContain('ORG:BPPD Kabupaten Sleman=BPPD Kabupaten Sleman');
    expect(names).toContain('ORG:Pemerintah Kabupaten Sleman=Pemerintah Kabupaten Sleman');
    expect(names.some((n) => n.startsWith('ORG:BPPD='))).toBe(false);
  });

  it('leaves a title before a place alone ("Kapolda X" is a person\'s title)', () => {
    const ps = ['Kapolda Kalimantan Tengah Irjen Bambang Sutrisno meninjau lokasi.'];
    const names = summary(ps);
    expect(names.some((n) => n.startsWith('ORG:'))).toBe(false);
    expect(names).toContain('PER:Bambang Sutrisno=Bambang Sutrisno');
  });
});

describe('company names', () => {
  it('runs a PT name over the capitalised words the tagger cut off', () => {
    const ps = ['Izin yang dicabut adalah milik PT Bintang Surya Perkasa, PT Nusa Lestari Mining, dan PT Garda.'];
    const orgs = extractEntities(ps).filter((e) => e.type === 'ORG').map((e) => e.name).sort();
    expect(orgs).toEqual(['PT Bintang Surya Perkasa', 'PT Garda', 'PT Nusa Lestari Mining']);
    expect(extractEntities(ps).some((e) => e.type === 'PER')).toBe(false);
  });

  it('ends a company name at "Tbk": the name after it is the person', () => {
    const text = '"Kami siap," kata Direktur PT Sinar Otomotif Tbk Yohanes Kurniawan, di Jakarta.';
    const name = 'PT Sinar Otomotif Tbk Yohanes Kurniawan';
    const start = text.indexOf(name);
    const out = companyNames(text, tokenize(text), [{ paragraph: 0, start, end: start + name.length, text: name, type: 'ORG', source: 'tagger' }]);
    expect(out.map((m) => `${m.type}:${m.text}`)).toEqual(['ORG:PT Sinar Otomotif Tbk', 'PER:Yohanes Kurniawan']);
    expect(text.slice(out[1]!.start, out[1]!.end)).toBe('Yohanes Kurniawan');
  });

  it('takes no name tagged as a person into a company held by a title', () => {
    const text = 'Direktur PT Sinar Yohanes Kurniawan hadir.';
    const at = (s: string) => text.indexOf(s);
    const out = companyNames(text, tokenize(text), [
      { paragraph: 0, start: at('PT Sinar'), end: at('PT Sinar') + 8, text: 'PT Sinar', type: 'ORG', source: 'tagger' },
      { paragraph: 0, start: at('Yohanes'), end: at(' hadir'), text: 'Yohanes Kurniawan', type: 'PER', source: 'tagger' },
    ]);
    expect(out.map((m) => `${m.type}:${m.text}`)).toEqual(['ORG:PT Sinar', 'PER:Yohanes Kurniawan']);
  });
});

describe('pairs of short forms', () => {
  it('splits two known organisations written with a hyphen', () => {
    const ps = ['Personel TNI-Polri berjaga di lokasi tambang.'];
    const ids = extractEntities(ps).map((e) => e.id).sort();
    expect(ids).toEqual(['ORG:kepolisian-negara-republik-indonesia', 'ORG:tentara-nasional-indonesia']);
  });
});
