/**
 * Indonesian text -> ranking terms. Pure: shared by the extension, the CLI and the bench.
 *
 * Terms are Snowball-stemmed, lower-case, stopword-free tokens, so "pertemuan" and "bertemu"
 * meet at "temu". Numbers are kept because scores ("3-0") and tolls ("24 pendaki") tell one
 * event from another between the same people.
 */
import { stemmer } from '@orama/stemmers/indonesian';
import { STOPWORDS_ISO_ID } from './stopwords-id';
import { parseDateline } from '../entities/dateline';
import { INLINE_RULES } from '../clutter/rules';

/** Tunables for term extraction, in one place. */
export const TEXT = {
  /** How many weighted terms an article keeps (ranking vector and index keys). */
  maxTerms: 32,
  /** Paragraphs that count as the lead (news puts the event in the first ones). */
  leadParagraphs: 2,
  titleWeight: 3,
  leadWeight: 2,
  /** A capitalised word inside a sentence is most likely a name: names carry the event. */
  properWeight: 1.5,
  minLength: 3,
  /** A headline after "Baca juga:" is at most this many words. */
  headlineMaxWords: 25,
} as const;

/**
 * Words that are not in stopwords-iso but say nothing about the event in news prose: reporting
 * verbs, boilerplate of Indonesian portals, and time words.
 */
const NEWS_STOPWORDS = [
  'baca', 'juga', 'simak', 'video', 'foto', 'berita', 'artikel', 'klik', 'selengkapnya', 'lihat',
  'scroll', 'advertisement', 'iklan', 'editor', 'penulis', 'sumber', 'reporter', 'redaksi', 'wib',
  'wita', 'wit', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu', 'pukul', 'kata',
  'ujar', 'ungkap', 'tutur', 'jelas', 'sebut', 'menurut', 'dikutip', 'mengutip', 'dilansir',
  'melansir', 'com', 'www', 'http', 'https', 'tahun', 'hari', 'bulan', 'lalu', 'kemarin', 'yakni',
  'yaitu', 'tersebut', 'dalam', 'pihak', 'sejumlah', 'salah', 'satu', 'dua', 'tiga', 'the', 'and',
  'of', 'in', 'to',
];

const STOP = new Set<string>([...STOPWORDS_ISO_ID, ...NEWS_STOPWORDS]);

/** Stemming is the hot path when a library is rebuilt; words repeat a lot. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

export function isStopword(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** Stem one lower-case word; numbers and short words pass through. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    // Snowball strips a possessive -ku/-mu first ("bertemu" -> "berte"). News prose is third
    // person, so a final -ku/-mu is almost always part of the root: shield it behind a -nya,
    // which the stemmer strips instead ("bertemunya" -> "temu", like "pertemuan").
    s = /(?:ku|mu)$/.test(word) ? stemmer(`${word}nya`) : stemmer(word);
    // The stemmer can over-strip short roots ("berikan" -> "ikan"); keep something meaningful.
    if (s.length < 3) s = word;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Cheap test before the inline rules run: every INLINE_RULES pattern contains one of these. */
const INLINE_TRIGGER = /scroll|advert|gambas|baca|pilihan/i;

/**
 * Lower-case words inside an Indonesian title-cased headline ("Kawal Pembangunan KIPP di Papua
 * dan ..."): they do not end it. Any other lower-case word starts the article's prose again.
 */
const HEADLINE_JOINERS = new Set([
  'di', 'ke', 'dari', 'dan', 'yang', 'untuk', 'dengan', 'atau', 'pada', 'dalam', 'oleh', 'bagi',
  'tentang', 'terkait', 'soal', 'hingga', 'sampai', 'sebagai', 'usai', 'jadi', 'vs', 'via', 'ala',
  'jelang', 'pasca', 'atas', 'tanpa', 'antara', 'demi', 'kepada', 'terhadap', 'karena', 'saat',
  'ketika', 'agar', 'lewat', 'menuju', 'tak', 'pun', 'per', 'of', 'the', 'and', 'in', 'to',
]);

/**
 * Where the headline after a read-also label ends in flattened text. Headlines are title-cased,
 * prose is not: the headline runs while words are capitalised, numbers or joiners, and stops at
 * the first other lower-case word; the capitalised word just before it opens the next sentence
 * ("... Minta Semua Pihak Bersatu | Namun, masih ada ..."). Returns an offset into `rest`.
 */
