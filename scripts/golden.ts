/**
 * Writes tests/golden/<page>.txt: the clean text and hidden items the pipeline produces for each
 * corpus page, so every rule change shows up as a diff (tests/unit/article/golden.test.ts).
 *   npx tsx scripts/golden.ts            # rewrite all
 *   npx tsx scripts/golden.ts detik-4    # rewrite some
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { extractHtml } from '../src/cli/extract';
import type { ExtractResult } from '../src/types';

export const CORPUS = process.env.SOROT_CORPUS ?? path.resolve(import.meta.dirname, '../../shared/corpus');
export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../tests/golden');

export function corpusPages(): Array<{ name: string; file: string; url: string }> {
  const urls = new Map<string, string>();
  for (const line of readFileSync(path.join(CORPUS, 'manifest.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, , url] = line.split('\t');
    if (file && url && url !== 'null') urls.set(file, url);
  }
  return readdirSync(path.join(CORPUS, 'raw')).filter((f) => f.endsWith('.html')).sort().map((f) => ({
    name: f.replace(/\.html$/, ''),
    file: path.join(CORPUS, 'raw', f),
    url: urls.get(f) ?? `https://example.invalid/${f}`,
  }));
}

/** The golden text: stable, human-readable, one block per paragraph. */
export function goldenText(r: ExtractResult): string {
  const a = r.article;
  const lines = [
    `isArticle: ${r.isArticle}${r.notArticleReason ? ` (${r.notArticleReason})` : ''}`,
    `title: ${a?.title ?? ''}`,
    `byline: ${a?.byline ?? ''}`,
    `published: ${a?.published ?? ''}`,
    `site: ${a?.site ?? ''}`,
    '',
    '=== paragraphs',
    ...(a?.paragraphs ?? []).map((p) => `${p}\n`),
    '=== hidden',
    ...r.hidden.map((h) => `[${h.reason} ${h.rule}] ${h.text}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function goldenFor(page: { file: string; url: string }): string {
  return goldenText(extractHtml(readFileSync(page.file, 'utf8'), page.url));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const only = process.argv.slice(2);
  mkdirSync(GOLDEN_DIR, { recursive: true });
  let n = 0;
  for (const page of corpusPages()) {
    if (only.length && !only.includes(page.name)) continue;
    writeFileSync(path.join(GOLDEN_DIR, `${page.name}.txt`), goldenFor(page));
    n++;
  }
  process.stdout.write(`wrote ${n} golden files to ${path.relative(process.cwd(), GOLDEN_DIR)}\n`);
}
