/**
 * Same output, in real Chromium: runs two versions of analyzeDocument (project roots --a and --b)
 * on every corpus page, and on variants of it (no <p> elements, a short body), and compares
 * everything they produce: the result (article, hidden items) and the page after the analysis
 * (the hidden elements and their marks). A speed change must print `SAME` for every page.
 *   npx tsx scripts/compare-extract.ts --a /work/main [--b .] [--only detik-4]
 */
import path from 'node:path';
import { corpusPages } from './golden';
import { bundle, openCorpusPage, scriptlessPage } from '../bench/support/chromium';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const only = args.includes('--only') ? opt('--only', '').split(',') : null;
const here = path.resolve(import.meta.dirname, '..');
const rootA = path.resolve(opt('--a', here));
const rootB = path.resolve(opt('--b', here));

/** Page variants: as served; every <p> turned into a <div> (Readability starts over); only the first few blocks. */
const VARIANTS = ['page', 'no-p', 'short'] as const;

/** Runs in the page: both versions on the same variant of a fresh copy of the page. */
const COMPARE = `function (url, variant) {
  const variantOf = () => {
    const d = document.cloneNode(true);
    if (variant === 'no-p') {
      for (const el of Array.from(d.querySelectorAll('p'))) {
        const div = d.createElement('div');
        while (el.firstChild) div.appendChild(el.firstChild);
        el.replaceWith(div);
      }
    } else if (variant === 'short') {
      for (const el of Array.from(d.querySelectorAll('p, li, h2, h3, td')).slice(6)) el.remove();
    }
    return d;
  };
  const path = (el) => {
    const parts = [];
    for (let e = el; e; e = e.parentElement) {
      let i = 0;
      for (let s = e.previousElementSibling; s; s = s.previousElementSibling) i++;
      parts.push(e.tagName + '[' + i + ']');
    }
    return parts.reverse().join('/');
  };
  const run = (pipe) => {
    const d = variantOf();
    const { result, hits } = pipe.analyzeDocument(d, url);
    return JSON.stringify({ result, hits: hits.map((h) => [path(h.element), h.reason, h.rule]), after: d.documentElement.outerHTML });
  };
  return { a: run(PipeA), b: run(PipeB) };
}`;

async function main(): Promise<number> {
  const a = await bundle(`export { analyzeDocument } from './src/article/index';`, 'PipeA', rootA);
  const b = await bundle(`export { analyzeDocument } from './src/article/index';`, 'PipeB', rootB);
  const { browser, page } = await scriptlessPage();
  let diffs = 0;
  try {
    for (const p of corpusPages()) {
      if (only && !only.includes(p.name)) continue;
      await openCorpusPage(page, p);
      await page.evaluate(`${a};${b};`);
      for (const variant of VARIANTS) {
        // A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
        const out = await page.evaluate(`(${COMPARE})(${JSON.stringify(p.url)}, ${JSON.stringify(variant)})`) as { a: string; b: string };
        const same = out.a === out.b;
        if (!same) diffs++;
        let at = 0;
        while (!same && out.a[at] === out.b[at]) at++;
        process.stdout.write(`${same ? 'SAME' : 'DIFF'} ${p.name} ${variant}${same ? '' : `\n  A: ${out.a.slice(Math.max(0, at - 80), at + 120)}\n  B: ${out.b.slice(Math.max(0, at - 80), at + 120)}`}\n`);
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(diffs ? `${diffs} DIFFERENT\n` : 'ALL SAME\n');
  return diffs ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`compare failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
