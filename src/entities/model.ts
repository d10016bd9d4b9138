/**
 * Builds the tagger's run-time weight table from the data package (package.ts, provided through
 * data.ts) once, on first use.
 *
 * Layout: an open-addressing table of 2^bits rows keyed by feature hash. The package has one
 * fingerprint byte per row (0 = empty, else the top byte of the owning feature's hash) and
 * NUM_TAGS byte codes for each non-empty row, in row order, each standing for codebook[code] (a
 * non-linear int8 scale, see scripts/train-ner.ts). The codes, codebook and transitions are used
 * where they lie in the package; loading is one pass over the fingerprints, building `slots`.
 */
import { nerData } from './data';
import { MODEL_FORMAT } from './hash';
import type { ModelTables } from './package';
import { NUM_TAGS, TAGS } from './tags';

/** The trainer's record of a model (scripts/train-ner.ts), from which it writes the package. */
export interface ModelFile {
  format: number;
  tags: readonly string[];
  bits: number;
  /** Value of each byte code (a byte b stands for codebook[b]). */
  codebook: number[];
  transitions: number[];
  /** base64, one byte per row: fingerprint of the feature that owns the row, 0 = empty. */
  fingerprints: string;
  /** base64, NUM_TAGS byte codes per non-empty row. */
  weights: string;
  rows: number;
  /** Checksum of the cluster file the model was trained with (clusters.ts, clustersChecksum). */
  clusters?: number;
  /** The training run's settings and counts (informational). */
  trained?: unknown;
}

export interface Model {
  mask: number;
  /** Per row: 0 = empty, else (fingerprint << 24) | (rank among non-empty rows + 1); one read
   *  both checks the owner and locates the weights (tagging is bound by memory reads). */
  slots: Uint32Array;
  /** NUM_TAGS codes per non-empty row; weight = codebook[code]. */
  codes: Uint8Array;
  codebook: Float64Array;
  transitions: Float64Array;
  /** Distinct per loaded model: stamps the word-only weight sums cached on WordInfo entries. */
  id: number;
}

let loadedModels = 0;

export function loadModel(t: ModelTables): Model {
  if (t.format !== MODEL_FORMAT) throw new Error(`NER model format ${t.format}, code expects ${MODEL_FORMAT}: run npm run train:ner`);
  if (t.tags.join() !== TAGS.join()) throw new Error('NER model tag set differs from src/entities/tags.ts');
  const size = 1 << t.bits;
  const fingerprints = t.fingerprints;
  if (fingerprints.length !== size || t.codes.length !== t.rows * NUM_TAGS) throw new Error('NER model tables have the wrong size');
  const slots = new Uint32Array(size);
  let rank = 0;
  for (let row = 0; row < size; row++) {
    const fp = fingerprints[row]!;
    if (fp !== 0) slots[row] = (fp << 24) | ++rank; // stored as uint32
  }
  if (rank !== t.rows) throw new Error('NER model rows do not match its fingerprints');
  return { mask: size - 1, slots, codes: t.codes, codebook: t.codebook, transitions: t.transitions, id: ++loadedModels };
}

/** Row owner check: top byte of the feature hash, never 0 (0 marks an empty row). */
export function fingerprint(h: number): number {
  return h >>> 24 || 1;
}

/** Offset of feature hash h's weights, or -1 when the model has no weights for it. */
export function weightsOffset(m: Model, h: number): number {
  const fp = h >>> 24 || 1;
  const slots = m.slots, mask = m.mask;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const v = slots[s]!;
    if (v === 0) return -1;
    if (v >>> 24 === fp) return ((v & 0xffffff) - 1) * NUM_TAGS;
  }
}

let cached: Model | null = null;
/** The provided model (its package also holds the clusters it was trained with), built on first call. */
export function model(): Model {
  return (cached ??= loadModel(nerData().model));
}
