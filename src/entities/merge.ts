/**
 * Step 2 of entity extraction: group an article's mentions into entities.
 *
 * A mention joins an entity when it is the same name in any case ("JAKARTA" = "Jakarta"), a known
 * short form ("Korut" = "Korea Utara"), an acronym defined in the text ("Korean Central News
 * Agency (KCNA)"), or, for people, part of a fuller name used in the same article
 * ("Putin" = "Vladimir Putin"). Names are filed under their fullest form; ids come from it.
 */
import type { Entity, EntityType, Mention } from '../types';
import { gazetteerType } from './gazetteer';
import type { MentionType, RawMention } from './mentions';
import { expandShortForm } from './shortForms';
import { ORG_PREFIXES, TITLE_WORDS } from './lexicon';

import { DATELINE_OUTLET_ROLE } from './roles';

export { DATELINE_OUTLET_ROLE };

/** Comparison key of a name: case, punctuation and spacing ignored. */
export function nameKey(s: string): string {
  return (s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Id slug: "Vladimir Putin" -> "vladimir-putin". */
export function slug(s: string): string {
  return nameKey(s).replace(/ /g, '-') || 'x';
}

/** Short words of place and person names that are words, not acronyms ("NEW YORK", "LOS ANGELES"). */
const SHORT_NAME_WORDS = new Set(['NEW', 'LOS', 'LAS', 'SAN', 'EL', 'LA', 'LE', 'DE', 'DEL', 'DI', 'DA', 'DU', 'VAN', 'VON', 'ST', 'THE', 'OF']);

/** "JAKARTA" -> "Jakarta", "NEW YORK" -> "New York"; acronyms ("PT PLN", "BANK BRI" -> "Bank BRI"),
 *  known short forms and mixed case stay as written. */
function displayForm(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length > 4 && letters === letters.toUpperCase() && !/\.[A-Z]/.test(s)) {
    return s.replace(/\p{L}+/gu, (w) => ((w.length >= 4 && !expandShortForm(w)) || SHORT_NAME_WORDS.has(w) ? w[0] + w.slice(1).toLowerCase() : w));
  }
  return s;
}

/** Capital letters of the words of a long form: "Korean Central News Agency" -> "KCNA". */
function initials(s: string): string {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('').toUpperCase();
}

interface Group {
  key: string;
  /** Preferred display name (fullest form seen or the short-form expansion). */
  name: string;
  mentions: RawMention[];
  votes: Record<MentionType, number>;
  fixedType?: MentionType;
  outlet: boolean;
}

const SOURCE_WEIGHT: Record<RawMention['source'], number> = { tagger: 1, gazetteer: 1.5, shortform: 2, dateline: 3 };

/**
 * Head words that make a name an organisation whatever else it contains: "Kantor Berita Resmi
 * Korut" is an agency, not the place its last word names.
 */
const ORG_HEAD = /^(?:Kantor|Kementerian|Badan|Komisi|Dewan|Partai|Universitas|Institut|Bank|PT|Lembaga|Majelis|Mahkamah|Pengadilan|Kepolisian|Kejaksaan|Dinas|Tentara|Angkatan|Asosiasi|Perusahaan|Yayasan|Persatuan|Federasi|Organisasi|Pasukan|Komite|Markas|Kedutaan|Konsulat|Sekretariat|Direktorat|Pemkot|Pemkab|Pemprov)\s/u;

/**
 * "Kantor Berita Resmi Korut, Korean Central News Agency (KCNA)": a description headed by an
 * organisation word, then a comma, then the organisation's own name. The description joins the
 * name it stands beside. Returns description mention -> named mention.
 */
function appositives(mentions: RawMention[], paragraphs?: readonly string[]): Map<RawMention, RawMention> {
  const out = new Map<RawMention, RawMention>();
  const byPara = new Map<number, RawMention[]>();
  for (const m of mentions) (byPara.get(m.paragraph) ?? byPara.set(m.paragraph, []).get(m.paragraph)!).push(m);
  for (const list of byPara.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (!ORG_HEAD.test(a.text) || ORG_HEAD.test(b.text) || b.acronymOf) continue;
      if (b.start - a.end > 3 || b.type === 'PER') continue;
      // "Kantor Wakil Presiden, Jalan Medan Merdeka Utara": an address, not the office's name.
      if (/^(?:Jalan|Jl\.?|Jln\.?|Gedung|Kompleks|Komplek)\s/u.test(b.text)) continue;
      // Only a comma between them ("Kementerian Unifikasi Korea Selatan" is a ministry of a
      // country, not a ministry named "Korea Selatan"), and the name is no longer a description itself.
      const between = paragraphs?.[a.paragraph]?.slice(a.end, b.start);
      const comma = between !== undefined ? /^\s*,\s*$/.test(between) : b.start - a.end >= 2;
      if (comma && a.end <= b.start && b.text.split(/\s+/).length >= 2) out.set(a, b);
    }
  }
  return out;
}

