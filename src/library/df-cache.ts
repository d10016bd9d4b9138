/**
 * Document frequencies read by related queries, cached in memory. Neighbouring queries share
 * most of their vocabulary (a reader follows a story), so a warm cache turns ~50 IndexedDB reads
 * into a handful. Writes invalidate what they change; entries also expire, so another context
 * (the library page and the background share one database) cannot leave them stale for long.
 */
import type { LibraryDb } from './db';

export class DfCache {
  private readonly map = new Map<string, { df: number; at: number }>();

  constructor(private readonly maxEntries = 50_000, private readonly ttlMs = 5 * 60_000) {}

  async get(db: LibraryDb, terms: string[], now = Date.now()): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const t of terms) {
      const hit = this.map.get(t);
      if (hit && now - hit.at < this.ttlMs) out.set(t, hit.df);
      else missing.push(t);
    }
    if (missing.length) {
      const rows = await db.vocab.bulkGet(missing);
      if (this.map.size + missing.length > this.maxEntries) this.map.clear();
      missing.forEach((t, i) => {
        const df = rows[i]?.df ?? 0;
        out.set(t, df);
        this.map.set(t, { df, at: now });
      });
    }
    return out;
  }

  invalidate(terms: Iterable<string>): void {
    for (const t of terms) this.map.delete(t);
  }

  clear(): void {
    this.map.clear();
  }
}
