/**
 * The dev set through the CLI's own pipeline (src/cli/related.ts), with the heuristic entity
 * finder so the result does not move when the tagger is retrained. Same metrics as
 * ../shared/eval/score-related.mjs; bars a little under the scorer's, as a regression guard.
 */
import { describe, expect, it } from 'vitest';
import { relateArticles } from '../../../src/cli/related';
import { heuristicEntities } from '../../../src/library/heuristic-entities';
import { devSet } from './helpers';

describe('dev set (stories-dev.json)', () => {
  it('ranks same-event coverage first and groups stories without their distractors', () => {
    const data = devSet();
    const items = [
      ...data.stories.flatMap((s) => s.articles.map((a, i) => ({ ...a, id: `${s.id}#${i}`, event: s.id as string | null }))),
      ...data.distractors.map((a, i) => ({ ...a, id: `distractor#${i}`, event: null as string | null })),
    ];
    const out = relateArticles(items.map((a) => ({ id: a.id, url: a.url, title: a.title, text: a.text, site: a.outlet, published: a.date })), heuristicEntities);
    const by = new Map(out.map((o) => [o.id, o]));
    const event = new Map(items.map((a) => [a.id, a.event]));
    const storyItems = items.filter((a) => a.event);
    const p1 = storyItems.filter((a) => event.get(by.get(a.id)!.related[0]?.id ?? '') === a.event).length / storyItems.length;
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
      const same = items[i]!.event != null && items[i]!.event === items[j]!.event;
      const grouped = by.get(items[i]!.id)!.story === by.get(items[j]!.id)!.story;
      if (grouped && same) tp++; else if (grouped) fp++; else if (same) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    const distractorsGrouped = items.filter((a) => !a.event && storyItems.some((b) => by.get(b.id)!.story === by.get(a.id)!.story)).length;
    expect(p1).toBeGreaterThanOrEqual(0.95);
    expect(f1).toBeGreaterThanOrEqual(0.88);
    expect(distractorsGrouped).toBeLessThanOrEqual(1);
    // Every reason is Indonesian prose, and nothing relates to itself.
    for (const o of out) for (const r of o.related) {
      expect(r.id).not.toBe(o.id);
      expect(r.reason).toMatch(/^(liputan peristiwa yang sama|sama-sama menyebut|kata kunci serupa|topik berdekatan)/);
    }
  });
});
