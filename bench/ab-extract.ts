/**
 * A/B timing of two versions of the content-script pipeline in the same browser and the same
 * runs (the machine's load shifts between separate bench runs; here both versions share it).
 *   npx tsx bench/ab-extract.ts --a /tmp/sorot-A [--b .] [--runs 9] [--only detik-4] [--clock wall|cpu]
 * --a / --b: project roots (a checkout or `git archive` export with node_modules reachable).
 * Per page and run, in rotating order: A's pipeline, B's pipeline, clone + Readability (baseline).
 * Prints per-page medians and the median over pages of A/baseline, B/baseline and B/A.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { corpusPages } from '../scripts/golden';
import { bundle, findRenderer, median, openCorpusPage, scriptlessPage, threadCpuMs } from './support/chromium';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const RUNS = Number(opt('--runs', '9'));
const only = args.includes('--only') ? opt('--only', '').split(',') : null;
const here = path.resolve(import.meta.dirname, '..');
const rootA = path.resolve(opt('--a', here));
const rootB = path.resolve(opt('--b', here));
const CLOCK = opt('--clock', 'wall');
const BATCH = 4;

/** The same rotation on the renderer main thread's CPU clock, BATCH analyses per measurement. */
async function cpuTimes(page: Page, pid: number, url: string): Promise<{ a: number[]; b: number[]; base: number[]; ba: number[] }> {
  const u = JSON.stringify(url);
  const code = {
    a: `(() => { for (const d of window.__docs) PipeA.analyzeDocument(d, ${u}); window.__docs = null; })()`,
    b: `(() => { for (const d of window.__docs) PipeB.analyzeDocument(d, ${u}); window.__docs = null; })()`,
    base: `(() => { for (let i = 0; i < ${BATCH}; i++) new PlainR.Readability(document.cloneNode(true)).parse(); })()`,
  };
  const clones = `window.__docs = Array.from({ length: ${BATCH} }, () => document.cloneNode(true))`;
  const out = { a: [] as number[], b: [] as number[], base: [] as number[], ba: [] as number[] };
  const steps: Array<'a' | 'b' | 'base'> = ['a', 'b', 'base'];
  for (let i = 0; i < RUNS + 1; i++) {
    const row = { a: 0, b: 0, base: 0 };
    for (let k = 0; k < 3; k++) {
      const step = steps[(i + k) % 3] as 'a' | 'b' | 'base';
      if (step !== 'base') await page.evaluate(clones);
      const t = threadCpuMs(pid);
      await page.evaluate(code[step]);
      row[step] = (threadCpuMs(pid) - t) / BATCH;
    }
    if (i) {
      out.a.push(row.a);
      out.b.push(row.b);
      out.base.push(row.base);
      out.ba.push(row.b / row.a);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const a = await bundle(`export { analyzeDocument } from './src/article/index';`, 'PipeA', rootA);
  const b = await bundle(`export { analyzeDocument } from './src/article/index';`, 'PipeB', rootB);
  const plain = await bundle(`export { Readability } from '@mozilla/readability';`, 'PlainR', here);
  const { browser, page } = await scriptlessPage();
  const rows: Array<{ name: string; a: number; b: number; base: number; ba: number }> = [];
  try {
    for (const p of corpusPages()) {
      if (only && !only.includes(p.name)) continue;
      await openCorpusPage(page, p);
      await page.evaluate(`${a};${b};${plain};`);
      const t = CLOCK === 'cpu' ? await cpuTimes(page, await findRenderer(browser, page), p.url) : await page.evaluate(({ runs, url }) => {
        const w = window as unknown as {
          PipeA: { analyzeDocument: (d: Document, u: string) => unknown };
          PipeB: { analyzeDocument: (d: Document, u: string) => unknown };
          PlainR: { Readability: new (d: Document) => { parse(): unknown } };
        };
        const out = { a: [] as number[], b: [] as number[], base: [] as number[], ba: [] as number[] };
        const steps: Array<'a' | 'b' | 'base'> = ['a', 'b', 'base'];
        for (let i = 0; i < runs + 1; i++) {
          const row = { a: 0, b: 0, base: 0 };
          // Rotate the order: each step is first, middle and last equally often.
          for (let k = 0; k < 3; k++) {
            const step = steps[(i + k) % 3] as 'a' | 'b' | 'base';
            if (step === 'base') {
              const t0 = performance.now();
              new w.PlainR.Readability(document.cloneNode(true) as Document).parse();
              row.base = performance.now() - t0;
            } else {
              const d = document.cloneNode(true) as Document;
              const t0 = performance.now();
              (step === 'a' ? w.PipeA : w.PipeB).analyzeDocument(d, url);
              row[step] = performance.now() - t0;
            }
          }
          if (i) {
            out.a.push(row.a);
            out.b.push(row.b);
            out.base.push(row.base);
            out.ba.push(row.b / row.a);
          }
        }
        return out;
      }, { runs: RUNS, url: p.url });
      const row = { name: p.name, a: median(t.a), b: median(t.b), base: median(t.base), ba: median(t.ba) };
      rows.push(row);
      process.stdout.write(`AB ${row.name.padEnd(18)} A ${row.a.toFixed(1).padStart(5)}  B ${row.b.toFixed(1).padStart(5)}  base ${row.base.toFixed(1).padStart(5)}  A/base ${(row.a / row.base).toFixed(2)}  B/base ${(row.b / row.base).toFixed(2)}  B/A ${row.ba.toFixed(3)}\n`);
    }
  } finally {
    await browser.close();
  }
  const m = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f)).toFixed(3);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  process.stdout.write(`AB clock ${CLOCK}, ${RUNS} runs\n`);
  process.stdout.write(`AB median over pages: A/base ${m((r) => r.a / r.base)}  B/base ${m((r) => r.b / r.base)}  B/A ${m((r) => r.ba)}  (totals A ${sum((r) => r.a).toFixed(0)} B ${sum((r) => r.b).toFixed(0)} base ${sum((r) => r.base).toFixed(0)} ms)\n`);
}

main().catch((err) => {
  process.stderr.write(`ab failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
