/**
 * Step 1 of entity extraction: find mentions in one paragraph (tagger spans, cleaned up, plus
 * dateline parts, short forms and gazetteer names the tagger missed), with character offsets.
 */
import { lexiconLookup, wordClusters } from './clusters';
import { parseDateline } from './dateline';
import { hashString } from './hash';
import { gazetteer } from './gazetteer';
import { ADMIN_WORDS, CALENDAR_WORDS, EXTRA_TITLES, HONORIFICS, LOC_PREFIXES, NOT_NAMES, ORG_PREFIXES, NOT_DESCRIBING, PLACE_NOUNS, PRODUCT_NOUNS, RANK_WORDS, SOURCE_CUES, TITLE_WORDS } from './lexicon';
import { SHORT_FORMS } from './shortForms';
import { tagIndices } from './tagger';
import { TAGS } from './tags';
import { tokenize, type Token } from './tokenize';

export type MentionType = 'PER' | 'ORG' | 'LOC';

export interface RawMention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Title words stripped from or written before a person's name ("Presiden Rusia"). */
  role?: string;
  /** The publishing outlet named in the dateline. */
  outlet?: boolean;
  /** Set when the mention is a short form or alias defined next to the name it stands for:
   *  "(KCNA)", "(Mitra)", "alias Komeng", "akrab disapa Dani" -> the text of that name. */
  acronymOf?: string;
  /** How sure we are of the type: rule-based sources outrank the tagger when types disagree. */
  source: 'tagger' | 'dateline' | 'shortform' | 'gazetteer';
}

const isCap = (s: string) => /^\p{Lu}/u.test(s);
const isWordy = (s: string) => /\p{L}/u.test(s);
const OPENERS = new Set(['(', '"', '“', "'", '‘', '[']);
const CLOSERS = new Set([')', '"', '”', "'", '’', ']', ',', '.', ':', ';', '-', '–', '—']);
/** Lower-case words allowed inside a role ("Menteri Luar Negeri", "Ketua Umum Partai ..."). */
const ROLE_GLUE = new Set(['dan', 'urusan', 'bidang']);

function typeOfTag(tag: string): MentionType {
  return tag.slice(2) as MentionType;
}

/** Role before a person's name: "Presiden Rusia, Vladimir Putin" / "Gubernur Primorsky Oleg ...". */
function roleBefore(tokens: Token[], text: string, first: number): string | undefined {
  let i = first - 1;
  if (i >= 0 && tokens[i]!.text === ',') i--;
  let start = -1;
  for (let k = 0; i >= 0 && k < 6; i--, k++) {
    const t = tokens[i]!.text;
    const low = t.toLowerCase();
    if (TITLE_WORDS.has(low)) { start = i; continue; }
    if (isCap(t) || ROLE_GLUE.has(low)) continue;
    break;
  }
  if (start < 0) return undefined;
  let end = first - 1;
  if (tokens[end]!.text === ',') end--;
  if (end < start) return undefined;
  return text.slice(tokens[start]!.start, tokens[end]!.end);
}

/** Words that start the name of a venue ("Hotel JW Marriot", "Bandara Internasional Lombok"). */
const VENUE_HEADS = new Set(['hotel', 'bandara', 'jalan', 'jl', 'jl.', 'jln', 'jln.', 'gedung', 'stadion', 'restoran']);

/** Lower-case particles inside people's names ("Robin van Persie", "Ahmad bin Yusuf"). */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'dos', 'du', 'le', 'la', 'bin', 'binti', 'al', 'el', 'di']);

/**
 * A person span followed by a name particle and a capitalised word is one name, even where the
 * tagger read the rest as something else ("Leonardo di Caprio": "di Caprio" is not "in Caprio").
 * "di" is also the Indonesian "in", so after it the word must be no place the gazetteer knows nor
 * one the training sets labelled a place or organisation, and the name must end there.
 * Edits spans in place.
 */
