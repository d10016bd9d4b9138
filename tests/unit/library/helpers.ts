/** Builders for library tests: articles from plain text, hand-made entities. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Entity, EntityType } from '../../../src/types';
import { splitParagraphs } from '../../../src/library/text';

export function makeArticle(p: { url: string; title: string; text: string; site?: string; published?: string | null }): Article {
  const paragraphs = splitParagraphs(p.text);
  const host = new URL(p.url).hostname;
  return {
    url: p.url,
    canonicalUrl: p.url,
    title: p.title,
    byline: null,
    published: p.published ?? null,
    site: p.site ?? host,
    host,
    lang: 'id',
    excerpt: paragraphs[0]?.slice(0, 160) ?? null,
    paragraphs,
    contentHtml: paragraphs.map((x) => `<p>${x}</p>`).join(''),
    image: null,
    wordCount: p.text.split(/\s+/).length,
  };
}

/** ent('PER', 'Vladimir Putin', 3) -> an Entity with a stable id like the tagger's. */
export function ent(type: EntityType, name: string, count = 1, surface: string[] = [name]): Entity {
  const id = `${type}:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  return { id, name, type, surface, count, mentions: [] };
}

export interface DevArticle { url: string; outlet: string; date: string; title: string; text: string }
export interface DevSet { stories: { id: string; articles: DevArticle[] }[]; distractors: DevArticle[] }

export function devSet(): DevSet {
  return JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/stories-dev.json'), 'utf8')) as DevSet;
}

export function seedText(name: '000' | '003'): string {
  const file = name === '000' ? '000_5435901111151329.txt' : '003_773527af4449b1b5.txt';
  return readFileSync(path.join(__dirname, '../../../../shared/seeds', file), 'utf8');
}

/**
 * Watch (or break) IndexedDB's own put() on one object store, below Dexie: a save writes through
 * Dexie or straight through IndexedDB (direct-tx.ts), and both end here. `fn` sees each value;
 * throwing from it fails that put as IndexedDB would (the transaction aborts). Returns the restore.
 */
export function onPut(store: string, fn: (value: unknown) => void): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const put = proto.put;
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === store) fn(value);
    return put.call(this, value, key);
  };
  return () => {
    proto.put = put;
  };
}

let n = 0;
/** A database name no other test uses. */
export function freshName(prefix = 'sorot-test'): string {
  return `${prefix}-${process.pid}-${++n}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A term's document frequency as stored: read by a fresh context of the same database (snapshot
 * plus log), so it shows what was written, not what one context holds in memory.
 */
export async function termDf(l: { db: { name: string } }, term: string): Promise<number> {
  return (await storedCounts(l)).terms.get(term) ?? 0;
}

/** Stored articles that name an entity, as a fresh context loads the counts. */
export async function entityDf(l: { db: { name: string } }, id: string): Promise<number> {
  return (await storedCounts(l)).entities.get(id) ?? 0;
}

/** Every stored document frequency, as a fresh context of the database loads them. */
export async function storedCounts(l: { db: { name: string } }) {
  const { openLibrary } = await import('../../../src/library');
  const fresh = openLibrary(l.db.name);
  try {
    await fresh.counts.ready(fresh.db);
    const gen = await fresh.db.transaction('r', fresh.db.sync, async () => (await fresh.db.sync.get('gen'))?.gen ?? 0);
    const c = fresh.counts.current(gen);
    if (!c) throw new Error('counts not current after ready()');
    return { terms: c.terms, entities: c.entities, articles: c.articles };
  } finally {
    fresh.close();
  }
}

/**
 * The stored counts next to a recount from the rows themselves, and the ids not present in all
 * three row tables (a half-written article). Equal counts and no orphans = a consistent library.
 */
export async function audit(l: import('../../../src/library').Library) {
  const { dfTerms, unpackFeatures, STATS_KEY } = await import('../../../src/library/db');
  const db = l.db;
  const [articles, feats, bodies, entities, meta, counts] = await Promise.all([
    db.articles.toArray(), db.feats.toArray(), db.bodies.toArray(), db.entities.toArray(), db.meta.get(STATS_KEY), storedCounts(l),
  ]);
  const terms = new Map<string, number>();
  for (const f of feats) for (const t of dfTerms(unpackFeatures(f))) terms.set(t, (terms.get(t) ?? 0) + 1);
  const ents = new Map<string, number>();
  for (const a of articles) for (const e of new Set(a.entityIds)) ents.set(e, (ents.get(e) ?? 0) + 1);
  const ids = [articles, feats, bodies].map((rows) => new Set(rows.map((r) => r.id)));
  const all = new Set(ids.flatMap((s) => [...s]));
  return {
    // Counts as a fresh context loads them (snapshot + log).
    stored: { articles: meta?.articles ?? 0, terms: counts.terms, entities: counts.entities },
    /** Entities named by an article but without a row, and rows no article names. */
    entityRows: { missing: [...ents.keys()].filter((id) => !entities.some((e) => e.id === id)), extra: entities.filter((e) => !ents.has(e.id)).map((e) => e.id) },
    recount: { articles: articles.length, terms, entities: ents },
    orphans: [...all].filter((id) => !ids.every((s) => s.has(id))),
  };
}