export function mergeMentions(mentions: RawMention[], paragraphs?: readonly string[]): Entity[] {
  const groups = new Map<string, Group>();
  const alias = new Map<string, string>(); // mention key -> group key

  const groupFor = (key: string, name: string): Group => {
    let g = groups.get(key);
    if (!g) { g = { key, name, mentions: [], votes: { PER: 0, ORG: 0, LOC: 0 }, outlet: false }; groups.set(key, g); }
    return g;
  };

  // 1. Acronyms defined in the text ("(KCNA)" after its long form), and acronyms that spell the
  //    initials of another mention of the article.
  for (const m of mentions) {
    if (!m.acronymOf) continue;
    const target = m.type === 'PER' ? joinParticles(nameKey(m.acronymOf)) : nameKey(m.acronymOf);
    alias.set(nameKey(m.text), target);
    // "alias Ayah Gom": where the copy later writes "Ayah Gom", the tagger leaves the title out.
    const words = nameKey(m.text).split(' ');
    let t = 0;
    while (m.type === 'PER' && t < words.length - 1 && TITLE_WORDS.has(words[t]!)) t++;
    if (t > 0 && !alias.has(words.slice(t).join(' '))) alias.set(words.slice(t).join(' '), target);
  }
  const longForms = mentions.filter((m) => m.text.split(/\s+/).length >= 2 && m.type !== 'PER');
  for (const m of mentions) {
    const k = nameKey(m.text);
    if (alias.has(k) || !/^\p{Lu}{2,6}$/u.test(m.text)) continue;
    const long = longForms.find((l) => initials(l.text) === m.text);
    if (long) alias.set(k, nameKey(long.text));
  }

  //    Organisations by their short name: "Astra Otoparts" for "PT Astra Otoparts Tbk" (whatever
  //    the tagger typed it), "Persidafon" for "Persidafon Jayapura".
  const orgShort = orgShortNames(mentions);

  //    Descriptions placed beside an organisation's name ("Kantor Berita Resmi Korut, KCNA").
  const described = appositives(mentions, paragraphs);
  for (const [desc, named] of described) alias.set(nameKey(desc.text), alias.get(nameKey(named.text)) ?? nameKey(named.text));

  // 2. Short forms and nicknames from the table.
  const resolve = (m: RawMention): { key: string; name: string; type?: MentionType } => {
    const k = nameKey(m.text);
    const a = alias.get(k);
    if (a) {
      const sf = expandShortForm(m.text);
      return { key: a, name: '' , type: sf?.type as MentionType | undefined };
    }
    const sf = expandShortForm(m.text) ?? expandShortForm(displayForm(m.text));
    if (sf && (sf.type === 'PER' || sf.type === 'ORG' || sf.type === 'LOC')) {
      return { key: nameKey(sf.name), name: sf.name, type: sf.type };
    }
    const org = orgShort.get(k);
    if (org && (org.anyType || m.type === 'ORG')) return { key: org.key, name: '', type: 'ORG' };
    return { key: m.type === 'PER' ? joinParticles(k) : k, name: '' };
  };

  // 3. People: a shorter name that is part of a fuller person name of the article joins it
  //    ("Putin" -> "Vladimir Putin", "Kim" -> "Kim Jong Un"); see partOfName. A bare name that
  //    fits several people of the article goes to one of them only (pickPerson).
  const pos = (m: RawMention) => m.paragraph * 1e6 + m.start;
  const personFirst = new Map<string, number>();
  for (const m of [...mentions].sort((x, y) => pos(x) - pos(y))) {
    if (m.type !== 'PER') continue;
    const k = resolve(m).key;
    if (!personFirst.has(k)) personFirst.set(k, pos(m));
  }
  const personNames = [...personFirst.keys()];
  const candidateCache = new Map<string, string[]>();
  const candidates = (key: string): string[] => {
    let c = candidateCache.get(key);
    if (!c) {
      const found = personNames.filter((o) => o !== key && partOfName(key, o));
      // The fullest names only: "Kim" -> "Kim Jong Un", not also "Kim Jong".
      c = found.filter((o) => !found.some((f) => f !== o && partOfName(o, f)));
      candidateCache.set(key, c);
    }
    return c;
  };
  // Where each person is named in full, and in which sentence, for the bare names below.
  const fullAt = new Map<string, number[]>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const k = resolve(m).key;
    (fullAt.get(k) ?? fullAt.set(k, []).get(k)!).push(pos(m));
  }
  const sentenceOf = (at: number): string => {
    const p = Math.floor(at / 1e6);
    const before = paragraphs?.[p]?.slice(0, at - p * 1e6) ?? '';
    return `${p}:${(before.match(/[.!?]["”’)]?\s+(?=["“(]?\p{Lu})/gu) ?? []).length}`;
  };
  const established = new Map<string, string>(); // bare name -> the person it was first used for
  /**
   * The person a bare name that fits several people of the article stands for (see partOfName),
   * or undefined when the text does not say. A bare name used while only one of them had been
   * named stays that person's ("Bankman" for the subject, even after his father "Joseph Bankman"
   * is named: copy names the others in full). Otherwise it is the one named in full most recently
   * before it; when the last two named in full share a sentence ("Kim Jong Un dan Kim Yo Jong"),
   * no one. Before anyone is named, the one the article names first.
   */
  const pickPerson = (bare: string, cands: string[], at: number): string | undefined => {
    const named = cands.filter((c) => personFirst.get(c)! <= at);
    if (!named.length) return [...cands].sort((x, y) => personFirst.get(x)! - personFirst.get(y)!)[0];
    if (named.length === 1) {
      if (!established.has(bare)) established.set(bare, named[0]!);
      return named[0];
    }
    const first = established.get(bare);
    if (first && named.includes(first)) return first;
    const last = named
      .map((c) => ({ c, at: Math.max(...(fullAt.get(c) ?? [personFirst.get(c)!]).filter((x) => x <= at)) }))
      .sort((x, y) => y.at - x.at);
    if (last.length > 1 && sentenceOf(last[0]!.at) === sentenceOf(last[1]!.at)) return undefined;
    return last[0]!.c;
  };
  /** Two different people, one of each list, named in full in one sentence before `at` (the latest such pair). */
  const namedTogether = (as: string[], bs: string[], at: number): [string, string] | undefined => {
    let best: [string, string] | undefined;
    let bestAt = -1;
    for (const ca of as) for (const cb of bs) {
      if (ca === cb) continue;
      for (const x of fullAt.get(ca) ?? []) for (const y of fullAt.get(cb) ?? []) {
        if (x >= at || y >= at || Math.max(x, y) <= bestAt || sentenceOf(x) !== sentenceOf(y)) continue;
        best = [ca, cb];
        bestAt = Math.max(x, y);
      }
    }
    return best;
  };

  const keyOf = new Map<RawMention, { key: string; r: ReturnType<typeof resolve> }>();
  for (const m of [...mentions].sort((x, y) => pos(x) - pos(y))) {
    const r = resolve(m);
    let key = r.key;
    const single = m.text.trim().split(/\s+/).length === 1;
    if (m.type === 'PER' || r.type === 'PER') {
      const c = candidates(key);
      if (c.length) key = pickPerson(r.key, c, pos(m)) ?? key;
    } else if (!r.type && !gazetteerType(m.text) && single) {
      // A single word tagged ORG/LOC that is part of a person's name in the article is that
      // person ("Putin" tagged LOC once, "Vladimir Putin" elsewhere), unless it is a known place.
      const c = candidates(key);
      if (c.length) key = pickPerson(r.key, c, pos(m)) ?? key;
    }
    keyOf.set(m, { key, r });
  }
  // "Mr Bankman dan Ms Fried": two bare names joined by "dan" are two people. When the article
  // named a pair they fit together in one sentence ("Joseph Bankman dan Barbara Fried"), they
  // are that pair (the latest such pair); else, when both went to the same person and one of
  // them fits another person of the article, it is that person.
  if (paragraphs) {
    const bare = mentions.filter((m) => !/\s/.test(m.text.trim()) && candidates(keyOf.get(m)!.r.key).length > 0);
    bare.sort((x, y) => pos(x) - pos(y));
    for (let i = 0; i + 1 < bare.length; i++) {
      const a = bare[i]!, b = bare[i + 1]!;
      if (a.paragraph !== b.paragraph || a.end > b.start) continue;
      if (!COORDINATION.test(paragraphs[a.paragraph]?.slice(a.end, b.start) ?? '')) continue;
      const ka = keyOf.get(a)!, kb = keyOf.get(b)!;
      const pair = namedTogether(candidates(ka.r.key), candidates(kb.r.key), pos(a));
      if (pair) {
        keyOf.set(a, { key: pair[0], r: ka.r });
        keyOf.set(b, { key: pair[1], r: kb.r });
        continue;
      }
      if (ka.key !== kb.key || ka.key === ka.r.key) continue;
      // Each goes to another person it fits, but never both to one person again.
      const alt = (m: RawMention, k: typeof ka) => {
        const others = candidates(k.r.key).filter((c) => c !== k.key);
        return others.length ? pickPerson(k.r.key, others, pos(m)) ?? others[0] : undefined;
      };
      const altA = alt(a, ka), altB = alt(b, kb);
      if (altB) keyOf.set(b, { key: altB, r: kb.r });
      if (altA && (!altB || altA !== altB)) keyOf.set(a, { key: altA, r: ka.r });
    }
  }

  for (const m of mentions) {
    const { key, r } = keyOf.get(m)!;
    const g = groupFor(key, r.name);
    g.mentions.push(m);
    g.votes[m.type] += SOURCE_WEIGHT[m.source];
    if (r.type) g.fixedType = r.type;
    else if (ORG_HEAD.test(m.text) && !gazetteerType(m.text)) g.votes.ORG += 2 * SOURCE_WEIGHT[m.source];
    if (m.outlet) g.outlet = true;
  }

  // Merge groups that ended up as aliases of one another's key.
  const entities: Entity[] = [];
  for (const g of groups.values()) {
    const type = g.fixedType ?? settleType(g);
    const surfaces = [...new Set(g.mentions.map((m) => m.text))];
    const fullest = [...g.mentions]
      .filter((m) => !m.acronymOf && !described.has(m))
      .map((m) => m.text)
      .sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0];
    const name = displayForm(g.name || fullest || surfaces[0]!);
    const mentionsOut: Mention[] = g.mentions
      .map((m) => ({ paragraph: m.paragraph, start: m.start, end: m.end, text: m.text }))
      .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
    const roles = g.mentions.map((m) => m.role).filter((r): r is string => !!r);
    const e: Entity = { id: `${type}:${slug(name)}`, name, type, surface: surfaces, count: mentionsOut.length, mentions: mentionsOut };
    if (g.outlet) e.role = DATELINE_OUTLET_ROLE;
    else if (type === 'PER' && roles.length) e.role = mostCommon(roles);
    entities.push(e);
  }
  return joinMisspellings(entities).sort((a, b) => b.count - a.count || firstPos(a) - firstPos(b));
}

