/**
 * Library bench in real Chromium: 100k stored articles, then related / save / search latency and
 * IndexedDB size per article.   npx tsx bench/library.ts   (BENCH_ARTICLES=20000 for a quick run)
 *
 * The library is bundled (esbuild IIFE) into a page served from 127.0.0.1, because IndexedDB
 * needs a real origin. Articles are generated in the page and written with bulk puts in large
 * transactions through the same row builder save() uses, so generation takes minutes, not hours;
 * the timed operations then go through the public API.
 * Diagnostics: BENCH_PROFILE=1 (related and save phase by phase), BENCH_RELATED_SWEEP=24,12,8
 * (latency and agreement per candidate count), BENCH_CPU_PROFILE=save (saves under the CPU
 * profiler, top self times; with BENCH_ALLOC=1 also where they allocate; BENCH_NO_MINIFY=1 keeps
 * names), BENCH_SAVE_TRACE=N (N saves: IndexedDB requests, their waits, bytes per store (JSON
 * length; a typed array counts its byte length), GC),
 * BENCH_SAVES_ONLY=K (K rounds of the save and revisit lines alone, with the browser's CPU per
 * write from /proc; BENCH_THREADS=1 splits it by thread: LevelDB's compactions run on the
 * browser's ThreadPoolForeground workers). For A/B runs of two checkouts, give each its own copy
 * of the library (BENCH_DB_DIR) and alternate them.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
/** Generation stops here even if N is not reached (the machine may be shared); the count is printed. */
const GEN_BUDGET_MS = Number(process.env.BENCH_GEN_BUDGET_S ?? 270) * 1000;
/**
 * BENCH_DB_DIR: keep the browser profile (and so the generated library) there, and reuse it when
 * it already holds BENCH_ARTICLES articles: generating 100k articles takes longer than measuring
 * them on a shared machine. The page is then served from a fixed port (IndexedDB is per origin).
 */
const DB_DIR = process.env.BENCH_DB_DIR;
/** Articles the export measurement reads (its time scales linearly). */
const EXPORT_ARTICLES = Number(process.env.BENCH_EXPORT_ARTICLES ?? 10_000);
const root = path.resolve(import.meta.dirname, '..');

/** Runs in the page. Synthetic but shaped like news: topics, Zipf-popular entities, events
 *  covered by several outlets within days, Indonesian function words between the content. */
