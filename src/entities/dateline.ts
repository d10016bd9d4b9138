/**
 * Datelines at the head of Indonesian news copy:
 *   "JAKARTA, KOMPAS.com - ...", "Liputan6.com, Jakarta - ...", "REPUBLIKA.CO.ID, JAKARTA -- ...",
 *   "Mataram, NTB (ANTARA News) - ...", "INDOZONE.ID - ...", "Jakarta - ...",
 *   "Akurasi, Internasional. MOSCOW, 20 September 2023 – ...".
 * The tagger reads all-caps place names and outlet names badly, so the dateline is parsed by rule:
 * its places become LOC mentions, its outlet an ORG mention marked as the dateline outlet, and the
 * tagger's guesses inside it are discarded.
 */
import { CALENDAR_WORDS } from './lexicon';

export interface DatelinePart {
  type: 'LOC' | 'ORG';
  start: number;
  end: number;
  text: string;
  /** True for the publishing outlet ("KOMPAS.com"): the library may want to ignore it. */
  outlet: boolean;
}

export interface Dateline {
  /** Characters [0, end) of the paragraph are the dateline, separator included. */
  end: number;
  parts: DatelinePart[];
}

/** Dateline head: up to ~90 characters without sentence punctuation, then a dash separator. */
const HEAD_RE = /^([^"“”!?]{2,90}?)(?:\s*(?:--|[–—])\s*|\s+-\s+)/u;
const DOMAIN_RE = /^[\p{L}\p{N}]+(?:\.[\p{L}]{2,6})+$/u;
/** Outlets that write their name without a domain in datelines. */
const OUTLETS = new Set(['antara', 'antara news', 'antaranews', 'kompasotomotif', 'kompas', 'akurasi', 'tempo', 'detik', 'detikcom', 'prnewswire', 'antara/prnewswire', 'okezone', 'sindonews', 'tribun', 'viva', 'beritasatu']);
/** Section names that follow an outlet ("Akurasi, Internasional."). */
const RUBRICS = new Set(['internasional', 'nasional', 'regional', 'ekonomi', 'bisnis', 'olahraga', 'hiburan', 'teknologi', 'politik', 'hukum', 'metro', 'megapolitan', 'dunia', 'otomotif', 'sport', 'news', 'berita']);

function looksLikeDate(s: string): boolean {
  const words = s.toLowerCase().split(/\s+/);
  return /\d/.test(s) && words.every((w) => /^\d+$/.test(w) || CALENDAR_WORDS.has(w.replace(/[^\p{L}']/gu, '')) || w === '');
}

export function parseDateline(paragraph: string): Dateline | null {
  const m = HEAD_RE.exec(paragraph);
  if (!m) return null;
  const head = m[1]!;
  // A dateline is a handful of capitalised names, dates and outlet names; anything with a
  // lower-case word (other than "dan") is running text that happens to contain a dash.
  const words = head.match(/[\p{L}\p{N}][\p{L}\p{N}.'’/]*/gu) ?? [];
  if (words.length === 0 || words.length > 8) return null;
  if (words.some((w) => /^\p{Ll}/u.test(w) && !CALENDAR_WORDS.has(w.toLowerCase()) && !DOMAIN_RE.test(w))) return null;
  const parts: DatelinePart[] = [];
  // Split on commas, periods that end a segment ("Internasional."), and parentheses.
  const SEG_RE = /[^,()/]+/gu;
  let s: RegExpExecArray | null;
  while ((s = SEG_RE.exec(head)) !== null) {
    for (const piece of splitOnSentencePeriod(s[0], s.index)) {
      const raw = piece.text;
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim().replace(/[.]$/, '');
      if (!text) continue;
      const start = piece.start + lead;
      const low = text.toLowerCase();
      if (looksLikeDate(text) || RUBRICS.has(low)) continue;
      const outlet = DOMAIN_RE.test(text) || OUTLETS.has(low) || /\bnews\b/i.test(text);
      parts.push({ type: outlet ? 'ORG' : 'LOC', start, end: start + text.length, text, outlet });
    }
  }
  if (parts.length === 0) return null;
  return { end: m[0].length, parts };
}

/** "Akurasi, Internasional. MOSCOW" -> pieces split after a period that ends a word (not "Kompas.com"). */
function splitOnSentencePeriod(text: string, offset: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  const re = /\.(?=\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ text: text.slice(from, m.index), start: offset + from });
    from = m.index + 1;
  }
  out.push({ text: text.slice(from), start: offset + from });
  return out;
}
