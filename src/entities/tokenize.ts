/**
 * Indonesian news tokenizer with character offsets.
 *
 * It mimics the token conventions of the NER training sets (words and punctuation apart,
 * reduplications such as "negara-negara" and domain names such as "Kompas.com" kept whole,
 * initials such as "F." kept with their period) so the tagger sees the same units at run time
 * as in training, and it keeps offsets so mentions can be highlighted in the page.
 */
export interface Token {
  text: string;
  /** Offset of the first character in the source string. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

/** Abbreviations that keep their period (titles, ranks, street): "Jl. Sudirman", "Dr. Tirta". */
const ABBREVIATIONS = new Set([
  'jl', 'jln', 'dr', 'drs', 'dra', 'prof', 'ir', 'h', 'hj', 'st', 'no', 'kol', 'letjen', 'mayjen',
  'brigjen', 'jend', 'kapt', 'bpk', 'ibu', 'sdr', 'mr', 'mrs', 'ms', 'kh', 'ust', 'pol', 'irjen',
  'kombes', 'akbp', 'kec', 'kab', 'prov', 'tbk', 'inc', 'ltd', 'co', 'vs', 'sh', 'se', 'mm', 'mh',
]);

/**
 * One alternation, tried left to right at each position:
 *  1. domain-like names: Kompas.com, REPUBLIKA.CO.ID, detik.com (letters, then .tld parts)
 *  2. numbers with separators and dates: 1.000, 3,5, 29/10/2013, 2014-2019
 *  3. words, with inner hyphens/apostrophes/periods between letters: negara-negara, Jong-un, Ma'ruf
 *  4. runs of the same dash or dot: "--", "..."
 *  5. any other single non-space character
 */
const TOKEN_RE =
  /[\p{L}\p{N}]+(?:\.(?:com|COM|Com|co|CO|Co|id|ID|Id|net|NET|Net|org|ORG|Org|go|GO|Go|ac|AC|Ac|or|OR|Or|my|MY|My|tv|TV|Tv|info|INFO|Info|news|NEWS|News|online|ONLINE|Online)\b)+|\p{N}+(?:[.,/:-]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|-{2,}|\.{2,}|[^\s]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let tok = m[0];
    let end = m.index + tok.length;
    // Keep the period of initials ("F.") and known abbreviations ("Jl.") attached.
    if (text[end] === '.' && /^\p{L}+$/u.test(tok)) {
      const isInitial = tok.length === 1 && /\p{Lu}/u.test(tok);
      if (isInitial || ABBREVIATIONS.has(tok.toLowerCase())) {
        // Not when the period ends the sentence after an abbreviation-like word ("di No.").
        tok += '.';
        end += 1;
        TOKEN_RE.lastIndex = end;
      }
    }
    out.push({ text: tok, start: m.index, end });
  }
  return out;
}

/** Token strings only (what the tagger takes). */
export function tokenizeWords(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