/** Words that head an organisation's name and say only what kind it is: not a short name. */
const ORG_KIND = /^(?:pt|cv|partai|klub|perusahaan|grup|group)$/u;
const ORG_SUFFIX = /^(?:tbk|persero|fc|sc|cf)$/u;

/**
 * Short names of the organisations an article names in full: the name without its kind and
 * legal form ("PT Astra Otoparts Tbk" -> "astra otoparts", any type the tagger gave it) and,
 * for organisation mentions only, its first word when no other organisation of the article
 * starts with it ("Persidafon" of "Persidafon Jayapura"). Never a known place, a short form of
 * the table or a generic head word ("Bank", "Universitas").
 */
export function orgShortNames(mentions: readonly RawMention[]): Map<string, { key: string; anyType: boolean }> {
  const out = new Map<string, { key: string; anyType: boolean }>();
  const firstWords = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.acronymOf) continue;
    const key = nameKey(m.text);
    const words = key.split(' ');
    if (words.length < 2) continue;
    let a = 0, b = words.length;
    while (a < b - 1 && ORG_KIND.test(words[a]!)) a++;
    while (b > a + 1 && ORG_SUFFIX.test(words[b - 1]!)) b--;
    const core = words.slice(a, b);
    const ok = (w: string) => !gazetteerType(w) && !expandShortForm(w) && !ORG_PREFIXES.has(w) && !ORG_HEAD.test(`${w[0]!.toUpperCase()}${w.slice(1)} `);
    if (core.length < words.length && !out.has(core.join(' ')) && ok(core.join(' '))) out.set(core.join(' '), { key, anyType: true });
    if (core.length >= 2 && ok(core[0]!) && core[0]!.length >= 4) (firstWords.get(core[0]!) ?? firstWords.set(core[0]!, new Set()).get(core[0]!)!).add(key);
  }
  for (const [w, keys] of firstWords) if (keys.size === 1 && !out.has(w)) out.set(w, { key: [...keys][0]!, anyType: false });
  // "PT Evoluzione" of "PT Evoluzione Tyres": a company cut to the first word of another's name.
  for (const [core, v] of [...out]) {
    const longer = firstWords.get(core);
    if (v.anyType && longer?.size === 1 && !longer.has(v.key)) out.set(v.key, { key: [...longer][0]!, anyType: true });
  }
  return out;
}

