/** The tag set and BIO decoding shared by the trainer and the tagger. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Tag = (typeof TAGS)[number];
export const NUM_TAGS = TAGS.length;

/** allowed[prev * NUM_TAGS + cur]; row NUM_TAGS is the sentence start. I-X only after B-X or I-X. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let p = 0; p <= NUM_TAGS; p++) {
    for (let c = 0; c < NUM_TAGS; c++) {
      const cur = TAGS[c]!;
      if (cur.startsWith('I-')) {
        const prev = p < NUM_TAGS ? TAGS[p]! : 'O';
        a[p * NUM_TAGS + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
      } else a[p * NUM_TAGS + c] = 1;
    }
  }
  return a;
})();

/**
 * Best tag sequence under emission scores (n x NUM_TAGS) and transition scores
 * ((NUM_TAGS + 1) x NUM_TAGS, last row = start), obeying ALLOWED.
 */
export function viterbi(emit: Float64Array | Float32Array, n: number, trans: Float32Array | Float64Array, out: Uint8Array): void {
  if (n === 0) return;
  const K = NUM_TAGS;
  const score = new Float64Array(n * K);
  const back = new Uint8Array(n * K);
  for (let c = 0; c < K; c++) {
    score[c] = ALLOWED[K * K + c] ? emit[c]! + trans[K * K + c]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const base = i * K, prevBase = base - K;
    for (let c = 0; c < K; c++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < K; p++) {
        if (!ALLOWED[p * K + c]) continue;
        const s = score[prevBase + p]! + trans[p * K + c]!;
        if (s > best) { best = s; arg = p; }
      }
      score[base + c] = best + emit[base + c]!;
      back[base + c] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  const last = (n - 1) * K;
  for (let c = 0; c < K; c++) if (score[last + c]! > best) { best = score[last + c]!; arg = c; }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) { arg = back[i * K + arg]!; out[i - 1] = arg; }
}
