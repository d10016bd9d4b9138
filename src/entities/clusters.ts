/**
 * Word clusters: lower-cased words that occur in similar contexts share a class, so the tagger can
 * generalise from a name it was trained on to one it never saw labelled ("surabaya" ~ "makassar").
 * Learned from unlabelled text by scripts/train-ner.ts (exchange clustering, scripts/word-clusters.ts)
 * into the data package (package.ts), at several granularities; looked up where they lie in the package.
 */
import { nerData } from './data';
import { hashString } from './hash';
import type { ClusterTables } from './package';

/** The trainer's record of the clusters (scripts/train-ner.ts), from which it writes the package. */
export interface ClusterFile {
  format: 1;
  /** clustersChecksum of the rest of the file, written by the trainer; the model records it. */
  id?: number;
  /** Number of classes of each clustering, finest first (each at most 1023). */
  sizes: number[];
  /** The clustered words, lower-cased, one per line. */
  words: string;
  /** Per clustering: base64 of one little-endian uint16 class per word. */
  ids: string[];
  /** Name lexicon from the labelled training sentences: for each capitalised word (as written if
   *  `cased`, else lower-cased), its hashString, base64 of ascending little-endian uint32s, and a byte
   *  code each: how the word was labelled when capitalised (lexiconCode). Hashes, not words, so
   *  loading builds no Map (a 16k-word Map doubled the first-load time). */
  lex?: { hashes: string; codes: string; cased?: boolean };
}

export interface WordClusters {
  /** The clustered words joined by '\n', and their starts and hash index (see ClusterTables). */
  text: string;
  starts: Uint32Array;
  index: Uint16Array | Uint32Array;
  ids: Uint16Array;
  /** Number of clustered words. */
  count: number;
  levels: number;
  /** The cluster file's id (its checksum): the model records the clusters it was trained with. */
  id: number;
  /** Name lexicon (see ClusterFile.lex); look words up with lexiconLookup. */
  lex: Lexicon;
  lexCased: boolean;
}

/**
 * Packed classes of a lower-cased word (h = its hashString): clustering k's class + 1 in bits
 * 10k..10k+9, 0 = unknown word. One probe of the package's hash index and one string comparison,
 * so loading builds no Map of the words.
 */
export function wordClassesOf(wc: WordClusters, lower: string, h: number): number {
  const index = wc.index, mask = index.length - 1, starts = wc.starts;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const v = index[s]!;
    if (v === 0) return 0;
    const at = starts[v - 1]!;
    if (starts[v]! - 1 - at === lower.length && wc.text.startsWith(lower, at)) {
      let packed = 0;
      for (let k = 0; k < wc.levels; k++) packed |= (wc.ids[k * wc.count + v - 1]! + 1) << (10 * k);
      return packed >>> 0;
    }
  }
}

/** Sorted word hashes and their codes. */
export interface Lexicon { hashes: Uint32Array; codes: Uint8Array }

/** Lexicon code of the word with hashString h, 0 if absent (binary search; callers cache per word). */
export function lexiconLookup(lex: Lexicon, h: number): number {
  const a = lex.hashes;
  let lo = 0, hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, v = a[mid]!;
    if (v === h) return lex.codes[mid]!;
    if (v < h) lo = mid + 1; else hi = mid - 1;
  }
  return 0;
}

/** Lexicon of word -> code pairs (the trainer's form), keyed by hashString of the word. */
export function packLexicon(words: Map<string, number>): Lexicon {
  const pairs = [...words].map(([w, c]) => [hashString(w), c] as const).sort((a, b) => a[0] - b[0]);
  const kept = pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1]![0]); // a hash collision keeps one
  return { hashes: Uint32Array.from(kept, (p) => p[0]), codes: Uint8Array.from(kept, (p) => p[1]) };
}

/** Labels a capitalised word had in training, counted as [PER, ORG, LOC, O, B-anything (starts a name)]. */
export type LexCounts = [number, number, number, number, number];

/**
 * Lexicon code of a word from its label counts when capitalised: 1 + 2 * (majority label: PER,
 * ORG, LOC, O) + (1 if every occurrence had that label), or 0 (not worth listing).
 */
export function lexiconCode(c: LexCounts, position = false): number {
  const total = c[0] + c[1] + c[2] + c[3];
  if (total === 0) return 0;
  let best = 0;
  for (let k = 1; k < 4; k++) if (c[k]! > c[best]!) best = k;
  if (best === 3 && total < 2) return 0; // a capitalised word seen once, as O: no information
  const code = 1 + 2 * best + (c[best] === total ? 1 : 0);
  // position: + 8 when the word mostly starts a name, + 16 when it mostly continues one.
  if (!position || best === 3) return code;
  return code + (2 * c[4] >= total - c[3] ? 8 : 16);
}

/** Checksum of a cluster file's content (the trainer stores it as `id`; the model records it). */
export function clustersChecksum(f: ClusterFile): number {
  let h = hashString(f.sizes.join(','));
  h = (h ^ hashString(f.words)) >>> 0;
  for (const s of f.ids) h = (Math.imul(h, 0x01000193) ^ hashString(s)) >>> 0;
  if (f.lex) h = (Math.imul(h, 0x01000193) ^ hashString(f.lex.hashes) ^ Math.imul(hashString(f.lex.codes), 31) ^ (f.lex.cased ? 1 : 0)) >>> 0;
  return h;
}

export function buildClusters(t: ClusterTables): WordClusters {
  const text = new TextDecoder().decode(t.words);
  const count = t.starts.length - 1;
  if (t.starts[count] !== text.length + 1) throw new Error('NER word clusters do not match their index');
  return {
    text, starts: t.starts, index: t.index, ids: t.ids, count, levels: t.sizes.length, id: t.id,
    lex: { hashes: t.lexHashes, codes: t.lexCodes }, lexCased: t.lexCased,
  };
}

let cached: WordClusters | null = null;
/** The provided clusters (data.ts), built on first call. */
export function wordClusters(): WordClusters {
  return (cached ??= buildClusters(nerData().clusters));
}