export function joinNameParticles(tokens: readonly Token[], spans: [number, number, MentionType][]): void {
  const gaz = gazetteer();
  for (let k = 0; k < spans.length; k++) {
    const [s, e, type] = spans[k]!;
    const p = tokens[e]?.text, w = tokens[e + 1]?.text;
    if (type !== 'PER' || !p || !w || !NAME_PARTICLES.has(p) || !/^\p{Lu}\p{Ll}/u.test(w)) continue;
    if (tokens[e]!.start !== tokens[e - 1]!.end + 1 || tokens[e + 1]!.start !== tokens[e]!.end + 1) continue;
    const next = spans[k + 1];
    if (next && next[0] < e + 1) continue;
    const nextIsW = !!next && next[0] === e + 1;
    const end = nextIsW ? next[1] : e + 2;
    if (p === 'di') {
      const low = w.toLowerCase();
      if (end !== e + 2 || gaz.typeOf.has(low) || gaz.stopwords.has(low) || CALENDAR_WORDS.has(low)) continue;
      if (/^\p{Lu}/u.test(tokens[e + 2]?.text ?? '')) continue;
      const wc = wordClusters();
      const code = lexiconLookup(wc.lex, hashString(wc.lexCased ? w : low));
      if (code && ((code - 1) & 7) >> 1 !== 0) continue; // labelled other than a person in training
    }
    spans[k] = [s, end, 'PER'];
    if (nextIsW) spans.splice(k + 1, 1);
  }
}

/** What the lower-case words right before token s say it names: LOC after a place noun or "di",
 *  ORG after a vehicle, product or brand noun; one lower-case word may stand between ("kawasan
 *  elit X"). Undefined when nothing says so. */
export function describedAs(tokens: readonly Token[], s: number): MentionType | undefined {
  const w1 = tokens[s - 1]?.text ?? '';
  if (!/^\p{Ll}/u.test(w1)) return undefined;
  const kind = (w: string): MentionType | undefined => (PLACE_NOUNS.has(w) ? 'LOC' : PRODUCT_NOUNS.has(w) ? 'ORG' : undefined);
  if (w1 === 'di') return 'LOC';
  const k1 = kind(w1);
  if (k1) return k1;
  const w2 = tokens[s - 2]?.text ?? '';
  return /^\p{Ll}/u.test(w2) && !TITLE_WORDS.has(w1) && !NOT_DESCRIBING.has(w1) ? kind(w2) : undefined;
}

/** A role without its forms of address: "Mr" -> none, "Bapak Presiden" -> "Presiden". */
export function withoutHonorifics(role: string): string | undefined {
  const words = role.split(/\s+/);
  let i = 0;
  while (i < words.length && (HONORIFICS.has(words[i]!.toLowerCase()) || (words[i] === 'Yang' && words[i + 1]?.toLowerCase() === 'mulia'))) i += words[i] === 'Yang' ? 2 : 1;
  const rest = words.slice(i).join(' ').replace(/^[,\s]+|[,\s]+$/g, '');
  return rest && !HONORIFICS.has(rest.toLowerCase()) ? rest : undefined;
}

/**
 * Whether a capitalised word is a syllable abbreviation of a name of two or more words, the way
 * Indonesian copy shortens names: "Mitra" of "Minahasa Tenggara", "Amalitra" of "Aliansi
 * Masyarakat Lingkar Tambang Ratatotok". Same first letter, a letter from each of at least two
 * words, every letter in order.
 */
export function abbreviates(short: string, long: string): boolean {
  const words = long.toLowerCase().match(/\p{L}+/gu) ?? [];
  const s = short.toLowerCase();
  if (words.length < 2 || s.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(short) || s[0] !== words[0]![0]) return false;
  // Greedy: each letter from the current word if it has it further on, else from a later word.
  let w = 0, at = 0;
  const used = new Set<number>();
  for (const ch of s) {
    let found = false;
    for (; w < words.length; w++, at = 0) {
      const k = words[w]!.indexOf(ch, at);
      if (k >= 0) { at = k + 1; used.add(w); found = true; break; }
    }
    if (!found) return false;
  }
  return used.size >= 2;
}