/** Whether two words differ by one vowel written differently, added or left out ("kabayoran" / "kebayoran", "sumatera" / "sumatra"). */
function vowelSlip(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 1) return false;
  const vowels = /[aeiou]/g;
  if (a.replace(vowels, '') !== b.replace(vowels, '')) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/**
 * One place or person spelled two ways in one article ("Kabayoran Lama" and "Kebayoran Lama"):
 * entities of one type whose names differ in one vowel of one word of six letters or more are
 * one entity, filed under the spelling used more often (the earlier on a tie).
 */
export function joinMisspellings(entities: Entity[]): Entity[] {
  // A vowel slip keeps the consonants: only names of one type with the same consonants are compared.
  const buckets = new Map<string, number[]>();
  entities.forEach((e, i) => {
    if (e.role === DATELINE_OUTLET_ROLE) return;
    const k = `${e.type}|${nameKey(e.name).replace(/[aeiou]/g, '')}`;
    (buckets.get(k) ?? buckets.set(k, []).get(k)!).push(i);
  });
  const out: (Entity | null)[] = [...entities];
  for (const idx of buckets.values()) {
    for (let x = 0; x < idx.length; x++) {
      for (let y = x + 1; y < idx.length; y++) {
        const a = out[idx[x]!], b = out[idx[y]!];
        if (!a || !b) continue;
        const wa = nameKey(a.name).split(' '), wb = nameKey(b.name).split(' ');
        if (wa.length !== wb.length) continue;
        const diff = wa.map((w, k) => (w === wb[k] ? -1 : k)).filter((k) => k >= 0);
        if (diff.length !== 1 || !vowelSlip(wa[diff[0]!]!, wb[diff[0]!]!)) continue;
        const [keep, drop] = b.count > a.count || (b.count === a.count && firstPos(b) < firstPos(a)) ? [b, a] : [a, b];
        const mentions = [...keep.mentions, ...drop.mentions].sort((m, n) => m.paragraph - n.paragraph || m.start - n.start);
        out[idx[x]!] = { ...keep, surface: [...new Set([...keep.surface, ...drop.surface])], count: mentions.length, mentions };
        out[idx[y]!] = null;
      }
    }
  }
  return out.filter((e): e is Entity => e !== null);
}

