// Sanity baseline for ../shared/eval/score-related.mjs:
//   node ../shared/eval/score-related.mjs --stories FILE --cmd 'node scripts/related-tfidf-baseline.mjs {file}'
// Plain TF-IDF cosine over title + text (lower-case word tokens, no stemming, no stopwords); related = all
// others by cosine; story = connected components of pairs with cosine >= TFIDF_T (default 0.3) within 3 days.
import { readFileSync } from 'node:fs';
const T = Number(process.env.TFIDF_T ?? 0.3);
const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const toks = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const df = new Map();
const tfs = rows.map((r) => { const tf = new Map(); for (const t of toks(`${r.title} ${r.text}`)) tf.set(t, (tf.get(t) ?? 0) + 1); for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1); return tf; });
const N = rows.length;
const vecs = tfs.map((tf) => { const v = new Map(); let n = 0; for (const [t, c] of tf) { const w = (1 + Math.log(c)) * Math.log(N / df.get(t)); v.set(t, w); n += w * w; } n = Math.sqrt(n) || 1; for (const [t, w] of v) v.set(t, w / n); return v; });
const cos = (a, b) => { let s = 0; for (const [t, w] of a) { const x = b.get(t); if (x) s += w * x; } return s; };
const ts = rows.map((r) => (r.published ? Date.parse(r.published) : null));
const parent = rows.map((_, i) => i); const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
const S = rows.map((_, i) => rows.map((_, j) => (i === j ? -1 : cos(vecs[i], vecs[j]))));
for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
  const days = ts[i] != null && ts[j] != null ? Math.abs(ts[i] - ts[j]) / 864e5 : 0;
  if (S[i][j] >= T && days <= 3) parent[find(i)] = find(j);
}
for (let i = 0; i < N; i++) {
  const rel = rows.map((r, j) => ({ id: r.id, score: S[i][j] })).filter((x, j) => j !== i).sort((a, b) => b.score - a.score).slice(0, 10);
  console.log(JSON.stringify({ id: rows[i].id, related: rel.map((x) => ({ ...x, reason: '' })), story: rows[find(i)].id }));
}
