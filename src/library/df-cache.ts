/**
 * Document frequencies in memory. A related query needs the df of ~40 terms and names of its
 * target, a search of its words, and a save the df of every term it adds. Each context
 * (background, library page) holds all of them, exact, and keeps them exact by applying what its
 * own writes wrote.
 *
 * Stored (v4) as one packed snapshot row plus a log of what each later write set (`counts`,
 * `countlog`): they are the record. Every write transaction bumps the generation in `sync` and
 * logs the values it set; catchUp() brings memory to the stored generation from the log (memory a
 * few writes behind: another context wrote) or from snapshot + log (a context waking up cold),
 * inside the caller's own transaction. Every `snapshotEvery` writes a new snapshot is written and
 * the log before it dropped. A gap in the log (a write that left no row: a bulk load) is detected
 * by counting and repaired by recounting from the articles (rebuild()).
 */
import Dexie from 'dexie';
import { applyCountWrite, dfTerms, GEN_KEY, KEYBASE_KEY, postOf, snapshotRows, SNAPSHOT_KEY, STATS_KEY, unpackCounts, unpackFeatures, type ArticleRow, type CountLogRow, type CountMaps, type EntityRow, type FeatRow, type LibraryDb, type SeenEntity } from './db';
import { mergeSurfaces } from './counts';
import { KeyIndex, type Post } from './key-index';

/** The counts and the key index (key-index.ts), held and stored together. */
export type DfSnapshot = CountMaps & { index: KeyIndex };

/** Entity rows kept in memory at most (about 200 bytes each). */
const MAX_ENTITY_ROWS = 20_000;

/** Feature rows read per step when recounting. */
const REBUILD_PAGE = 2000;

