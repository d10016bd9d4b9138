/**
 * The extension's IndexedDB seen from one of its own pages (same origin, so the same database),
 * with the raw API: no copy of the library code is involved in checking it.
 */
import type { Page } from 'playwright-core';

export interface LibraryAudit {
  version: number;
  ids: string[];
  /** Ids present in some but not all of articles / feats / bodies: a half-written article. */
  orphans: string[];
  /** meta.articles, term df (v4: snapshot + log; older: vocab) and entity articleCount as stored... */
  stored: Counted;
  /** ...and as recounted from the article rows. */
  recount: Counted;
}

interface Counted {
  articles: number;
  terms: [string, number][];
  entities: [string, number][];
  /** v5: each article's key hashes in the key index (snapshot + log), or from its row. */
  keys: [string, string][];
}

/** Read the whole library (opens and closes its own connection at the current version). */
export function auditLibrary(page: Page, name = 'sorot'): Promise<LibraryAudit> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      // v4 keeps term counts as a packed snapshot plus a log of later writes (src/library/db.ts).
      const packed = db.objectStoreNames.contains('counts');
      const keyed = db.objectStoreNames.contains('keybase');
      const stores = ['articles', 'feats', 'bodies', 'entities', 'meta', ...(packed ? ['counts', 'countlog'] : ['vocab']), ...(keyed ? ['keybase'] : [])];
      const tx = db.transaction(stores, 'readonly');
      const all = (s: string) => new Promise<any[]>((resolve, reject) => {
        const r = tx.objectStore(s).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const [articles, feats, bodies, entities, meta, x, y, z] = await Promise.all(stores.map(all));
      const storedTerms = new Map<string, number>();
      // v6: entity counts live with the term counts; before, in each entity row (articleCount).
      const storedEntities = new Map<string, number>();
      // The key index (src/library/key-index.ts), decoded here independently of the library code.
      const keyHash = (str: string) => {
        let h = 0x811c9dc5;
        for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
        h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
        return (h ^ (h >>> 16)) >>> 0;
      };
      const storedKeys = new Map<string, Set<number>>();
      const applyPosts = (posts: [string, number, string[] | null][] | undefined) => {
        for (const [id, , keys] of posts ?? []) {
          storedKeys.delete(id);
          if (keys) storedKeys.set(id, new Set(keys.map(keyHash)));
        }
      };
      if (packed) {
        const snap = x!.find((r) => r.k === 'snapshot');
        if (snap?.terms) snap.terms.split('\u0000').forEach((t: string, i: number) => storedTerms.set(t, snap.termDf[i]));
        if (snap?.entities) snap.entities.split('\u0000').forEach((e: string, i: number) => storedEntities.set(e, snap.entityDf[i]));
        const k = z?.find((r) => r.version === snap?.keys?.base);
        if (k) {
          const base: string[] = k.ids ? k.ids.split('\u0000') : [];
          for (const id of base) storedKeys.set(id, new Set());
          for (let i = 0; i < k.hashes.length; i++) {
            let num = -1;
            for (let pos = k.offsets[i]; pos < k.offsets[i + 1];) {
              let gap = 0; let shift = 0; let b: number;
              do { b = k.bytes[pos++]; gap += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
              num += gap;
              storedKeys.get(base[num]!)!.add(k.hashes[i]);
            }
          }
          applyPosts(snap.keys.posts);
        }
        for (const w of [...y!].filter((r) => r.gen > (snap?.gen ?? -1)).sort((a, b) => a.gen - b.gen)) {
          for (const [t, df] of w.terms as [string, number][]) if (df > 0) storedTerms.set(t, df); else storedTerms.delete(t);
          for (const [e, n] of w.entities as [string, number][]) if (n > 0) storedEntities.set(e, n); else storedEntities.delete(e);
          applyPosts(w.posts);
        }
      } else {
        for (const v of x!) storedTerms.set(v.t, v.df);
      }
      const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const terms = new Map<string, number>();
      for (const f of feats!) {
        // Packed features (db.ts packFeatures): [site, title, url, published, publishedTs, terms, weights, forms, titleTerms, entities]
        const p = JSON.parse(f.f);
        for (const t of new Set<string>([...p[5], ...p[8]])) terms.set(t, (terms.get(t) ?? 0) + 1);
      }
      const ents = new Map<string, number>();
      for (const a of articles!) for (const e of new Set<string>(a.entityIds)) ents.set(e, (ents.get(e) ?? 0) + 1);
      // A row's index keys: its keys (time suffix after \u0001 dropped) and its entity ids.
      const rowKeys = new Map<string, Set<number>>(articles!.map((a) => [a.id, new Set<number>([
        ...a.keys.map((x: string) => keyHash(x.split('\u0001')[0]!)), ...a.entityIds.map((e: string) => keyHash('\u0002' + e)),
      ])]));
      const keyList = (m: Map<string, Set<number>>) => [...m].map(([id, hs]) => [id, [...hs].sort((a, b) => a - b).join(',')] as [string, string]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const sets = [articles!, feats!, bodies!].map((rows) => new Set(rows.map((r) => r.id as string)));
      const every = new Set(sets.flatMap((s) => [...s]));
      return {
        version: db.version,
        ids: [...sets[0]!].sort(),
        orphans: [...every].filter((id) => !sets.every((s) => s.has(id))),
        stored: {
          articles: meta!.find((m) => m.k === 'stats')?.articles ?? 0,
          terms: sorted(storedTerms),
          entities: sorted(db.version >= 60 ? storedEntities : new Map(entities!.map((e) => [e.id, e.articleCount]))),
          keys: keyed ? keyList(storedKeys) : keyList(rowKeys),
        },
        recount: { articles: articles!.length, terms: sorted(terms), entities: sorted(ents), keys: keyList(rowKeys) },
      };
    } finally {
      db.close();
    }
  }, name);
}

/**
 * Create the database as an older Sorot left it (raw IndexedDB, Dexie's native version = 10 x
 * schema version, stores and indexes from the Dexie schema strings), fill it, and keep that
 * connection open with no versionchange handler, like a page of the old version still running.
 */
export async function holdOldDatabase(page: Page, opts: { version: number; schema: Record<string, string>; rows: Record<string, unknown[]>; name?: string }): Promise<void> {
  await page.evaluate(async ({ version, schema, rows, name }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, version * 10);
      req.onupgradeneeded = () => {
        for (const [store, spec] of Object.entries(schema)) {
          const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
          const os = req.result.createObjectStore(store, { keyPath: primary!.replace(/^[&*]/, '') });
          for (const ix of indexes) {
            const compound = /^\[(.+)\]$/.exec(ix);
            const field = ix.replace(/^[&*]/, '');
            os.createIndex(field, compound ? compound[1]!.split('+') : field, { unique: ix.startsWith('&'), multiEntry: ix.startsWith('*') });
          }
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    (globalThis as any).__heldDb = db;
  }, { ...opts, name: opts.name ?? 'sorot' });
}

/** Close the connection holdOldDatabase kept open (the old page goes away). */
export function releaseOldDatabase(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as any).__heldDb?.close());
}
