/**
 * NER benchmark: tagging throughput in Node and in real Chromium, model first-load time and size,
 * each next to a baseline measured in the same run (whitespace split + dictionary lookup).
 *
 *   npx tsx bench/ner.ts            all figures
 *   npx tsx bench/ner.ts --gold     also article-level entity P/R/F1 of extractEntities on the gold
 *                                   paragraphs of ../shared/corpus/gold (same matching as
 *                                   ../shared/eval/score-extraction.mjs), independent of extraction
 *   CHROMIUM_PATH=/usr/bin/chromium (default) ; SHARED_DIR=../shared (default)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { extractEntities, readNerData, tagTokens } from '../src/entities/node';
import { loadModel } from '../src/entities/model';
import { buildGazetteer, type GazetteerData } from '../src/entities/gazetteer';
import { buildClusters } from '../src/entities/clusters';
import { NER_DATA_FILE } from '../src/entities/data';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.env.SHARED_DIR ?? path.join(repo, '..', 'shared'));
const packageFile = path.join(repo, 'assets', NER_DATA_FILE);
const gazFile = path.join(repo, 'assets', 'ner', 'gazetteer.json');

/** Sentences of every NER test split: realistic token mix. */
function corpus(): string[][] {
  const out: string[][] = [];
  const dir = path.join(shared, 'ner');
  for (const d of readdirSync(dir)) {
    const f = path.join(dir, d, 'test.jsonl');
    if (!existsSync(f)) continue;
    for (const l of readFileSync(f, 'utf8').split('\n')) if (l.trim()) out.push((JSON.parse(l) as { tokens: string[] }).tokens);
  }
  return out;
}

/**
 * Tokens per second of fn (which returns the tokens it processed): warm up, then the best of
 * 8 rounds of ~250 ms. Best-of is used because the bench machines are shared: contention only
 * ever slows a round down, so the fastest round is the closest to the code's own speed.
 */
function timeIt(fn: () => number, warmMs = 1500): number {
  for (const w0 = performance.now(); performance.now() - w0 < warmMs; ) fn();
  let best = 0;
  for (let r = 0; r < 8; r++) {
    let tokens = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 250) tokens += fn();
    best = Math.max(best, tokens / ((performance.now() - t0) / 1000));
  }
  return best;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').replace(/,/g, '');

