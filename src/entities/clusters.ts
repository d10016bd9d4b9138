/**
 * Word clusters: lower-cased words that occur in similar contexts share a class, so the tagger can
 * generalise from a name it was trained on to one it never saw labelled ("surabaya" ~ "makassar").
 * Learned from unlabelled text by scripts/train-ner.ts (exchange clustering, scripts/word-clusters.ts)
 * into assets/ner/clusters.json, at several granularities; built once, on first use.
 */
import { decodeBase64 } from './base64';
import { nerData, onNerData } from './data';
import { hashString } from './hash';

export interface ClusterFile {
  format: 1;
  /** clustersChecksum of the rest of the file, written by the trainer; model.json records it. */
  id?: number;
  /** Number of classes of each clustering, finest first (each at most 1023). */
  sizes: number[];
  /** The clustered words, lower-cased, one per line. */
  words: string;
  /** Per clustering: base64 of one little-endian uint16 class per word. */
  ids: string[];
}

export interface WordClusters {
  /** Lower-cased word -> packed classes: clustering k's class + 1 in bits 10k..10k+9 (0 = unknown word). */
  map: Map<string, number>;
  levels: number;
  /** The file's id (its checksum): model.json records the clusters it was trained with. */
  id: number;
}

/** Checksum of a cluster file's content (the trainer stores it as `id`; model.json records it). */
export function clustersChecksum(f: ClusterFile): number {
  let h = hashString(f.sizes.join(','));
  h = (h ^ hashString(f.words)) >>> 0;
  for (const s of f.ids) h = (Math.imul(h, 0x01000193) ^ hashString(s)) >>> 0;
  return h;
}

export function buildClusters(f: ClusterFile): WordClusters {
  const words = f.words ? f.words.split('\n') : [];
  const packed = new Uint32Array(words.length);
  f.ids.forEach((b64, k) => {
    const bytes = decodeBase64(b64);
    for (let i = 0; i < words.length; i++) packed[i] = packed[i]! | ((bytes[2 * i]! | (bytes[2 * i + 1]! << 8)) + 1) << (10 * k);
  });
  const map = new Map<string, number>();
  for (let i = 0; i < words.length; i++) map.set(words[i]!, packed[i]!);
  return { map, levels: f.sizes.length, id: f.id ?? 0 };
}

let cached: WordClusters | null = null;
onNerData(() => {
  cached = null;
});
/** The provided clusters (data.ts), built on first call. */
export function wordClusters(): WordClusters {
  return (cached ??= buildClusters(nerData().clusters));
}
