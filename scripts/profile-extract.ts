/**
 * Where the content-script pipeline spends its time, in real Chromium (CDP sampling profiler):
 * runs analyzeDocument N times on each corpus page and prints total (inclusive) and self time
 * per function, summed over pages.
 *   npx tsx scripts/profile-extract.ts [--runs 20] [--only detik-4,kompas-1] [--top 40]
 */
import path from 'node:path';
import { corpusPages } from './golden';
import { bundle, openCorpusPage, scriptlessPage } from '../bench/support/chromium';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const RUNS = Number(opt('--runs', '20'));
const TOP = Number(opt('--top', '45'));
const only = args.includes('--only') ? opt('--only', '').split(',') : null;
/** Also break these functions' self time down by caller. */
const callersOf = args.includes('--callers') ? opt('--callers', '').split(',') : [];
const root = path.resolve(import.meta.dirname, '..');

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[]; positionTicks?: Array<{ line: number; ticks: number }> }

async function main(): Promise<void> {
  const pipeline = await bundle(`export { analyzeDocument } from './src/article/index';`, 'SorotPipeline', root, { readable: true });
  const plain = await bundle(`import { Readability } from '@mozilla/readability';
      export function baselineRun(d: Document) { return new Readability(d.cloneNode(true) as Document).parse(); }`, 'SorotBaseline', root, { readable: true });
  const { browser, context, page } = await scriptlessPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const callers = new Map<string, number>();
  /** --lines fn: self-time ticks per source line of these functions. */
  const linesOf = args.includes('--lines') ? opt('--lines', '').split(',') : [];
  const lines = new Map<string, number>();
  let all = 0;
  try {
    for (const p of corpusPages()) {
      if (only && !only.includes(p.name)) continue;
      await openCorpusPage(page, p);
      await page.evaluate(`${pipeline};${plain}`);
      await page.evaluate((url) => {
        const w = window as unknown as { SorotPipeline: { analyzeDocument: (d: Document, u: string) => unknown } };
        w.SorotPipeline.analyzeDocument(document.cloneNode(true) as Document, url);
      }, p.url);
      await cdp.send('Profiler.start');
      await page.evaluate(({ runs, url }) => {
        const w = window as unknown as { SorotPipeline: { analyzeDocument: (d: Document, u: string) => unknown }; SorotBaseline: { baselineRun: (d: Document) => unknown } };
        for (let i = 0; i < runs; i++) {
          w.SorotPipeline.analyzeDocument(document.cloneNode(true) as Document, url);
          w.SorotBaseline.baselineRun(document);
        }
      }, { runs: RUNS, url: p.url });
      const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const n of profile.nodes) {
        if (!linesOf.includes(n.callFrame.functionName)) continue;
        for (const pt of n.positionTicks ?? []) {
          const k = `${n.callFrame.functionName} line ${pt.line}`;
          lines.set(k, (lines.get(k) ?? 0) + pt.ticks * 0.1 * RUNS);
        }
      }
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const key = (n: Node) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
      profile.samples.forEach((id, i) => {
        const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
        const n = byId.get(id)!;
        self.set(key(n), (self.get(key(n)) ?? 0) + dt);
        all += dt;
        const fn = n.callFrame.functionName;
        if (callersOf.includes(fn) || callersOf.includes(key(n))) {
          const up = parent.get(id);
          const k = `${fn} <- ${up === undefined ? '?' : key(byId.get(up)!)}`;
          callers.set(k, (callers.get(k) ?? 0) + dt);
        }
        const seen = new Set<string>();
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          const k = key(byId.get(cur)!);
          if (seen.has(k)) continue;
          seen.add(k);
          total.set(k, (total.get(k) ?? 0) + dt);
        }
      });
    }
  } finally {
    await browser.close();
  }
  const fmt = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .map(([k, v]) => `${(v / RUNS).toFixed(1).padStart(8)} ms ${(100 * v / all).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  const inc = (name: string) => [...total].filter(([k]) => k.startsWith(`${name}:`)).reduce((n, [, v]) => n + v, 0);
  process.stdout.write(`analyzeDocument / baselineRun (clone + Readability) inclusive: ${(inc('analyzeDocument') / inc('baselineRun')).toFixed(2)}\n`);
  process.stdout.write(`per run, summed over pages (sampled ${all.toFixed(0)} ms)\n== inclusive\n${fmt(total)}\n== self\n${fmt(self)}\n== callers\n${fmt(callers)}\n== lines (ticks)\n${fmt(lines)}\n`);
}

main().catch((err) => { process.stderr.write(String(err?.stack ?? err)); process.exit(1); });