/** Apply what one write set (a log row, or a write's own result). */
function applyWrite(snap: DfSnapshot, w: Pick<CountLogRow, 'terms' | 'entities' | 'articles' | 'posts'>): void {
  applyCountWrite(snap, w);
  for (const p of w.posts ?? []) snap.index.apply(p);
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
  lastLoadFrom: 'recount' | 'snapshot' | null = null;
  /**
   * Entity rows as this context last read or wrote them, so a save need not read the rows of
   * the people and places it has seen before. A foreign write's log row lists every entity it
   * touched: those are dropped when memory catches up past it (catchUp).
   */
  readonly entityRows = new Map<string, EntityRow>();

  /**
   * Surface forms logged (`seen`, v7) and not merged into their entity rows yet, by entity id:
   * this context's own saves' and those of every log row it has applied. They are merged by
   * `flushSeen` (index.ts) once writes pause, before the log is folded into a snapshot: the log
   * is dropped only by a context holding every `seen` it carries.
   */
  private readonly seen = new Map<string, SeenEntity>();
  /** Merges `pendingSeen()` into the entity rows (a write of its own); set by the library. */
  flushSeen: (() => Promise<void>) | null = null;

  constructor(readonly snapshotEvery = 256, readonly snapshotIdleMs = 1000) {}

  /** The counts as held, possibly a few writes behind (for reads issued before catching up). */
  peek(): DfSnapshot | null {
    return this.snap;
  }

  /** The counts as held and the generation they match, without checking the stored one. */
  held(): { snap: DfSnapshot; gen: number } | null {
    return this.snap && this.gen != null ? { snap: this.snap, gen: this.gen } : null;
  }

  /** The counts, when loaded and still at the stored generation `stored`. */
  current(stored: number): DfSnapshot | null {
    return this.snap && this.gen === stored ? this.snap : null;
  }

  /**
   * Bring memory to the stored generation `stored` from the log, or from snapshot + log; null
   * when they cannot (no snapshot, a gap: see ready()). Call inside a transaction over counts,
   * countlog and sync; reads only, so any transaction will do.
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
        for (const w of log) if (w.gen > this.gen) {
          applyWrite(this.snap, w);
          for (const [e] of w.entities) this.entityRows.delete(e);
          this.addSeen(w.seen);
        }
        this.gen = stored;
        if (this.sinceSnapshot != null) this.sinceSnapshot += log.length;
        return this.snap;
      }
    }
    const t0 = performance.now();
    const [row, base] = await Promise.all([db.counts.get(SNAPSHOT_KEY), db.keybase.get(KEYBASE_KEY)]);
    // A snapshot without keys (written before v5, kept by an upgrade that found a gap) or whose
    // key base is not the stored one is not used: the counts are rebuilt.
    if (!row || row.gen > stored || !row.keys || !base || base.version !== row.keys.base) return null;
    const log = await logSince(row.gen);
    if (!log || epoch !== this.epoch) return null;
    if (this.current(stored)) return this.snap; // another caller got there meanwhile
    const snap: DfSnapshot = { ...unpackCounts(row), index: KeyIndex.unpack(base, row.keys.posts) };
    for (const w of log) applyWrite(snap, w);
    this.entityRows.clear();
    this.seen.clear();
    for (const w of log) this.addSeen(w.seen);
    this.snap = snap;
    this.gen = stored;
    this.sinceSnapshot = log.length;
    this.lastLoadMs = performance.now() - t0;
    this.lastLoadFrom = 'snapshot';
    return snap;
  }

  /**
   * Load memory, outside any transaction: from snapshot + log when they reach the stored
   * generation, else by recounting (rebuild). Every query and write calls this first, so inside
   * its own transaction catchUp() only has to bridge writes that landed in between.
   */
  ready(db: LibraryDb): Promise<void> {
    // Memory held, perhaps a few writes behind: the caller's transaction catches it up (from the
    // log, else the snapshot), so no round trip is spent here. Callers arriving during a load
    // (a warm-up and the save it was for) share it.
    if (this.snap) return Promise.resolve();
    return (this.readying ??= this.load(db).finally(() => {
      this.readying = null;
    }));
  }

  private readying: Promise<void> | null = null;

  private async load(db: LibraryDb): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const ok = await db.transaction('r', [db.counts, db.countlog, db.keybase, db.sync], async () => !!(await this.catchUp(db, await readGen(db))));
      if (ok) return;
      await this.rebuild(db);
    }
  }

  /**
   * Recount every document frequency from the stored articles (once at a time) and store the
   * result as the snapshot. Only needed when snapshot and log cannot reach the stored generation.
   */
  rebuild(db: LibraryDb): Promise<void> {
    if (this.loading) return this.loading;
    const epoch = this.epoch;
    const t0 = performance.now();
    this.loading = db
      .transaction('r', [db.articles, db.feats, db.entities, db.meta, db.sync, db.countlog], async () => {
        // One read transaction: the counts and their generation are one consistent snapshot.
        const terms = new Map<string, number>();
        let after: string | null = null;
        for (;;) {
          const page: FeatRow[] = await (after == null ? db.feats.orderBy(':id') : db.feats.where(':id').above(after)).limit(REBUILD_PAGE).toArray();
          if (!page.length) break;
          for (const r of page) for (const t of dfTerms(unpackFeatures(r))) terms.set(t, (terms.get(t) ?? 0) + 1);
          after = page[page.length - 1]!.id;
        }
        const posts: Post[] = [];
        const entities = new Map<string, number>();
        after = null;
        for (;;) {
          const page: ArticleRow[] = await (after == null ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(REBUILD_PAGE).toArray();
          if (!page.length) break;
          for (const r of page) {
            posts.push(postOf(r));
            for (const e of new Set(r.entityIds)) entities.set(e, (entities.get(e) ?? 0) + 1);
          }
          after = page[page.length - 1]!.id;
        }
        const [meta, gen, log] = await Promise.all([db.meta.get(STATS_KEY), readGen(db), db.countlog.toArray()]);
        // Surfaces logged and not merged yet: the log is dropped once they are (see `seen`).
        const seen = log.filter((w) => w.gen <= gen).flatMap((w) => w.seen ?? []);
        return { snap: { terms, entities, articles: meta?.articles ?? 0, index: KeyIndex.build(posts) }, gen, seen };
      })
      .then(({ snap, gen, seen }) => {
        if (epoch !== this.epoch) return;
        this.entityRows.clear();
        this.seen.clear();
        this.addSeen(seen);
        this.snap = snap;
        this.gen = gen;
        this.sinceSnapshot = null;
        this.lastLoadMs = performance.now() - t0;
        this.lastLoadFrom = 'recount';
        // Logged surfaces first (see `seen`): the next pause merges them, then snapshots.
        if (this.seen.size) return this.snapshotWhenIdle(db);
        return this.scheduleSnapshot(db);
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
  committed(from: number, to: number, wrote: Pick<CountLogRow, 'terms' | 'entities' | 'articles' | 'posts' | 'seen'> & { rows?: EntityRow[] }, db?: LibraryDb): void {
    if (!this.snap || this.gen !== from) {
      this.invalidate();
      return;
    }
    applyWrite(this.snap, wrote);
    for (const [e] of wrote.entities) this.entityRows.delete(e);
    // The described entities' rows as stored now: what the next save naming them would read.
    if (this.entityRows.size > MAX_ENTITY_ROWS) this.entityRows.clear();
    for (const r of wrote.rows ?? []) this.entityRows.set(r.id, r);
    this.addSeen(wrote.seen);
    this.gen = to;
    if (this.sinceSnapshot != null) this.sinceSnapshot++;
    if (db && (this.seen.size || this.sinceSnapshot == null || this.sinceSnapshot >= this.snapshotEvery)) this.snapshotWhenIdle(db);
  }

  /** Entity rows read at generation `gen`: held if memory is still there. */
  holdRows(gen: number, rows: EntityRow[]): void {
    if (this.gen !== gen) return;
    if (this.entityRows.size > MAX_ENTITY_ROWS) this.entityRows.clear();
    for (const r of rows) this.entityRows.set(r.id, r);
  }

  private addSeen(list: SeenEntity[] | undefined): void {
    for (const [id, name, type, surface] of list ?? []) {
      const cur = this.seen.get(id);
      this.seen.set(id, cur ? [id, cur[1], cur[2], mergeSurfaces(cur[3], surface)] : [id, name, type, surface]);
    }
  }

  /** Logged surfaces not merged yet (see `seen`), by entity id. */
  pendingSeen(): ReadonlyMap<string, SeenEntity> {
    return this.seen;
  }

  /** `merged` (a copy of pendingSeen() taken before merging) is in the rows now: forget what did not grow since. */
  mergedSeen(merged: ReadonlyMap<string, SeenEntity>): void {
    for (const [id, e] of merged) if (this.seen.get(id)?.[3].length === e[3].length) this.seen.delete(id);
  }

  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * A snapshot is due: write it once no write came for `snapshotIdleMs`. Packing the counts takes
   * tens of milliseconds at 100k articles (and rebuilding the key base, every few thousand writes,
   * about half a second), and its transaction holds the log and the generation: done inside the
   * write that made it due, the reader's save would wait for all of it. A reader saves an article
   * every few seconds at most, so the snapshot lands between saves. If the context ends first, the
   * log stays longer (correct, a little more to replay on waking) and the next write makes it due
   * again.
   */
  private snapshotWhenIdle(db: LibraryDb): void {
    if (this.idleTimer != null) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (db.isOpen()) void this.idle(db);
    }, this.snapshotIdleMs);
    // Node (the CLI, tests): a pending snapshot does not keep the process alive.
    (this.idleTimer as { unref?: () => void }).unref?.();
  }

  /** Writes paused: merge logged surfaces into their rows, then write the snapshot if one is due. */
  private async idle(db: LibraryDb): Promise<void> {
    if (this.seen.size && this.flushSeen) await this.flushSeen().catch(() => {});
    if (this.sinceSnapshot != null && this.sinceSnapshot < this.snapshotEvery) return;
    await this.scheduleSnapshot(db);
  }

  /**
   * Write memory as the stored snapshot and drop the log it covers, in its own transaction and
   * only if no write happened since memory was current. Logged surfaces waiting to be merged
   * (the log is their only record) are merged first (flushSeen), else nothing is written. Not awaited by anyone; a failure (full
   * storage) leaves the log in place, which stays correct.
   */
  scheduleSnapshot(db: LibraryDb): Promise<void> {
    if (this.writing) return this.writing;
    if (this.seen.size) {
      if (!this.flushSeen) return Promise.resolve();
      return this.flushSeen().catch(() => {}).then(() => (this.seen.size ? undefined : this.scheduleSnapshot(db)));
    }
    if (!this.snap || this.gen == null) return Promise.resolve();
    const gen = this.gen;
    // Packing may rebuild the key index's base (~0.5 s at 100k, every few thousand writes);
    // otherwise the snapshot carries only the changes since the stored base.
    const index = this.snap.index;
    const { row, base } = snapshotRows(this.snap, gen, index);
    if (!row) return Promise.resolve();
    this.writing = Dexie.ignoreTransaction(() =>
      db.transaction('rw', [db.counts, db.countlog, db.keybase, db.sync], async () => {
        if ((await readGen(db)) !== gen) return false;
        await Promise.all([db.counts.put(row), base ? db.keybase.put(base) : null, db.countlog.where('gen').belowOrEqual(gen).delete()]);
        return true;
      }),
    )
      .then((wrote) => {
        if (wrote && base) index.markStored(gen);
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
    this.entityRows.clear();
    // Still in the log: a reload collects them again.
    this.seen.clear();
    this.snap = null;
    this.gen = null;
    this.sinceSnapshot = null;
    this.epoch++;
  }

  /** Replace with an empty library's counts (after clear, which stored an empty snapshot) at `gen`. */
  reset(gen: number): void {
    this.invalidate();
    this.snap = { terms: new Map(), entities: new Map(), articles: 0, index: KeyIndex.empty() };
    this.gen = gen;
    this.sinceSnapshot = 0;
  }
}

/** The stored write generation (0 before the first write). Call inside a transaction over `sync`. */
export async function readGen(db: LibraryDb): Promise<number> {
  return (await db.sync.get(GEN_KEY))?.gen ?? 0;
}
