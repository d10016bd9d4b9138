/**
 * Keeping document frequencies exact: every write computes what changed between the old and the
 * new version of an article and applies only the difference to `vocab`, `entities` and `meta`,
 * inside the caller's transaction.
 */
import type { Entity } from '../types';
import { STATS_KEY, type EntityRow, type LibraryDb } from './db';

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

/**
 * Apply deltas; call inside a rw transaction over vocab, entities and meta. All reads are issued
 * together, then all writes: each await on IndexedDB is a round trip, and a save should cost two.
 */
export async function applyDeltas(db: LibraryDb, d: Deltas, now: number): Promise<void> {
  const termKeys = [...d.terms.keys()].filter((k) => d.terms.get(k) !== 0);
  const entityKeys = [...new Set([...d.entities.keys(), ...d.seen.keys()])];
  const [vocabRows, entityRows, meta] = await Promise.all([
    termKeys.length ? db.vocab.bulkGet(termKeys) : [],
    entityKeys.length ? db.entities.bulkGet(entityKeys) : [],
    d.articles !== 0 ? db.meta.get(STATS_KEY) : undefined,
  ]);
  const vocabPut: { t: string; df: number }[] = [];
  const vocabDel: string[] = [];
  termKeys.forEach((t, i) => {
    const df = (vocabRows[i]?.df ?? 0) + d.terms.get(t)!;
    if (df > 0) vocabPut.push({ t, df });
    else if (vocabRows[i]) vocabDel.push(t);
  });
  const entityPut: EntityRow[] = [];
  const entityDel: string[] = [];
  entityKeys.forEach((id, i) => {
    const info = d.seen.get(id);
    const prev = entityRows[i];
    const articleCount = (prev?.articleCount ?? 0) + (d.entities.get(id) ?? 0);
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
  const writes: Promise<unknown>[] = [];
  if (vocabPut.length) writes.push(db.vocab.bulkPut(vocabPut));
  if (vocabDel.length) writes.push(db.vocab.bulkDelete(vocabDel));
  if (entityPut.length) writes.push(db.entities.bulkPut(entityPut));
  if (entityDel.length) writes.push(db.entities.bulkDelete(entityDel));
  if (d.articles !== 0) writes.push(db.meta.put({ k: STATS_KEY, articles: Math.max(0, (meta?.articles ?? 0) + d.articles) }));
  await Promise.all(writes);
}
