/**
 * Word clusters from unlabelled text, for the NER tagger's cluster features (used by train-ner.ts).
 *
 * Exchange clustering (Kneser and Ney 1993; Martin, Liermann and Ney 1998): words are put in C
 * classes so as to maximise the likelihood of a class bigram model,
 *   F = sum_{c,d} N(c,d) log N(c,d) - sum_c Nl(c) log Nl(c) - sum_d Nr(d) log Nr(d),
 * by moving one word at a time to the class that raises F most, until few words move. Words rarer
 * than minCount share one "<unk>" word. Deterministic: the same text gives the same clusters.
 */

const flog = (x: number) => (x > 0 ? x * Math.log(x) : 0);

export interface ClusterInput {
  /** Lower-cased sentences. */
  sentences: string[][];
  minCount: number;
}

/** Vocabulary (count >= minCount, most frequent first) and the text as word ids (-1 = sentence edge). */
export function indexText({ sentences, minCount }: ClusterInput): { vocab: string[]; counts: number[]; seq: Int32Array } {
  const count = new Map<string, number>();
  for (const s of sentences) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
  const vocab = [...count.entries()].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const unk = vocab.length;
  const seq: number[] = [];
  for (const s of sentences) {
    seq.push(-1);
    for (const w of s) seq.push(id.get(w) ?? unk);
  }
  seq.push(-1);
  const counts = new Array<number>(vocab.length + 1).fill(0);
  for (const x of seq) if (x >= 0) counts[x]!++;
  return { vocab: [...vocab, '<unk>'], counts, seq: Int32Array.from(seq) };
}

/**
 * Class of every word id of indexText's vocabulary (the last id is <unk>), in [0, C).
 * Sentence edges are a word of their own in a fixed class C (not moved, not returned).
 */
export function exchangeClusters(seq: Int32Array, V: number, C: number, iterations: number, log?: (s: string) => void): Uint16Array {
  const E = V; // sentence-edge word id
  const nW = V + 1, nC = C + 1;
  // Bigram lists per word: right neighbours (w, v, n) and left neighbours (u, w, n).
  const pair = new Map<number, number>();
  for (let i = 0; i + 1 < seq.length; i++) {
    const a = seq[i]! < 0 ? E : seq[i]!, b = seq[i + 1]! < 0 ? E : seq[i + 1]!;
    if (a === E && b === E) continue;
    const k = a * nW + b;
    pair.set(k, (pair.get(k) ?? 0) + 1);
  }
  const keys = [...pair.keys()].sort((x, y) => x - y);
  const rightStart = new Int32Array(nW + 1), rightW = new Int32Array(keys.length), rightN = new Float64Array(keys.length);
  const leftStart = new Int32Array(nW + 1), leftW = new Int32Array(keys.length), leftN = new Float64Array(keys.length);
  for (const k of keys) { rightStart[Math.floor(k / nW) + 1]!++; leftStart[(k % nW) + 1]!++; }
  for (let i = 0; i < nW; i++) { rightStart[i + 1]! += rightStart[i]!; leftStart[i + 1]! += leftStart[i]!; }
  const rFill = rightStart.slice(0, nW), lFill = leftStart.slice(0, nW);
  for (const k of keys) {
    const a = Math.floor(k / nW), b = k % nW, n = pair.get(k)!;
    rightW[rFill[a]!] = b; rightN[rFill[a]!++] = n;
    leftW[lFill[b]!] = a; leftN[lFill[b]!++] = n;
  }
  const nl = new Float64Array(nW), nr = new Float64Array(nW);
  for (let a = 0; a < nW; a++) for (let j = rightStart[a]!; j < rightStart[a + 1]!; j++) { nl[a]! += rightN[j]!; nr[rightW[j]!]! += rightN[j]!; }

  // Initial classes: the C most frequent words (ids are frequency ranks) one each, then round robin.
  const cls = new Int32Array(nW);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  cls[E] = C;
  const N = new Float64Array(nC * nC), Nl = new Float64Array(nC), Nr = new Float64Array(nC);
  for (let a = 0; a < nW; a++) {
    Nl[cls[a]!]! += nl[a]!; Nr[cls[a]!]! += nr[a]!;
    for (let j = rightStart[a]!; j < rightStart[a + 1]!; j++) N[cls[a]! * nC + cls[rightW[j]!]!]! += rightN[j]!;
  }
  const R = new Float64Array(nC), L = new Float64Array(nC);
  const rList: number[] = [], lList: number[] = [];
  const delta = new Float64Array(nC);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      // Class counts of w's neighbours (self bigram apart).
      let self = 0;
      for (const c of rList) R[c] = 0;
      for (const c of lList) L[c] = 0;
      rList.length = 0; lList.length = 0;
      for (let j = rightStart[w]!; j < rightStart[w + 1]!; j++) {
        const v = rightW[j]!;
        if (v === w) { self += rightN[j]!; continue; }
        const c = cls[v]!;
        if (R[c] === 0) rList.push(c);
        R[c]! += rightN[j]!;
      }
      for (let j = leftStart[w]!; j < leftStart[w + 1]!; j++) {
        const u = leftW[j]!;
        if (u === w) continue;
        const c = cls[u]!;
        if (L[c] === 0) lList.push(c);
        L[c]! += leftN[j]!;
      }
      const a = cls[w]!;
      // Take w out of class a.
      for (const d of rList) N[a * nC + d]! -= R[d]!;
      for (const c of lList) N[c * nC + a]! -= L[c]!;
      N[a * nC + a]! -= self;
      Nl[a]! -= nl[w]!; Nr[a]! -= nr[w]!;
      // Gain of putting w into each class b.
      let best = -Infinity, arg = a;
      for (let b = 0; b < C; b++) {
        let g = 0;
        const rowB = b * nC;
        for (const d of rList) if (d !== b) g += flog(N[rowB + d]! + R[d]!) - flog(N[rowB + d]!);
        for (const c of lList) if (c !== b) g += flog(N[c * nC + b]! + L[c]!) - flog(N[c * nC + b]!);
        g += flog(N[rowB + b]! + R[b]! + L[b]! + self) - flog(N[rowB + b]!);
        g -= flog(Nl[b]! + nl[w]!) - flog(Nl[b]!) + flog(Nr[b]! + nr[w]!) - flog(Nr[b]!);
        delta[b] = g;
        if (g > best + 1e-9 || (b === a && g >= best - 1e-9)) { best = g; arg = b; }
      }
      if (arg !== a) moved++;
      cls[w] = arg;
      for (const d of rList) N[arg * nC + d]! += R[d]!;
      for (const c of lList) N[c * nC + arg]! += L[c]!;
      N[arg * nC + arg]! += self;
      Nl[arg]! += nl[w]!; Nr[arg]! += nr[w]!;
    }
    let F = 0;
    for (let i = 0; i < N.length; i++) F += flog(N[i]!);
    for (let c = 0; c < nC; c++) F -= flog(Nl[c]!) + flog(Nr[c]!);
    log?.(`  clusters C=${C} iteration ${it + 1}: ${moved} words moved, F=${F.toFixed(0)}`);
    if (moved === 0) break;
  }
  return Uint16Array.from(cls.subarray(0, V));
}
