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
  /** Rarity-weighted overlap of the two entity sets, 0..1. */
  entity: number;
  /** Rarity-weighted overlap of the tf term vectors, 0..1. */
  terms: number;
  /** Rarity-weighted overlap of the headline terms, 0..1. */
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

/**
 * Rarity of a feature relative to one seen in a single article, in (0, 1]. Squared per shared
 * feature below, so a name in two articles counts almost fully and a word in half the library barely.
 */
export function rarity(df: number, n: number): number {
  const size = Math.max(MIN_LIBRARY, n);
  return idf(Math.max(1, df), size) / idf(1, size);
}

/**
 * The reader's own country and capital are named in a large share of Indonesian news; a small
 * library has not seen enough articles to know that, so they count as if they were in at least
 * this share of it. Nothing else is assumed: every other name's rarity is the library's own.
 */
const EVERYWHERE: ReadonlyMap<string, number> = new Map([
  ['LOC:indonesia', 0.25],
  ['LOC:jakarta', 0.2],
  ['LOC:dki-jakarta', 0.1],
]);

/** An entity's document frequency, raised to its background share for the names above. */
export function entityDfOf(id: string, df: number, n: number): number {
  const share = EVERYWHERE.get(id);
  return share === undefined ? df : Math.max(df, share * Math.max(MIN_LIBRARY, n));
}

/**
 * A small library cannot tell a rare name from a common one: in two articles, a name both share
 * has df = n and would weigh almost nothing. Rarity is read as if the library held at least this
 * many articles, so a first week's reading ranks by what is shared, not by a tiny count.
 */
export const MIN_LIBRARY = 50;

/**
 * Per-document tf vectors and their norms. The norms deliberately use tf only, not idf: then a
 * pair's score needs the document frequency of the SHARED features only, which are all features
 * of the query article, so the library never has to look up the vocabulary of every candidate.
 */
interface Prepared {
  terms: Map<string, number>;
  termNorm: number;
  title: Set<string>;
  entities: Map<string, number>;
  entityNorm: number;
}

const cache = new WeakMap<DocFeatures, Prepared>();

function prepare(d: DocFeatures): Prepared {
  const hit = cache.get(d);
  if (hit) return hit;
  const terms = new Map<string, number>();
  d.terms.forEach((t, i) => terms.set(t, d.weights[i] ?? 1));
  const entities = new Map<string, number>();
  for (const e of d.entities) entities.set(e.id, Math.sqrt(1 + Math.log(Math.max(1, e.n))));
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((a, v) => a + v * v, 0)) || 1;
  const p = { terms, termNorm: norm(terms), title: new Set(d.titleTerms), entities, entityNorm: norm(entities) };
  cache.set(d, p);
  return p;
}

/** Rarity-weighted overlap of two weighted sets: like a cosine, with each shared key scaled by rarity squared. */
function overlap(a: Map<string, number>, an: number, b: Map<string, number>, bn: number, rar: (k: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) {
      const r = rar(k);
      dot += v * w * r * r;
    }
  }
  return dot / (an * bn);
}

const typeRank = (t: string) => (t === 'PER' ? 0 : t === 'ORG' ? 1 : 2);

export function similarity(a: DocFeatures, b: DocFeatures, s: CorpusStats): Similarity {
  const pa = prepare(a);
  const pb = prepare(b);
  const n = s.docCount;
  const termRarity = (t: string) => rarity(s.termDf(t), n);
  const edf = (id: string) => entityDfOf(id, s.entityDf(id), n);
  // Rarest first; among equally rare names (most of them, in a small library) people before
  // organisations before places: a reader recognises a story by who is in it.
  const shared = a.entities
    .filter((e) => pb.entities.has(e.id))
    .sort((x, y) => edf(x.id) - edf(y.id) || typeRank(x.type) - typeRank(y.type) || y.n - x.n);
  const sharedTerms: { form: string; w: number }[] = [];
  a.terms.forEach((t, i) => {
    const w = pb.terms.get(t);
    if (w !== undefined) sharedTerms.push({ form: a.forms[i] ?? t, w: w * (a.weights[i] ?? 1) * termRarity(t) ** 2 });
  });
  sharedTerms.sort((x, y) => y.w - x.w);
  let titleDot = 0;
  for (const t of pa.title) if (pb.title.has(t)) titleDot += termRarity(t) ** 2;
  const days = a.publishedTs != null && b.publishedTs != null ? Math.abs(a.publishedTs - b.publishedTs) / DAY : null;
  return {
    entity: overlap(pa.entities, pa.entityNorm, pb.entities, pb.entityNorm, (id) => rarity(edf(id), n)),
    terms: overlap(pa.terms, pa.termNorm, pb.terms, pb.termNorm, termRarity),
    title: titleDot / (Math.sqrt(pa.title.size * pb.title.size) || 1),
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
