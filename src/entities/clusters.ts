/**
 * Distributional word clusters (built by scripts/train-ner.ts into assets/ner/clusters.json from
 * unlabeled Indonesian text: training tokens, NERP text, IDCrossNER, the raw news pages; never a
 * scored dev/test sentence). Hierarchical spherical k-means over left/right neighbour counts:
 * a word's leaf id is a path of `levels` choices among `branch` children, so prefixes of the path
 * are coarser clusters (Brown-style bit-string prefixes). The tagger uses the prefixes as features,
 * so words never seen in labelled data still share weights with similar words.
 */
import data from '../../assets/ner/clusters.json';
import { hashString } from './hash';

export interface ClusterData {
  branch: number;
  levels: number;
  /** clusters[leaf] = the lower-cased words of that leaf, space-separated. */
  clusters: string[];
}

let table: Map<number, number> | null = null;

/** Builds the lookup (lower-cased word hash -> leaf id + 1) once: one hash per listed word. */
export function clusterTable(d: ClusterData = data as ClusterData): Map<number, number> {
  if (table && d === data) return table;
  const m = new Map<number, number>();
  d.clusters.forEach((words, leaf) => {
    if (!words) return;
    for (const w of words.split(' ')) m.set(hashString(w), leaf + 1);
  });
  if (d === data) table = m;
  return m;
}

export const CLUSTER_BRANCH: number = (data as ClusterData).branch;
export const CLUSTER_LEVELS: number = (data as ClusterData).levels;
