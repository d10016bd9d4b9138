/**
 * Storage faults the library must survive without losing or half-writing a record: an upgrade
 * blocked by an older connection, a newer version upgrading under an open page, many saves from
 * two contexts at once. fake-indexeddb implements versionchange/blocked as the spec says; the
 * same faults in real Chromium are in tests/e2e/storage.spec.ts.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { buildRows, SCHEMA_V2, STATS_KEY } from '../../../src/library/db';
import { LibraryError } from '../../../src/library/errors';
import { docEntities } from '../../../src/library/features';
import { articleId } from '../../../src/library/ids';
import { audit, ent, freshName, makeArticle } from './helpers';

const open: Library[] = [];
function lib(name: string): Library {
  const l = openLibrary(name);
  open.push(l);
  return l;
}
afterEach(() => { while (open.length) open.pop()!.close(); });

const article = (i: number, topic: string) => makeArticle({
  url: `https://news.example/${topic}/${i}`, title: `${topic} melanda kota nomor ${i}`, published: `2024-03-${String((i % 27) + 1).padStart(2, '0')}`,
  text: `Warga kota menghadapi ${topic} sejak pagi.\nPetugas ${topic} dikerahkan, kata Heru Budi nomor ${i}.`,
});

/** A raw connection that, like an old page with no versionchange handler, never lets go by itself. */
function holdOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('upgrade blocked by an older connection', () => {
  it('tells the caller with a clear error, then stores the article once the old connection closes', async () => {
    const name = freshName('sorot-blocked');
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const old = makeArticle({ url: 'https://news.example/lama', title: 'Banjir lama di Jakarta', text: 'Banjir merendam Jakarta Utara.' });
    const b = buildRows({ id: articleId(old.canonicalUrl), canonicalUrl: old.canonicalUrl, url: old.url, title: old.title, site: old.site, host: old.host, published: null, byline: null, lang: 'id', excerpt: null, image: null, wordCount: 4, firstRead: 1, lastRead: 1, readCount: 1 }, old.paragraphs, docEntities([ent('LOC', 'Jakarta Utara')]));
    await v2.table('articles').put(b.row);
    await v2.table('feats').put(b.feat);
    await v2.table('bodies').put({ id: b.row.id, paragraphs: old.paragraphs, contentHtml: '' });
    await v2.table('entities').put({ id: 'LOC:jakarta-utara', name: 'Jakarta Utara', type: 'LOC', surface: ['Jakarta Utara'], articleCount: 1, lastSeen: 1 });
    await v2.table('meta').put({ k: STATS_KEY, articles: 1 });
    v2.close();
    const holder = await holdOpen(name);
    expect(holder.version).toBe(20);

    const l = lib(name);
    const a = article(1, 'banjir');
    const err = await l.save(a, [ent('PER', 'Heru Budi')], 5000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).code).toBe('blocked');
    expect((err as Error).message).toMatch(/tertahan|menahannya/);
    expect((err as Error).message).toMatch(/blocked/);
    // Further calls while blocked fail the same way at once instead of hanging.
    await expect(l.count()).rejects.toMatchObject({ code: 'blocked' });

    holder.close();
    // The upgrade completes and the save that was waiting lands (the error carries it): nothing lost.
    await expect((err as LibraryError).pending).resolves.toMatchObject({ id: articleId(a.canonicalUrl), title: a.title });
    expect((await l.get(articleId(a.canonicalUrl)))?.title).toBe(a.title);
    expect(l.db.verno).toBe(7);
    expect(await l.get(b.row.id)).toMatchObject({ title: old.title });
    const r = await audit(l);
    expect(r.orphans).toEqual([]);
    expect(r.stored.articles).toBe(2);
    expect(r.stored.entities).toEqual(r.recount.entities);
  });
});

describe('a newer version upgrades while this copy is open', () => {
  it('closes itself instead of blocking, stays closed, and says to reload', async () => {
    const name = freshName('sorot-stale');
    const l = lib(name);
    await l.save(article(1, 'gempa'), [ent('LOC', 'Cianjur')]);
    let told = 0;
    l.onStale(() => told++);
    // "Sorot v8" opens the database at a higher version (Dexie's native version is 10 x ours) and adds a store.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 80);
      req.onupgradeneeded = () => req.result.createObjectStore('future');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked: the old copy did not close'));
    });
    expect(told).toBe(1);
    // The old copy does not reopen the newer database with its older schema.
    const err = await l.list().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'stale' });
    expect((err as Error).message).toMatch(/muat ulang/);
    expect(newer.version).toBe(80);
    const tx = newer.transaction('articles', 'readonly');
    const n = await new Promise<number>((resolve) => { const c = tx.objectStore('articles').count(); c.onsuccess = () => resolve(c.result); });
    expect(n).toBe(1);
    newer.close();
  });
});

describe('two contexts saving at once', () => {
  it('keeps every record whole and every count equal to a recount from the rows', async () => {
    const name = freshName('sorot-race');
    const bg = lib(name);
    const page = lib(name);
    const topics = ['banjir', 'gempa', 'pemilu', 'harga beras'];
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      const who = i % 2 ? bg : page;
      const a = article(i % 40, topics[i % 4]!); // i >= 40: revisits, from the other context
      jobs.push(who.save(a, [ent('PER', 'Heru Budi'), ent('LOC', `Kota ${i % 7}`)], 1000 + i));
      if (i % 15 === 14) jobs.push(who.delete(articleId(article(i - 10, topics[(i - 10) % 4]!).canonicalUrl)));
    }
    const results = await Promise.allSettled(jobs);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const r = await audit(bg);
    expect(r.orphans).toEqual([]);
    expect(r.stored).toEqual(r.recount);
    expect(r.recount.articles).toBeGreaterThan(30);
    // Each context's in-memory counts, once reloaded, agree too (ranking uses them).
    for (const l of [bg, page]) expect((await l.related(articleId(article(2, 'pemilu').canonicalUrl), 3)).length).toBeGreaterThan(0);
  });
});
