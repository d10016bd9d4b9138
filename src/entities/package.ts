/**
 * The tagger's data package (assets/ner/tagger.bin): model weights, word clusters and name lexicon
 * in one binary file, so the extension's first load is one fetch of one ArrayBuffer, with typed
 * arrays viewing it directly (no base64, no JSON of megabytes, no copies).
 *
 * Layout (little-endian, like every platform the extension runs on):
 *   0  u32 magic 'SNER'          8  u32 byte length of the file (a multiple of 8)
 *   4  u32 PACKAGE_VERSION      12  u32 length J of the header
 *  16  SHA-256 of bytes 48 .. end (checked natively: crypto.subtle, node:crypto; a JavaScript
 *      checksum cost ~3.5 ms of cold code on the first load, the native one ~0.5 ms)
 *  48 .. 48+J  the header, JSON: the model's and the clusters' small fields and [name, type, byte
 *      offset, element count] of every section; then the sections, each at an offset that is a
 *      multiple of 8.
 * The trainer (scripts/train-ner.ts) writes it from its JSON-shaped records (ModelFile,
 * ClusterFile) with encodeNerPackage; packageFiles turns a package back into exactly those records
 * (scripts/ner-package.ts checks the round trip). A truncated, corrupt or foreign file is refused
 * with the reason (openNerPackage rejects, openNerPackageSync throws), never read as weights.
 */
import { decodeBase64 } from './base64';
import { clustersChecksum, type ClusterFile } from './clusters';
import { hashString } from './hash';
import type { ModelFile } from './model';
import { NUM_TAGS } from './tags';

const MAGIC = 0x52454e53; // 'SNER' read as a little-endian u32
/** Version of the container layout; the model's own MODEL_FORMAT (hash.ts) is in the header. */
export const PACKAGE_VERSION = 1;
const FIXED = 48;
const DIGEST_AT = 16;

/** SHA-256 of some bytes (node:crypto in Node; crypto.subtle is asynchronous). */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

type SectionType = 'u8' | 'u16' | 'u32' | 'f64';
const BYTES: Record<SectionType, number> = { u8: 1, u16: 2, u32: 4, f64: 8 };
type Section = [name: string, type: SectionType, offset: number, count: number];

/** The model as loadModel (model.ts) takes it: views onto the package. */
export interface ModelTables {
  format: number;
  tags: readonly string[];
  bits: number;
  rows: number;
  /** Checksum of the word clusters the model was trained with (ClusterTables.id). */
  clusters: number;
  /** One byte per row of the 2^bits table: fingerprint of the owning feature, 0 = empty. */
  fingerprints: Uint8Array;
  /** NUM_TAGS byte codes per non-empty row, in row order. */
  codes: Uint8Array;
  codebook: Float64Array;
  transitions: Float64Array;
  /** What the trainer recorded about the run (informational). */
  trained?: unknown;
}

/** Word clusters and name lexicon as buildClusters (clusters.ts) takes them: views onto the package. */
export interface ClusterTables {
  format: number;
  id: number;
  /** Number of classes of each clustering, finest first. */
  sizes: number[];
  /** UTF-8 of the clustered words joined by '\n' (ClusterFile.words). */
  words: Uint8Array;
  /** Start of word i in the decoded text, in UTF-16 code units; starts[n] = text length + 1. */
  starts: Uint32Array;
  /** Open-addressing table of 2^k slots keyed by hashString(word): word index + 1, 0 = empty. */
  index: Uint16Array | Uint32Array;
  /** Per clustering k, the class of word i at ids[k * n + i]. */
  ids: Uint16Array;
  lexHashes: Uint32Array;
  lexCodes: Uint8Array;
  /** Whether the cluster file has a name lexicon at all, and whether it keys words as written. */
  lex: boolean;
  lexCased: boolean;
}

export interface NerPackage {
  model: ModelTables;
  clusters: ClusterTables;
}

/** Why a package could not be read (the file's name, then the reason). */
export class NerPackageError extends Error {
  override name = 'NerPackageError';
}

