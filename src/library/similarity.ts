/**
 * Pairwise similarity between two stored articles, split into the signals ranking and story
 * grouping weigh differently. Pure and storage-independent: the caller supplies corpus stats.
 */
import type { DocEntity, DocFeatures } from './features';

/** Document frequencies over the library; rarity is what makes a shared name meaningful. */
export interface CorpusStats {
  docCount: number;
  termDf(term: string): number;
  entityDf(id: string): number;
}

export interface Similarity {
  /** idf-weighted cosine of the two entity sets, 0..1. */
  entity: number;
  /** tf-idf cosine of the term vectors, 0..1. */
  terms: number;
  /** idf-weighted cosine of the headline terms, 0..1. */
  title: number;
  /** Days between publication dates, null when either is unknown. */
  days: number | null;
  /** Shared entities, rarest first (for the reason string). */
  shared: DocEntity[];
  /** Shared terms with their contribution, biggest first (reason when no entity is shared). */
  sharedTerms: { form: string; w: number }[];
}

const DAY = 86_400_000;

/** BM25-style idf: always positive, so a term in every article weighs little but not less than nothing. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Per-document vectors are reused across many pairs, so they are computed once per stats object. */
interface Prepared {
  terms: Map<string, number>;
  termNorm: number;
  title: Map<string, number>;
  titleNorm: number;
  entities: Map<string, number>;
  entityNorm: number;
}

const cache = new WeakMap<DocFeatures, { stats: CorpusStats; p: Prepared }>();

function prepare(d: DocFeatures, s: CorpusStats): Prepared {
  const hit = cache.get(d);
  if (hit && hit.stats === s) return hit.p;
  const terms = new Map<string, number>();
  d.terms.forEach((t, i) => terms.set(t, (d.weights[i] ?? 1) * idf(s.termDf(t), s.docCount)));
  const title = new Map<string, number>();
  for (const t of d.titleTerms) title.set(t, idf(s.termDf(t), s.docCount));
  const entities = new Map<string, number>();
  for (const e of d.entities) entities.set(e.id, idf(s.entityDf(e.id), s.docCount) * (1 + Math.log(e.n)) ** 0.5);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((a, v) => a + v * v, 0)) || 1;
  const p = { terms, termNorm: norm(terms), title, titleNorm: norm(title), entities, entityNorm: norm(entities) };
  cache.set(d, { stats: s, p });
  return p;
}

function cosine(a: Map<string, number>, an: number, b: Map<string, number>, bn: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  return dot / (an * bn);
}

export function similarity(a: DocFeatures, b: DocFeatures, s: CorpusStats): Similarity {
  const pa = prepare(a, s);
  const pb = prepare(b, s);
  const shared = a.entities
    .filter((e) => pb.entities.has(e.id))
    .sort((x, y) => s.entityDf(x.id) - s.entityDf(y.id) || y.n - x.n);
  const sharedTerms: { form: string; w: number }[] = [];
  a.terms.forEach((t, i) => {
    const w = pb.terms.get(t);
    if (w !== undefined) sharedTerms.push({ form: a.forms[i] ?? t, w: w * (pa.terms.get(t) ?? 0) });
  });
  sharedTerms.sort((x, y) => y.w - x.w);
  const days = a.publishedTs != null && b.publishedTs != null ? Math.abs(a.publishedTs - b.publishedTs) / DAY : null;
  return {
    entity: cosine(pa.entities, pa.entityNorm, pb.entities, pb.entityNorm),
    terms: cosine(pa.terms, pa.termNorm, pb.terms, pb.termNorm),
    title: cosine(pa.title, pa.titleNorm, pb.title, pb.titleNorm),
    days,
    shared,
    sharedTerms,
  };
}

/** Stats computed from a set of documents held in memory (the CLI, tests, a candidate pool). */
export function statsOf(docs: Iterable<DocFeatures>): CorpusStats {
  const tdf = new Map<string, number>();
  const edf = new Map<string, number>();
  let n = 0;
  for (const d of docs) {
    n++;
    for (const t of new Set([...d.terms, ...d.titleTerms])) tdf.set(t, (tdf.get(t) ?? 0) + 1);
    for (const e of new Set(d.entities.map((x) => x.id))) edf.set(e, (edf.get(e) ?? 0) + 1);
  }
  return { docCount: n, termDf: (t) => tdf.get(t) ?? 0, entityDf: (id) => edf.get(id) ?? 0 };
}
