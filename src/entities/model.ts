/**
 * Decodes the tagger's weights (assets/ner/model.json, provided through data.ts) once, on first
 * use.
 *
 * Layout: an open-addressing table of 2^bits rows keyed by feature hash. `fingerprints` has one
 * byte per row (0 = empty, else the top byte of the owning feature's hash); `weights` has NUM_TAGS
 * byte codes for each non-empty row, in row order, each standing for codebook[code] (a non-linear
 * int8 scale, see scripts/train-ner.ts). Loading is two native base64 decodes and one pass over
 * the rows, with no per-weight JavaScript loop, so a cold start stays fast.
 */
import { decodeBase64 } from './base64';
import { wordClusters } from './clusters';
import { nerData } from './data';
import { MODEL_FORMAT } from './hash';
import { NUM_TAGS, TAGS } from './tags';

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
  /** Checksum of the clusters.json the model was trained with (clusters.ts, clustersChecksum). */
  clusters?: number;
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

export function loadModel(file: ModelFile): Model {
  if (file.format !== MODEL_FORMAT) throw new Error(`NER model format ${file.format}, code expects ${MODEL_FORMAT}: run npm run train:ner`);
  if (file.tags.join() !== TAGS.join()) throw new Error('NER model tag set differs from src/entities/tags.ts');
  const size = 1 << file.bits;
  const fingerprints = decodeBase64(file.fingerprints);
  const codes = decodeBase64(file.weights);
  if (fingerprints.length !== size || codes.length !== file.rows * NUM_TAGS) throw new Error('NER model tables have the wrong size');
  const slots = new Uint32Array(size);
  let rank = 0;
  for (let row = 0; row < size; row++) {
    const fp = fingerprints[row]!;
    if (fp !== 0) slots[row] = ((fp << 24) | ++rank) >>> 0;
  }
  if (rank !== file.rows) throw new Error('NER model rows do not match its fingerprints');
  return {
    mask: size - 1, slots, codes, codebook: Float64Array.from(file.codebook),
    transitions: Float64Array.from(file.transitions), id: ++loadedModels,
  };
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
/** The provided model, decoded on first call; it must have been trained with the provided clusters. */
export function model(): Model {
  if (cached) return cached;
  const file = nerData().model;
  if ((file.clusters ?? 0) !== wordClusters().id) throw new Error('NER model was trained with other word clusters than assets/ner/clusters.json: run npm run train:ner');
  return (cached = loadModel(file));
}
