/** Article-level entities: mentions of every paragraph, merged into entities (see merge.ts). */
import type { Entity } from '../types';
import { findMentions, type RawMention } from './mentions';
import { mergeMentions, nameKey } from './merge';
import { gazetteer } from './gazetteer';
import { CALENDAR_WORDS, EXTRA_TITLES, HONORIFICS, RANK_WORDS, TITLE_WORDS } from './lexicon';
import { lexiconLookup, wordClusters } from './clusters';
import { hashString } from './hash';
import { SHORT_FORMS } from './shortForms';
import { escapeRe } from '../regex';

export function extractEntities(paragraphs: readonly string[]): Entity[] {
  const mentions: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p === 'string' && p.trim()) mentions.push(...findMentions(p, i));
  });
  const whole = nicknames(paragraphs, givenNames(paragraphs, completePersonNames(paragraphs, withoutLeadingTeam(paragraphs, placeBeforePerson(withoutCommonWords(paragraphs, mentions))))));
  return mergeMentions(whole.concat(propagateNames(paragraphs, whole)), paragraphs);
}

/**
 * A lone capitalised word is not a name when the article writes it in lower case elsewhere and
 * capitalises it only where every word is: at the start of a sentence or in a heading ("Ekosistem
 * saling mendukung ..." beside "ekosistem digital", "Bola Mati yang Harus Dinikmati" beside "bola
 * mati"). A word the tagger's training saw mostly as a person's name, a word of another name of
 * the article, and short forms and known names are kept.
 */
