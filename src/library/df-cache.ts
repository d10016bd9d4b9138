/**
 * Document frequencies held in memory. A related query needs the df of ~40 terms and names of its
 * target, a search of its words, and a save the df of every term it adds; reading those rows from
 * IndexedDB per call was the biggest cost at 100k articles. So each context (background, library
 * page) loads `vocab`, the entity counts and the article count ONCE, lazily, then keeps them
 * exact by applying what its own writes wrote.
 *
 * Other contexts write to the same database. Every write transaction bumps the generation in
 * `sync` (db.ts, v3); the memory is "current" only while the stored generation equals the one it
 * was loaded at or last wrote. A reader that finds another generation falls back to reading the
 * rows it needs and reloads in the background; a save that finds one reads the vocab rows it
 * changes inside its transaction, so the stored counts never depend on memory being right.
 */
import { GEN_KEY, STATS_KEY, type LibraryDb } from './db';

export interface DfSnapshot {
  terms: Map<string, number>;
  entities: Map<string, number>;
  articles: number;
}

export class DfIndex {
  private snap: DfSnapshot | null = null;
  /** Generation the snapshot matches; null when none is loaded. */
  private gen: number | null = null;
  private loading: Promise<void> | null = null;
  /** Bumped by invalidate(): a load that started before is not trusted when it lands. */
  private epoch = 0;
  /** Milliseconds the last full load took (the bench reports it). */
  lastLoadMs: number | null = null;

  /** The counts, when loaded and still at the stored generation `stored`. */
  current(stored: number): DfSnapshot | null {
    return this.snap && this.gen === stored ? this.snap : null;
  }

  /**
   * Start loading (once at a time) if nothing current is held. Callers do not wait for it: the
   * query that triggers it reads its rows the old way, the next ones use memory.
   */
  ensure(db: LibraryDb, stored: number): Promise<void> {
    if (this.current(stored) || this.loading) return this.loading ?? Promise.resolve();
    const epoch = this.epoch;
    const t0 = performance.now();
    this.loading = db
      .transaction('r', [db.vocab, db.entities, db.meta, db.sync], async () => {
        // One read transaction: the counts and their generation are one consistent snapshot.
        // Whole-table reads (getAll), not cursors: a cursor step per row would queue thousands of
        // events in front of the queries running meanwhile.
        const [vocab, ents, meta, gen] = await Promise.all([db.vocab.toArray(), db.entities.toArray(), db.meta.get(STATS_KEY), readGen(db)]);
        const terms = new Map<string, number>();
        for (const v of vocab) terms.set(v.t, v.df);
        const entities = new Map<string, number>();
        for (const e of ents) entities.set(e.id, e.articleCount);
        return { snap: { terms, entities, articles: meta?.articles ?? 0 }, gen };
      })
      .then(({ snap, gen }) => {
        if (epoch !== this.epoch) return;
        this.snap = snap;
        this.gen = gen;
        this.lastLoadMs = performance.now() - t0;
      })
      .catch(() => {
        // A failed load leaves the slow path in place; the next call tries again.
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /**
   * After a committed write that started at generation `from` and set `to`: apply the values it
   * wrote, or drop the snapshot if it was not current when the write began.
   */
  committed(from: number, to: number, wrote: { terms: [string, number][]; entities: [string, number][]; articles: number | null }): void {
    if (!this.snap || this.gen !== from) {
      this.invalidate();
      return;
    }
    for (const [t, df] of wrote.terms) if (df > 0) this.snap.terms.set(t, df); else this.snap.terms.delete(t);
    for (const [e, n] of wrote.entities) if (n > 0) this.snap.entities.set(e, n); else this.snap.entities.delete(e);
    if (wrote.articles != null) this.snap.articles = wrote.articles;
    this.gen = to;
  }

  /** Forget everything (clear, import, a failed or foreign write): the next reader reloads. */
  invalidate(): void {
    this.snap = null;
    this.gen = null;
    this.epoch++;
  }

  /** Replace with an empty library's counts (after clear) at generation `gen`. */
  reset(gen: number): void {
    this.invalidate();
    this.snap = { terms: new Map(), entities: new Map(), articles: 0 };
    this.gen = gen;
  }
}

/** The stored write generation (0 before the first write). Call inside a transaction over `sync`. */
export async function readGen(db: LibraryDb): Promise<number> {
  return (await db.sync.get(GEN_KEY))?.gen ?? 0;
}
