/**
 * Where the content-script pipeline allocates JS heap, in real Chromium (CDP sampling heap
 * profiler, objects later collected by GC included): runs analyzeDocument and clone + Readability
 * (the baseline) N times on each corpus page and prints the bytes allocated per run, self and
 * inclusive by function, summed over pages. Allocation drives GC, which the CPU clock of the
 * main thread only partly sees (scavenges and marking run on helper threads too).
 *   npx tsx scripts/alloc-extract.ts [--runs 10] [--only detik-4,kompas-1] [--top 40] [--root DIR]
 */
import path from 'node:path';
import { corpusPages } from './golden';
import { bundle, openCorpusPage, scriptlessPage } from '../bench/support/chromium';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const RUNS = Number(opt('--runs', '10'));
const TOP = Number(opt('--top', '40'));
const only = args.includes('--only') ? opt('--only', '').split(',') : null;
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));

interface SampleNode { callFrame: { functionName: string; lineNumber: number }; selfSize: number; id: number; children: SampleNode[] }

async function main(): Promise<void> {
  const code = await bundle(`export { analyzeDocument } from './src/article/index';
      import { Readability } from '@mozilla/readability';
      export function baselineRun(d: Document) { return new Readability(d.cloneNode(true) as Document).parse(); }`, 'SorotPipeline', root, { readable: true });
  const { browser, context, page } = await scriptlessPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const self = new Map<string, number>();
  /** --callers fn,...: these functions' inclusive allocation broken down by caller. */
  const callersOf = args.includes('--callers') ? opt('--callers', '').split(',') : [];
  const callers = new Map<string, number>();
  const total = new Map<string, number>();
  const sums = { pipeline: 0, baseline: 0 };
  try {
    for (const p of corpusPages()) {
      if (only && !only.includes(p.name)) continue;
      await openCorpusPage(page, p);
      await page.evaluate(code);
      for (const which of ['pipeline', 'baseline'] as const) {
        await page.evaluate(({ url, which }) => {
          const w = window as unknown as { SorotPipeline: { analyzeDocument: (d: Document, u: string) => unknown; baselineRun: (d: Document) => unknown } };
          if (which === 'pipeline') w.SorotPipeline.analyzeDocument(document.cloneNode(true) as Document, url);
          else w.SorotPipeline.baselineRun(document);
        }, { url: p.url, which });
        await cdp.send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
        await page.evaluate(({ runs, url, which }) => {
          const w = window as unknown as { SorotPipeline: { analyzeDocument: (d: Document, u: string) => unknown; baselineRun: (d: Document) => unknown } };
          for (let i = 0; i < runs; i++) {
            if (which === 'pipeline') w.SorotPipeline.analyzeDocument(document.cloneNode(true) as Document, url);
            else w.SorotPipeline.baselineRun(document);
          }
        }, { runs: RUNS, url: p.url, which });
        const { profile } = await cdp.send('HeapProfiler.stopSampling') as { profile: { head: SampleNode } };
        const visit = (n: SampleNode, stack: string[]): number => {
          const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
          let sum = n.selfSize;
          if (which === 'pipeline' && n.selfSize) self.set(k, (self.get(k) ?? 0) + n.selfSize);
          for (const c of n.children) sum += visit(c, [...stack, k]);
          if (which === 'pipeline' && !stack.includes(k)) total.set(k, (total.get(k) ?? 0) + sum);
          const fn = n.callFrame.functionName || '(anon)';
          if (which === 'pipeline' && (callersOf.includes(fn) || callersOf.includes(k))) {
            const c = `${k} <- ${stack.at(-1) ?? '?'}`;
            callers.set(c, (callers.get(c) ?? 0) + sum);
          }
          return sum;
        };
        const all = visit(profile.head, []);
        sums[which] += all;
        process.stdout.write(`${p.name.padEnd(18)} ${which.padEnd(8)} ${(all / RUNS / 1024).toFixed(0).padStart(6)} KiB/run\n`);
      }
    }
  } finally {
    await browser.close();
  }
  const kib = (v: number) => `${(v / RUNS / 1024).toFixed(0).padStart(8)} KiB`;
  const fmt = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `${kib(v)}  ${k}`).join('\n');
  process.stdout.write(`ALLOC per run, summed over pages: pipeline ${kib(sums.pipeline)}, baseline (clone + Readability) ${kib(sums.baseline)}\n== inclusive (pipeline)\n${fmt(total)}\n== self (pipeline)\n${fmt(self)}\n== callers\n${fmt(callers)}\n`);
}

main().catch((err) => { process.stderr.write(String(err?.stack ?? err)); process.exit(1); });