export function withoutCommonWords(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const gaz = gazetteer();
  const wc = wordClusters();
  // A heading: a short line, most of its words capitalised ("Bagaimana Para Peracik Bola Mati Bekerja?").
  const heading = (p: string) => {
    const words = p.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    return words.length <= 12 && words.filter((w) => /^["“(]?\p{Lu}/u.test(w)).length >= 0.6 * words.length;
  };
  const inNames = new Set<string>();
  for (const m of mentions) if (/\s/.test(m.text.trim())) for (const w of m.text.toLowerCase().split(/\s+/)) inNames.add(w);
  const candidates = new Set(mentions.filter((m) => m.source === 'tagger' && !m.acronymOf && /^\p{Lu}\p{Ll}+$/u.test(m.text)).map((m) => m.text));
  if (!candidates.size) return [...mentions];
  // One pass over the words: which are written in lower case somewhere, and which of the
  // candidates are capitalised somewhere other than a sentence start or a heading.
  const lower = new Set<string>();
  const midSentence = new Set<string>();
  for (const p of paragraphs) {
    if (typeof p !== 'string') continue;
    const head = heading(p);
    for (const hit of p.matchAll(/[\p{L}\p{N}]+/gu)) {
      const w = hit[0];
      if (/^\p{Ll}/u.test(w)) lower.add(w);
      else if (!head && candidates.has(w)) {
        const before = p.slice(Math.max(0, hit.index - 4), hit.index);
        const opens = !p.slice(0, hit.index).trim() || /(?:[.!?]["”’)]?\s+|["“]\s*)$/u.test(before);
        if (!opens) midSentence.add(w);
      }
    }
  }
  const drop = new Set<string>();
  for (const w of candidates) {
    const low = w.toLowerCase();
    if (!lower.has(low) || midSentence.has(w) || inNames.has(low) || SHORT_FORMS.has(w) || gaz.typeOf.has(low)) continue;
    const code = lexiconLookup(wc.lex, hashString(wc.lexCased ? w : low));
    if (code && ((code - 1) & 7) >> 1 === 0) continue;
    drop.add(w);
  }
  return drop.size ? mentions.filter((m) => !drop.has(m.text)) : [...mentions];
}

/**
 * "manajer Villa Dean Smith", "pelatih Persib Bojan Hodak": the tagger reads the club (or firm)
 * before the name as the person's first name. A person of three words or more loses its first
 * word when the article also writes that word on its own, not followed by the rest of the name,
 * at least twice ("pendukung Villa", "didatangkan Villa"), and writes the family name on its own
 * too ("Smith"). "Kim Jong Un" keeps "Kim": nobody writes "Un" alone.
 */
export function withoutLeadingTeam(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  // Counted once per word: a name mentioned ten times asks the same question ten times.
  const counted = new Map<string, number>();
  const alone = (word: string, next: string | null) => {
    const key = `${word} ${next ?? ''}`;
    const known = counted.get(key);
    if (known != null) return known;
    let n = 0;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])(\\s+[\\p{L}]+)?`, 'gu');
    for (const p of paragraphs) {
      if (typeof p !== 'string') continue;
      for (const m of p.matchAll(re)) if (next == null || (m[1]?.trim() ?? '') !== next) n++;
    }
    counted.set(key, n);
    return n;
  };
  return mentions.map((m) => {
    if (m.type !== 'PER' || m.acronymOf) return m;
    const words = m.text.split(/\s+/);
    if (words.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(words[0]!)) return m;
    const [first, second] = [words[0]!, words[1]!];
    if (TITLE_WORDS.has(first.toLowerCase()) || HONORIFICS.has(first.toLowerCase())) return m;
    if (alone(first, second) < 2 || alone(words[words.length - 1]!, null) <= 1) return m;
    const cut = m.text.indexOf(second, first.length);
    return { ...m, start: m.start + cut, text: m.text.slice(cut) };
  });
}

/**
 * "Wali Kota Cimahi Ngatiyana": the tagger reads the office's place and the official's name as
 * one place. A place or organisation whose last words are a person the article names on their
 * own, and whose first words are a place or organisation it also names on their own, is the two.
 */
export function placeBeforePerson(mentions: readonly RawMention[]): RawMention[] {
  const people = new Set(mentions.filter((m) => m.type === 'PER').map((m) => m.text));
  const others = new Set(mentions.filter((m) => m.type === 'LOC' || m.type === 'ORG').map((m) => m.text));
  return mentions.flatMap((m) => {
    if ((m.type !== 'LOC' && m.type !== 'ORG') || m.acronymOf) return [m];
    const words = m.text.split(' ');
    for (let k = 1; k < words.length; k++) {
      const head = words.slice(0, k).join(' ');
      const tail = words.slice(k).join(' ');
      if (!people.has(tail) || !others.has(head)) continue;
      const at = m.start + head.length + 1;
      return [{ ...m, end: m.start + head.length, text: head }, { ...m, type: 'PER' as const, start: at, text: tail, role: undefined }];
    }
    return [m];
  });
}

/** Title words that are also given names, kept inside a name ("Yulisyah Putri Daulay"). */
const NAME_TITLES = new Set(['putri', 'putra', 'ratu']);

/**
 * The tagger sometimes leaves a rare given name out of a person's name ("Wapres Husain
 * [Abdullah]", "Yulisyah Putri [Daulay]"). A capitalised word right before a person mention joins
 * it when the tagger's training never saw it capitalised (the name lexicon does not list it),
 * it is no title, function word, calendar word or known place or organisation, and it does not
 * open a sentence (there the tagger sees names whole). A given-name title word ("Putri") between
 * such a word and the name joins too.
 */
export function givenNames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const gaz = gazetteer();
  const wc = wordClusters();
  const unknownName = (w: string) => {
    const low = w.toLowerCase();
    return /^\p{Lu}\p{Ll}+$/u.test(w) && !TITLE_WORDS.has(low) && !EXTRA_TITLES.has(low) && !HONORIFICS.has(low) && !RANK_WORDS.has(low) &&
      !gaz.stopwords.has(low) && !CALENDAR_WORDS.has(low) && !gaz.typeOf.has(low) && !SHORT_FORMS.has(w) &&
      !lexiconLookup(wc.lex, hashString(wc.lexCased ? w : low));
  };
  return mentions.map((m) => {
    const p = paragraphs[m.paragraph];
    if (m.type !== 'PER' || m.source !== 'tagger' || m.acronymOf || typeof p !== 'string') return m;
    const wordBefore = (at: number) => /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+) $/u.exec(p.slice(0, at));
    const w1 = wordBefore(m.start);
    if (!w1) return m;
    let start = m.start - w1[0].length;
    if (NAME_TITLES.has(w1[1]!.toLowerCase())) {
      const w2 = wordBefore(start);
      if (!w2 || !unknownName(w2[1]!)) return m;
      start -= w2[0].length;
    } else if (!unknownName(w1[1]!)) return m;
    // Not at the start of a sentence.
    if (/(?:^|[.!?"“”]\s*)$/u.test(p.slice(0, start))) return m;
    // Not the end of an office's name: "Menteri ... Reformasi Birokrasi Yuddy Chrisnandi" (a
    // capitalised word that is no title comes before it). "Wapres Husain Abdullah" still joins.
    const before = wordBefore(start)?.[1]!.toLowerCase();
    if (before && ![TITLE_WORDS, EXTRA_TITLES, HONORIFICS, RANK_WORDS, NAME_TITLES].some((set) => set.has(before))) return m;
    if (mentions.some((o) => o !== m && o.paragraph === m.paragraph && o.start < m.start && start < o.end)) return m;
    return { ...m, start, text: p.slice(start, m.end) };
  });
}

/** "Faisal (37) alias Komeng", "Nurdin Ismail alias Din Minimi": the person right before "alias". */
const ALIAS_RE = /^\s*(?:\(\d{1,3}\)\s*)?,?\s*alias\s+$/u;
/** "Pria yang akrab disapa Dani": a nickname of the person the text last named in full. */
const NICKNAME_RE = /(?:akrab|biasa|kerap|karib|sering|lebih dikenal|dikenal)\s+(?:disapa|dipanggil|disebut|dengan(?: nama)?(?: panggilan)?|sebagai)\s+$/u;

/**
 * Nicknames and aliases: the capitalised words after "alias" or "akrab disapa" name the person
 * before them, titles and all ("alias Ayah Mud"), so they join that person (merge.ts files them
 * as a short form defined in the text). Mentions over those words are replaced by one person
 * mention; words the tagger left out become one.
 */
export function nicknames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const out = [...mentions];
  const pos = (m: RawMention) => m.paragraph * 1e6 + m.start;
  paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') return;
    for (const cue of p.matchAll(/\b(?:alias|disapa|dipanggil|disebut|dikenal dengan(?: nama)?(?: panggilan)?|dikenal sebagai)\s+(?=\p{Lu})/gu)) {
      const start = (cue.index ?? 0) + cue[0].length;
      const run = /^\p{Lu}[\p{L}\p{N}'’-]*(?: \p{Lu}[\p{L}\p{N}'’-]*){0,2}/u.exec(p.slice(start));
      if (!run) continue;
      const end = start + run[0].length;
      const before = p.slice(0, start);
      let person: RawMention | undefined;
      if (/\balias\s+$/u.test(before)) {
        person = out.filter((m) => m.paragraph === i && m.type === 'PER' && m.end <= cue.index! && ALIAS_RE.test(p.slice(m.end, start)))[0];
        // A name the tagger left out right before "alias" is a person's too.
        const prev = /(\S+)(\s*(?:\(\d{1,3}\)\s*)?,?\s*alias\s+)$/u.exec(before);
        if (!person && prev) {
          // The capitalised words right before, as many as are no part of another mention (up to 3).
          let s0 = before.length - prev[0].length;
          const e0 = s0 + prev[1]!.length;
          const free = (a: number, b: number) => !out.some((m) => m.paragraph === i && m.start < b && a < m.end);
          const word = (w: string) => /^\p{Lu}[\p{L}'’-]*$/u.test(w) && !TITLE_WORDS.has(w.toLowerCase());
          if (word(prev[1]!) && free(s0, e0)) {
            for (let n = 1; n < 3; n++) {
              const w = /(\S+) $/u.exec(p.slice(0, s0));
              if (!w || !word(w[1]!) || !free(s0 - w[0].length, s0)) break;
              s0 -= w[0].length;
            }
            person = { paragraph: i, start: s0, end: e0, text: p.slice(s0, e0), type: 'PER', source: 'tagger' };
            out.push(person);
          }
        }
      } else if (NICKNAME_RE.test(before)) {
        const at = i * 1e6 + start;
        person = out.filter((m) => m.type === 'PER' && pos(m) < at && /\s/.test(m.text.trim()) && !m.acronymOf)
          .sort((a, b) => pos(b) - pos(a))[0];
      }
      // A known short form names whom the table says ("yang kerap disapa JK": Jusuf Kalla).
      if (!person || nameKey(person.text) === nameKey(run[0]) || SHORT_FORMS.has(run[0])) continue;
      const overlapping = out.filter((m) => m.paragraph === i && m.start < end && start < m.end);
      if (overlapping.some((m) => m.start < start || m.end > end)) continue;
      for (const m of overlapping) out.splice(out.indexOf(m), 1);
      out.push({ paragraph: i, start, end, text: run[0], type: 'PER', source: 'tagger', acronymOf: person.text });
    }
  });
  return out;
}

/**
 * The tagger sometimes stops a person's name one word short ("Kim Jong" of "Kim Jong Un",
 * "Barbara" of "Barbara Fried"). A person mention is extended to the capitalised word right after
 * it when the longer name is a known one (another mention of the article, or a full name of the
 * short-form table) or when that word is a later word of another person's full name in the
 * article (a family name: "Fried" of "Sam Bankman Fried"). Never over another mention, a
 * function word, a calendar word or a known place or organisation.
 */
export function completePersonNames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const known = new Set<string>();
  const familyWords = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const k = nameKey(m.text);
    const words = k.split(' ');
    if (words.length < 2) continue;
    known.add(k);
    for (const w of words.slice(1)) familyWords.add(w);
  }
  for (const sf of SHORT_FORMS.values()) if (sf.type === 'PER' && /\s/.test(sf.name)) known.add(nameKey(sf.name));
  if (!known.size) return [...mentions];
  const gaz = gazetteer();
  return mentions.map((m) => {
    if (m.type !== 'PER') return m;
    const p = paragraphs[m.paragraph];
    if (typeof p !== 'string') return m;
    const next = /^ (\p{Lu}[\p{L}'’]*)(?![\p{L}\p{N}-])/u.exec(p.slice(m.end));
    if (!next) return m;
    const w = next[1]!;
    const low = w.toLowerCase();
    const end = m.end + 1 + w.length;
    if (gaz.stopwords.has(low) || CALENDAR_WORDS.has(low) || (gaz.typeOf.get(low) && gaz.typeOf.get(low) !== 'PER')) return m;
    if (mentions.some((o) => o !== m && o.paragraph === m.paragraph && o.start < end && m.end < o.end)) return m;
    const longer = `${m.text} ${w}`;
    if (!known.has(nameKey(longer)) && !familyWords.has(low)) return m;
    return { ...m, end, text: longer };
  });
}

/**
 * Once an article has named a person in full ("Vladimir Putin"), a later bare "Putin" is the same
 * person even where the tagger missed it ("dari Putin"): add those mentions so counts and
 * in-page highlighting are complete. Only capitalised whole words, never inside another mention.
 */
export function propagateNames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const parts = new Set<string>();
  for (const m of mentions) {
    // Not a nickname's words ("alias Ayah Gom": "Ayah" is no name of his).
    if (m.type !== 'PER' || m.acronymOf) continue;
    const words = m.text.split(/\s+/);
    if (words.length < 2) continue;
    for (const w of [words[0]!, words[words.length - 1]!]) if (/^\p{Lu}\p{Ll}{2,}$/u.test(w) && !TITLE_WORDS.has(w.toLowerCase())) parts.add(w);
  }
  if (!parts.size) return [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...parts].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const taken = (i: number, s: number, e: number) => mentions.some((m) => m.paragraph === i && m.start < e && s < m.end);
  const added: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') return;
    for (const hit of p.matchAll(re)) {
      const start = hit.index ?? 0;
      const end = start + hit[0].length;
      if (!taken(i, start, end)) added.push({ paragraph: i, start, end, text: hit[0], type: 'PER', source: 'tagger' });
    }
  });
  return added;
}
