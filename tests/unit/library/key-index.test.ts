/**
 * The in-memory key index (key-index.ts) against a plain model: after any sequence of stores,
 * revisits and deletes, packed or not, compacted or not, every key lists exactly the articles
 * that have it, newest first, within any time range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex, type KeyBase, type Post } from '../../../src/library/key-index';

/** Store and load as df-cache.ts does: the base only when it changed, the posts every time. */
function storeAndLoad(idx: KeyIndex, version: number, store: { base: KeyBase | null }): KeyIndex {
  const { base, keys } = idx.pack(version);
  if (base) {
    store.base = base;
    idx.markStored(version);
  }
  expect(keys.base).toBe(store.base!.version);
  return KeyIndex.unpack(store.base!, keys.posts);
}

const KEYS = ['putin', 'kim', 'rusia', 'gempa', 'banjir', '\u0002PER:vladimir-putin', 'x'];

/** The model: id -> [time, keys]; answers by sorting. */
function modelNewest(model: Map<string, [number, string[]]>, key: string, limit: number, from = -Infinity, to = Infinity): string[] {
  return [...model]
    .filter(([, [t, k]]) => k.includes(key) && t >= from && t <= to)
    .sort((a, b) => b[1][0] - a[1][0])
    .slice(0, limit)
    .map(([id]) => id);
}

const op = fc.record({
  id: fc.integer({ min: 0, max: 30 }).map((i) => `a${i}`),
  keys: fc.option(fc.subarray(KEYS, { minLength: 1 }), { nil: null, freq: 5 }),
});

describe('KeyIndex', () => {
  it('lists every key newest first, through stores, revisits, deletes, pack/unpack and compaction', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 0, max: 79 }), fc.integer({ min: 0, max: 79 }), (ops, packAt, compactAt) => {
        let idx = KeyIndex.empty();
        const store = { base: null as KeyBase | null };
        const model = new Map<string, [number, string[]]>();
        // Distinct times, not in arrival order: an article read later may be older news.
        ops.forEach((o, i) => {
          const time = ((i * 7919) % 1000) * 1000 + i;
          const post: Post = [o.id, time, o.keys];
          idx.apply(post);
          if (o.keys) model.set(o.id, [time, o.keys]);
          else model.delete(o.id);
          if (i === packAt || i === packAt + 7) idx = storeAndLoad(idx, i, store);
          if (i === compactAt) idx.compact();
        });
        expect(idx.size).toBe(model.size);
        // Membership by scanning (the first lookups) and by the id map (later ones) agree with the model.
        for (let i = 0; i <= 30; i++) expect(idx.has(`a${i}`)).toBe(model.has(`a${i}`));
        for (const k of KEYS) {
          expect(idx.newest(k, Infinity)).toEqual(modelNewest(model, k, Infinity));
          expect(idx.newest(k, 3)).toEqual(modelNewest(model, k, 3));
          expect(idx.newest(k, 5, { from: 200_000, to: 700_000 })).toEqual(modelNewest(model, k, 5, 200_000, 700_000));
        }
        expect(idx.newest('absent', 10)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('stores its base once and the posts since on every snapshot, and rebuilds the base once the overlay outgrows it', () => {
    const posts: Post[] = Array.from({ length: 5000 }, (_, i) => [`a${i}`, i, ['all', i % 2 ? 'odd' : 'even']]);
    const idx = KeyIndex.build(posts);
    expect(idx.overlaySize).toBe(0);
    const store = { base: null as KeyBase | null };
    storeAndLoad(idx, 1, store);
    idx.apply(['a1', 99_999, ['all', 'odd', 'new']]);
    idx.apply(['a2', 0, null]);
    const packed = idx.pack(2);
    expect(packed.base).toBeNull(); // the stored base still serves
    expect(packed.keys).toMatchObject({ base: 1 });
    expect(packed.keys.posts).toHaveLength(2);
    expect(store.base!.ids.split('\u0000')).toHaveLength(5000);
    // Gaps between consecutive numbers are small: about a byte per entry.
    expect(store.base!.bytes.length).toBeLessThan(5000 * 2 * 1.1);
    const back = storeAndLoad(idx, 2, store);
    expect(back.newest('all', 3)).toEqual(['a1', 'a4999', 'a4998']);
    expect(back.newest('new', 5)).toEqual(['a1']);
    expect(back.count('even')).toBe(2499);
    for (let i = 0; i < 3000; i++) back.apply([`b${i}`, 200_000 + i, ['all']]);
    const compacted = back.pack(3);
    expect(compacted.base?.version).toBe(3);
    expect(compacted.keys).toEqual({ base: 3, posts: [] });
    expect(KeyIndex.unpack(compacted.base!, []).count('all')).toBe(5000 - 1 + 3000);
  });
});