const ENTRY = `
import { openLibrary, RETRIEVAL } from './src/library/index';
import { buildRows, entityRow, STATS_KEY, GEN_KEY, dfTerms, unpackFeatures, unpackCounts, snapshotRows, postOf } from './src/library/db';
import { entityKey, KeyIndex } from './src/library/key-index';
import { docEntities } from './src/library/features';
import { articleId } from './src/library/ids';

const SITES = ['Kompas.com','detikNews','CNN Indonesia','Tempo.co','Antara','Liputan6.com','Tribunnews','Suara.com','Republika','Kumparan'];
const GLUE = 'yang dan di ke dari untuk pada dengan dalam itu ini telah akan juga oleh karena saat setelah sebelum menurut bahwa para'.split(' ');
// Syllables and endings chosen so the Indonesian stemmer leaves the made-up words alone
// (no me-/di-/ber- prefixes, no -kan/-an/-i/-nya endings): a realistic vocabulary size.
const ONSET = ['ga','ra','ma','na','ja','sa','la','wa','ba','ya','ro','no','to','so','gu','ru','lu','nu','ho','ha','ko','ca','fa','za'];
const MID = ['ra','ma','na','ta','sa','la','pa','ba','da','ga','ja','wa','ro','no','to','so','lu','gu','bo','do'];
const CODA = ['k','t','ng','r','s','p','h','l'];
// mulberry32: JS numbers cannot do a 31-bit LCG multiply exactly, and a bad PRNG collapses the vocabulary.
let seed = 12345;
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const word = (syl) => { let w = pick(ONSET); for (let i = 1; i < syl; i++) w += pick(MID); return w + pick(CODA); };
const cap = (w) => w[0].toUpperCase() + w.slice(1);
// A Zipf-ish general vocabulary, 300 topics x 60 words, 40k entities with Zipf popularity.
const GENERAL = Array.from({ length: 8000 }, () => word(2 + Math.floor(rnd() * 2)));
const general = () => GENERAL[Math.floor(Math.pow(rnd(), 2) * GENERAL.length)];
const TOPICS = Array.from({ length: 300 }, () => Array.from({ length: 60 }, () => word(2 + Math.floor(rnd() * 2))));
const TYPES = ['PER','PER','ORG','LOC'];
const ENTS = Array.from({ length: 40000 }, (_, i) => { const type = TYPES[i % 4]; const name = cap(word(2)) + ' ' + cap(word(2 + (i % 2))); return { id: type + ':' + name.toLowerCase().replace(/ /g, '-') + '-' + i, name, type }; });
const zipf = () => ENTS[Math.min(ENTS.length - 1, Math.floor(Math.pow(rnd(), 2) * ENTS.length))];

function makeEvent(t0) {
  const topic = pick(TOPICS);
  return { topic, ents: [zipf(), zipf(), zipf(), ENTS[Math.floor(rnd() * ENTS.length)]], rare: Array.from({ length: 4 }, () => word(3)), t: t0 + Math.floor(rnd() * 3 * 365) * 86400000 };
}

export function synth(i, ev) {
  const ents = [...ev.ents, zipf(), zipf(), zipf()];
  const paragraphs = [];
  const nPar = 5 + Math.floor(rnd() * 6);
  for (let p = 0; p < nPar; p++) {
    const words = [];
    const len = 25 + Math.floor(rnd() * 25);
    for (let k = 0; k < len; k++) {
      const r = rnd();
      if (r < 0.4) words.push(pick(GLUE)); else if (r < 0.6) words.push(general()); else if (r < 0.85) words.push(pick(ev.topic)); else if (r < 0.93) words.push(pick(ev.rare)); else words.push(pick(ents).name);
    }
    paragraphs.push(cap(words.join(' ')) + '.');
  }
  const site = SITES[i % SITES.length];
  const url = 'https://bench' + (i % SITES.length) + '.example/berita/' + i;
  const title = cap([pick(ev.topic), ents[0].name, pick(ev.rare), pick(ev.topic), ents[1].name].join(' '));
  const published = new Date(ev.t + Math.floor(rnd() * 3) * 86400000).toISOString();
  const article = { url, canonicalUrl: url, title, byline: null, published, site, host: new URL(url).hostname, lang: 'id', excerpt: paragraphs[0].slice(0, 160), paragraphs, contentHtml: paragraphs.map((x) => '<p>' + x + '</p>').join(''), image: null, wordCount: paragraphs.join(' ').split(' ').length };
  const entities = ents.map((e) => ({ ...e, surface: [e.name], count: 1 + Math.floor(rnd() * 3), mentions: [] }));
  return { article, entities };
}

let events = [];
function nextArticle(i) {
  // 3-4 outlets per event: a new event every ~3.5 articles.
  if (!events.length || rnd() < 0.28) events.push(makeEvent(Date.UTC(2023, 0, 1)));
  if (events.length > 50) events.shift();
  return synth(i, pick(events.slice(-5)));
}

export async function generate(lib, n, budgetMs, from = 0, chunk = 5000) {
  const db = lib.db;
  const vocab = new Map(); const edf = new Map(); const names = new Map(); const posts = [];
  const t0 = performance.now();
  let cpu = 0;
  let pending = Promise.resolve();
  let made = 0;
  for (let start = from; start < n; start += chunk) {
    if (performance.now() - t0 > budgetMs) break;
    const c0 = performance.now();
    const rows = []; const bodies = []; const feats = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const { article: a, entities } = nextArticle(i);
      const id = articleId(a.canonicalUrl);
      const now = Date.UTC(2023, 0, 1) + i * 60000;
      const { row, feat, terms } = buildRows({ id, canonicalUrl: a.canonicalUrl, url: a.url, title: a.title, site: a.site, host: a.host, published: a.published, byline: null, lang: 'id', excerpt: a.excerpt, image: null, wordCount: a.wordCount, firstRead: now, lastRead: now, readCount: 1 }, a.paragraphs, docEntities(entities));
      rows.push(row); feats.push(feat); bodies.push({ id, paragraphs: a.paragraphs, contentHtml: a.contentHtml }); posts.push(postOf(row));
      made++;
      for (const t of dfTerms(terms)) vocab.set(t, (vocab.get(t) ?? 0) + 1);
      for (const e of entities) { edf.set(e.id, (edf.get(e.id) ?? 0) + 1); names.set(e.id, e); }
    }
    cpu += performance.now() - c0;
    // Pipelined: IndexedDB commits chunk k (in the browser process) while chunk k+1 is built here.
    await pending;
    pending = db.transaction('rw', db.articles, db.feats, db.bodies, async () => { await db.articles.bulkPut(rows); await db.feats.bulkPut(feats); await db.bodies.bulkPut(bodies); });
  }
  await pending;
  // The counts as the library keeps them (db.ts v4): the generated articles' document
  // frequencies added to the stored ones, written as a new snapshot at the next generation.
  await lib.counts.ready(db);
  await db.transaction('rw', db.entities, db.meta, db.sync, db.counts, db.countlog, db.keybase, async () => {
    const g = (await db.sync.get(GEN_KEY))?.gen ?? 0;
    const mem = lib.counts.current(g);
    if (!mem) throw new Error('counts not current');
    const terms = new Map(mem.terms); const ents = new Map(mem.entities);
    for (const [t, n] of vocab) terms.set(t, (terms.get(t) ?? 0) + n);
    // v6 entity rows: what describes the entity; its count is in the snapshot below.
    const oldE = from ? await db.entities.bulkGet([...edf.keys()]) : [];
    await db.entities.bulkPut([...edf.keys()].map((id, i) => oldE[i] ?? entityRow({ id, name: names.get(id).name, type: names.get(id).type, surface: [names.get(id).name] })));
    for (const [id, c] of edf) ents.set(id, (ents.get(id) ?? 0) + c);
    const before = from ? (await db.meta.get(STATS_KEY))?.articles ?? 0 : 0;
    await db.meta.put({ k: STATS_KEY, articles: before + made });
    // Counts written behind the library's back: a new generation with its own snapshot.
    await db.sync.put({ k: GEN_KEY, gen: g + 1 });
    for (const p of posts) mem.index.apply(p);
    mem.index.compact();
    const { row, base } = snapshotRows({ terms, entities: ents, articles: before + made }, g + 1, mem.index);
    await db.counts.put(row);
    await db.keybase.put(base);
    await db.countlog.clear();
  });
  lib.counts.invalidate();
  return { n: from + made, ms: performance.now() - t0, cpuMs: cpu, vocab: vocab.size, entities: edf.size };
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const stat = (xs) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs) });

// The machine's floor, sampled between the phases: one small keyed read, one tiny rw transaction.
const baseGet = []; const baseTx = [];
async function floor(lib, k) {
  for (let i = 0; i < k; i++) { let t = performance.now(); await lib.db.meta.get('stats'); baseGet.push(performance.now() - t); t = performance.now(); await lib.db.transaction('rw', lib.db.meta, () => lib.db.meta.put({ k: 'bench', articles: i })); baseTx.push(performance.now() - t); }
  await lib.db.meta.delete('bench');
}

export async function measure(lib, n, samples, exportArticles) {
  const ids = await lib.db.articles.toCollection().primaryKeys();
  const sample = Array.from({ length: samples }, () => ids[Math.floor(rnd() * ids.length)]);
  await floor(lib, 30);
  // Cold wake: a context that starts (the service worker, every few minutes) reads the counts
  // snapshot plus the log of later writes inside its first query. The snapshot write (every few
  // hundred writes, in its own transaction) is timed too.
  await lib.counts.ready(lib.db);
  let t = performance.now(); await lib.counts.scheduleSnapshot(lib.db); const snapshotWrite = performance.now() - t;
  // The key index's base rebuild (every few thousand writes, inside a snapshot write) and its size.
  const mem = lib.counts.current((await lib.db.sync.get(GEN_KEY)).gen);
  t = performance.now(); mem.index.compact(); const compactMs = performance.now() - t;
  const packed = mem.index.pack(0).base; const keyIndexBytes = packed.bytes.length + packed.hashes.byteLength + packed.offsets.byteLength + packed.times.byteLength + packed.ids.length * 2;
  lib.counts.invalidate(); // the compacted base above was not stored: reload what is
  lib.counts.invalidate();
  // Where a cold load goes: the two rows, then unpacking each.
  t = performance.now(); const snapRow = await lib.db.counts.get('snapshot'); const readSnapshotMs = performance.now() - t;
  t = performance.now(); const baseRow = await lib.db.keybase.get('keybase'); const readKeybaseMs = performance.now() - t;
  t = performance.now(); unpackCounts(snapRow); const unpackCountsMs = performance.now() - t;
  t = performance.now(); KeyIndex.unpack(baseRow, snapRow.keys.posts); const unpackKeysMs = performance.now() - t;
  const coldParts = { readSnapshotMs, readKeybaseMs, unpackCountsMs, unpackKeysMs, posts: snapRow.keys.posts.length };
  lib.counts.invalidate();
  t = performance.now(); await lib.related(ids[0]); const coldRelated = performance.now() - t;
  const coldFrom = lib.counts.lastLoadFrom; const snapshotLoad = lib.counts.lastLoadMs;
  for (const id of sample.slice(0, 20)) await lib.related(id); // warm-up: JIT, IDB caches
  const related = []; let sameStory = 0; let withResults = 0;
  for (const id of sample) { const t = performance.now(); const r = await lib.related(id); related.push(performance.now() - t); if (r.length) withResults++; if (r.some((x) => x.sameStory)) sameStory++; }
  await floor(lib, 30);
  const save = []; const saved = [];
  // New URLs on every run, so a reused library gets new articles, not revisits.
  const fresh = n + 1_000_000 + Math.floor(Math.random() * 1e9);
  for (let i = 0; i < samples; i++) { const x = nextArticle(fresh + i); saved.push(x); const t = performance.now(); await lib.save(x.article, x.entities); save.push(performance.now() - t); }
  // A revisit is the same page read again: same text, new read time.
  const revisit = [];
  for (const x of saved.slice(0, 50)) { const t = performance.now(); await lib.save(x.article, x.entities); revisit.push(performance.now() - t); }
  // Saves as a reader makes them: one per page opened, not 200 back to back. 150 ms apart is
  // still far faster than anyone reads, but lets the database's own background work (LevelDB
  // compactions a write burst sets off) happen between saves, as it does in use.
  const paced = [];
  for (let i = 0; i < Math.min(100, samples); i++) {
    await new Promise((r) => setTimeout(r, 150));
    const x = nextArticle(fresh + samples + i); const t = performance.now(); await lib.save(x.article, x.entities); paced.push(performance.now() - t);
  }
  // Queries: an entity name, a topic word, two topic words, a rare word, an entity + a word.
  const queries = [];
  for (let i = 0; i < samples; i++) {
    const row = await lib.db.articles.get(ids[Math.floor(rnd() * ids.length)]);
    const f = unpackFeatures(await lib.db.feats.get(row.id));
    const k = i % 4;
    queries.push(k === 0 ? row.entities[0].name : k === 1 ? f.forms[0] : k === 2 ? f.forms[0] + ' ' + f.forms[1] : row.entities[1].name + ' ' + f.forms[2]);
  }
  await floor(lib, 30);
  const search = []; let hits = 0;
  for (const q of queries) { const t = performance.now(); const r = await lib.search(q, {}, 20); search.push(performance.now() - t); if (r.length) hits++; }
  // The library page's second pass for words outside the key index, worst case: a word in no
  // text, so all TEXT_SCAN.articles (1,500) recent texts are read.
  const textScan = [];
  for (let i = 0; i < 10; i++) { const t = performance.now(); await lib.searchText("tiadakata" + i, {}, 200); textScan.push(performance.now() - t); }
  const list = [];
  for (let i = 0; i < 30; i++) { const t = performance.now(); await lib.list({ offset: i * 50, limit: 50 }); list.push(performance.now() - t); }
  const timeline = [];
  for (let i = 0; i < 30; i++) { const row = await lib.db.articles.get(sample[i]); const t = performance.now(); await lib.entityTimeline(row.entityIds[i % row.entityIds.length], 50); timeline.push(performance.now() - t); }
  await floor(lib, 30);
  // Chunked export: parts, their biggest size, time; never one string. Bounded to the first
  // exportArticles articles (reading every body of 100k articles is minutes on a shared machine).
  t = performance.now(); let parts = 0; let biggest = 0; let chars = 0;
  for await (const part of lib.exportChunks({ batch: 500 })) { parts++; chars += part.length; if (part.length > biggest) biggest = part.length; if (parts * 500 >= exportArticles) break; }
  const exportMs = performance.now() - t;
  const size = await lib.estimateSize();
  return { coldParts, compactMs, keyIndexBytes, coldRelated, coldFrom, snapshotLoad, snapshotWrite, exportMs, exportParts: parts, exportBiggestPart: biggest, exportChars: chars, baseGet: stat(baseGet), baseTx: stat(baseTx), related: stat(related), relatedWithResults: withResults / samples, relatedSameStory: sameStory / samples, save: stat(save), paced: stat(paced), revisit: stat(revisit), search: stat(search), searchHitRate: hits / samples, textScan: stat(textScan), list: stat(list), timeline: stat(timeline), size };
}

/** Where a related query spends its time, phase by phase (same calls as related()). */
export async function profile(lib, samples) {
  const db = lib.db;
  const ids = await db.articles.toCollection().primaryKeys();
  const ph = { target: [], stats: [], probes: [], rows: [], features: [], put: [] };
  for (let i = 0; i < samples; i++) {
    const id = ids[Math.floor(rnd() * ids.length)];
    let t = performance.now();
    const target = await db.articles.get(id); const tf = unpackFeatures(await db.feats.get(id)); ph.target.push(performance.now() - t); t = performance.now();
    const terms = dfTerms(tf);
    await lib.counts.ready(db); await db.entities.bulkGet(target.entityIds); ph.stats.push(performance.now() - t); t = performance.now();
    const probes = terms.slice(0, 10);
    const index = lib.counts.current((await db.sync.get(GEN_KEY)).gen).index;
    const lists = [...probes.map((k) => index.newest(k, 1000)), ...target.entityIds.slice(0, 6).map((k) => index.newest(entityKey(k), 1000))];
    ph.probes.push(performance.now() - t); t = performance.now();
    const pool = [...new Set(lists.flat())].slice(0, 120);
    (await db.feats.bulkGet(pool.slice(0, 60))).map(unpackFeatures); ph.rows.push(performance.now() - t); t = performance.now();
    const { article, entities } = nextArticle(ids.length + i);
    buildRows({ id: 'x', canonicalUrl: 'x', url: 'x', title: article.title, site: 's', host: 'h', published: article.published, byline: null, lang: null, excerpt: null, image: null, wordCount: 1, firstRead: 1, lastRead: 1, readCount: 1 }, article.paragraphs, docEntities(entities));
    ph.features.push(performance.now() - t); t = performance.now();
    await db.transaction('rw', db.meta, async () => { await db.meta.put({ k: 'probe', articles: i }); }); ph.put.push(performance.now() - t);
  }
  const out = {};
  for (const [k, xs] of Object.entries(ph)) out[k] = stat(xs);
  return out;
}

/** Where a save spends its time. */
export async function profileSave(lib, n, samples) {
  const db = lib.db;
  const ph = { build: [], gets: [], putArticle: [], putFeatBody: [], all: [] };
  for (let i = 0; i < samples; i++) {
    const { article: a, entities } = nextArticle(n + 1000 + i);
    const id = articleId(a.canonicalUrl);
    let t = performance.now();
    const b = buildRows({ id, canonicalUrl: a.canonicalUrl, url: a.url, title: a.title, site: a.site, host: a.host, published: a.published, byline: null, lang: 'id', excerpt: a.excerpt, image: null, wordCount: a.wordCount, firstRead: 1, lastRead: 1, readCount: 1 }, a.paragraphs, docEntities(entities));
    ph.build.push(performance.now() - t); t = performance.now();
    await db.transaction('r', db.articles, db.feats, () => Promise.all([db.articles.get(id), db.feats.get(id)])); ph.gets.push(performance.now() - t); t = performance.now();
    await db.transaction('rw', db.articles, () => db.articles.put(b.row)); ph.putArticle.push(performance.now() - t); t = performance.now();
    await db.transaction('rw', db.feats, db.bodies, () => Promise.all([db.feats.put(b.feat), db.bodies.put({ id, paragraphs: a.paragraphs, contentHtml: a.contentHtml })])); ph.putFeatBody.push(performance.now() - t); t = performance.now();
    await lib.save(a, entities); ph.all.push(performance.now() - t);
  }
  const out = {};
  for (const [k, xs] of Object.entries(ph)) out[k] = stat(xs);
  return out;
}

/** Related latency and agreement with the shipped settings, per candidate count (BENCH_RELATED_SWEEP). */
export async function sweep(lib, counts, samples) {
  const ids = await lib.db.articles.toCollection().primaryKeys();
  const sample = Array.from({ length: samples }, () => ids[Math.floor(rnd() * ids.length)]);
  const shipped = RETRIEVAL.candidates;
  // The reference: twice the shipped candidates, ranked exactly.
  RETRIEVAL.candidates = 2 * shipped;
  const ref = new Map();
  for (const id of sample) ref.set(id, (await lib.related(id)).map((r) => r.id));
  const out = [];
  for (const c of counts) {
    RETRIEVAL.candidates = c;
    const ms = []; let top1 = 0; let top3 = 0;
    for (const id of sample) {
      const t = performance.now(); const r = (await lib.related(id)).map((x) => x.id); ms.push(performance.now() - t);
      const want = ref.get(id);
      if (r[0] === want[0]) top1++;
      if (want.slice(0, 3).every((x) => r.slice(0, 3).includes(x))) top3++;
    }
    out.push({ candidates: c, ...stat(ms), top1: top1 / samples, top3: top3 / samples });
  }
  RETRIEVAL.candidates = shipped;
  return out;
}

/** New articles saved, then the first 50 of them again (BENCH_SAVES_ONLY: the save lines alone, quick A/B runs). */
export async function savesAndRevisits(lib, n, samples) {
  const save = []; const saved = [];
  const fresh = n + 2_000_000 + Math.floor(Math.random() * 1e9);
  for (let i = 0; i < samples; i++) { const x = nextArticle(fresh + i); saved.push(x); const t = performance.now(); await lib.save(x.article, x.entities); save.push(performance.now() - t); }
  const revisit = [];
  for (const x of saved.slice(0, 50)) { const t = performance.now(); await lib.save(x.article, x.entities); revisit.push(performance.now() - t); }
  return { save: stat(save), revisit: stat(revisit) };
}

/** Saves only (BENCH_CPU_PROFILE=save runs them under the CPU profiler). */
export async function saves(lib, n, samples) {
  const ms = [];
  for (let i = 0; i < samples; i++) { const x = nextArticle(n + 50000 + i); const t = performance.now(); await lib.save(x.article, x.entities); ms.push(performance.now() - t); }
  return stat(ms);
}

/**
 * Saves with IndexedDB's own calls watched (BENCH_SAVE_TRACE=N): which requests a save makes, each
 * one's share of the wait (from the previous result, or its issue, to its result), and the bytes
 * each store is given (JSON length).
 */
export async function traceSaves(lib, n, samples) {
  let reqs = null;
  const bytes = new Map(); const own = new Map();
  const P = IDBObjectStore.prototype; const orig = {};
  for (const op of ['put', 'get', 'add', 'delete']) {
    orig[op] = P[op];
    P[op] = function (...a) {
      const r = orig[op].apply(this, a);
      if (reqs) {
        const e = { k: this.name + '.' + op, t: performance.now(), d: 0 }; reqs.push(e);
        if (op === 'put') bytes.set(this.name, (bytes.get(this.name) ?? 0) + JSON.stringify(a[0], (k, v) => (ArrayBuffer.isView(v) ? 'x'.repeat(Math.max(0, v.byteLength - 2)) : v)).length);
        r.addEventListener('success', () => { e.d = performance.now(); });
      }
      return r;
    };
  }
  const out = [];
  try {
    for (let i = 0; i < samples; i++) {
      const x = nextArticle(n + 70000 + Math.floor(Math.random() * 1e8) + i);
      reqs = [];
      const t = performance.now(); await lib.save(x.article, x.entities); const ms = performance.now() - t;
      let prev = 0;
      for (const e of reqs.sort((a, b) => a.d - b.d)) { const v = own.get(e.k) ?? []; v.push(e.d - Math.max(prev, e.t)); own.set(e.k, v); prev = e.d; }
      out.push({ ms, reqs: reqs.map((e) => e.k).join(' ') });
    }
  } finally {
    reqs = null;
    for (const op of Object.keys(orig)) P[op] = orig[op];
  }
  const reqStats = {};
  for (const [k, v] of own) { v.sort((a, b) => a - b); reqStats[k] = { n: v.length, mean: v.reduce((a, b) => a + b, 0) / v.length, p50: v[Math.floor(v.length / 2)], p95: v[Math.floor(v.length * 0.95)] }; }
  return { saves: out, reqStats, bytes: Object.fromEntries([...bytes].map(([k, v]) => [k, v / samples])) };
}

window.bench = { openLibrary, generate, measure, profile, profileSave, sweep, saves, traceSaves, savesAndRevisits };
`;