async function main() {
  const sents = corpus();
  const nTokens = sents.reduce((a, s) => a + s.length, 0);
  const lexicon = new Map<string, number>();
  for (const s of sents) for (const w of s) lexicon.set(w.toLowerCase(), (lexicon.get(w.toLowerCase()) ?? 0) + 1);
  const texts = sents.map((s) => s.join(' '));

  // Baseline: split on whitespace and look every token up in a dictionary.
  const baseline = timeIt(() => {
    let hits = 0, n = 0;
    for (const t of texts) for (const w of t.split(/\s+/)) { n++; if (lexicon.get(w.toLowerCase())) hits++; }
    if (hits < 0) throw new Error();
    return n;
  });
  const node = timeIt(() => { for (const s of sents) tagTokens(s); return nTokens; });
  console.log(`BENCH ner baseline node (whitespace split + dictionary lookup): ${fmt(baseline)} tokens/s`);
  console.log(`BENCH ner node: ${fmt(node)} tokens/s (best of 8 rounds) (${(node / baseline).toFixed(2)}x baseline, ${sents.length} test sentences, ${nTokens} tokens)`);

  // First load: read the data package and the gazetteer and build every table, as a cold start does.
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const pkg = readNerData(packageFile);
    const m = loadModel(pkg.model);
    const g = buildGazetteer(JSON.parse(readFileSync(gazFile, 'utf8')) as GazetteerData);
    const c = buildClusters(pkg.clusters);
    loads.push(performance.now() - t0);
    if (!m.codes.length || !g.phrases.size || !c.count) throw new Error('empty model');
  }
  console.log(`BENCH ner model first load: ${loads[0]!.toFixed(1)} ms (node, read + decode + build tables; median of 5 ${[...loads].sort((a, b) => a - b)[2]!.toFixed(1)} ms)`);
  const gz = gzipSync(readFileSync(packageFile)).length, gzGaz = gzipSync(readFileSync(gazFile)).length;
  console.log(`BENCH ner model gzip: ${(gz / 1024).toFixed(0)} KB (${path.basename(packageFile)}: model, clusters and name lexicon, ${(readFileSync(packageFile).length / 1024).toFixed(0)} KB raw; gazetteer.json ${(gzGaz / 1024).toFixed(0)} KB; together ${((gz + gzGaz) / 1024).toFixed(0)} KB)`);

  // Chromium: the same module bundled as the extension would ship it, in an about:blank page.
  const bundle = await build({
    entryPoints: [path.join(repo, 'src', 'entities', 'index.ts')],
    bundle: true, format: 'iife', globalName: 'SorotNER', write: false, platform: 'browser', target: 'es2022', minify: true,
  });
  const code = bundle.outputFiles[0]!.text;
  console.log(`BENCH ner bundle: ${(code.length / 1024).toFixed(0)} KB minified, ${(gzipSync(code).length / 1024).toFixed(0)} KB gzip`);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    // The extension fetches the data package from its own package on the first article
    // (src/entities/data.ts); here the same file comes from a local HTTP server (Playwright's
    // request interception would add tens of ms of its own to 2 MB).
    const server = createServer((req, res) => {
      const file = new URL(req.url ?? '/', 'http://x').pathname;
      if (file === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ner</title>');
      if (!file.startsWith('/ner/')) return void res.writeHead(404).end();
      const body = readFileSync(path.join(repo, 'assets', 'ner', path.basename(file)));
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // A first load is cold code: each is timed in a fresh page, 5 times (one cold sample swings by
    // tens of ms on a shared machine), and the medians are reported.
    const loads: { total: number; script: number; fetch: number }[] = [];
    let page!: Awaited<ReturnType<typeof browser.newPage>>;
    for (let i = 0; i < 5; i++) {
      if (page) await page.close();
      page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      // Warm the HTTP connection and disk cache as an installed extension's package would be.
      await page.evaluate(`fetch('/${NER_DATA_FILE}').then((r) => r.arrayBuffer())`);
      // Timed inside one script (no CDP round trips): evaluate the bundle, fetch the package (t2:
      // its bytes have arrived), then loadNerData checks it (SHA-256), views it and builds the
      // tables, and the first tag call runs.
      await page.addScriptTag({
        content: `window.__t0 = performance.now();\n${code}\nwindow.__t1 = performance.now();\n` +
          `window.__ready = SorotNER.loadNerData((f) => fetch('/' + f).then((r) => r.arrayBuffer()).then((b) => { window.__t2 = performance.now(); return b; })).then(() => {\n` +
          `  SorotNER.tagTokens(['Presiden', 'Joko', 'Widodo']);\n  window.__t3 = performance.now();\n});`,
      });
      loads.push((await page.evaluate(`window.__ready.then(() => ({ total: window.__t3 - window.__t0, script: window.__t1 - window.__t0, fetch: window.__t2 - window.__t1 }))`)) as { total: number; script: number; fetch: number });
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const firstLoad = { total: med(loads.map((l) => l.total)), script: med(loads.map((l) => l.script)), fetch: med(loads.map((l) => l.fetch)), decode: med(loads.map((l) => l.total - l.script - l.fetch)) };
    // Page code is passed as strings: tsx's transform would otherwise inject helpers the page lacks.
    await page.evaluate(`window.__data = ${JSON.stringify({ sents, texts, lex: [...lexicon.entries()] })}`);
    const res = (await page.evaluate(`(() => {
      const { sents, texts, lex } = window.__data;
      const dict = new Map(lex);
      const run = (fn) => {
        for (const w0 = performance.now(); performance.now() - w0 < 2000; ) fn();
        let best = 0;
        for (let r = 0; r < 8; r++) { let n = 0; const s = performance.now(); while (performance.now() - s < 250) n += fn(); best = Math.max(best, n / ((performance.now() - s) / 1000)); }
        return best;
      };
      const nTok = sents.reduce((a, s) => a + s.length, 0);
      const base = run(() => { let n = 0, h = 0; for (const t of texts) for (const x of t.split(/\\s+/)) { n++; if (dict.get(x.toLowerCase())) h++; } return h >= 0 ? n : 0; });
      const tag = run(() => { for (const s of sents) SorotNER.tagTokens(s); return nTok; });
      return { base, tag };
    })()`)) as { base: number; tag: number };
    console.log(`BENCH ner baseline chromium (whitespace split + dictionary lookup): ${fmt(res.base)} tokens/s`);
    console.log(`BENCH ner chromium: ${fmt(res.tag)} tokens/s (best of 8 rounds) (${(res.tag / res.base).toFixed(2)}x baseline)`);
    console.log(`BENCH ner model first load chromium: ${firstLoad.total.toFixed(1)} ms (medians of 5 fresh pages: bundle evaluation ${firstLoad.script.toFixed(1)} ms + fetch of the data package ${firstLoad.fetch.toFixed(1)} ms + package check and decode, tables and first tag call ${firstLoad.decode.toFixed(1)} ms; decode all ${loads.map((l) => (l.total - l.script - l.fetch).toFixed(1)).join(' ')})`);
    // What the extension does: the background fetches the data package from its own package. Timed
    // in the real built extension's service worker; decoding is the same code as above.
    const ext = path.join(repo, '.output', 'chrome-mv3');
    if (existsSync(path.join(ext, 'manifest.json'))) {
      const user = mkdtempSync(path.join(os.tmpdir(), 'sorot-ner-bench-'));
      const ctx = await chromium.launchPersistentContext(user, { executablePath, headless: true, args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-first-run'] });
      try {
        const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          times.push((await sw.evaluate(`(async () => { const t0 = performance.now(); await fetch(chrome.runtime.getURL('/${NER_DATA_FILE}')).then((r) => r.arrayBuffer()); return performance.now() - t0; })()`)) as number);
        }
        const fetchMs = [...times].sort((a, b) => a - b)[2]!;
        const decodeMs = firstLoad.decode;
        console.log(`BENCH ner model first load extension: ${(fetchMs + decodeMs).toFixed(1)} ms (fetch of ${NER_DATA_FILE} as an ArrayBuffer from the package in the background worker ${fetchMs.toFixed(1)} ms, median of 5, first ${times[0]!.toFixed(1)} ms; + package check and decode, tables and first tag ${decodeMs.toFixed(1)} ms, median of 5 fresh pages) (budget 50 ms)`);
        // The whole first load inside the worker: a fresh copy of the engine (a distinct source, so
        // no code V8 cached from the previous copy) fetches, checks and decodes the package and tags.
        const whole: { fetch: number; decode: number }[] = [];
        for (let i = 0; i < 5; i++) {
          whole.push((await sw.evaluate(`(async () => {\n${code.replace('var SorotNER=', 'var S=')}\n/* copy ${i} ${Date.now()} */\n` +
            `const t0 = performance.now(); let t1 = 0;\n` +
            `await S.loadNerData((f) => fetch(chrome.runtime.getURL('/' + f)).then((r) => r.arrayBuffer()).then((b) => { t1 = performance.now(); return b; }));\n` +
            `S.tagTokens(['Presiden', 'Joko', 'Widodo']);\nreturn { fetch: t1 - t0, decode: performance.now() - t1 }; })()`)) as { fetch: number; decode: number });
        }
        console.log(`BENCH ner model first load in the worker: ${med(whole.map((w) => w.fetch + w.decode)).toFixed(1)} ms (median of 5 fresh copies of the engine in the background worker, each fetching, checking and decoding ${NER_DATA_FILE} and tagging once: fetch ${med(whole.map((w) => w.fetch)).toFixed(1)} ms + decode, tables and first tag ${med(whole.map((w) => w.decode)).toFixed(1)} ms; all ${whole.map((w) => (w.fetch + w.decode).toFixed(1)).join(' ')})`);
      } finally {
        await ctx.close();
        rmSync(user, { recursive: true, force: true });
      }
    } else console.log('BENCH ner model first load extension: skipped (no .output/chrome-mv3: run npx wxt build)');
    server.close();
  } finally {
    await browser.close();
  }

  if (process.argv.includes('--gold')) goldEntities();
}

/** Entity P/R/F1 of extractEntities on the gold paragraphs, matched as score-extraction.mjs does. */
function goldEntities() {
  const dir = path.join(shared, 'corpus', 'gold');
  const toks = (s: string) => (s ?? '').normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const norm = (s: string) => toks(s).join(' ');
  let sp = 0, sr = 0, sf = 0, n = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const g = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { is_article: boolean; paragraphs: string[]; entities?: { name: string; type: string; surface?: string[] }[] };
    if (!g.is_article) continue;
    const pred = extractEntities(g.paragraphs).filter((e) => e.type === 'PER' || e.type === 'ORG' || e.type === 'LOC');
    const golds = (g.entities ?? []).map((e) => ({ type: e.type, forms: new Set([e.name, ...(e.surface ?? [])].map(norm)) }));
    const used = new Set<number>();
    let tp = 0;
    for (const e of pred) {
      const forms = [e.name, ...e.surface].map(norm);
      const hit = golds.findIndex((x, i) => !used.has(i) && x.type === e.type && forms.some((q) => x.forms.has(q)));
      if (hit >= 0) { used.add(hit); tp++; }
    }
    const P = pred.length ? tp / pred.length : golds.length ? 0 : 1, R = golds.length ? tp / golds.length : 1;
    sp += P; sr += R; sf += P + R ? (2 * P * R) / (P + R) : 0; n++;
  }
  console.log(`BENCH ner gold-paragraph entities F1 ${(sf / n).toFixed(3)} (P ${(sp / n).toFixed(3)} R ${(sr / n).toFixed(3)}) over ${n} gold articles`);
}

main().catch((e) => { console.error(e); process.exit(1); });
