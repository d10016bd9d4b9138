/**
 * Rules over the tagger's mentions for Indonesian naming habits: aliases and nicknames, short
 * forms in brackets, regional bodies, company names, pairs of short forms. Names are made up;
 * each case is the kind of sentence the corpus pages had wrong before the rule.
 */
import { describe, expect, it } from 'vitest';
import { abbreviates, companyNames, withoutSePrefix } from '../../../src/entities/mentions';
import { tokenize } from '../../../src/entities/tokenize';
import { extractEntities } from '../../../src/entities/node';
import { givenNames, nicknames, placeBeforePerson, withoutCommonWords, withoutLeadingTeam } from '../../../src/entities/extract';
import { joinMisspellings, mergeMentions, orgShortNames } from '../../../src/entities/merge';

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

describe('names run together or cut short', () => {
  it('splits two venues the tagger ran together at the second venue word', () => {
    const names = summary(['Acara digelar di Pearl Restaurant Hotel JW Marriot, Jakarta Selatan.']);
    expect(names).toContain('LOC:Pearl Restaurant=Pearl Restaurant');
    expect(names).toContain('LOC:Hotel JW Marriot=Hotel JW Marriot');
  });

  it('strips a department before a company and keeps the venue after it apart', () => {
    const names = summary(['"Penerbangan dibatalkan," kata Humas PT Angkasa Nusa Bandara Internasional Praya, Eka Asmadi.']);
    expect(names).toContain('ORG:PT Angkasa Nusa=PT Angkasa Nusa');
    expect(names).toContain('LOC:Bandara Internasional Praya=Bandara Internasional Praya');
  });

  it('does not take a title of a work in capitals for a name', () => {
    // The tagger calls this one an organisation.
    const names = summary(['Setelah jadi pemeran utama, kini ia juga bakal muncul di film pertama Blink, HEART BEAT.']);
    expect(names.filter((n) => /HEART|Heart/.test(n))).toEqual([]);
  });

  it('adds a rare given name the tagger left before a family name, not a word of the role', () => {
    const ps = ['Pernyataan itu disampaikan Juru Bicara Wapres Husain Abdullah kepada wartawan.'];
    expect(summary(ps)).toContain('PER:Husain Abdullah=Husain Abdullah');
    const mentions = [{ paragraph: 0, start: ps[0]!.indexOf('Abdullah'), end: ps[0]!.indexOf(' kepada'), text: 'Abdullah', type: 'PER' as const, source: 'tagger' as const }];
    expect(givenNames(ps, mentions)[0]!.text).toBe('Husain Abdullah');
    const role = ['Pernyataan itu disampaikan Menteri Keuangan Abdullah kepada wartawan.'];
    const m2 = [{ ...mentions[0]!, start: role[0]!.indexOf('Abdullah'), end: role[0]!.indexOf(' kepada') }];
    expect(givenNames(role, m2)[0]!.text).toBe('Abdullah');
  });

  it('keeps a given-name title word inside a name ("Putri")', () => {
    const ps = ['Ketua tim, Yulisyah Putri Daulay, menjelaskan alat itu.'];
    const m = [{ paragraph: 0, start: ps[0]!.indexOf('Daulay'), end: ps[0]!.indexOf(','), text: 'Daulay', type: 'PER' as const, source: 'tagger' as const }];
    m[0]!.end = m[0]!.start + 'Daulay'.length;
    expect(givenNames(ps, m)[0]!.text).toBe('Yulisyah Putri Daulay');
  });

  it('files a known short form after "akrab disapa" under its own name, not the last person named', () => {
    const ps = ['Menurut Husain Abdullah, Wapres akan meninjau lokasi. Pria yang kerap disapa JK itu didampingi gubernur.'];
    const at = (s: string) => ps[0]!.indexOf(s);
    const found = nicknames(ps, [
      { paragraph: 0, start: at('Husain'), end: at(','), text: 'Husain Abdullah', type: 'PER', source: 'tagger' },
      { paragraph: 0, start: at('JK'), end: at('JK') + 2, text: 'JK', type: 'PER', source: 'tagger' },
    ]);
    expect(found.find((m) => m.text === 'JK')?.acronymOf).toBeUndefined();
    const ents = mergeMentions(found, ps);
    expect(ents.map((e) => e.id).sort()).toEqual(['PER:husain-abdullah', 'PER:jusuf-kalla']);
  });

  it('reads a pair of known people the tagger left untagged', () => {
    const ids = extractEntities(['Jokowi-JK memiliki program membangun sejuta rumah.']).map((e) => e.id).sort();
    expect(ids).toEqual(['PER:joko-widodo', 'PER:jusuf-kalla']);
  });

  it('does not take an address after an office for the office\'s own name', () => {
    const ents = extractEntities(['Pertemuan di Kantor Wakil Presiden, Jalan Medan Merdeka Utara, berlangsung singkat.']);
    expect(ents.map((e) => e.name).sort()).toEqual(['Jalan Medan Merdeka Utara', 'Kantor Wakil Presiden']);
  });
});

