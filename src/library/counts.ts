/**
 * Keeping document frequencies exact: every write computes what changed between the old and the
 * new version of an article and applies only the difference, inside the caller's transaction:
 * term counts to the in-memory counts it logs (`countlog`, df-cache.ts), entity counts to their
 * rows, the article count to `meta`.
 */
import type { Entity } from '../types';
import { GEN_KEY, STATS_KEY, type EntityRow, type LibraryDb } from './db';
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

/** Rows a caller already read in its transaction (so applyDeltas need not read them again). */
export interface Prefetched {
  /** Current df of terms, from memory that is known to match the stored generation. */
  terms: ReadonlyMap<string, number>;
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
  /** Entity rows stored (not logged: for the context's cache, df-cache.ts). */
  rows: EntityRow[];
  /** Generation before and after the write. */
  from: number;
  to: number;
}

/**
 * Apply deltas; call inside a rw transaction over entities, meta, sync and countlog, with the
 * term counts current in memory (`pre.terms`). Whatever else `pre` does not supply is read, all
 * reads issued together, then all writes: each await on IndexedDB is a round trip. Bumps the
 * write generation and logs the values it set (df-cache.ts applies them to memory on commit).
 */
export async function applyDeltas(db: LibraryDb, d: Deltas, now: number, pre: Prefetched): Promise<Written> {
  const termKeys = [...d.terms.keys()].filter((k) => d.terms.get(k) !== 0);
  const entityKeys = [...new Set([...d.entities.keys(), ...d.seen.keys()])];
  const knownTerms = pre.terms;
  const missingEntities = entityKeys.filter((k) => !pre.entities?.has(k));
  const [fetchedEntities, meta, gen] = await Promise.all([
    missingEntities.length ? db.entities.bulkGet(missingEntities) : [],
    'meta' in pre || d.articles === 0 ? pre.meta : db.meta.get(STATS_KEY),
    pre.gen ?? readGen(db),
  ]);
  const entityRow = new Map(pre.entities ?? []);
  missingEntities.forEach((k, i) => entityRow.set(k, fetchedEntities[i]));
  const wrote: Written = { terms: [], entities: [], articles: null, posts: d.posts, rows: [], from: gen, to: gen + 1 };
  for (const t of termKeys) wrote.terms.push([t, Math.max(0, (knownTerms.get(t) ?? 0) + d.terms.get(t)!)]);
  const entityPut: EntityRow[] = [];
  const entityDel: string[] = [];
  entityKeys.forEach((id) => {
    const info = d.seen.get(id);
    const prev = entityRow.get(id);
    const articleCount = (prev?.articleCount ?? 0) + (d.entities.get(id) ?? 0);
    wrote.entities.push([id, Math.max(0, articleCount)]);
    if (articleCount <= 0) {
      if (prev) entityDel.push(id);
      return;
    }
    entityPut.push({
      id,
      // The first name seen stays: it is what the reader has been shown so far.
      name: prev?.name ?? info?.name ?? id,
      type: prev?.type ?? info?.type ?? 'MISC',
      surface: mergeSurfaces(prev?.surface ?? [], info?.surface ?? []),
      articleCount,
      lastSeen: info ? Math.max(now, prev?.lastSeen ?? 0) : (prev?.lastSeen ?? now),
    });
  });
  const writes: Promise<unknown>[] = [db.sync.put({ k: GEN_KEY, gen: wrote.to })];
  if (entityPut.length) writes.push(db.entities.bulkPut(entityPut));
  wrote.rows = entityPut;
  if (entityDel.length) writes.push(db.entities.bulkDelete(entityDel));
  if (d.articles !== 0) {
    wrote.articles = Math.max(0, (meta?.articles ?? 0) + d.articles);
    writes.push(db.meta.put({ k: STATS_KEY, articles: wrote.articles }));
  }
  writes.push(db.countlog.put({ gen: wrote.to, terms: wrote.terms, entities: wrote.entities, articles: wrote.articles, posts: wrote.posts }));
  await Promise.all(writes);
  return wrote;
}
