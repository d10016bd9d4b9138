/**
 * Related-article ranking. Pure and storage-independent: the extension feeds it candidates from
 * IndexedDB, the CLI from memory, and both get the same order and the same reasons.
 *
 * Signals: shared entities weighted by rarity (idf over the library), title + lead term
 * similarity, and closeness in time (news about the same thing clusters in time).
 */
import type { DocFeatures } from './features';
import { similarity, type CorpusStats, type Similarity } from './similarity';
import { groupStories, storyScore, STORY } from './story';

export const RANK = {
  weights: { entity: 0.4, terms: 0.4, title: 0.2 },
  /** Time closeness: factor = floor + (1 - floor) * exp(-days / tauDays). */
  dateFloor: 0.6,
  tauDays: 30,
  /** Factor when a date is unknown: neither rewarded nor pushed to the bottom. */
  undatedFactor: 0.8,
  /**
   * Below this the article is not shown as related at all. Pairs just above 0.02 shared only a
   * city everyone names ("Jakarta") or one word ("kelemahan" ~ "melemah"): noise to a reader.
   */
  minScore: 0.035,
  /** An article that shares no name needs more: several words in common, not one. */
  minScoreNoNames: 0.05,
  /**
   * Sharing only places is weak: two stories from Los Angeles, or two that name Indonesia and
   * Jakarta, are not about the same thing. Such a pair needs more than one sharing only words.
   */
  minScorePlacesOnly: 0.07,
  reasonNames: 3,
} as const;

/** The parts of a reason, for a UI that words it in its own language. */
export interface ReasonParts {
  sameStory: boolean;
  /** Shared names, rarest first (at most RANK.reasonNames). */
  names: string[];
  /** Shared keywords when no name is shared (display forms). */
  keywords: string[];
}

export interface RankedRelated {
  id: string;
  score: number;
  reason: string;
  why: ReasonParts;
  /** Entity ids shared with the target, rarest first. */
  shared: string[];
  sameStory: boolean;
}

export function relatedScore(sim: Similarity): number {
  const w = RANK.weights;
  const base = w.entity * sim.entity + w.terms * sim.terms + w.title * sim.title;
  const time = sim.days == null ? RANK.undatedFactor : RANK.dateFloor + (1 - RANK.dateFloor) * Math.exp(-sim.days / RANK.tauDays);
  return base * time;
}

/** What a reason says: names first, because names are what readers recognise. */
export function reasonParts(sim: Similarity, sameStory: boolean): ReasonParts {
  const names = sim.shared.slice(0, RANK.reasonNames).map((e) => e.name);
  // Numbers are no keywords to a reader ("Covid-19" is indexed as "covid" and "19").
  const keywords = names.length ? [] : [...new Set(sim.sharedTerms.map((t) => t.form).filter((f) => !/^\d+$/.test(f)))].slice(0, RANK.reasonNames);
  return { sameStory, names, keywords };
}

/** The reason in Indonesian (the CLI's, and the panel's when it shows Indonesian). */
export function reasonText(sim: Similarity, sameStory: boolean): string {
  const why = reasonParts(sim, sameStory);
  const parts: string[] = [];
  if (why.sameStory) parts.push('liputan peristiwa yang sama');
  if (why.names.length) parts.push(`sama-sama menyebut ${why.names.join(', ')}`);
  else if (why.keywords.length) parts.push(`kata kunci serupa: ${why.keywords.join(', ')}`);
  if (!parts.length) parts.push('topik berdekatan');
  return parts.join('; ');
}

/**
 * Rank candidates for one target. Never returns the target itself.
 *
 * sameStory comes from story grouping, not from the pair alone: a piece that resembles the target
 * but not the target's other coverage (the co-defendant's verdict two days later) stays out.
 * Pass `groups` when the whole library was grouped (the CLI); otherwise the target and its
 * plausible same-story candidates are grouped here.
 */
export function rankRelated(
  target: DocFeatures,
  candidates: Iterable<DocFeatures>,
  stats: CorpusStats,
  limit = 8,
  groups?: Map<string, string>,
): RankedRelated[] {
  const scored: { doc: DocFeatures; sim: Similarity; score: number; story: number }[] = [];
  for (const c of candidates) {
    if (c.id === target.id) continue;
    const sim = similarity(target, c, stats);
    const score = relatedScore(sim);
    const bar = !sim.shared.length ? RANK.minScoreNoNames : sim.shared.every((e) => e.type === 'LOC') ? RANK.minScorePlacesOnly : RANK.minScore;
    if (score < bar) continue;
    scored.push({ doc: c, sim, score, story: storyScore(target, c, stats, sim) });
  }
  let group = groups;
  if (!group) {
    const near = scored.filter((x) => x.story >= STORY.threshold / 2).map((x) => x.doc);
    group = near.length ? groupStories([target, ...near], stats) : new Map();
  }
  const own = group.get(target.id);
  const out: RankedRelated[] = scored.map(({ doc, sim, score }) => {
    const sameStory = own != null && group.get(doc.id) === own;
    return {
      id: doc.id,
      score: Math.round(score * 10_000) / 10_000,
      reason: reasonText(sim, sameStory),
      why: reasonParts(sim, sameStory),
      shared: sim.shared.map((e) => e.id),
      sameStory,
    };
  });
  // Same-story coverage first ("Liputan lain"), then by score; id breaks ties so order is stable.
  out.sort((a, b) => Number(b.sameStory) - Number(a.sameStory) || b.score - a.score || (a.id < b.id ? -1 : 1));
  return out.slice(0, limit);
}