/** "leonardo di caprio" and "leonardo dicaprio" are one name: particles joined to the next word. */
function joinParticles(key: string): string {
  return key.replace(/(^| )(di|de|da|del|della|van|von|der|den|mc|mac|le|la|du|dos|ter|ten) (?=\S)/gu, '$1$2');
}

/** Honorifics that may stand between two names joined by "dan" ("Mr X dan Ms Y"). */
const COORDINATION = /^\s*(?:,|dan|and|&|serta)\s+(?:(?:Mr|Mrs|Ms|Miss|Pak|Bu|Bapak|Ibu|Tuan|Nyonya|Ny)\.?\s+)?$/iu;

/**
 * Whether the person name `short` is part of the fuller name `full` (both name keys): its words
 * are a contiguous run of full's words that begins or ends it ("Putin" / "Vladimir Putin",
 * "Kim Jong" / "Kim Jong Un"); a single word may also be a middle word ("Bankman" of a
 * double-barrelled "Sam Bankman Fried"), and two words may be the first and last of the fuller
 * name when what lies between is middle names. Words in order with a gap are not enough
 * otherwise: "Kim Jong" is no part of "Kim Yo Jong". A shortened last word matches its full form when at least four
 * letters long ("Dian Sastro" / "Dian Sastrowardoyo").
 */
