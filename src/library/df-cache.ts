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
 *
 * Loading ~100k vocab and entity rows took seconds at 100k articles, and a Chrome service worker
 * wakes up cold every few minutes. So (v4) the counts are also kept as one packed snapshot row
 * plus a log of what each later write set (`counts`, `countlog`): catchUp() brings memory to the
 * stored generation from the log (memory a few writes behind) or from snapshot + log (cold), in
 * the caller's own transaction. Every `snapshotEvery` writes, or after a load from the tables, a
 * new snapshot is written and the log before it dropped. A gap in the log (a write that left no
 * row) is detected by counting and falls back to the tables.
 */
import Dexie from 'dexie';
import { GEN_KEY, SNAPSHOT_KEY, STATS_KEY, type CountLogRow, type CountsSnapshotRow, type LibraryDb } from './db';

export interface DfSnapshot {
  terms: Map<string, number>;
  entities: Map<string, number>;
  articles: number;
}

/** Snapshot keys are joined by NUL; a key holding one (never seen) makes the snapshot unwritable. */
const SEP = '\u0000';

export function packSnapshot(snap: DfSnapshot, gen: number): CountsSnapshotRow | null {
  const pack = (m: Map<string, number>) => {
    const keys = [...m.keys()];
    if (keys.some((k) => k.includes(SEP))) return null;
    return { keys: keys.join(SEP), values: Uint32Array.from(keys, (k) => m.get(k)!) };
  };
  const t = pack(snap.terms);
  const e = pack(snap.entities);
  if (!t || !e) return null;
  return { k: SNAPSHOT_KEY, gen, terms: t.keys, termDf: t.values, entities: e.keys, entityDf: e.values, articles: snap.articles };
}

export function unpackSnapshot(row: CountsSnapshotRow): DfSnapshot {
  const unpack = (keys: string, values: Uint32Array) => {
    const m = new Map<string, number>();
    if (!keys) return m;
    const ks = keys.split(SEP);
    for (let i = 0; i < ks.length; i++) m.set(ks[i]!, values[i]!);
    return m;
  };
  return { terms: unpack(row.terms, row.termDf), entities: unpack(row.entities, row.entityDf), articles: row.articles };
}

/** Apply what one write set (a log row, or a write's own result). */
function applyWrite(snap: DfSnapshot, w: Pick<CountLogRow, 'terms' | 'entities' | 'articles'>): void {
  for (const [t, df] of w.terms) if (df > 0) snap.terms.set(t, df); else snap.terms.delete(t);
  for (const [e, n] of w.entities) if (n > 0) snap.entities.set(e, n); else snap.entities.delete(e);
  if (w.articles != null) snap.articles = w.articles;
}

export class DfIndex {
  private snap: DfSnapshot | null = null;
  /** Generation the snapshot matches; null when none is loaded. */
  private gen: number | null = null;
  private loading: Promise<void> | null = null;
  private writing: Promise<void> | null = null;
  /** Bumped by invalidate(): a load that started before is not trusted when it lands. */
  private epoch = 0;
  /** Writes the stored snapshot is behind memory by; null when no usable snapshot is stored. */
  private sinceSnapshot: number | null = null;
  /** Milliseconds the last load took and where it came from (the bench reports them). */
  lastLoadMs: number | null = null;
  lastLoadFrom: 'tables' | 'snapshot' | null = null;

  constructor(readonly snapshotEvery = 256) {}

  /** The counts, when loaded and still at the stored generation `stored`. */
  current(stored: number): DfSnapshot | null {
    return this.snap && this.gen === stored ? this.snap : null;
  }