export function inlineHeadlineEnd(rest: string, maxWords: number = TEXT.headlineMaxWords): number {
  const words = [...rest.matchAll(/\S+/g)];
  let end = 0;
  let prevEnd = 0;
  let titled = 0;
  for (let i = 0; i < words.length && i < maxWords; i++) {
    const m = words[i]!;
    const w = m[0].replace(/^["'“‘(\[]+/, '');
    const wordEnd = (m.index ?? 0) + m[0].length;
    if (/^[\p{Lu}\p{N}]/u.test(w)) {
      prevEnd = end;
      end = wordEnd;
      titled++;
      if (/[.!?]["'”’)]*$/.test(m[0]) && !/^\p{Lu}{1,3}\.$/u.test(w)) return end;
      continue;
    }
    if (HEADLINE_JOINERS.has(w.toLowerCase().replace(/[,:;]$/, ''))) { end = wordEnd; continue; }
    // Prose again: the last capitalised word began its sentence.
    return titled > 1 ? prevEnd : end;
  }
  return end;
}

/**
 * Removes clutter that sits inside running text (INLINE_RULES in src/clutter/rules.ts): ad
 * labels, video promos and embed markers, read-also labels with their headline. Idempotent;
 * text without any trigger word is returned as is.
 */
export function stripInlineClutter(text: string): string {
  if (!INLINE_TRIGGER.test(text)) return text;
  let out = text;
  for (const rule of INLINE_RULES) {
    rule.pattern.lastIndex = 0;
    if (rule.span === 'match') {
      out = out.replace(rule.pattern, ' ');
      continue;
    }
    let next = '';
    let last = 0;
    for (const m of out.matchAll(rule.pattern)) {
      const start = m.index ?? 0;
      if (start < last) continue;
      const after = start + m[0].length;
      next += out.slice(last, start) + ' ';
      last = after + inlineHeadlineEnd(out.slice(after));
    }
    out = next + out.slice(last);
  }
  return out === text ? text : out.replace(/\s{2,}/g, ' ').trim();
}

export interface Token {
  /** The word as written. */
  text: string;
  /** Stemmed lower-case term. */
  term: string;
  /** Capitalised and not the first word of a sentence. */
  proper: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Tokens of one text, stopwords removed, with a proper-noun flag. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const between = text.slice(last, m.index);
    if (/[.!?:"“”\n]/.test(between)) sentenceStart = true;
    last = m.index + m[0].length;
    const raw = m[0];
    const first = sentenceStart;
    sentenceStart = false;
    // "2-0" is a score; "negara-negara" is a plural; "Korea-Rusia" is two words.
    const parts = /^\d+-\d+$/.test(raw) ? [raw] : raw.split(/[-'’]/);
    for (const part of parts) {
      const lower = part.toLowerCase();
      if (STOP.has(lower)) continue;
      const numeric = /^\d/.test(lower);
      if (!numeric && lower.length < TEXT.minLength) continue;
      const proper = !first && /^\p{Lu}/u.test(part);
      out.push({ text: part, term: stem(lower), proper });
    }
  }
  return out;
}

/** Distinct stemmed terms of a short text (titles, queries). */
export function termsOf(text: string): string[] {
  return [...new Set(tokenize(text).map((t) => t.term))];
}

export interface TermVector {
  /** Terms, heaviest first. */
  terms: string[];
  /** Sublinear tf weight of each term (parallel to terms). */
  weights: number[];
  /** The most frequent written form of each term, for reasons shown to readers. */
  forms: string[];
}

/**
 * The weighted term vector of an article: title and lead count more, names count more, and tf
 * is sublinear so a long article does not drown a short one.
 */
/**
 * The lead without the outlet's name in its dateline ("JAKARTA, KOMPAS.com - ..."): every article
 * of an outlet has it, so it is no keyword two articles share (the dateline's place stays).
 */
function withoutDatelineOutlet(p: string): string {
  const dl = parseDateline(p);
  if (!dl) return p;
  let out = p;
  for (const part of dl.parts) if (part.outlet) out = out.slice(0, part.start) + ' '.repeat(part.end - part.start) + out.slice(part.end);
  return out;
}

export function termVector(title: string, paragraphs: string[], max: number = TEXT.maxTerms): TermVector {
  const tf = new Map<string, number>();
  const formCount = new Map<string, Map<string, number>>();
  const add = (text: string, weight: number) => {
    for (const tok of tokenize(text)) {
      const w = weight * (tok.proper ? TEXT.properWeight : 1);
      tf.set(tok.term, (tf.get(tok.term) ?? 0) + w);
      let forms = formCount.get(tok.term);
      if (!forms) formCount.set(tok.term, (forms = new Map()));
      const f = tok.proper ? tok.text : tok.text.toLowerCase();
      forms.set(f, (forms.get(f) ?? 0) + 1);
    }
  };
  add(title, TEXT.titleWeight);
  paragraphs.forEach((raw, i) => {
    const p = stripInlineClutter(i === 0 ? withoutDatelineOutlet(raw) : raw);
    add(p, i < TEXT.leadParagraphs ? TEXT.leadWeight : 1);
  });
  const ranked = [...tf.entries()]
    .map(([term, w]) => [term, 1 + Math.log(w)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max);
  return {
    terms: ranked.map(([t]) => t),
    weights: ranked.map(([, w]) => Math.round(w * 1000) / 1000),
    forms: ranked.map(([t]) => {
      let best = t;
      let n = -1;
      for (const [f, c] of formCount.get(t) ?? []) if (c > n) { best = f; n = c; }
      return best;
    }),
  };
}

/** Split plain text into paragraphs the way the CLI receives it (blank lines or single newlines). */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
}
