/** Sequence tagging: hashed features -> emission scores -> Viterbi over valid BIO sequences. */
import { SELF_FEATURES, sentenceFeatures } from './features';
import { model, weightsOffset, type Model } from './model';
import type { WordClusters } from './clusters';
import type { Gazetteer } from './gazetteer';
import { NUM_TAGS, TAGS, viterbi } from './tags';

/** Adds the weights of features hashes[from..to) into acc[0..NUM_TAGS). */
function sumWeights(m: Model, hashes: Uint32Array, from: number, to: number, acc: Float64Array | Float32Array): void {
  const c = m.codes, book = m.codebook;
  for (let j = from; j < to; j++) {
    const b = weightsOffset(m, hashes[j]!);
    if (b < 0) continue; // a feature never seen (often enough) in training
    for (let t = 0; t < 7; t++) acc[t] = acc[t]! + book[c[b + t]!]!;
  }
}

/** Tag indices (into TAGS) for one token sequence (gaz and wc: for a model other than the bundled one). */
export function tagIndices(tokens: readonly string[], m: Model = model(), gaz?: Gazetteer, wc?: WordClusters): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const { hashes, offsets, infos } = sentenceFeatures(tokens, gaz, wc);
  const K = NUM_TAGS;
  const emit = new Float64Array(n * K);
  const acc = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    // Word-only features: summed once per distinct word, then reused.
    const wi = infos[i]!;
    const self = wi.self;
    if (wi.stamp !== m.id) {
      self.fill(0);
      sumWeights(m, hashes, offsets[i]!, offsets[i]! + SELF_FEATURES, self);
      wi.stamp = m.id;
    }
    for (let t = 0; t < K; t++) acc[t] = self[t]!;
    sumWeights(m, hashes, offsets[i]! + SELF_FEATURES, offsets[i + 1]!, acc);
    for (let t = 0; t < K; t++) emit[i * K + t] = acc[t]!;
  }
  viterbi(emit, n, m.transitions, out);
  return out;
}

/** BIO tags (PER/ORG/LOC) for one token sequence; long inputs are fine (tagged in one pass). */
export function tagTokens(tokens: readonly string[]): string[] {
  const idx = tagIndices(tokens);
  return Array.from(idx, (i) => TAGS[i]!);
}
