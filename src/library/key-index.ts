/**
 * The library's index keys in memory: for every key (an article's heaviest terms, title terms,
 * entity-name words, and its entity ids) the articles that have it, newest first. Related,
 * search and the entity timeline read their candidates here instead of from IndexedDB indexes:
 * at 100k articles each IndexedDB request costs about a millisecond, a lookup here microseconds,
 * and a save no longer writes ~40 multiEntry index entries.
 *
 * Layout, built for a cheap wake-up (it is stored packed in the counts snapshot, df-cache.ts):
 * - a base, numbered newest first, so every key's list is a run of ascending article numbers,
 *   stored as varint gaps (about 1.5 bytes per entry): sorted key hashes, offsets, bytes;
 * - an overlay of the changes since the base (`posts`, replayed on load), each a whole
 *   article's keys or its removal. A changed or removed article's old number is marked dead.
 * The base is stored in its own row and rewritten only when the overlay grows past a share of
 * it (compact()); the frequent snapshots store just the posts.
 *
 * Keys are hashed to 32 bits; two keys sharing a hash (a few in a million pairs) only add
 * candidates, and every caller checks the rows it reads.
 */

/** One article's index keys (null: the article is gone), with the time it sorts by. */
export type Post = [id: string, time: number, keys: string[] | null];

/** The base as stored: its own row (`keybase`), rewritten only when rebuilt. */
export interface KeyBase {
  /** Which base this is (the generation it was stored at); the snapshot names the one it needs. */
  version: number;
  /** Base article ids, NUL-joined, newest first (article number = position). */
  ids: string;
  times: Float64Array;
  /** Sorted key hashes; key i's list is bytes[offsets[i] .. offsets[i+1]). */
  hashes: Uint32Array;
  offsets: Uint32Array;
  bytes: Uint8Array;
}

/** What the counts snapshot holds of the key index: the base it builds on, and the changes since. */
export interface StoredKeys {
  base: number;
  posts: Post[];
}

/** Index key of an entity id (kept apart from words, which never start with this). */
export const entityKey = (id: string): string => '\u0002' + id;

const NUL = '\u0000';

/** FNV-1a + murmur finaliser: 32 bits, well spread. */
export function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The overlay is folded into a new base when its posts exceed this share of the base: a context
 * waking up replays the overlay (about 30 microseconds a post), a rebuild costs ~0.5 s at 100k.
 */
const COMPACT_SHARE = 0.02;
const COMPACT_MIN = 1024;
/** Article number by id, kept up to date by apply() (a Map, or the scanner of KeyIndex). */
interface NumberLookup {
  get(id: string): number | undefined;
  set(id: string, n: number): void;
  delete(id: string): void;
}

/** Id lookups answered by scanning before the id -> number map is built (see numbers()). */
const SCAN_LOOKUPS = 16;

export interface TimeRange {
  /** Oldest time kept (ms), inclusive. */
  from?: number | null;
  /** Newest time kept (ms), inclusive. */
  to?: number | null;
}

export class KeyIndex {
  private ids: string[];
  /** By article number; capacity grows by doubling (length is not the article count). */
  private times: Float64Array;
  private alive: Uint8Array;
  private live = 0;
  private numOf: Map<string, number> | null = null;
  private baseCount: number;
  private hashes: Uint32Array;
  private offsets: Uint32Array;
  private bytes: Uint8Array;
  private overlay = new Map<number, number[]>();
  private posts: Post[] = [];
  /** Version of the stored base this base is; null when it is not stored yet (built, compacted). */
  private storedBase: number | null;

  private constructor(p: Omit<KeyBase, 'version'>, posts: Post[], version: number | null) {
    this.ids = p.ids ? p.ids.split(NUL) : [];
    this.times = new Float64Array(Math.max(16, Math.ceil(p.times.length * 1.25)));
    this.times.set(p.times);
    this.baseCount = this.ids.length;
    this.alive = new Uint8Array(Math.max(16, this.baseCount * 1.25)).fill(1, 0, this.baseCount);
    this.live = this.baseCount;
    this.hashes = p.hashes;
    this.offsets = p.offsets;
    this.bytes = p.bytes;
    this.storedBase = version;
    if (posts.length) {
      // Replaying needs the numbers of the base articles the posts touch, not a map of all
      // 100k ids (built later, by the first write or membership test, if ever).
      const touched = new Set(posts.map((x) => x[0]));
      const some = new Map<string, number>();
      for (let n = 0; n < this.baseCount; n++) if (touched.has(this.ids[n]!)) some.set(this.ids[n]!, n);
      for (const post of posts) this.applyWith(post, some);
    }
  }

