/**
 * Bundle sizes of the production Chrome build, gzipped, against their budgets:
 * content script <= 100 KB, panel <= 80 KB without the entity model. Builds first when missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const out = '.output/chrome-mv3';
if (!existsSync(path.join(out, 'manifest.json'))) execSync('npx wxt build', { stdio: 'inherit' });

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Scripts an HTML entry page loads (its own chunk and shared chunks). */
function pageScripts(html: string): string[] {
  const text = readFileSync(path.join(out, html), 'utf8');
  const srcs = [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => path.join(out, m[1] ?? ''));
  return srcs.filter((s) => existsSync(s));
}

const content = gz(path.join(out, 'content-scripts/content.js'));
const panelFiles = pageScripts('sidepanel.html');
const panel = panelFiles.reduce((a, f) => a + gz(f), 0);
const background = gz(path.join(out, 'background.js'));
const total = walk(out).reduce((a, f) => a + statSync(f).size, 0);

console.log(`BENCH size content script gzip: ${kb(content)} (budget 100 KB, ratio ${(content / 102400).toFixed(2)})`);
console.log(`BENCH size panel gzip: ${kb(panel)} over ${panelFiles.length} files (budget 80 KB, ratio ${(panel / 81920).toFixed(2)})`);
console.log(`BENCH size background gzip (includes the entity model): ${kb(background)}`);
console.log(`BENCH size unpacked extension: ${kb(total)}`);
if (content > 102400 || panel > 81920) process.exitCode = 1;
