/**
 * Merging people's names: which shorter forms join which fuller name, names the tagger cut short,
 * and forms of address that are not roles. All names and text here are made up.
 */
import { describe, expect, it } from 'vitest';
import { completePersonNames } from '../../../src/entities/extract';
import { mergeMentions, partOfName } from '../../../src/entities/merge';
import { describedAs, joinNameParticles, withoutHonorifics, type RawMention } from '../../../src/entities/mentions';
import { tokenize } from '../../../src/entities/tokenize';
import '../../../src/entities/node';

/** Mentions of the given forms, found in order in paragraph i of ps. */
function mentionsIn(ps: string[], spec: [number, string, RawMention['type']][]): RawMention[] {
  const from = new Map<number, number>();
  return spec.map(([i, text, type]) => {
    const start = ps[i]!.indexOf(text, from.get(i) ?? 0);
    if (start < 0) throw new Error(`${text} not in paragraph ${i}`);
    from.set(i, start + text.length);
    return { paragraph: i, start, end: start + text.length, text, type, source: 'tagger' };
  });
}
const byName = (ents: ReturnType<typeof mergeMentions>, name: string) => ents.find((e) => e.name === name);

describe('partOfName', () => {
  it('needs a contiguous run of words that begins or ends the fuller name', () => {
    expect(partOfName('rustam', 'andi rustam')).toBe(true);
    expect(partOfName('park jin', 'park jin woo')).toBe(true);
    expect(partOfName('jin woo', 'park jin woo')).toBe(true);
    // The same words with a gap are another name.
    expect(partOfName('park woo', 'park jin woo')).toBe(false);
    expect(partOfName('park jin', 'park soo jin')).toBe(false);
    // A single word may be a middle word (a double-barrelled family name).
    expect(partOfName('lindqvist', 'ola lindqvist berg')).toBe(true);
    // A shortened last word of at least four letters.
    expect(partOfName('rani sasmi', 'rani sasmitaputri')).toBe(true);
    expect(partOfName('andi rustam', 'andi rustam')).toBe(false);
    // Given name and family name, middle names left out; not a left-out syllable.
    expect(partOfName('brenda salimah', 'brenda nicola salimah')).toBe(true);
    expect(partOfName('kim jong', 'kim yo jong')).toBe(false);
  });
});

