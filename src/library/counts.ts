/**
 * Keeping document frequencies exact: every write computes what changed between the old and the
 * new version of an article and applies only the difference, inside the caller's transaction:
 * term and entity counts to the in-memory counts it logs (`countlog`, df-cache.ts), the article
 * count to `meta`.
 */
import type { Entity } from '../types';
import { entityRow, GEN_KEY, STATS_KEY, type EntityRow, type LibraryDb } from './db';
import { readGen } from './df-cache';
import type { Post } from './key-index';

/** What of an article the counts depend on: its df terms (see dfTerms) and entity ids. */
export interface Counted {
  dfTerms: string[];
  entityIds: string[];
}

const MAX_SURFACES = 20;

export class Deltas {
  readonly terms = new Map<string, number>();
  readonly entities = new Map<string, number>();
  articles = 0;
  /** Entity descriptions seen in this write (name, type, surfaces), by id. */
  readonly seen = new Map<string, Pick<EntityRow, 'name' | 'type' | 'surface'>>();
  /** Index keys of the articles written or removed (key-index.ts). */
  readonly posts: Post[] = [];

  /** Record the replacement of `prev` (or nothing) by `next` (or nothing). */
  change(prev: Counted | undefined, next: Counted | undefined): void {
    if (!prev && next) this.articles++;
    if (prev && !next) this.articles--;
    diff(this.terms, prev?.dfTerms ?? [], next?.dfTerms ?? []);
    diff(this.entities, prev?.entityIds ?? [], next?.entityIds ?? []);
  }

  describe(entities: Pick<Entity, 'id' | 'name' | 'type' | 'surface'>[]): void {
    for (const e of entities) {
      const cur = this.seen.get(e.id);
      if (cur) cur.surface = mergeSurfaces(cur.surface, e.surface);
      else this.seen.set(e.id, { name: e.name, type: e.type, surface: mergeSurfaces([], e.surface) });
    }
  }
}

function diff(acc: Map<string, number>, before: string[], after: string[]): void {
  const a = new Set(before);
  const b = new Set(after);
  for (const k of a) if (!b.has(k)) acc.set(k, (acc.get(k) ?? 0) - 1);
  for (const k of b) if (!a.has(k)) acc.set(k, (acc.get(k) ?? 0) + 1);
}

export function mergeSurfaces(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].slice(0, MAX_SURFACES);
}

/** What a caller already knows in its transaction (so applyDeltas need not read it). */
export interface Prefetched {
  /** Current df of terms and entities, from memory that is known to match the stored generation. */
  terms: ReadonlyMap<string, number>;
  entityCounts: ReadonlyMap<string, number>;
  /** Stored rows of the entities this write describes, where known (undefined: no row). */
  entities?: Map<string, EntityRow | undefined>;
  meta?: { articles: number } | undefined;
  gen?: number;
}

/** What a write stored, for the in-memory counts (df-cache.ts). */
export interface Written {
  terms: [string, number][];
  entities: [string, number][];
  articles: number | null;
  posts: Post[];
  /** The rows, as stored after this write, of the entities it described (not logged: for the
   *  context's cache, df-cache.ts). */
  rows: EntityRow[];
  /** Generation before and after the write. */
  from: number;
  to: number;
}

/**
 * Apply deltas; call inside a rw transaction over entities, meta, sync and countlog, with the
 * counts current in memory (`pre.terms`, `pre.entityCounts`). Whatever else `pre` does not
 * supply is read, all reads issued together, then all writes: each await on IndexedDB is a round
 * trip. Bumps the write generation and logs the values it set (df-cache.ts applies them to
 * memory on commit). An entity row is written only when the entity is new or gains a surface
 * form, and deleted when no article names it any more.
 */
export async function applyDeltas(db: LibraryDb, d: Deltas, pre: Prefetched): Promise<Written> {
  const termKeys = [...d.terms.keys()].filter((k) => d.terms.get(k) !== 0);
  const entityKeys = [...new Set([...d.entities.keys(), ...d.seen.keys()])];
  const before = (id: string) => pre.entityCounts.get(id) ?? 0;
  // Only an entity that is described and already stored needs its row (to merge surfaces).
  const missing = [...d.seen.keys()].filter((k) => before(k) > 0 && pre.entities?.get(k) === undefined);
  const [fetched, meta, gen] = await Promise.all([
    missing.length ? db.entities.bulkGet(missing) : [],
    'meta' in pre || d.articles === 0 ? pre.meta : db.meta.get(STATS_KEY),
    pre.gen ?? readGen(db),
  ]);
  const rowOf = new Map(pre.entities ?? []);
  missing.forEach((k, i) => rowOf.set(k, fetched[i]));
  const wrote: Written = { terms: [], entities: [], articles: null, posts: d.posts, rows: [], from: gen, to: gen + 1 };
  for (const t of termKeys) wrote.terms.push([t, Math.max(0, (pre.terms.get(t) ?? 0) + d.terms.get(t)!)]);
  const entityPut: EntityRow[] = [];
  const entityDel: string[] = [];
  for (const id of entityKeys) {
    const count = Math.max(0, before(id) + (d.entities.get(id) ?? 0));
    wrote.entities.push([id, count]);
    if (count === 0) {
      if (before(id) > 0) entityDel.push(id);
      continue;
    }
    const info = d.seen.get(id);
    if (!info) continue;
    const prev = rowOf.get(id);
    const surface = mergeSurfaces(prev?.surface ?? [], info.surface);
    // Surfaces only grow (mergeSurfaces keeps the old ones first), so a longer list is a change.
    if (prev && surface.length === prev.surface.length) {
      wrote.rows.push(prev);
      continue;
    }
    // The first name seen stays: it is what the reader has been shown so far.
    const row = entityRow({ id, name: prev?.name ?? info.name, type: prev?.type ?? info.type, surface });
    entityPut.push(row);
    wrote.rows.push(row);
  }
  const writes: Promise<unknown>[] = [db.sync.put({ k: GEN_KEY, gen: wrote.to })];
  if (entityPut.length) writes.push(db.entities.bulkPut(entityPut));
  if (entityDel.length) writes.push(db.entities.bulkDelete(entityDel));
  if (d.articles !== 0) {
    wrote.articles = Math.max(0, (meta?.articles ?? 0) + d.articles);
    writes.push(db.meta.put({ k: STATS_KEY, articles: wrote.articles }));
  }
  writes.push(db.countlog.put({ gen: wrote.to, terms: wrote.terms, entities: wrote.entities, articles: wrote.articles, posts: wrote.posts }));
  await Promise.all(writes);
  return wrote;
}