/** Lookup table of the words of a cluster file: UTF-16 starts and the hash index (see ClusterTables). */
function wordIndex(text: string, count: number): { starts: Uint32Array; index: Uint16Array | Uint32Array } {
  const starts = new Uint32Array(count + 1);
  for (let i = 0, at = 0; i < count; i++) {
    starts[i] = at;
    const end = text.indexOf('\n', at);
    at = end < 0 ? text.length + 1 : end + 1;
  }
  starts[count] = text.length + 1;
  let size = 2;
  while (size < 2 * count) size *= 2;
  const index = count < 0xffff ? new Uint16Array(size) : new Uint32Array(size);
  const mask = size - 1;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const w = text.slice(starts[i]!, starts[i + 1]! - 1);
    if (seen.has(w)) throw new Error(`word clusters list "${w}" twice`);
    seen.add(w);
    let s = hashString(w) & mask;
    while (index[s] !== 0) s = (s + 1) & mask;
    index[s] = i + 1;
  }
  return { starts, index };
}

/** The tables of a cluster file (the trainer's record), as a package holds them. */
export function clusterTablesOf(f: ClusterFile): ClusterTables {
  const text = f.words;
  const count = text ? text.split('\n').length : 0;
  const words = new TextEncoder().encode(text);
  if (new TextDecoder().decode(words) !== text) throw new Error('cluster words do not survive UTF-8');
  const { starts, index } = wordIndex(text, count);
  const ids = new Uint16Array(f.ids.length * count);
  f.ids.forEach((b64, k) => {
    const b = decodeBase64(b64);
    if (b.length !== 2 * count) throw new Error(`clustering ${k} has ${b.length / 2} classes for ${count} words`);
    ids.set(new Uint16Array(b.slice().buffer), k * count);
  });
  const lexHashes = f.lex?.hashes ? decodeBase64(f.lex.hashes).slice() : new Uint8Array(0);
  return {
    format: f.format, id: f.id ?? 0, sizes: f.sizes, words, starts, index, ids,
    lexHashes: new Uint32Array(lexHashes.buffer, 0, lexHashes.length >> 2),
    lexCodes: f.lex?.codes ? decodeBase64(f.lex.codes) : new Uint8Array(0),
    lex: !!f.lex, lexCased: f.lex?.cased ?? false,
  };
}