  /**
   * Bring memory to the stored generation `stored` from the log, or from snapshot + log; null
   * when they cannot (no snapshot yet, a gap): the caller then takes the slow path. Call inside a
   * transaction over counts, countlog and sync; reads only, so any transaction will do.
   */
  async catchUp(db: LibraryDb, stored: number): Promise<DfSnapshot | null> {
    if (this.current(stored)) return this.snap;
    const epoch = this.epoch;
    const logSince = async (from: number) => {
      const log = from < stored ? await db.countlog.where('gen').between(from, stored, false, true).toArray() : [];
      // Generations go up by one per write: fewer rows than that means a write left none.
      return log.length === stored - from ? log : null;
    };
    if (this.snap && this.gen != null && this.gen < stored) {
      const log = await logSince(this.gen);
      if (log && epoch === this.epoch && this.snap && this.gen != null && this.gen < stored) {
        for (const w of log) if (w.gen > this.gen) applyWrite(this.snap, w);
        this.gen = stored;
        if (this.sinceSnapshot != null) this.sinceSnapshot += log.length;
        return this.snap;
      }
    }
    const t0 = performance.now();
    const row = await db.counts.get(SNAPSHOT_KEY);
    if (!row || row.gen > stored) return null;
    const log = await logSince(row.gen);
    if (!log || epoch !== this.epoch) return null;
    if (this.current(stored)) return this.snap; // another caller got there meanwhile
    const snap = unpackSnapshot(row);
    for (const w of log) applyWrite(snap, w);
    this.snap = snap;
    this.gen = stored;
    this.sinceSnapshot = log.length;
    this.lastLoadMs = performance.now() - t0;
    this.lastLoadFrom = 'snapshot';
    return snap;
  }

  /**
   * Load from the tables (once at a time) if nothing current is held, then store a snapshot so
   * the next cold start is fast. Callers do not wait for it: the query that triggers it reads its
   * rows the old way, the next ones use memory.
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
        for (const e of ents) if (e.articleCount > 0) entities.set(e.id, e.articleCount);
        return { snap: { terms, entities, articles: meta?.articles ?? 0 }, gen };
      })
      .then(({ snap, gen }) => {
        if (epoch !== this.epoch) return;
        this.snap = snap;
        this.gen = gen;
        this.sinceSnapshot = null;
        this.lastLoadMs = performance.now() - t0;
        this.lastLoadFrom = 'tables';
        this.scheduleSnapshot(db);
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
  committed(from: number, to: number, wrote: { terms: [string, number][]; entities: [string, number][]; articles: number | null }, db?: LibraryDb): void {
    if (!this.snap || this.gen !== from) {
      this.invalidate();
      return;
    }
    applyWrite(this.snap, wrote);
    this.gen = to;
    if (this.sinceSnapshot != null) this.sinceSnapshot++;
    if (db && (this.sinceSnapshot == null || this.sinceSnapshot >= this.snapshotEvery)) this.scheduleSnapshot(db);
  }

  /**
   * Write memory as the stored snapshot and drop the log it covers, in its own transaction and
   * only if no write happened since memory was current. Not awaited by anyone; a failure (full
   * storage) leaves the log in place, which stays correct.
   */
  scheduleSnapshot(db: LibraryDb): Promise<void> {
    if (this.writing || !this.snap || this.gen == null) return this.writing ?? Promise.resolve();
    const gen = this.gen;
    const row = packSnapshot(this.snap, gen);
    if (!row) return Promise.resolve();
    this.writing = Dexie.ignoreTransaction(() =>
      db.transaction('rw', [db.counts, db.countlog, db.sync], async () => {
        if ((await readGen(db)) !== gen) return false;
        await Promise.all([db.counts.put(row), db.countlog.where('gen').belowOrEqual(gen).delete()]);
        return true;
      }),
    )
      .then((wrote) => {
        if (wrote && this.gen != null) this.sinceSnapshot = this.gen - gen;
      })
      .catch(() => {})
      .finally(() => {
        this.writing = null;
      });
    return this.writing;
  }

  /** Forget everything (clear, import, a failed or foreign write): the next reader reloads. */
  invalidate(): void {
    this.snap = null;
    this.gen = null;
    this.sinceSnapshot = null;
    this.epoch++;
  }

  /** Replace with an empty library's counts (after clear, which stored an empty snapshot) at `gen`. */
  reset(gen: number): void {
    this.invalidate();
    this.snap = { terms: new Map(), entities: new Map(), articles: 0 };
    this.gen = gen;
    this.sinceSnapshot = 0;
  }
}

/** The stored write generation (0 before the first write). Call inside a transaction over `sync`. */
export async function readGen(db: LibraryDb): Promise<number> {
  return (await db.sync.get(GEN_KEY))?.gen ?? 0;
}