describe('mergeMentions: people', () => {
  it('does not join a cut name to another person whose name has the same words with a gap', () => {
    const ps = ['Pemimpin Park Jin bertemu Park Soo Jin kemarin.'];
    const ents = mergeMentions(mentionsIn(ps, [[0, 'Park Jin', 'PER'], [0, 'Park Soo Jin', 'PER']]), ps);
    expect(ents.map((e) => e.name).sort()).toEqual(['Park Jin', 'Park Soo Jin']);
  });

  it('gives a family name two people share to the one named in full most recently', () => {
    const ps = [
      'Ketua dewan Park Jin Woo mengumumkan rencana itu.',
      'Adiknya, Park Soo Min, ikut hadir. Menurut Park Soo Min, acara berjalan lancar.',
      'Park dikenal gemar memelihara kuda.',
      'Kakaknya, Park Jin Woo, menolak berkomentar. Park hanya tersenyum.',
    ];
    const ents = mergeMentions(mentionsIn(ps, [
      [0, 'Park Jin Woo', 'PER'], [1, 'Park Soo Min', 'PER'], [1, 'Park Soo Min', 'PER'], [2, 'Park', 'PER'],
      [3, 'Park Jin Woo', 'PER'], [3, 'Park', 'PER'],
    ]), ps);
    expect(byName(ents, 'Park Soo Min')).toMatchObject({ count: 3, surface: ['Park Soo Min', 'Park'] });
    expect(byName(ents, 'Park Jin Woo')).toMatchObject({ count: 3, surface: ['Park Jin Woo', 'Park'] });
    // The counts and the highlighted mentions follow the same split.
    expect(byName(ents, 'Park Soo Min')!.mentions.map((m) => m.paragraph)).toEqual([1, 1, 2]);
    expect(byName(ents, 'Park Jin Woo')!.mentions.map((m) => m.paragraph)).toEqual([0, 3, 3]);
  });

  it('leaves a family name alone when the two people who share it were last named in one sentence', () => {
    const ps = ['Park Jin Woo dan Park Soo Min tiba bersama.', 'Park mengaku lelah.'];
    const ents = mergeMentions(mentionsIn(ps, [[0, 'Park Jin Woo', 'PER'], [0, 'Park Soo Min', 'PER'], [1, 'Park', 'PER']]), ps);
    expect(ents.map((e) => `${e.name}:${e.count}`).sort()).toEqual(['Park Jin Woo:1', 'Park Soo Min:1', 'Park:1']);
  });

  it('keeps a family name with the person it was used for before another who shares it was named', () => {
    const ps = [
      'Pendiri bursa itu, Ola Lindqvist Berg, membela diri.',
      'Berg tinggal di Bahama.',
      'Rumah dibeli atas nama ibunya, Eva Berg. Berg mengaku tidak tahu.',
    ];
    const ents = mergeMentions(mentionsIn(ps, [
      [0, 'Ola Lindqvist Berg', 'PER'], [1, 'Berg', 'PER'], [2, 'Eva Berg', 'PER'], [2, 'Berg', 'PER'],
    ]), ps);
    expect(byName(ents, 'Ola Lindqvist Berg')?.count).toBe(3);
    expect(byName(ents, 'Eva Berg')?.count).toBe(1);
  });

  it('does not give a family name to someone introduced only after it', () => {
    const ps = ['Tokoh itu, Ola Lindqvist Berg, membela diri.', 'Lindqvist pindah ke Oslo bersama ayahnya, Per Lindqvist.', 'Lindqvist menolak berkomentar.'];
    const ents = mergeMentions(mentionsIn(ps, [
      [0, 'Ola Lindqvist Berg', 'PER'], [1, 'Lindqvist', 'PER'], [1, 'Per Lindqvist', 'PER'], [2, 'Lindqvist', 'PER'],
    ]), ps);
    expect(byName(ents, 'Ola Lindqvist Berg')?.count).toBe(3);
    expect(byName(ents, 'Per Lindqvist')?.count).toBe(1);
  });

  it('reads two bare names joined by "dan" as two people', () => {
    const ps = [
      'Pengusaha Ola Lindqvist Berg digugat.',
      'Rumah itu atas nama orang tuanya, Per Lindqvist dan Eva Berg.',
      'Juru bicara berkata, "Mr Lindqvist dan Ms Berg sudah mengembalikannya."',
    ];
    const ents = mergeMentions(mentionsIn(ps, [
      [0, 'Ola Lindqvist Berg', 'PER'], [1, 'Per Lindqvist', 'PER'], [1, 'Eva Berg', 'PER'], [2, 'Lindqvist', 'PER'], [2, 'Berg', 'PER'],
    ]), ps);
    expect(byName(ents, 'Ola Lindqvist Berg')?.count).toBe(1);
    expect(byName(ents, 'Per Lindqvist')?.count).toBe(2);
    expect(byName(ents, 'Eva Berg')?.count).toBe(2);
  });

  it('reads "Mr X dan Ms Y" as the pair named together, even where Y was the subject\'s short name', () => {
    const ps = [
      'Pendiri bursa itu, Ola Lindqvist Berg, membela diri.',
      'Berg tinggal di Bahama bersama orang tuanya, Lars Lindqvist dan Eva Berg.',
      'Berg tidak tahu. "Mr Lindqvist dan Ms Berg sudah mengembalikannya," kata juru bicara.',
    ];
    const ents = mergeMentions(mentionsIn(ps, [
      [0, 'Ola Lindqvist Berg', 'PER'], [1, 'Berg', 'PER'], [1, 'Lars Lindqvist', 'PER'], [1, 'Eva Berg', 'PER'],
      [2, 'Berg', 'PER'], [2, 'Lindqvist', 'PER'], [2, 'Berg', 'PER'],
    ]), ps);
    expect(byName(ents, 'Ola Lindqvist Berg')?.count).toBe(3);
    expect(byName(ents, 'Lars Lindqvist')?.count).toBe(2);
    expect(byName(ents, 'Eva Berg')?.count).toBe(2);
  });

  it('files "di Santis" and "DiSantis" under one name', () => {
    const ps = ['Film itu dibintangi Marco di Santis.', 'Marco DiSantis memuji sutradaranya.'];
    const ents = mergeMentions(mentionsIn(ps, [[0, 'Marco di Santis', 'PER'], [1, 'Marco DiSantis', 'PER']]), ps);
    expect(ents).toHaveLength(1);
    expect(ents[0]!.count).toBe(2);
  });

  it('does not join an organisation to the place written right after it (no comma)', () => {
    const ps = ['Kementerian Perikanan Norwegia Barat menolak usul itu.'];
    const ents = mergeMentions(mentionsIn(ps, [[0, 'Kementerian Perikanan', 'ORG'], [0, 'Norwegia Barat', 'LOC']]), ps);
    expect(ents.map((e) => `${e.type}:${e.name}`).sort()).toEqual(['LOC:Norwegia Barat', 'ORG:Kementerian Perikanan']);
  });
});

