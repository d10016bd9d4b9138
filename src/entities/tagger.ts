/** Sequence tagging: hashed features -> emission scores -> Viterbi over valid BIO sequences. */
import { sentenceFeatures } from './features';
import { model, type Model } from './model';
import { NUM_TAGS, TAGS, viterbi } from './tags';

/** Tag indices (into TAGS) for one token sequence. */
export function tagIndices(tokens: readonly string[], m: Model = model()): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const { hashes, offsets } = sentenceFeatures(tokens);
  const K = NUM_TAGS, w = m.weights, mask = m.mask;
  const emit = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const e = i * K;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) {
      const b = (hashes[j]! & mask) * K;
      s0 += w[b]!; s1 += w[b + 1]!; s2 += w[b + 2]!; s3 += w[b + 3]!; s4 += w[b + 4]!; s5 += w[b + 5]!; s6 += w[b + 6]!;
    }
    emit[e] = s0; emit[e + 1] = s1; emit[e + 2] = s2; emit[e + 3] = s3; emit[e + 4] = s4; emit[e + 5] = s5; emit[e + 6] = s6;
  }
  viterbi(emit, n, m.transitions, out);
  return out;
}

/** BIO tags (PER/ORG/LOC) for one token sequence; long inputs are fine (tagged in one pass). */
export function tagTokens(tokens: readonly string[]): string[] {
  const idx = tagIndices(tokens);
  return Array.from(idx, (i) => TAGS[i]!);
}