describe('organisations by their short names', () => {
  const at = (p: string, text: string, type: 'PER' | 'ORG' | 'LOC', from = 0) => {
    const start = p.indexOf(text, from);
    return { paragraph: 0, start, end: start + text.length, text, type, source: 'tagger' as const };
  };

  it('files a company name without PT and Tbk under the company, whatever the tagger typed it', () => {
    const p = 'PT Sinar Otomotif Tbk meluncurkan ban baru. Sinar Otomotif bekerja sama dengan pabrikan Italia.';
    const ents = mergeMentions([at(p, 'PT Sinar Otomotif Tbk', 'ORG'), at(p, 'Sinar Otomotif', 'PER', 10)], [p]);
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ type: 'ORG', name: 'PT Sinar Otomotif Tbk', count: 2 });
  });

  it('files a club by the first word of its full name, but not a place or a generic head word', () => {
    const p = 'Persikabo Bogor menang. Bank Mandiri dan Bank Jateng mendukung. Persikabo dan Bank bertemu di Bogor.';
    const ents = mergeMentions([
      at(p, 'Persikabo Bogor', 'ORG'), at(p, 'Bank Mandiri', 'ORG'), at(p, 'Bank Jateng', 'ORG'),
      at(p, 'Persikabo', 'ORG', 20), at(p, 'Bank', 'ORG', 60), at(p, 'Bogor', 'LOC', 80),
    ], [p]);
    expect(ents.find((e) => e.name === 'Persikabo Bogor')?.count).toBe(2);
    expect(ents.find((e) => e.name === 'Bogor')).toMatchObject({ type: 'LOC', count: 1 });
    expect(ents.find((e) => e.name === 'Bank')?.count).toBe(1);
    expect(orgShortNames([at(p, 'Persikabo Bogor', 'ORG')]).get('persikabo')).toEqual({ key: 'persikabo bogor', anyType: false });
  });
});

describe('one name spelled two ways', () => {
  it('joins names of one type that differ in one vowel of a long word', () => {
    const ps = ['Video itu direkam di Cipulir, Kabayoran Lama, Jakarta Selatan.', 'Warga Kebayoran Lama resah. Polisi Kebayoran Lama menyelidiki.'];
    const ents = extractEntities(ps).filter((e) => /ayoran/.test(e.name));
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ name: 'Kebayoran Lama', count: 3 });
    expect([...ents[0]!.surface].sort()).toEqual(['Kabayoran Lama', 'Kebayoran Lama']);
  });

  it('keeps apart names that differ otherwise, in a short word, or in type', () => {
    const e = (name: string, type: 'PER' | 'LOC', paragraph: number) =>
      ({ id: `${type}:${name}`, name, type, surface: [name], count: 1, mentions: [{ paragraph, start: 0, end: name.length, text: name }] });
    const out = joinMisspellings([e('Jawa Barat', 'LOC', 0), e('Jawa Timur', 'LOC', 1), e('Pulau Buru', 'LOC', 2), e('Pulau Bara', 'LOC', 3),
      e('Margaret', 'PER', 4), e('Margeret', 'LOC', 5)]);
    expect(out).toHaveLength(6);
    expect(joinMisspellings([e('Sumatera', 'LOC', 0), e('Sumatra', 'LOC', 1)]).map((x) => x.count)).toEqual([2]);
  });
});