export function findMentions(text: string, paragraph: number): RawMention[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const dateline = paragraph === 0 ? parseDateline(text) : null;
  const firstBody = dateline ? tokens.findIndex((t) => t.start >= dateline.end) : 0;
  const covered = new Uint8Array(tokens.length);
  const out: RawMention[] = [];
  const push = (from: number, to: number, type: MentionType, source: RawMention['source'], extra: Partial<RawMention> = {}) => {
    const start = tokens[from]!.start, end = tokens[to - 1]!.end;
    out.push({ paragraph, start, end, text: text.slice(start, end), type, source, ...extra });
    for (let k = from; k < to; k++) covered[k] = 1;
  };

  if (dateline) {
    for (const p of dateline.parts) out.push({ paragraph, start: p.start, end: p.end, text: p.text, type: p.type, source: 'dateline', outlet: p.outlet || undefined });
    for (let k = 0; k < tokens.length && tokens[k]!.start < dateline.end; k++) covered[k] = 1;
  }

  // Tagger spans (tokens of the dateline excluded: they were handled above).
  const tags = tagIndices(tokens.map((t) => t.text));
  const spans: [number, number, MentionType][] = [];
  for (let i = Math.max(0, firstBody); i < tokens.length; ) {
    const tag = TAGS[tags[i]!]!;
    if (tag === 'O') { i++; continue; }
    const type = typeOfTag(tag);
    let j = i + 1;
    while (j < tokens.length && TAGS[tags[j]!] === `I-${type}`) j++;
    spans.push([i, j, type]);
    i = j;
  }
  joinNameParticles(tokens, spans);
  for (const [s0, e0, type] of spans) if (!covered[s0]) addSpan(s0, e0, type);

  function addSpan(s0: number, e0: number, type: MentionType) {
    let s = s0, e = e0;
    // Quotes and brackets at the edges are not part of names.
    while (s < e && (OPENERS.has(tokens[s]!.text) || CLOSERS.has(tokens[s]!.text))) s++;
    while (e > s && (CLOSERS.has(tokens[e - 1]!.text) || OPENERS.has(tokens[e - 1]!.text))) e--;
    if (s >= e) return;
    // Names do not run across sentence punctuation ("Istana Negara? Karena").
    const stop = tokens.slice(s, e).findIndex((t) => /^[?!;:,"“”]$/.test(t.text));
    if (stop >= 0) { addSpan(s, s + stop, type); addSpan(s + stop + 1, e, type); return; }
    const whole = gazetteer().typeOf.get(tokens.slice(s, e).map((t) => t.text.toLowerCase()).join(' '));
    // Titles: "Presiden Joko Widodo" -> "Joko Widodo", role "Presiden"; lower-case heads
    // ("kantor Kemenpan RB", "hotel Pullman") are descriptions, not part of the name.
    let roleStart = -1;
    if (!whole) {
      while (e > s + 1 && RANK_WORDS.has(tokens[e - 1]!.text.toLowerCase())) e--;
      const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase()) || EXTRA_TITLES.has(w.toLowerCase());
      while (s < e - 1 && (isTitle(tokens[s]!.text) || /^\p{Ll}/u.test(tokens[s]!.text))) {
        if (roleStart < 0 && isTitle(tokens[s]!.text)) roleStart = s;
        s++;
      }
    }
    // Places are filed without administrative words, and a chain of them is several places:
    // "Desa Seuneubok Aceh Kecamatan Paya Bakong" -> "Seuneubok Aceh", "Paya Bakong".
    if (type === 'LOC' && !whole) {
      const admin = tokens.slice(s, e).findIndex((t, k) => k > 0 && ADMIN_WORDS.has(t.text.toLowerCase()));
      if (admin > 0) { addSpan(s, s + admin, type); addSpan(s + admin, e, type); return; }
      while (s < e - 1 && ADMIN_WORDS.has(tokens[s]!.text.toLowerCase())) s++;
    }
    // Two names run together: "Pearl Restaurant Hotel JW Marriot", "PT Angkasa I Bandara
    // Internasional Lombok". A venue word inside a span after two or more words starts the second.
    if (!whole && e - s >= 4) {
      const inner = tokens.slice(s, e).findIndex((t, k) => k >= 2 && k <= e - s - 2 && VENUE_HEADS.has(t.text.toLowerCase()) && /^\p{Lu}/u.test(t.text));
      if (inner > 0) { addSpan(s, s + inner, type); addSpan(s + inner, e, 'LOC'); return; }
    }
    // "Jokowi-JK", "TNI-POLRI": two known short forms written as a pair are two entities.
    if (e - s === 1 && tokens[s]!.text.includes('-') && !SHORT_FORMS.has(tokens[s]!.text)) {
      const parts = tokens[s]!.text.split('-');
      const kinds = parts.map((p) => SHORT_FORMS.get(p)?.type);
      if (parts.length === 2 && kinds.every((k) => k === 'PER' || k === 'ORG' || k === 'LOC')) {
        let at = tokens[s]!.start;
        for (const [k, p] of parts.entries()) {
          out.push({ paragraph, start: at, end: at + p.length, text: p, type: kinds[k] as MentionType, source: 'shortform' });
          at += p.length + 1;
        }
        covered[s] = 1;
        return;
      }
    }
    if (s >= e) return;
    const lowerText = tokens.slice(s, e).map((t) => t.text.toLowerCase()).join(' ');
    if (NOT_NAMES.has(lowerText)) return;
    // A lone title or head word is not a name ("PT", "Pol.").
    if (e - s === 1 && (TITLE_WORDS.has(lowerText) || ORG_PREFIXES.has(lowerText) || LOC_PREFIXES.has(lowerText))) return;
    // A capitalised function word at the start of a sentence ("Karena", "Namun") is not a name.
    if (e - s === 1 && gazetteer().stopwords.has(lowerText) && !SHORT_FORMS.has(tokens[s]!.text)) return;
    // A shouted lead-in word ("DEPRESI jadi satu momok ...") is emphasis, not an acronym.
    if (e - s === 1 && s === firstBody && /^\p{Lu}{5,}$/u.test(tokens[s]!.text) && /^\p{Ll}/u.test(tokens[s + 1]?.text ?? '') && !SHORT_FORMS.has(tokens[s]!.text) && !gazetteer().typeOf.has(lowerText)) return;
    // "Komisi Pemilihan Umum (KPU)" tagged as one span: long form and acronym are two mentions.
    const open = tokens.slice(s, e).findIndex((t) => t.text === '(');
    if (open > 0) {
      const o = s + open;
      let c = o + 1;
      while (c < e && tokens[c]!.text !== ')') c++;
      addSpan(s, o, type);
      if (c > o + 1 && !covered[o + 1]) {
        const longText = text.slice(tokens[s]!.start, tokens[o - 1]!.end);
        push(o + 1, c, type, 'tagger', { acronymOf: longText });
      }
      if (c + 1 < e) addSpan(c + 1, e, type);
      return;
    }
    const words = tokens.slice(s, e).map((t) => t.text);
    if (!words.some(isWordy)) return;
    // Several words in capitals inside ordinary text are a title of a work or emphasis ("film
    // pertama Blink, HEART BEAT"), not a name the tagger can type; known names excepted.
    if (e - s >= 2 && words.every((w) => /^\p{Lu}{2,}$/u.test(w)) && words.some((w) => w.length >= 4) && !whole &&
      !words.every((w) => SHORT_FORMS.has(w)) && /\p{Ll}{3}/u.test(text)) return;
    // A lone lower-case word or a calendar word is not a name ("Senin", "pemerintah").
    if (!words.some(isCap) && !/\p{N}/u.test(words.join(''))) return;
    if (e - s === 1 && CALENDAR_WORDS.has(words[0]!.toLowerCase())) return;
    let role: string | undefined;
    // A lone word the tagger took for a person, after a noun that says what it is: "kawasan
    // (elit) Albany" is a place, "limusin Aurus" a make. Also right after "di" ("di Albany").
    if (type === 'PER' && e - s === 1 && roleStart < 0 && !SHORT_FORMS.has(tokens[s]!.text)) {
      const cue = describedAs(tokens, s);
      if (cue) type = cue;
    }
    if (type === 'PER') {
      role = roleStart >= 0 ? text.slice(tokens[roleStart]!.start, tokens[s - 1]!.end) : roleBefore(tokens, text, s);
      if (role) role = withoutHonorifics(role);
    }
    push(s, e, type, 'tagger', role ? { role } : {});
    // "Long Name (ACR)" right after the span: the acronym names the same entity.
    if (tokens[e]?.text === '(' && tokens[e + 2]?.text === ')') {
      const acr = tokens[e + 1]!.text;
      const longText = text.slice(tokens[s]!.start, tokens[e - 1]!.end);
      if (/^\p{Lu}[\p{Lu}\p{N}\-.&]+$/u.test(acr) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(acr) || SHORT_FORMS.has(acr) || abbreviates(acr, longText)) {
        if (!covered[e + 1]) push(e + 1, e + 2, type, 'tagger', { acronymOf: longText });
      }
    }
  }

  // Short forms and gazetteer names the tagger left out (the training sets often leave a
  // country that acts as an agent untagged; articles still name it).
  const gaz = gazetteer();
  for (let i = Math.max(0, firstBody); i < tokens.length; i++) {
    if (covered[i]) continue;
    // Web outlets named in the copy: "Kompas.com", "Beritajakarta.com", "detikINET".
    // A lower-case address counts only where it names a source, not inside a link or a list of links.
    const w0 = tokens[i]!.text;
    const isDomain = /^[\p{L}\p{N}]+(\.(com|co|id|net|org))+$/iu.test(w0);
    const prevTok = tokens[i - 1];
    const asSource = isCap(w0) || (!!prevTok && SOURCE_CUES.has(prevTok.text.toLowerCase()) && prevTok.end < tokens[i]!.start);
    if ((isDomain && asSource) || /^detik\p{Lu}/u.test(w0) || w0 === 'detikcom') {
      push(i, i + 1, 'ORG', 'gazetteer');
      continue;
    }
    if (!isCap(tokens[i]!.text)) continue;
    const pair = w0.split('-');
    if (pair.length === 2 && !SHORT_FORMS.has(w0) && pair.every((p) => ['PER', 'ORG', 'LOC'].includes(SHORT_FORMS.get(p)?.type ?? ''))) {
      let at = tokens[i]!.start;
      for (const p of pair) {
        out.push({ paragraph, start: at, end: at + p.length, text: p, type: SHORT_FORMS.get(p)!.type as MentionType, source: 'shortform' });
        at += p.length + 1;
      }
      covered[i] = 1;
      continue;
    }
    const sf = SHORT_FORMS.get(tokens[i]!.text);
    let best = 0;
    let bestType: MentionType | undefined;
    const words: string[] = [];
    for (let j = i; j < tokens.length && j - i < gaz.maxLen && !covered[j]; j++) {
      const w = tokens[j]!.text;
      if (!isCap(w) && j > i) break;
      words.push(w.toLowerCase());
      const t = gaz.typeOf.get(words.join(' '));
      if (t && t !== 'PER') { best = j + 1 - i; bestType = t; }
    }
    if (bestType && best > 0) { push(i, i + best, bestType, 'gazetteer'); i += best - 1; }
    else if (sf && sf.type !== 'PER' && sf.type !== 'DATE') push(i, i + 1, sf.type as MentionType, 'shortform');
  }
  return regionalBodies(text, tokens, companyNames(text, tokens, withoutSePrefix(out).sort((a, b) => a.start - b.start)));
}

/**
 * "se-" before a name means "all over" ("se-Indonesia", "Ketua BPD Se-Kecamatan Ratatotok"): the
 * name is what follows, without an administrative word.
 */
export function withoutSePrefix(mentions: readonly RawMention[]): RawMention[] {
  return mentions.flatMap((m) => {
    const se = /^se-(?:(\p{L}+)\s+)?/iu.exec(m.text);
    if (!se) return [m];
    const cut = se[1] && ADMIN_WORDS.has(se[1].toLowerCase()) ? se[0].length : 3;
    const text = m.text.slice(cut);
    return /^\p{Lu}/u.test(text) ? [{ ...m, start: m.start + cut, text }] : [];
  });
}

/**
 * Company names after "PT"/"CV" run over all the capitalised words that follow, up to "Tbk"
 * ("PT Anugerah Surya Pratama", "PT Kawei Sejahtera Mining"), where the tagger often cut them
 * into a company and a person. A person's name after a company held by a title ("Direktur PT X
 * Tbk Budi Santoso") is that person: a name never runs past "Tbk", and after a title the
 * company takes no name tagged as a person.
 */
export function companyNames(text: string, tokens: readonly Token[], mentions: RawMention[]): RawMention[] {
  const out = [...mentions];
  const tokenAt = new Map(tokens.map((t, i) => [t.start, i]));
  const endAt = new Map(tokens.map((t, i) => [t.end, i]));
  const cut = new Set<RawMention>();
  // "PT Evoluzione Alessandro Monzani" where the tagger left "PT" out and read the rest as one
  // person: the word after "PT" is the company's, the rest (two words or more) the person.
  for (const per of mentions) {
    const i = tokenAt.get(per.start);
    if (per.type !== 'PER' || i === undefined || i === 0 || !/^(?:PT|CV)\.?$/u.test(tokens[i - 1]!.text)) continue;
    const words = per.text.split(' ');
    if (words.length < 3 || tokens[i - 1]!.end + 1 !== per.start) continue;
    if (out.some((m) => m.paragraph === per.paragraph && m.start < tokens[i - 1]!.end && tokens[i - 1]!.start < m.end)) continue;
    const coEnd = per.start + words[0]!.length;
    const start = tokens[i - 1]!.start;
    const co: RawMention = { paragraph: per.paragraph, start, end: coEnd, text: text.slice(start, coEnd), type: 'ORG', source: 'tagger' };
    out.splice(out.indexOf(per), 1, co, { ...per, start: coEnd + 1, text: per.text.slice(words[0]!.length + 1) });
    cut.add(co);
  }
  for (const co of [...out]) {
    if (co.type !== 'ORG' || !/^(?:PT\.?|CV\.?)\s/u.test(co.text) || !out.includes(co) || cut.has(co)) continue;
    const first = tokenAt.get(co.start);
    let last = endAt.get(co.end);
    if (first === undefined || last === undefined) continue;
    // "PT X Tbk Budi Santoso" tagged as one company: the name after "Tbk" is a person.
    const tbk = tokens.slice(first, last + 1).findIndex((t) => /^tbk\.?$/iu.test(t.text));
    if (tbk > 0 && first + tbk < last) {
      const rest = tokens.slice(first + tbk + 1, last + 1);
      const end = tokens[first + tbk]!.end;
      const company = { ...co, end, text: text.slice(co.start, end) };
      out.splice(out.indexOf(co), 1, company);
      if (rest.length >= 2 && rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) {
        out.push({ paragraph: co.paragraph, start: rest[0]!.start, end: co.end, text: text.slice(rest[0]!.start, co.end), type: 'PER', source: 'tagger' });
      }
      continue;
    }
    if (/^tbk\.?$/iu.test(tokens[last]!.text)) continue;
    const titled = tokens.slice(Math.max(0, first - 3), first).some((t) => TITLE_WORDS.has(t.text.toLowerCase()));
    let end = co.end;
    const absorbed: RawMention[] = [];
    for (let j = last + 1; j < tokens.length && j - first < 8; j++) {
      const t = tokens[j]!;
      if (t.start !== tokens[j - 1]!.end + 1 || !/^(?:\p{Lu}|\p{N}+$)/u.test(t.text)) break;
      const m = out.find((x) => x.paragraph === co.paragraph && x.start === t.start);
      if (m) {
        // Not a person after a title, nor a venue ("PT Angkasa I Bandara Internasional Lombok").
        if ((m.type === 'PER' && titled) || (m.type === 'LOC' && LOC_PREFIXES.has(m.text.split(/\s/)[0]!.toLowerCase()))) break;
        const k = endAt.get(m.end);
        if (k === undefined) break;
        absorbed.push(m);
        end = m.end;
        j = k;
      } else {
        if (out.some((x) => x.paragraph === co.paragraph && x.start < t.end && t.start < x.end)) break;
        end = t.end;
      }
      if (/^tbk\.?$/iu.test(tokens[endAt.get(end)!]!.text)) break;
    }
    if (end === co.end) continue;
    for (const m of absorbed) out.splice(out.indexOf(m), 1);
    out.splice(out.indexOf(co), 1, { ...co, end, text: text.slice(co.start, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Heads of the regional branches of Indonesian bodies, written before the place they serve:
 * "Polda Lampung", "Kejari Lhoksukon", "Organda DKI Jakarta", "Forkopimda Kabupaten Minahasa
 * Tenggara". The headquarters ("Mapolda Bali") are places.
 */
const REGIONAL_HEADS: ReadonlyMap<string, MentionType> = new Map([
  ...['polda', 'polres', 'polresta', 'polrestabes', 'polsek', 'kodam', 'korem', 'kodim', 'koramil', 'lanud', 'lanal',
    'lantamal', 'kejati', 'kejari', 'pemprov', 'pemkab', 'pemkot', 'dprd', 'kpu', 'kpud', 'bawaslu', 'bpbd', 'bappeda',
    'organda', 'forkopimda', 'forkompimda', 'dinkes', 'disdik', 'dishub', 'satpol', 'kanwil', 'pengadilan negeri',
    'pengadilan tinggi', 'pengadilan agama', 'rsud'].map((w) => [w, 'ORG'] as const),
  ...['mapolda', 'mapolres', 'mapolresta', 'mapolsek', 'makodam', 'makodim', 'makorem'].map((w) => [w, 'LOC'] as const),
]);

/**
 * A place right after the head of a regional body is that body's name, not a place mention:
 * the head (a word the tagger left out, or a lone acronym it tagged) and the place become one
 * mention of the body. "Pemerintah" and unknown acronyms count as heads only with an
 * administrative word before the place ("Pemerintah Kabupaten X", "BPPD Kabupaten Badung").
 */
export function regionalBodies(text: string, tokens: readonly Token[], mentions: RawMention[]): RawMention[] {
  const out = [...mentions];
  const tokenAt = new Map(tokens.map((t, i) => [t.start, i]));
  for (const [k, m] of out.entries()) {
    // Tagged whole ("Polda Kalimantan Tengah" as a place): the head says what it is.
    const w = m.text.split(/\s+/);
    const head = w.length > 2 && REGIONAL_HEADS.has(`${w[0]} ${w[1]}`.toLowerCase()) ? `${w[0]} ${w[1]}` : w.length > 1 ? w[0]! : '';
    const t = REGIONAL_HEADS.get(head.toLowerCase());
    if (t && t !== m.type && m.source !== 'dateline' && /^\p{Lu}/u.test(m.text.slice(head.length + 1))) out[k] = { ...m, type: t };
  }
  for (const loc of [...out]) {
    if (loc.type !== 'LOC' || loc.source === 'dateline') continue;
    let i = tokenAt.get(loc.start);
    if (i === undefined) continue;
    let admin = false;
    if (i > 0 && ADMIN_WORDS.has(tokens[i - 1]!.text.toLowerCase()) && /^\p{Lu}/u.test(tokens[i - 1]!.text)) { admin = true; i--; }
    // The head: one word, or two for "Pengadilan Negeri".
    for (const n of [2, 1]) {
      if (i - n < 0) continue;
      const head = tokens.slice(i - n, i);
      if (head.some((t, k) => k > 0 && t.start !== head[k - 1]!.end + 1) || tokens[i]!.start !== head[n - 1]!.end + 1) continue;
      const words = head.map((t) => t.text);
      const low = words.join(' ').toLowerCase();
      let type = REGIONAL_HEADS.get(low);
      if (!type && admin && n === 1 && (low === 'pemerintah' || (/^\p{Lu}{2,6}$/u.test(words[0]!) && !SHORT_FORMS.has(words[0]!) && !NOT_NAMES.has(low)))) type = 'ORG';
      if (!type) continue;
      const start = head[0]!.start;
      // The head is no part of another mention, except a lone acronym the tagger took for a name.
      const inside = out.filter((m) => m !== loc && m.paragraph === loc.paragraph && m.start < loc.start && start < m.end);
      if (inside.some((m) => m.start !== start || m.end !== head[n - 1]!.end || /\s/.test(m.text))) continue;
      for (const m of inside) out.splice(out.indexOf(m), 1);
      out.splice(out.indexOf(loc), 1, { ...loc, start, text: text.slice(start, loc.end), type, source: 'gazetteer', acronymOf: undefined });
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
