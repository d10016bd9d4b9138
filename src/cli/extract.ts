/**
 * `cli extract --json FILE.html --url URL`: the extension's pipeline on a saved page.
 * Prints one JSON object (contract in ../shared/DESIGN.md).
 */
import { readFile } from 'node:fs/promises';
import { extractEntities } from '../entities/node';
import { createRequire } from 'node:module';
import { analyzeDocument } from '../article/index';
import type { Entity, ExtractResult } from '../types';

const USAGE = 'usage: cli extract --json FILE.html --url URL';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The slice of jsdom we use (no @types/jsdom in the tree). */
interface JsdomModule {
  JSDOM: new (html: string, opts: { url: string; virtualConsole: unknown }) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule;

/** Saved HTML -> ExtractResult with the extension's pipeline (also used by scripts/golden.ts). */
export function extractHtml(html: string, url: string): ExtractResult {
  // No scripts run; page console noise and CSS parse errors are not ours to print.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return analyzeDocument(dom.window.document, url).result;
  } finally {
    dom.window.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const file = argValue(args, '--json') ?? args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch (err) {
    process.stderr.write(`error: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const rawUrl = argValue(args, '--url') ?? `file://${file}`;
  let url: string;
  try {
    url = new URL(rawUrl).href;
  } catch {
    process.stderr.write(`error: not a valid URL: ${rawUrl}\n`);
    return 2;
  }
  const result = extractHtml(html, url);
  const article = result.article;
  const paragraphs = result.isArticle || article ? (article?.paragraphs ?? []) : [];
  let entities: Entity[] = [];
  try {
    entities = paragraphs.length ? extractEntities(paragraphs) : [];
  } catch (err) {
    process.stderr.write(`warning: entity extraction failed: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  const out = {
    isArticle: result.isArticle,
    notArticleReason: result.notArticleReason ?? null,
    title: article?.title ?? null,
    byline: article?.byline ?? null,
    ...(article?.source ? { source: article.source } : {}),
    published: article?.published ?? null,
    site: article?.site ?? null,
    paragraphs,
    hidden: result.hidden.map(({ reason, rule, text }) => ({ reason, rule, text })),
    entities: entities.map(({ id, name, type, surface, count }) => ({ id, name, type, surface, count })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}
