/**
 * Name lists (countries, Indonesian provinces and regencies, world cities, common organisations,
 * Indonesian stopwords) built by scripts/train-ner.ts into assets/ner/gazetteer.json.
 * The tagger uses membership as features; merging uses it to settle an entity's type.
 * Phrases are matched by a rolling hash of their lower-cased tokens, so a lookup costs no strings.
 */
import data from '../../assets/ner/gazetteer.json';
import { combine, hashString } from './hash';

export type GazType = 'LOC' | 'ORG' | 'PER';
export const GAZ_TYPES: readonly GazType[] = ['LOC', 'ORG', 'PER'];

export interface GazetteerData {
  LOC: string[];
  ORG: string[];
  PER: string[];
  STOP: string[];
  /** Precomputed by the trainer (compileGazetteer), so loading builds no hashes: flat
   *  [phrase hash, type mask, ...], the proper-prefix hashes, and the longest phrase in tokens. */
  compiled?: { phrases: number[]; prefixes: number[]; maxLen: number };
}

export interface Gazetteer {
  /** Rolling hash of lower-cased token hashes -> bit mask of GAZ_TYPES indices. */
  phrases: Map<number, number>;
  /** Hashes of every proper prefix of a phrase, so a scan can stop early. */
  prefixes: Set<number>;
  maxLen: number;
  stopwords: Set<string>;
  /** Lower-cased phrase -> type, for the merging step (built on first use). */
  readonly typeOf: Map<string, GazType>;
}

/** Tokens of a gazetteer entry, split the way tokenize() splits (words and punctuation). */
function entryTokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

export function phraseHash(lowerTokenHashes: ArrayLike<number>, from: number, to: number): number {
  let h = 0x2545f491;
  for (let i = from; i < to; i++) h = combine(h, lowerTokenHashes[i]!);
  return h;
}

/** Hash tables of a gazetteer: what the trainer stores in gazetteer.json as `compiled`. */
export function compileGazetteer(d: GazetteerData): { phrases: number[]; prefixes: number[]; maxLen: number } {
  const phrases = new Map<number, number>();
  const prefixes = new Set<number>();
  let maxLen = 1;
  GAZ_TYPES.forEach((type, bit) => {
    for (const name of d[type]) {
      const hs = entryTokens(name).map(hashString);
      if (hs.length === 0) continue;
      let h = 0x2545f491;
      for (let i = 0; i < hs.length; i++) {
        h = combine(h, hs[i]!);
        if (i < hs.length - 1) prefixes.add(h);
      }
      phrases.set(h, (phrases.get(h) ?? 0) | (1 << bit));
      maxLen = Math.max(maxLen, hs.length);
    }
  });
  return { phrases: [...phrases].flat(), prefixes: [...prefixes], maxLen };
}

export function buildGazetteer(d: GazetteerData): Gazetteer {
  const c = d.compiled ?? compileGazetteer(d);
  const phrases = new Map<number, number>();
  for (let i = 0; i < c.phrases.length; i += 2) phrases.set(c.phrases[i]!, c.phrases[i + 1]!);
  let typeOf: Map<string, GazType> | null = null;
  return {
    phrases, prefixes: new Set(c.prefixes), maxLen: c.maxLen, stopwords: new Set(d.STOP),
    get typeOf() {
      if (!typeOf) {
        typeOf = new Map();
        for (const type of GAZ_TYPES) {
          for (const name of d[type]) {
            const key = entryTokens(name).join(' ');
            if (key && !typeOf.has(key)) typeOf.set(key, type);
          }
        }
      }
      return typeOf;
    },
  };
}

let cached: Gazetteer | null = null;
export function gazetteer(): Gazetteer {
  return (cached ??= buildGazetteer(data as GazetteerData));
}

/**
 * Per-token gazetteer codes: bit (2*type) = token begins a match of that type,
 * bit (2*type+1) = token continues one. Longest match from each start position.
 */
export function gazetteerCodes(gaz: Gazetteer, lowerHashes: ArrayLike<number>, n: number): Uint8Array {
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    let bestEnd = -1;
    let bestMask = 0;
    for (let j = i; j < n && j - i < gaz.maxLen; j++) {
      h = combine(h, lowerHashes[j]!);
      const m = gaz.phrases.get(h);
      if (m !== undefined) { bestEnd = j + 1; bestMask = m; }
      if (!gaz.prefixes.has(h)) break;
    }
    if (bestEnd < 0) continue;
    for (let t = 0; t < 3; t++) {
      if (!(bestMask & (1 << t))) continue;
      codes[i] = codes[i]! | (1 << (2 * t));
      for (let k = i + 1; k < bestEnd; k++) codes[k] = codes[k]! | (1 << (2 * t + 1));
    }
  }
  return codes;
}

/** Type of a whole name ("korea utara" -> LOC), or undefined. */
export function gazetteerType(name: string): GazType | undefined {
  return gazetteer().typeOf.get(entryTokens(name).join(' '));
}