async function main(): Promise<void> {
  const t0 = Date.now();
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, minify: !process.env.BENCH_NO_MINIFY,
  });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(js); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>library bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((r) => server.listen(DB_DIR ? 47631 : 0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const launch = { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] };
  const plain = DB_DIR ? null : await chromium.launch(launch);
  const browser = plain ? await plain.newContext() : await chromium.launchPersistentContext(DB_DIR!, launch);
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    const gen = await page.evaluate(async ([n, budget, reuse]) => {
      const w = window as unknown as { bench: any; lib: any };
      w.lib = w.bench.openLibrary('sorot-bench');
      // Generated articles are ids berita/0..n-1; a reused library is topped up to n.
      const have = reuse ? await w.lib.db.articles.count() : 0;
      if (have >= n) return { n: have, ms: 0, cpuMs: 0, vocab: 0, entities: await w.lib.db.entities.count(), reused: true };
      if (!have) await w.lib.clear();
      return { ...(await w.bench.generate(w.lib, n, budget, have)), toppedUp: have };
    }, [N, GEN_BUDGET_MS, !!DB_DIR] as const);
    if ((gen as { reused?: boolean }).reused) console.log(`BENCH library reused library from ${DB_DIR}: ${gen.n} articles (generated by an earlier run)`);
    if ((gen as { toppedUp?: number }).toppedUp) console.log(`BENCH library topped up the library from ${DB_DIR}: ${(gen as { toppedUp?: number }).toppedUp} -> ${gen.n} articles`);
    else if (gen.n < N) console.log(`BENCH library WARNING generation budget (${GEN_BUDGET_MS / 1000} s) reached: ${gen.n} of ${N} articles; BENCH_GEN_BUDGET_S raises it`);
    console.log(`BENCH library generate articles=${gen.n} ms=${Math.round(gen.ms)} per_article_ms=${(gen.ms / gen.n).toFixed(2)} features_cpu_ms=${Math.round(gen.cpuMs)} vocab=${gen.vocab} entities=${gen.entities} bundle_kb=${Math.round(js.length / 1024)}`);
    if (process.env.BENCH_PROFILE) {
      const p = await page.evaluate(async ([n, s]) => {
        const w = window as unknown as { bench: any; lib: any };
        const a = await w.bench.profile(w.lib, s);
        const b = await w.bench.profileSave(w.lib, n, s);
        return { ...a, ...Object.fromEntries(Object.entries(b).map(([k, v]) => ['save_' + k, v])) };
      }, [N, SAMPLES] as const);
      for (const [k, v] of Object.entries(p as Record<string, { p50: number; p95: number }>)) console.log(`BENCH library profile ${k} p50_ms=${v.p50.toFixed(2)} p95_ms=${v.p95.toFixed(2)}`);
    }
    if (process.env.BENCH_CPU_PROFILE === 'save') {
      await page.evaluate(async ([n]) => (window as any).bench.saves((window as any).lib, n, 30), [gen.n] as const); // warm-up
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      if (process.env.BENCH_ALLOC) await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as any);
      const st = await page.evaluate(async ([n, s]) => (window as any).bench.saves((window as any).lib, n, s), [gen.n, SAMPLES] as const);
      if (process.env.BENCH_ALLOC) {
        const { profile: hp } = (await cdp.send('HeapProfiler.stopSampling')) as any;
        const bySite = new Map<string, number>();
        const walk = (node: any, stack: string[]) => {
          const c = node.callFrame; const here = `${c.functionName || '(anon)'}:${c.lineNumber}`;
          const st2 = [...stack, here];
          if (node.selfSize) { const k = st2.slice(-4).join(' < '); bySite.set(k, (bySite.get(k) ?? 0) + node.selfSize); }
          for (const ch of node.children) walk(ch, st2);
        };
        walk(hp.head, []);
        const tot = [...bySite.values()].reduce((a, b) => a + b, 0);
        console.log(`BENCH library alloc_profile saves=${SAMPLES} sampled_mb=${(tot / 1048576).toFixed(1)} per_save_kb=${(tot / 1024 / SAMPLES).toFixed(0)}`);
        for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(v / 1024 / SAMPLES).toFixed(1).padStart(7)} KB/save  ${k}`);
      }
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      const byId = new Map(profile.nodes.map((x) => [x.id, x]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => { const c = byId.get(id)!.callFrame; const k = `${c.functionName || '(anon)'} ${c.url.split('/').pop()}:${c.lineNumber}:${c.columnNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`BENCH library cpu_profile saves=${SAMPLES} p50_ms=${st.p50.toFixed(1)} p95_ms=${st.p95.toFixed(1)} profiled_ms=${(total / 1000).toFixed(0)}`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
      return;
    }
    if (process.env.BENCH_SAVES_ONLY) {
      const runs = Number(process.env.BENCH_SAVES_ONLY) || 1;
      await page.evaluate(async ([n]) => (window as any).bench.saves((window as any).lib, n, 20), [gen.n] as const); // warm-up
      // CPU of the whole browser (renderer, IndexedDB thread, the rest), by /proc: what the saves
      // cost in work, which a loaded machine stretches but does not change.
      const cpuTicks = () => {
        let t = 0;
        for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
          try {
            if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(DB_DIR!)) continue;
            const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
            t += Number(f[11]) + Number(f[12]);
          } catch { /* gone */ }
        }
        return t;
      };
      // The same by thread name (BENCH_THREADS=1): which of the browser's threads the work lands on.
      const threadTicks = () => {
        const m = new Map<string, number>();
        for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
          try {
            const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
            if (!cmd.includes(DB_DIR!)) continue;
            const kind = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
            for (const tid of readdirSync(`/proc/${pid}/task`)) {
              const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
              const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')).replace(/[0-9]+$/, '');
              const f = st.slice(st.lastIndexOf(') ') + 2).split(' ');
              const k = kind + ':' + name;
              m.set(k, (m.get(k) ?? 0) + Number(f[11]) + Number(f[12]));
            }
          } catch { /* gone */ }
        }
        return m;
      };
      for (let r = 0; r < runs; r++) {
        const c0 = DB_DIR ? cpuTicks() : 0;
        const th0 = process.env.BENCH_THREADS ? threadTicks() : null;
        const m = (await page.evaluate(async ([n, s]) => (window as any).bench.savesAndRevisits((window as any).lib, n, s), [gen.n, SAMPLES] as const)) as Record<string, { p50: number; p95: number; max: number }>;
        const l = os.loadavg()[0]!.toFixed(1);
        const cpu = DB_DIR ? ((cpuTicks() - c0) * 10) / (SAMPLES + 50) : NaN;
        if (th0) {
          const th1 = threadTicks();
          const diff = [...th1].map(([k, v]) => [k, ((v - (th0.get(k) ?? 0)) * 10) / (SAMPLES + 50)] as const).filter(([, v]) => v > 0.05).sort((a, b) => b[1] - a[1]);
          console.log('  cpu ms per write by thread: ' + diff.map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' '));
        }
        console.log(`BENCH library saves_only run=${r} save p50_ms=${m.save!.p50.toFixed(1)} p95_ms=${m.save!.p95.toFixed(1)} max_ms=${m.save!.max.toFixed(1)} revisit p50_ms=${m.revisit!.p50.toFixed(1)} p95_ms=${m.revisit!.p95.toFixed(1)} browser_cpu_ms_per_write=${cpu.toFixed(2)} load1=${l}`);
      }
      return;
    }
    if (process.env.BENCH_SAVE_TRACE) {
      // GC on the page's main thread during the traced saves, from a Chromium trace.
      const cdp = await page.context().newCDPSession(page);
      const events: { ph: string; name: string; dur: number }[] = [];
      cdp.on('Tracing.dataCollected', (e) => { events.push(...(e.value as unknown as typeof events)); });
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await page.evaluate(async ([n]) => (window as any).bench.saves((window as any).lib, n, 20), [gen.n] as const); // warm-up
      await cdp.send('Tracing.start', { categories: 'v8,v8.gc', transferMode: 'ReportEvents' });
      const k = Number(process.env.BENCH_SAVE_TRACE) > 1 ? Number(process.env.BENCH_SAVE_TRACE) : SAMPLES;
      const tr = (await page.evaluate(async ([n, s]) => (window as any).bench.traceSaves((window as any).lib, n, s), [gen.n, k] as const)) as {
        saves: { ms: number; reqs: string }[]; reqStats: Record<string, { n: number; mean: number; p50: number; p95: number }>; bytes: Record<string, number>;
      };
      await cdp.send('Tracing.end');
      await done;
      const ms = tr.saves.map((x) => x.ms).sort((a, b) => a - b);
      const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
      console.log(`BENCH library save_trace n=${ms.length} p50_ms=${q(0.5).toFixed(1)} p90_ms=${q(0.9).toFixed(1)} p95_ms=${q(0.95).toFixed(1)} max_ms=${ms[ms.length - 1]!.toFixed(1)} load1=${os.loadavg()[0]!.toFixed(1)}`);
      for (const [name, v] of Object.entries(tr.reqStats)) console.log(`  request ${name.padEnd(18)} n=${v.n} own_ms mean=${v.mean.toFixed(2)} p50=${v.p50.toFixed(2)} p95=${v.p95.toFixed(2)}`);
      console.log('  bytes per save (JSON) ' + Object.entries(tr.bytes).map(([s, b]) => `${s}=${Math.round(b)}`).join(' '));
      console.log('  requests of the last save: ' + tr.saves[tr.saves.length - 1]!.reqs);
      const gc = new Map<string, { n: number; ms: number }>();
      for (const e of events) if (e.ph === 'X' && (e.name === 'MinorGC' || e.name === 'MajorGC')) { const v = gc.get(e.name) ?? { n: 0, ms: 0 }; v.n++; v.ms += e.dur / 1000; gc.set(e.name, v); }
      console.log('  gc on the main thread: ' + ([...gc].map(([name, v]) => `${name} n=${v.n} ms=${v.ms.toFixed(1)}`).join(' ') || 'none'));
      return;
    }
    if (process.env.BENCH_RELATED_SWEEP) {
      const counts = process.env.BENCH_RELATED_SWEEP.split(',').map(Number);
      const r = await page.evaluate(async ([c, s]) => (window as unknown as { bench: any; lib: any }).bench.sweep((window as any).lib, c, s), [counts, SAMPLES] as const);
      for (const x of r as Array<Record<string, number>>) console.log(`BENCH library related_sweep candidates=${x.candidates} p50_ms=${x.p50!.toFixed(1)} p95_ms=${x.p95!.toFixed(1)} same_top1=${x.top1!.toFixed(2)} same_top3=${x.top3!.toFixed(2)}`);
    }
    const m = await page.evaluate(async ([n, s, e]) => {
      const w = window as unknown as { bench: any; lib: any };
      return w.bench.measure(w.lib, n, s, e);
    }, [gen.n, SAMPLES, EXPORT_ARTICLES] as const);
    const f = (x: number) => x.toFixed(1);
    // Ratios to one small indexed get measured in the same run (interleaved with the phases):
    // on a shared machine they move much less than the milliseconds do.
    const g = m.baseGet as { p50: number; p95: number };
    const line = (name: string, s: { p50: number; p95: number; max: number }, target?: number) =>
      console.log(`BENCH library ${name} p50_ms=${f(s.p50)} p95_ms=${f(s.p95)} max_ms=${f(s.max)} p50_x_get=${(s.p50 / g.p50).toFixed(1)} p95_x_get=${(s.p95 / g.p95).toFixed(1)}${target != null ? ` target_ms=${target} ${s.p95 <= target ? 'OK' : 'OVER'}` : ''}`);
    line('baseline_get', m.baseGet);
    line('baseline_rw_tx', m.baseTx);
    line('related', m.related, 20);
    console.log(`BENCH library related_quality with_results=${m.relatedWithResults.toFixed(2)} with_same_story=${m.relatedSameStory.toFixed(2)}`);
    line('save', m.save, 10);
    line('save_paced', m.paced, 10);
    line('save_revisit', m.revisit, 10);
    line('search', m.search, 50);
    console.log(`BENCH library search_quality hit_rate=${m.searchHitRate.toFixed(2)}`);
    line('search_text_scan_1500', m.textScan);
    line('list', m.list);
    line('entity_timeline', m.timeline);
    console.log(`BENCH library counts snapshot_write_ms=${f(m.snapshotWrite)} (every ${256} writes, own transaction) key_index_mb=${(m.keyIndexBytes / 1048576).toFixed(1)} key_index_rebuild_ms=${f(m.compactMs)}`);
    const cp = m.coldParts;
    console.log(`BENCH library cold_wake_parts read_snapshot_ms=${f(cp.readSnapshotMs)} read_keybase_ms=${f(cp.readKeybaseMs)} unpack_counts_ms=${f(cp.unpackCountsMs)} unpack_keys_ms=${f(cp.unpackKeysMs)} overlay_posts=${cp.posts}`);
    console.log(`BENCH library cold_wake related_ms=${f(m.coldRelated)} counts_from=${m.coldFrom} counts_load_ms=${m.snapshotLoad != null ? f(m.snapshotLoad) : 'n/a'} x_warm_related_p50=${(m.coldRelated / m.related.p50).toFixed(1)}`);
    console.log(`BENCH library export_chunks articles<=${Math.min(EXPORT_ARTICLES, gen.n)} ms=${Math.round(m.exportMs)} parts=${m.exportParts} biggest_part_kb=${Math.round(m.exportBiggestPart / 1024)} total_mb=${(m.exportChars / 1048576).toFixed(1)}`);
    const s = m.size;
    console.log(`BENCH library size articles=${s.articles} usage_mb=${s.usage != null ? (s.usage / 1048576).toFixed(1) : 'n/a'} bytes_per_article=${s.bytesPerArticle ?? 'n/a'}`);
    console.log(`BENCH library total_s=${Math.round((Date.now() - t0) / 1000)} loadavg=${os.loadavg().map((x) => x.toFixed(1)).join(',')} cpus=${os.cpus().length}`);
  } finally {
    await browser.close();
    await plain?.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