export function partOfName(short: string, full: string): boolean {
  const sw = short.split(' '), fw = full.split(' ');
  if (sw.length > fw.length || short === full || short.length >= full.length) return false;
  const same = (x: string, w: string, last: boolean) => w === x || (last && x.length >= 4 && w.startsWith(x));
  const runAt = (from: number) => sw.every((x, k) => same(x, fw[from + k]!, k === sw.length - 1));
  if (sw.length === 1) return fw.some((_, i) => runAt(i));
  if (runAt(0) || runAt(fw.length - sw.length)) return true;
  // Given name and family name with the middle names left out ("Brandon Salim" of "Brandon
  // Nicholas Salim"); a left-out syllable of a Korean given name is not a middle name ("Kim Jong"
  // is not "Kim Yo Jong").
  return sw.length === 2 && fw.length >= 3 && sw[0] === fw[0] && sw[1] === fw[fw.length - 1] &&
    fw.slice(1, -1).every((w) => w.length >= 4);
}

function firstPos(e: Entity): number {
  const m = e.mentions[0];
  return m ? m.paragraph * 1e6 + m.start : 0;
}

function settleType(g: Group): EntityType {
  // A name in the gazetteer keeps its gazetteer type ("Rusia" is a place even where the tagger,
  // following its training sets, calls an acting country an organisation).
  const gz = gazetteerType(g.name || g.mentions[0]!.text);
  if (gz && gz !== 'PER' && g.votes.PER < g.mentions.length * 0.8 + 1) return gz;
  const order: MentionType[] = ['PER', 'ORG', 'LOC'];
  return order.reduce((best, t) => (g.votes[t] > g.votes[best] ? t : best), g.mentions[0]!.type);
}

function mostCommon(xs: string[]): string {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