const align8 = (n: number) => (n + 7) & ~7;
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The package of a trained model and the clusters it was trained with (the trainer's records). */
export function encodeNerPackage(model: ModelFile, clusters: ClusterFile, sha256: Sha256): Uint8Array {
  const id = clusters.id ?? 0;
  if (id !== clustersChecksum(clusters)) throw new Error('cluster file id is not its checksum');
  if ((model.clusters ?? 0) !== id) throw new Error('model was trained with other word clusters');
  const c = clusterTablesOf(clusters);
  const parts: [string, SectionType, Uint8Array][] = [
    ['model.fingerprints', 'u8', decodeBase64(model.fingerprints)],
    ['model.codes', 'u8', decodeBase64(model.weights)],
    ['model.codebook', 'f64', new Uint8Array(Float64Array.from(model.codebook).buffer)],
    ['model.transitions', 'f64', new Uint8Array(Float64Array.from(model.transitions).buffer)],
    ['clusters.words', 'u8', c.words],
    ['clusters.starts', 'u32', bytesOf(c.starts)],
    ['clusters.index', c.index instanceof Uint16Array ? 'u16' : 'u32', bytesOf(c.index)],
    ['clusters.ids', 'u16', bytesOf(c.ids)],
    ['clusters.lexHashes', 'u32', bytesOf(c.lexHashes)],
    ['clusters.lexCodes', 'u8', c.lexCodes],
  ];
  const { fingerprints: _f, weights: _w, codebook: _b, transitions: _t, ...modelHead } = model;
  const { words: _x, ids: _i, lex, ...clusterHead } = clusters;
  const head = (sections: Section[]) => new TextEncoder().encode(JSON.stringify({
    model: modelHead,
    clusters: { ...clusterHead, ...(lex ? { lex: lex.cased ? { cased: true } : {} } : {}) },
    sections,
  }));
  // Offsets depend on the header's length and the header lists the offsets: lay out until stable.
  let sections: Section[] = parts.map(([name, type, b]) => [name, type, 0, b.length / BYTES[type]]);
  let json = head(sections);
  for (;;) {
    let at = align8(FIXED + json.length);
    const next: Section[] = parts.map(([name, type, b]) => { const s: Section = [name, type, at, b.length / BYTES[type]]; at = align8(at + b.length); return s; });
    const nextJson = head(next);
    sections = next;
    if (nextJson.length === json.length) { json = nextJson; break; }
    json = nextJson;
  }
  const last = sections[sections.length - 1]!;
  const total = align8(last[2] + last[3] * BYTES[last[1]]);
  const out = new Uint8Array(total);
  const u32 = new Uint32Array(out.buffer);
  u32[0] = MAGIC; u32[1] = PACKAGE_VERSION; u32[2] = total; u32[3] = json.length;
  out.set(json, FIXED);
  parts.forEach(([, , b], k) => out.set(b, sections[k]![2]));
  out.set(sha256(out.subarray(FIXED)), DIGEST_AT);
  return out;
}

/** The bytes of a package, aligned, after the checks that need no digest (magic, version, length). */
function wholePackage(data: ArrayBuffer | Uint8Array, name: string): Uint8Array {
  const fail = (why: string): never => { throw new NerPackageError(`${name}: ${why}`); };
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes); // a copy: typed views need aligned offsets
  if (bytes.length >= 4 && new Uint32Array(bytes.buffer, bytes.byteOffset, 1)[0] !== MAGIC) fail('not a Sorot NER package');
  if (bytes.length < FIXED) fail(`truncated (${bytes.length} bytes)`);
  const u32 = new Uint32Array(bytes.buffer, bytes.byteOffset, FIXED >> 2);
  if (u32[1] !== PACKAGE_VERSION) fail(`package version ${u32[1]}, code reads ${PACKAGE_VERSION}: run npm run train:ner`);
  const total = u32[2]!;
  if (bytes.length < total) fail(`truncated (${bytes.length} of ${total} bytes)`);
  if (bytes.length !== total || total % 8 !== 0) fail(`${bytes.length} bytes, its header says ${total}`);
  return bytes;
}

/**
 * Typed-array views of a package (`name` is for the messages), after checking that it is whole
 * (length), unchanged (SHA-256, computed natively by crypto.subtle) and laid out as this code
 * reads it; rejects with a NerPackageError otherwise.
 */
export async function openNerPackage(data: ArrayBuffer | Uint8Array, name = 'NER package'): Promise<NerPackage> {
  const bytes = wholePackage(data, name);
  return viewPackage(bytes, name, new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(FIXED) as Uint8Array<ArrayBuffer>)));
}

/** openNerPackage for callers that cannot wait (Node: sha256 from node:crypto). */
export function openNerPackageSync(data: ArrayBuffer | Uint8Array, name: string, sha256: Sha256): NerPackage {
  const bytes = wholePackage(data, name);
  return viewPackage(bytes, name, sha256(bytes.subarray(FIXED)));
}

