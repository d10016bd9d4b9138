/**
 * Same-story detection: articles from different outlets that report one event.
 *
 * Sharing people and places is not enough (Putin meets Kim many times; a team plays every few
 * days; a verdict is appealed months later). An event is pinned by three things at once:
 * publication within a few days, strongly overlapping headline and lead wording, and the same
 * rare names. The score is a weighted mix of those; the date window is a hard gate.
 */
import type { DocFeatures } from './features';
import { similarity, type CorpusStats, type Similarity } from './similarity';

export const STORY = {
  /** Reports of one event appear within this many days of each other. */
  maxDays: 3,
  weights: { terms: 0.45, title: 0.3, entity: 0.25 },
  /** Pair score from which two articles are one story. */
  threshold: 0.1,
  /** Unknown dates cannot confirm the window, so the wording must agree more. */
  undatedFactor: 0.8,
  /** Two pieces from one outlet are more often follow-ups than the same report. */
  sameSiteFactor: 0.85,
} as const;

/** 0 when outside the date window, otherwise the weighted agreement of wording and names. */
export function storyScore(a: DocFeatures, b: DocFeatures, s: CorpusStats, sim: Similarity = similarity(a, b, s)): number {
  if (sim.days != null && sim.days > STORY.maxDays) return 0;
  const w = STORY.weights;
  let score = w.terms * sim.terms + w.title * sim.title + w.entity * sim.entity;
  if (sim.days == null) score *= STORY.undatedFactor;
  if (a.site && a.site === b.site) score *= STORY.sameSiteFactor;
  return score;
}

export function isSameStory(a: DocFeatures, b: DocFeatures, s: CorpusStats, sim?: Similarity): boolean {
  return storyScore(a, b, s, sim) >= STORY.threshold;
}

/**
 * Groups documents into stories by average-linkage clustering: two groups merge only when their
 * members agree on average, so one loose pair cannot chain two events together.
 * Returns document id -> story id (the id of the group's earliest-listed member).
 */
export function groupStories(docs: DocFeatures[], s: CorpusStats): Map<string, string> {
  const n = docs.length;
  // Pair scores; clusters keep the sum of scores to every other cluster (Lance-Williams for average).
  const sum: Float64Array[] = docs.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = storyScore(docs[i]!, docs[j]!, s);
      sum[i]![j] = v;
      sum[j]![i] = v;
    }
  }
  const size = new Array<number>(n).fill(1);
  const members: number[][] = docs.map((_, i) => [i]);
  const alive = new Array<boolean>(n).fill(true);
  for (;;) {
    let best = -1, bi = -1, bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sum[i]!;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const avg = row[j]! / (size[i]! * size[j]!);
        if (avg > best) { best = avg; bi = i; bj = j; }
      }
    }
    if (bi < 0 || best < STORY.threshold) break;
    // Merge bj into bi.
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = sum[bi]![k]! + sum[bj]![k]!;
      sum[bi]![k] = v;
      sum[k]![bi] = v;
    }
    size[bi]! += size[bj]!;
    members[bi]!.push(...members[bj]!);
    alive[bj] = false;
  }
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const ids = members[i]!.sort((x, y) => x - y);
    const groupId = docs[ids[0]!]!.id;
    for (const k of ids) out.set(docs[k]!.id, groupId);
  }
  return out;
}