describe('words that are not names', () => {
  const m = (ps: string[], i: number, text: string, from = 0) => {
    const start = ps[i]!.indexOf(text, from);
    return { paragraph: i, start, end: start + text.length, text, type: 'PER' as const, source: 'tagger' as const };
  };

  it('drops a word capitalised only where every word is, when the article also writes it in lower case', () => {
    const ps = ['Tim itu kuat dalam bola mati musim ini.', 'Bola Mati yang Harus Dinikmati', 'Ekosistem saling mendukung, sehingga ekosistem digital tumbuh.'];
    const out = withoutCommonWords(ps, [m(ps, 1, 'Mati'), m(ps, 2, 'Ekosistem')]);
    expect(out).toEqual([]);
  });

  it('keeps it where it is capitalised mid-sentence, part of a longer name, or never written in lower case', () => {
    const ps = ['Indah tersenyum. Ia merasa indah hari itu, kata Indah.', 'Bunga Citra Lestari hadir. Bunga mengaku senang, seperti bunga mekar.', 'Yup, itu benar.'];
    const keep = [m(ps, 0, 'Indah'), m(ps, 1, 'Bunga Citra Lestari'), m(ps, 1, 'Bunga', 10), m(ps, 2, 'Yup')];
    expect(withoutCommonWords(ps, keep)).toEqual(keep);
  });

  it('drops "se-" and an administrative word from the front of a name', () => {
    const ps = ['Rapat dihadiri Ketua BPD Se-Kecamatan Ratatotok.'];
    const out = withoutSePrefix([{ ...m(ps, 0, 'Se-Kecamatan Ratatotok'), type: 'LOC' }]);
    expect(out.map((x) => [x.text, ps[0]!.slice(x.start, x.end)])).toEqual([['Ratatotok', 'Ratatotok']]);
  });

  it('shows names in capitals in title case, but keeps acronyms in them', () => {
    const p = 'Pembangkit milik PT PLN di JAKARTA diresmikan.';
    const ents = mergeMentions([{ ...m([p], 0, 'PT PLN'), type: 'ORG' }, { ...m([p], 0, 'JAKARTA'), type: 'LOC' }], [p]);
    expect(ents.map((e) => e.name).sort()).toEqual(['Jakarta', 'PT PLN']);
  });

  it('title-cases the short words of a place in capitals ("LOS ANGELES", "NEW YORK"), not the acronyms', () => {
    const p = 'LOS ANGELES, KOMPAS.com - Kantor BANK BRI di NEW YORK dibuka.';
    const ents = mergeMentions([{ ...m([p], 0, 'LOS ANGELES'), type: 'LOC' }, { ...m([p], 0, 'NEW YORK'), type: 'LOC' }, { ...m([p], 0, 'BANK BRI'), type: 'ORG' }], [p]);
    expect(ents.map((e) => e.name).sort()).toEqual(['Bank BRI', 'Los Angeles', 'New York']);
  });
});

