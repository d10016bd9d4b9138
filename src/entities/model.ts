/**
 * Loads the tagger's weights from assets/ner/model.json (imported as a module, so it is bundled:
 * no fs, no fetch) once, on first use. Weights are int8 codes of a non-linear codebook
 * (see scripts/train-ner.ts) decoded into a Float32Array of (2^bits buckets x tags).
 */
import raw from '../../assets/ner/model.json';
import { MODEL_FORMAT } from './hash';
import { NUM_TAGS, TAGS } from './tags';

export interface ModelFile {
  format: number;
  tags: readonly string[];
  bits: number;
  /** Value of each int8 code (index code + 128). */
  codebook: number[];
  transitions: number[];
  weights: string;
}

export interface Model {
  mask: number;
  weights: Float32Array;
  transitions: Float64Array;
}

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function loadModel(file: ModelFile): Model {
  if (file.format !== MODEL_FORMAT) throw new Error(`NER model format ${file.format}, code expects ${MODEL_FORMAT}: run npm run train:ner`);
  if (file.tags.join() !== TAGS.join()) throw new Error('NER model tag set differs from src/entities/tags.ts');
  const codes = decodeBase64(file.weights);
  const size = (1 << file.bits) * NUM_TAGS;
  if (codes.length !== size) throw new Error(`NER model has ${codes.length} weights, expected ${size}`);
  const book = Float32Array.from(file.codebook);
  const weights = new Float32Array(size);
  // Codes are stored as unsigned bytes of (code + 128).
  for (let i = 0; i < size; i++) weights[i] = book[codes[i]!]!;
  return { mask: (1 << file.bits) - 1, weights, transitions: Float64Array.from(file.transitions) };
}

let cached: Model | null = null;
/** The bundled model, decoded on first call. */
export function model(): Model {
  return (cached ??= loadModel(raw as unknown as ModelFile));
}
