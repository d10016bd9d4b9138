/**
 * 32-bit hashing for feature hashing. The trainer and the run-time tagger must agree bit for bit,
 * so both import these; changing them invalidates the model in assets/ner/tagger.bin (bump MODEL_FORMAT).
 */
export const MODEL_FORMAT = 7;

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: spreads bits so that combined hashes fill the table evenly. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of (a, b): order matters. */
export function combine(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}