function viewPackage(bytes: Uint8Array, name: string, digest: Uint8Array): NerPackage {
  const fail = (why: string): never => { throw new NerPackageError(`${name}: ${why}`); };
  const stored = bytes.subarray(DIGEST_AT, FIXED);
  if (digest.length !== stored.length || digest.some((b, i) => b !== stored[i])) fail('corrupt (SHA-256 mismatch)');
  const total = bytes.length;
  const headLength = new Uint32Array(bytes.buffer, bytes.byteOffset, FIXED >> 2)[3]!;
  if (FIXED + headLength > total) fail('corrupt header');
  let head: { model: Omit<ModelTables, 'fingerprints' | 'codes' | 'codebook' | 'transitions'>; clusters: { format: number; id?: number; sizes: number[]; lex?: { cased?: boolean } }; sections: Section[] };
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(FIXED, FIXED + headLength)));
  } catch {
    return fail('corrupt header');
  }
  const found = new Map(head.sections.map((s) => [s[0], s]));
  const view = (key: string, type: SectionType | 'u16|u32', count?: number) => {
    const s = found.get(key);
    if (!s) return fail(`no section ${key}`);
    const [, t, offset, n] = s;
    if (!type.split('|').includes(t) || !(t in BYTES)) fail(`section ${key} is ${t}, not ${type}`);
    if (count !== undefined && n !== count) fail(`section ${key} has ${n} values, not ${count}`);
    if (!Number.isInteger(offset) || !Number.isInteger(n) || offset % 8 !== 0 || offset < FIXED + headLength || n < 0 || offset + n * BYTES[t] > total) fail(`section ${key} lies outside the file`);
    const at = bytes.byteOffset + offset, buf = bytes.buffer;
    return t === 'u8' ? new Uint8Array(buf, at, n) : t === 'u16' ? new Uint16Array(buf, at, n) : t === 'u32' ? new Uint32Array(buf, at, n) : new Float64Array(buf, at, n);
  };
  const m = head.model;
  const model: ModelTables = {
    ...m, clusters: m.clusters ?? 0,
    fingerprints: view('model.fingerprints', 'u8', 2 ** m.bits) as Uint8Array,
    codes: view('model.codes', 'u8', m.rows * NUM_TAGS) as Uint8Array,
    codebook: view('model.codebook', 'f64', 256) as Float64Array,
    transitions: view('model.transitions', 'f64', (NUM_TAGS + 1) * NUM_TAGS) as Float64Array,
  };
  const c = head.clusters;
  const starts = view('clusters.starts', 'u32') as Uint32Array;
  const count = starts.length - 1;
  const lexHashes = view('clusters.lexHashes', 'u32') as Uint32Array;
  const index = view('clusters.index', 'u16|u32') as Uint16Array | Uint32Array;
  if (index.length & (index.length - 1) || index.length <= count) fail('section clusters.index is not a hash table of its words');
  const clusters: ClusterTables = {
    format: c.format, id: c.id ?? 0, sizes: c.sizes,
    words: view('clusters.words', 'u8') as Uint8Array,
    starts, index,
    ids: view('clusters.ids', 'u16', c.sizes.length * count) as Uint16Array,
    lexHashes,
    lexCodes: view('clusters.lexCodes', 'u8', lexHashes.length) as Uint8Array,
    lex: !!c.lex, lexCased: c.lex?.cased === true,
  };
  if (model.clusters !== clusters.id) fail('its model was trained with other word clusters: run npm run train:ner');
  return { model, clusters };
}

const base64 = (b: ArrayBufferView) => {
  const u8 = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
};

/** The trainer's records a package was written from, field for field (encodeNerPackage's inverse). */
export function packageFiles(p: NerPackage): { model: ModelFile; clusters: ClusterFile } {
  const { fingerprints, codes, codebook, transitions, format, tags, bits, rows, clusters: cid, trained } = p.model;
  const model: ModelFile = {
    format, tags, bits, codebook: [...codebook], transitions: [...transitions],
    fingerprints: base64(fingerprints), weights: base64(codes), rows, clusters: cid, ...(trained !== undefined ? { trained } : {}),
  };
  const c = p.clusters;
  const n = c.starts.length - 1;
  const clusters: ClusterFile = {
    format: c.format as 1, id: c.id, sizes: c.sizes, words: new TextDecoder().decode(c.words),
    ids: c.sizes.map((_, k) => base64(c.ids.subarray(k * n, (k + 1) * n))),
    ...(c.lex ? { lex: { hashes: base64(c.lexHashes), codes: base64(c.lexCodes), ...(c.lexCased ? { cased: true } : {}) } } : {}),
  };
  return { model, clusters };
}