  static empty(): KeyIndex {
    return new KeyIndex({ ids: '', times: new Float64Array(0), hashes: new Uint32Array(0), offsets: new Uint32Array(1), bytes: new Uint8Array(0) }, [], null);
  }

  /** From a stored base and the posts since (the snapshot's). */
  static unpack(base: KeyBase, posts: Post[]): KeyIndex {
    return new KeyIndex(base, posts, base.version);
  }

  /** Build from every article's post at once (a recount, a migration, a bulk load). */
  static build(posts: Iterable<Post>): KeyIndex {
    const idx = KeyIndex.empty();
    for (const p of posts) idx.apply(p);
    idx.compact();
    return idx;
  }

  /** Articles in the index. */
  get size(): number {
    return this.live;
  }

  /** Posts on top of the base (what pack() would store besides it). */
  get overlaySize(): number {
    return this.posts.length;
  }

  has(id: string): boolean {
    return this.numbers().get(id) != null;
  }

  /**
   * Article numbers by id. The whole map (20-40 ms to build at 100k) only after SCAN_LOOKUPS
   * lookups: until then a backward scan of the ids (0.2-0.7 ms at 100k; a save looks up 3 times),
   * so a worker that woke up for a page or two does not pay for the map, and a query-only wake-up
   * never does.
   */
  private numbers(): NumberLookup {
    if (this.numOf) return this.numOf;
    if (++this.scans <= SCAN_LOOKUPS) return this.scanner;
    const m = new Map<string, number>();
    for (let n = 0; n < this.ids.length; n++) if (this.alive[n]) m.set(this.ids[n]!, n);
    return (this.numOf = m);
  }

  private scans = 0;
  /** Lookups by scanning; nothing to keep up to date (the ids and alive marks are the truth). */
  private readonly scanner = {
    get: (id: string): number | undefined => {
      // The newest number of an id is its only live one, if any.
      const n = this.ids.lastIndexOf(id);
      return n >= 0 && this.alive[n] ? n : undefined;
    },
    set: () => {},
    delete: () => {},
  };

  /** Replace (or remove) one article's keys. */
  apply(post: Post): void {
    this.applyWith(post, this.numbers());
  }

  /** apply(), looking numbers up in (and keeping up to date) `numOf`: the whole map, or a part. */
  private applyWith(post: Post, numOf: NumberLookup): void {
    const [id, time, keys] = post;
    const old = numOf.get(id);
    if (old != null) {
      this.alive[old] = 0;
      numOf.delete(id);
      this.live--;
    }
    if (keys) {
      const n = this.ids.length;
      this.ids.push(id);
      if (n >= this.alive.length) {
        const grown = new Uint8Array(this.alive.length * 2);
        grown.set(this.alive);
        this.alive = grown;
      }
      if (n >= this.times.length) {
        const grown = new Float64Array(this.times.length * 2);
        grown.set(this.times);
        this.times = grown;
      }
      this.times[n] = time;
      this.alive[n] = 1;
      numOf.set(id, n);
      this.live++;
      for (const h of new Set(keys.map(keyHash))) {
        const l = this.overlay.get(h);
        if (l) l.push(n);
        else this.overlay.set(h, [n]);
      }
    }
    this.posts.push(post);
  }

  /** Ids of the newest `limit` articles with `key`, newest first, within `range` if given. */
  newest(key: string, limit: number, range: TimeRange = {}): string[] {
    return this.newestNums(keyHash(key), limit, range).map((n) => this.ids[n]!);
  }

  /** Like newest(), with each article's time (ms) alongside. */
  newestTimed(key: string, limit: number, range: TimeRange = {}): { ids: string[]; times: number[] } {
    const nums = this.newestNums(keyHash(key), limit, range);
    return { ids: nums.map((n) => this.ids[n]!), times: nums.map((n) => this.times[n]!) };
  }

