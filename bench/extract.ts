/**
 * Times the content-script pipeline (analyzeDocument) against plain Readability in real Chromium
 * on every corpus page: median of N runs per page, each on a fresh clone of the loaded page.
 *   npx tsx bench/extract.ts [--runs 7] [--only detik-4,kompas-1]
 * Prints per-page lines and `BENCH extract pipeline/readability median ratio: X`. Target <= 1.3.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { corpusPages } from '../scripts/golden';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const RUNS = Number(opt('--runs', '7'));
const only = args.includes('--only') ? opt('--only', '').split(',') : null;
const root = path.resolve(import.meta.dirname, '..');

/** Bundle a tiny entry as an IIFE that sets one global. */
async function bundle(contents: string, globalName: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'iife', globalName, write: false, platform: 'browser', target: 'es2022', minify: true,
  });
  return out.outputFiles[0]?.text ?? '';
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<number> {
  const pipeline = await bundle(`export { analyzeDocument } from './src/article/index';`, 'SorotPipeline');
  const plain = await bundle(`export { Readability } from '@mozilla/readability';`, 'SorotReadability');
  process.stdout.write(`bundles: pipeline ${(pipeline.length / 1024).toFixed(1)} KiB, readability ${(plain.length / 1024).toFixed(1)} KiB\n`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  // Page scripts off: we time our code on the served DOM, not the outlets' ad scripts.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const rows: Array<{ name: string; pipe: number; read: number; readClone: number }> = [];
  try {
    for (const p of corpusPages()) {
      if (only && !only.includes(p.name)) continue;
      const html = readFileSync(p.file, 'utf8');
      await page.unrouteAll();
      await page.route('**/*', (route) =>
        route.request().url() === p.url && route.request().resourceType() === 'document'
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort());
      await page.goto(p.url, { waitUntil: 'domcontentloaded' });
      await page.evaluate(`${pipeline};${plain};`);
      const times = await page.evaluate(({ runs, url }) => {
        const w = window as unknown as {
          SorotPipeline: { analyzeDocument: (d: Document, u: string) => unknown };
          SorotReadability: { Readability: new (d: Document) => { parse(): unknown } };
        };
        const pipe: number[] = [];
        const read: number[] = [];
        const readClone: number[] = [];
        for (let i = 0; i < runs + 1; i++) {
          // Alternate so all see the same warm-up and GC pressure; run 0 is warm-up.
          // `a` stands in for the live page: the pipeline makes its own working copy inside.
          const a = document.cloneNode(true) as Document;
          let t = performance.now();
          w.SorotPipeline.analyzeDocument(a, url);
          if (i) pipe.push(performance.now() - t);
          // Readability alone, parse only, on a copy made outside the timing.
          const b = document.cloneNode(true) as Document;
          t = performance.now();
          new w.SorotReadability.Readability(b).parse();
          if (i) read.push(performance.now() - t);
          // Readability alone as an extension must run it: on a copy of the live page.
          t = performance.now();
          new w.SorotReadability.Readability(document.cloneNode(true) as Document).parse();
          if (i) readClone.push(performance.now() - t);
        }
        return { pipe, read, readClone };
      }, { runs: RUNS, url: p.url });
      const row = { name: p.name, pipe: median(times.pipe), read: median(times.read), readClone: median(times.readClone) };
      rows.push(row);
      process.stdout.write(`BENCH ${row.name.padEnd(18)} pipeline ${row.pipe.toFixed(1)} ms  readability ${row.read.toFixed(1)} ms (with its clone ${row.readClone.toFixed(1)} ms)  ratio ${(row.pipe / row.read).toFixed(2)} / ${(row.pipe / row.readClone).toFixed(2)}\n`);
    }
  } finally {
    await browser.close();
  }
  if (!rows.length) return 1;
  const ratio = median(rows.map((r) => r.pipe / r.read));
  const ratioClone = median(rows.map((r) => r.pipe / r.readClone));
  const total = rows.reduce((n, r) => n + r.pipe, 0) / rows.reduce((n, r) => n + r.read, 0);
  process.stdout.write(`BENCH extract pipeline/readability total-time ratio: ${total.toFixed(2)}\n`);
  process.stdout.write(`BENCH extract pipeline/readability(parse only) median ratio: ${ratio.toFixed(2)}\n`);
  process.stdout.write(`BENCH extract pipeline/readability(clone + parse, as an extension must run it) median ratio: ${ratioClone.toFixed(2)} (budget 1.3)\n`);
  return 0;
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
