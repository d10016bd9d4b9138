/**
 * What the extraction benches and scripts share (bench/extract.ts, bench/ab-extract.ts,
 * scripts/{profile,alloc,compare}-extract.ts): bundling a module for a page, a Chromium page with
 * the outlets' scripts off, loading a corpus page under its own URL with nothing else fetched,
 * and the renderer main thread's CPU clock (Linux).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * Bundle a tiny entry (resolved from `root`) as an IIFE that sets one global. `readable`: not
 * minified, names kept, for profiles that report functions by name.
 */
export async function bundle(contents: string, globalName: string, root = repo, opts: { readable?: boolean } = {}): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'iife', globalName, write: false, platform: 'browser', target: 'es2022',
    ...(opts.readable ? { minify: false, keepNames: true } : { minify: true }),
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Headless Chromium with one page whose own scripts are off: we time our code on the served DOM, not the outlets' ad scripts. */
export async function scriptlessPage(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { browser, context, page: await context.newPage() };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Show a corpus page at its own URL; every other request is refused (no network, no page scripts' fetches). */
export async function openCorpusPage(page: Page, p: { url: string; file: string }): Promise<void> {
  const html = readFileSync(p.file, 'utf8');
  await page.unrouteAll();
  await page.route('**/*', (route) =>
    route.request().url() === p.url && route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort());
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
}

/** CPU time (ms) of a Linux thread so far; the renderer's main thread has the process id. */
export function threadCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** The renderer showing `page`: the one whose main thread burns CPU while the page spins. */
export async function findRenderer(browser: Browser, page: Page, tries = 5): Promise<number> {
  // On a loaded machine one spin may get too little CPU to stand out: try again.
  try {
    return await findRendererOnce(browser, page);
  } catch (err) {
    if (tries <= 1) throw err;
    return findRenderer(browser, page, tries - 1);
  }
}

async function findRendererOnce(browser: Browser, page: Page): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  await cdp.detach();
  const pids = info.processInfo.filter((x) => x.type === 'renderer').map((x) => x.id);
  const cpu = (pid: number) => { try { return threadCpuMs(pid); } catch { return 0; } };
  const before = pids.map(cpu);
  await page.evaluate('(() => { const t = performance.now(); while (performance.now() - t < 300); })()');
  const gains = pids.map((pid, i) => cpu(pid) - (before[i] as number));
  const best = gains.indexOf(Math.max(...gains));
  if (best < 0 || (gains[best] as number) < 50) throw new Error('--clock cpu: renderer main thread not found');
  return pids[best] as number;
}