describe('completePersonNames', () => {
  it('extends a cut name to a full name from the short-form table', () => {
    const ps = ['Hadiah untuk pemimpin Kim Jong Un tiba kemarin.'];
    const out = completePersonNames(ps, mentionsIn(ps, [[0, 'Kim Jong', 'PER']]));
    expect(out[0]).toMatchObject({ text: 'Kim Jong Un', end: ps[0]!.indexOf(' tiba') });
  });

  it('extends a cut name by a family name another person of the article carries', () => {
    const ps = ['Pengusaha Ola Lindqvist Berg digugat.', 'Ibunya, Eva Berg, mengajar di kampus.', 'Eva Senin datang. Menurut Eva Jakarta macet.'];
    const out = completePersonNames(ps, mentionsIn(ps, [[0, 'Ola Lindqvist Berg', 'PER'], [1, 'Eva', 'PER'], [2, 'Eva', 'PER'], [2, 'Eva', 'PER']]));
    expect(out.map((m) => m.text)).toEqual(['Ola Lindqvist Berg', 'Eva Berg', 'Eva', 'Eva']);
  });
});

describe('roles', () => {
  it('forms of address are not roles', () => {
    expect(withoutHonorifics('Mr')).toBeUndefined();
    expect(withoutHonorifics('Nyonya')).toBeUndefined();
    expect(withoutHonorifics('Bapak Presiden')).toBe('Presiden');
    expect(withoutHonorifics('Gubernur Sulawesi Barat')).toBe('Gubernur Sulawesi Barat');
  });
});

describe('types from the words around a lone name', () => {
  const toks = (s: string) => tokenize(s);
  it('a lone word after a place noun or "di" is a place, after a vehicle or brand noun a make', () => {
    const a = toks('Ia tinggal di kawasan elit Norhaven sejak lama.');
    expect(describedAs(a, a.findIndex((t) => t.text === 'Norhaven'))).toBe('LOC');
    const b = toks('Ia menaiki limusin Verlux kemarin.');
    expect(describedAs(b, b.findIndex((t) => t.text === 'Verlux'))).toBe('ORG');
    const c = toks('Rapat di Norhaven selesai.');
    expect(describedAs(c, c.findIndex((t) => t.text === 'Norhaven'))).toBe('LOC');
    // Nothing says so: a person stays a person.
    const d = toks('Surat itu dibaca Budiarto kemarin. Kata Budiarto, wajar.');
    expect(describedAs(d, d.findIndex((t) => t.text === 'Budiarto'))).toBeUndefined();
    // A title between ("kawasan pemimpin X") is not a description of X.
    const e = toks('Warga kawasan ketua Budiarto protes.');
    expect(describedAs(e, e.findIndex((t) => t.text === 'Budiarto'))).toBeUndefined();
    // A word that ties the name to the noun otherwise: the owner of a car is no make.
    const f = toks('Ia menaiki mobil milik Budiarto kemarin.');
    expect(describedAs(f, f.findIndex((t) => t.text === 'Budiarto'))).toBeUndefined();
    const g = toks('Pendiri bursa kripto Norvale ditangkap.');
    expect(describedAs(g, g.findIndex((t) => t.text === 'Norvale'))).toBe('ORG');
  });
});

describe('joinNameParticles', () => {
  const spansOf = (text: string, names: [string, RawMention['type']][]) => {
    const t = tokenize(text);
    const spans = names.map(([n, type]) => {
      const words = n.split(' ');
      const s = t.findIndex((x, i) => words.every((w, k) => t[i + k]?.text === w));
      return [s, s + words.length, type] as [number, number, RawMention['type']];
    });
    return { t, spans };
  };
  const texts = (t: ReturnType<typeof tokenize>, spans: [number, number, string][]) =>
    spans.map(([s, e, type]) => `${type}:${t.slice(s, e).map((x) => x.text).join(' ')}`);

  it('keeps a name with a particle whole, even where the tagger read the rest as a place', () => {
    const a = spansOf('Film itu dibintangi Marco di Santiglia sejak awal.', [['Marco', 'PER'], ['Santiglia', 'LOC']]);
    joinNameParticles(a.t, a.spans);
    expect(texts(a.t, a.spans)).toEqual(['PER:Marco di Santiglia']);
    const b = spansOf('Pemain Arjen van Doorveld mencetak gol.', [['Arjen', 'PER']]);
    joinNameParticles(b.t, b.spans);
    expect(texts(b.t, b.spans)).toEqual(['PER:Arjen van Doorveld']);
  });

  it('leaves "di" + a known place alone', () => {
    const a = spansOf('Kata Budiarto di Jakarta, hal itu wajar.', [['Budiarto', 'PER'], ['Jakarta', 'LOC']]);
    joinNameParticles(a.t, a.spans);
    expect(texts(a.t, a.spans)).toEqual(['PER:Budiarto', 'LOC:Jakarta']);
    const b = spansOf('Kata Budiarto di Balai Kota, wajar.', [['Budiarto', 'PER'], ['Balai Kota', 'LOC']]);
    joinNameParticles(b.t, b.spans);
    expect(texts(b.t, b.spans)).toEqual(['PER:Budiarto', 'LOC:Balai Kota']);
  });
});