  /** How many articles have `key` (alive ones; reads the whole list). */
  count(key: string): number {
    return this.newestNums(keyHash(key), Infinity, {}).length;
  }

  private newestNums(h: number, limit: number, range: TimeRange): number[] {
    const to = range.to ?? Infinity;
    const from = range.from ?? -Infinity;
    const out: number[] = [];
    const times = this.times;
    // Overlay entries, newest first (the overlay is small next to the base).
    const extra = (this.overlay.get(h) ?? []).filter((n) => this.alive[n] && times[n]! <= to && times[n]! >= from);
    extra.sort((a, b) => times[b]! - times[a]! || b - a);
    let xi = 0;
    // Base entries: ascending numbers are descending times.
    const i = this.find(h);
    let pos = i < 0 ? 0 : this.offsets[i]!;
    const end = i < 0 ? 0 : this.offsets[i + 1]!;
    const bytes = this.bytes;
    let num = -1;
    let next = -1;
    const advance = () => {
      for (;;) {
        if (pos >= end) return -1;
        num += readVarint(bytes, pos);
        pos = varintEnd;
        const t = times[num]!;
        if (t < from) return (pos = end), -1;
        if (this.alive[num] && t <= to) return num;
      }
    };
    next = advance();
    while (out.length < limit) {
      const x = xi < extra.length ? extra[xi]! : -1;
      if (next < 0 && x < 0) break;
      if (x >= 0 && (next < 0 || times[x]! > times[next]!)) {
        out.push(x);
        xi++;
      } else {
        out.push(next);
        next = advance();
      }
    }
    return out;
  }

