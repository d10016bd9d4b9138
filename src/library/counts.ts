/**
 * Keeping document frequencies exact: every write computes what changed between the old and the
 * new version of an article and applies only the difference, inside the caller's transaction:
 * term and entity counts to the in-memory counts it logs (`countlog`, df-cache.ts), the article
 * count to `meta`.
 */
import type { Entity } from '../types';
import { entityRow, GEN_KEY, STATS_KEY, type CountLogRow, type EntityRow, type LibraryDb, type MetaRow, type SeenEntity, type SyncRow } from './db';
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
  /** Described entities whose rows were not read: logged, merged once writes pause (df-cache.ts). */
  seen: SeenEntity[];
  /** Generation before and after the write. */
  from: number;
  to: number;
}

/** One write a transaction must make (planDeltas); applied through Dexie or raw IndexedDB. */
export type Write =
  | { store: 'sync'; put: SyncRow }
  | { store: 'meta'; put: MetaRow }
  | { store: 'countlog'; put: CountLogRow }
  | { store: 'entities'; put: EntityRow }
  | { store: 'entities'; del: string };

/** The writes through Dexie, issued together (one request per row). */
export function issueWrites(db: LibraryDb, writes: Write[]): Promise<unknown>[] {
  return writes.map((w) => ('del' in w ? db.table(w.store).delete(w.del) : db.table(w.store).put(w.put)));
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
  const missing = rowsToRead(d, pre);
  const [fetched, meta, gen] = await Promise.all([
    missing.length ? db.entities.bulkGet(missing) : [],
    'meta' in pre || d.articles === 0 ? pre.meta : db.meta.get(STATS_KEY),
    pre.gen ?? readGen(db),
  ]);
  const rowOf = new Map(pre.entities ?? []);
  missing.forEach((k, i) => rowOf.set(k, fetched[i]));
  const plan = planDeltas(d, { ...pre, meta, gen });
  await Promise.all(issueWrites(db, [...plan.writes, ...plan.merge(rowOf)]));
  return plan.wrote;
}

/** Described entities that are stored (a count above 0) and whose row `pre` lacks: merging their surfaces needs it. */
export function rowsToRead(d: Deltas, pre: Pick<Prefetched, 'entityCounts' | 'entities'>): string[] {
  return [...d.seen.keys()].filter((k) => (pre.entityCounts.get(k) ?? 0) > 0 && pre.entities?.get(k) === undefined);
}

/**
 * What applying `d` writes, planned from the counts and generation alone (no IndexedDB): `writes`
 * needs no stored row (generation, log row, article count, rows of new entities, deletes of gone
 * ones); merge() gives the rows of stored entities that gained a surface form, once their rows
 * are known (undefined: none stored). `wrote.rows` is complete once merge() ran. A caller that
 * has everything but those rows issues `writes` at once and merge()'s when the rows arrive.
 */
export function planDeltas(
  d: Deltas, pre: Omit<Prefetched, 'entities'> & {
    gen: number;
    /**
     * The rows the caller holds. When given, a stored entity whose row is not among them is not
     * read or merged now: its description goes in the log row (`seen`), and merge() covers only
     * the held ones. A save then reads no stored row (index.ts).
     */
    held?: ReadonlyMap<string, EntityRow>;
    /** Surfaces logged already and not merged yet (df-cache.ts): not logged again. */
    logged?: ReadonlyMap<string, SeenEntity>;
  },
): { wrote: Written; writes: Write[]; merge(rowOf: ReadonlyMap<string, EntityRow | undefined>): Write[] } {
  const termKeys = [...d.terms.keys()].filter((k) => d.terms.get(k) !== 0);
  const entityKeys = [...new Set([...d.entities.keys(), ...d.seen.keys()])];
  const before = (id: string) => pre.entityCounts.get(id) ?? 0;
  const gen = pre.gen;
  const wrote: Written = { terms: [], entities: [], articles: null, posts: d.posts, rows: [], seen: [], from: gen, to: gen + 1 };
  for (const t of termKeys) wrote.terms.push([t, Math.max(0, (pre.terms.get(t) ?? 0) + d.terms.get(t)!)]);
  const writes: Write[] = [{ store: 'sync', put: { k: GEN_KEY, gen: wrote.to } }];
  const stored: string[] = [];
  for (const id of entityKeys) {
    const count = Math.max(0, before(id) + (d.entities.get(id) ?? 0));
    wrote.entities.push([id, count]);
    if (count === 0) {
      if (before(id) > 0) writes.push({ store: 'entities', del: id });
      continue;
    }
    const info = d.seen.get(id);
    if (!info) continue;
    if (before(id) > 0) {
      // Stored already: its row is merged with (merge()), or, not held, later (seen).
      if (pre.held && !pre.held.has(id)) {
        const logged = pre.logged?.get(id)?.[3];
        if (!logged || info.surface.some((f) => !logged.includes(f))) wrote.seen.push([id, info.name, info.type, info.surface]);
      } else stored.push(id);
      continue;
    }
    const row = entityRow({ id, name: info.name, type: info.type, surface: info.surface });
    writes.push({ store: 'entities', put: row });
    wrote.rows.push(row);
  }
  if (d.articles !== 0) {
    wrote.articles = Math.max(0, (pre.meta?.articles ?? 0) + d.articles);
    writes.push({ store: 'meta', put: { k: STATS_KEY, articles: wrote.articles } });
  }
  const log: CountLogRow = { gen: wrote.to, terms: wrote.terms, entities: wrote.entities, articles: wrote.articles, posts: wrote.posts };
  if (wrote.seen.length) log.seen = wrote.seen;
  writes.push({ store: 'countlog', put: log });
  const merge = (rowOf: ReadonlyMap<string, EntityRow | undefined>): Write[] => {
    const out: Write[] = [];
    for (const id of stored) {
      const info = d.seen.get(id)!;
      const prev = rowOf.get(id);
      const surface = mergeSurfaces(prev?.surface ?? [], info.surface);
      // Surfaces only grow (mergeSurfaces keeps the old ones first), so a longer list is a change.
      if (prev && surface.length === prev.surface.length) {
        wrote.rows.push(prev);
        continue;
      }
      // The first name seen stays: it is what the reader has been shown so far.
      const row = entityRow({ id, name: prev?.name ?? info.name, type: prev?.type ?? info.type, surface });
      out.push({ store: 'entities', put: row });
      wrote.rows.push(row);
    }
    return out;
  };
  return { wrote, writes, merge };
}