describe('a company and a person run together', () => {
  it('splits "PT X First Last" where the tagger read all after "PT" as a person', () => {
    const ps = ['PT Evora Tyres memproduksi ban itu.', 'Ban itu awet, jelas R&D PR PT Evora Alessandro Monzani.'];
    const start = ps[1]!.indexOf('Evora');
    const per = { paragraph: 1, start, end: ps[1]!.length - 1, text: 'Evora Alessandro Monzani', type: 'PER' as const, source: 'tagger' as const };
    const out = companyNames(ps[1]!, tokenize(ps[1]!), [per]);
    expect(out.map((m) => `${m.type}:${m.text}`)).toEqual(['ORG:PT Evora', 'PER:Alessandro Monzani']);
    const co = { paragraph: 0, start: 0, end: 'PT Evora Tyres'.length, text: 'PT Evora Tyres', type: 'ORG' as const, source: 'tagger' as const };
    const ents = mergeMentions([co, ...out], ps);
    expect(ents.map((e) => `${e.type}:${e.name}:${e.count}`).sort()).toEqual(['ORG:PT Evora Tyres:2', 'PER:Alessandro Monzani:1']);
  });
});

describe('a club or firm read as the first name of the person after it', () => {
  const per = (paragraph: number, text: string, start: number) => ({ paragraph, start, end: start + text.length, text, type: 'PER' as const, source: 'tagger' as const });
  it('drops the club from "manajer Rovers Dean Smith" when the club and the family name also stand alone', () => {
    const paragraphs = [
      'Gol itu dirayakan bersama manajer Rovers Dean Smith di pinggir lapangan.',
      'Pendukung Rovers bersorak. Kehadirannya membuat Rovers lebih berbahaya, kata Smith.',
    ];
    const m = per(0, 'Rovers Dean Smith', paragraphs[0]!.indexOf('Rovers'));
    const [out] = withoutLeadingTeam(paragraphs, [m]);
    expect(out!.text).toBe('Dean Smith');
    expect(paragraphs[0]!.slice(out!.start, out!.end)).toBe('Dean Smith');
  });

  it('keeps "Kim Jong Un" whole: "Kim" stands alone but "Un" never does', () => {
    const paragraphs = ['Pemimpin Korea Utara Kim Jong Un tiba di Vladivostok.', 'Kim disambut pejabat. Kim lalu naik kereta.'];
    const m = per(0, 'Kim Jong Un', paragraphs[0]!.indexOf('Kim'));
    expect(withoutLeadingTeam(paragraphs, [m])[0]!.text).toBe('Kim Jong Un');
  });
});

describe("an office's place and the official's name read as one place", () => {
  const m = (text: string, type: 'PER' | 'LOC', start: number) => ({ paragraph: 0, start, end: start + text.length, text, type, source: 'tagger' as const });
  it('splits "Cimahi Ngatiyana" when the article names Cimahi and Ngatiyana on their own', () => {
    const out = placeBeforePerson([m('Cimahi Ngatiyana', 'LOC', 10), m('Cimahi', 'LOC', 80), m('Ngatiyana', 'PER', 120)]);
    expect(out.map((x) => [x.type, x.text, x.start, x.end])).toEqual([['LOC', 'Cimahi', 10, 16], ['PER', 'Ngatiyana', 17, 26], ['LOC', 'Cimahi', 80, 86], ['PER', 'Ngatiyana', 120, 129]]);
  });
  it('leaves a place alone when its last word is no person named on their own ("Cimahi Utara")', () => {
    const out = placeBeforePerson([m('Cimahi Utara', 'LOC', 10), m('Cimahi', 'LOC', 80)]);
    expect(out.map((x) => x.text)).toEqual(['Cimahi Utara', 'Cimahi']);
  });
});

describe('a rare given name the tagger left out', () => {
  it('is not taken from the end of an office\'s name ("Reformasi Birokrasi Yuddy Chrisnandi")', () => {
    const p = 'Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Yuddy Chrisnandi mengancam PNS.';
    const start = p.indexOf('Yuddy');
    const out = givenNames([p], [{ paragraph: 0, start, end: start + 'Yuddy Chrisnandi'.length, text: 'Yuddy Chrisnandi', type: 'PER', source: 'tagger' }]);
    expect(out[0]!.text).toBe('Yuddy Chrisnandi');
  });
});