  private find(h: number): number {
    const a = this.hashes;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = a[mid]!;
      if (v === h) return mid;
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Every (key index, article number) of the base, key by key. */
  private forEachBase(fn: (i: number, num: number) => void): void {
    const bytes = this.bytes;
    for (let i = 0; i < this.hashes.length; i++) {
      let pos = this.offsets[i]!;
      const end = this.offsets[i + 1]!;
      let num = -1;
      while (pos < end) {
        num += readVarint(bytes, pos);
        pos = varintEnd;
        fn(i, num);
      }
    }
  }

  /** Every article with its time and key hashes (sorted): for tests and audits, O(index). */
  entries(): Map<string, { time: number; hashes: number[] }> {
    const out = new Map<string, { time: number; hashes: number[] }>();
    const at = (n: number) => {
      if (!this.alive[n]) return null;
      const id = this.ids[n]!;
      let e = out.get(id);
      if (!e) out.set(id, (e = { time: this.times[n]!, hashes: [] }));
      return e;
    };
    for (let n = 0; n < this.ids.length; n++) at(n);
    this.forEachBase((i, num) => at(num)?.hashes.push(this.hashes[i]!));
    for (const [h, l] of this.overlay) for (const n of l) at(n)?.hashes.push(h);
    for (const e of out.values()) e.hashes.sort((a, b) => a - b);
    return out;
  }

  /**
   * What to store at generation `version`: the base when the stored one is not this one (it is
   * rebuilt first when the overlay has outgrown it), and the posts on top of it. Call
   * markStored(version) once the base was written.
   */
  pack(version: number): { base: KeyBase | null; keys: StoredKeys } {
    if (this.posts.length > Math.max(COMPACT_MIN, COMPACT_SHARE * this.baseCount)) this.compact();
    const base = this.storedBase == null
      ? {
          version,
          ids: this.ids.slice(0, this.baseCount).join(NUL),
          times: this.times.slice(0, this.baseCount),
          hashes: this.hashes,
          offsets: this.offsets,
          bytes: this.bytes,
        }
      : null;
    return { base, keys: { base: base ? version : this.storedBase!, posts: this.posts.slice() } };
  }

  markStored(version: number): void {
    this.storedBase = version;
  }

  /**
   * Fold the overlay and the dead entries into a new base numbered newest first. Typed arrays
   * throughout (two passes over the lists: count, then fill), as this runs over millions of
   * entries at 100k articles.
   */
  compact(): void {
    const oldIds = this.ids;
    const oldTimes = this.times;
    const keep: number[] = [];
    for (let n = 0; n < oldIds.length; n++) if (this.alive[n]) keep.push(n);
    keep.sort((a, b) => oldTimes[b]! - oldTimes[a]! || (oldIds[a]! < oldIds[b]! ? -1 : oldIds[a]! > oldIds[b]! ? 1 : 0));
    const renum = new Int32Array(oldIds.length).fill(-1);
    keep.forEach((n, i) => (renum[n] = i));
    // The new key set: the base's hashes and the overlay's, sorted.
    const extraHashes = [...this.overlay.keys()].filter((h) => this.find(h) < 0);
    const hashes = new Uint32Array(this.hashes.length + extraHashes.length);
    hashes.set(this.hashes);
    hashes.set(extraHashes, this.hashes.length);
    hashes.sort();
    const slot = (h: number) => {
      let lo = 0;
      let hi = hashes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (hashes[mid]! < h) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const baseSlot = Uint32Array.from(this.hashes, slot);
    const overlay = [...this.overlay].map(([h, l]) => [slot(h), l] as const);
    // Pass 1: entries per key; pass 2: fill them in place.
    const start = new Uint32Array(hashes.length + 1);
    const visit = (fn: (k: number, r: number) => void) => {
      this.forEachBase((i, num) => { const r = renum[num]!; if (r >= 0) fn(baseSlot[i]!, r); });
      for (const [k, l] of overlay) for (const n of l) { const r = renum[n]!; if (r >= 0) fn(k, r); }
    };
    visit((k) => start[k + 1]!++);
    for (let k = 0; k < hashes.length; k++) start[k + 1]! += start[k]!;
    const nums = new Uint32Array(start[hashes.length]!);
    const fill = start.slice(0, hashes.length);
    visit((k, r) => (nums[fill[k]!++] = r));
    // Each key's numbers ascending (= newest first), then varint gaps; keys left empty drop out.
    let size = 0;
    let keys = 0;
    for (let k = 0; k < hashes.length; k++) {
      if (start[k]! === start[k + 1]!) continue;
      keys++;
      const l = nums.subarray(start[k]!, start[k + 1]!).sort();
      let prev = -1;
      for (let j = 0; j < l.length; j++) {
        size += varintSize(l[j]! - prev);
        prev = l[j]!;
      }
    }
    const outHashes = new Uint32Array(keys);
    const offsets = new Uint32Array(keys + 1);
    const bytes = new Uint8Array(size);
    let pos = 0;
    let out = 0;
    for (let k = 0; k < hashes.length; k++) {
      if (start[k]! === start[k + 1]!) continue;
      outHashes[out] = hashes[k]!;
      let prev = -1;
      for (let j = start[k]!; j < start[k + 1]!; j++) {
        let gap = nums[j]! - prev;
        prev = nums[j]!;
        while (gap >= 0x80) {
          bytes[pos++] = (gap & 0x7f) | 0x80;
          gap = Math.floor(gap / 128);
        }
        bytes[pos++] = gap;
      }
      offsets[++out] = pos;
    }
    this.ids = keep.map((n) => oldIds[n]!);
    this.times = new Float64Array(Math.max(16, Math.ceil(keep.length * 1.25)));
    keep.forEach((n, i) => (this.times[i] = oldTimes[n]!));
    this.baseCount = keep.length;
    this.alive = new Uint8Array(Math.max(16, Math.ceil(keep.length * 1.25))).fill(1, 0, keep.length);
    this.live = keep.length;
    this.numOf = null;
    this.hashes = outHashes;
    this.offsets = offsets;
    this.bytes = bytes;
    this.overlay = new Map();
    this.posts = [];
    this.storedBase = null;
  }
}

/** Where the last readVarint() ended (a module variable: no object per entry on hot loops). */
let varintEnd = 0;

/** The varint gap starting at bytes[pos]; sets varintEnd to the byte after it. */
function readVarint(bytes: Uint8Array, pos: number): number {
  let gap = 0;
  let shift = 0;
  let b: number;
  do {
    b = bytes[pos++]!;
    gap += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  varintEnd = pos;
  return gap;
}

function varintSize(x: number): number {
  let s = 1;
  while (x >= 0x80) {
    x = Math.floor(x / 128);
    s++;
  }
  return s;
}
