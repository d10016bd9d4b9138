/**
 * cli related --jsonl FILE.jsonl
 * Reads articles {id,url,title,text,site,published} one a line, builds one in-memory library with
 * the extension's own ranking and story code (src/library/rank.ts, story.ts), and prints one line
 * per input: {"id","related":[{"id","score","reason"}],"story":"group id"}.
 */
import { readFileSync } from 'node:fs';
import { extractEntities } from '../entities/node';
import type { Entity } from '../types';
import { TEXT_RULES, collapse } from '../clutter/rules';
import { buildFeatures, type DocFeatures } from '../library/features';
import { heuristicEntities } from '../library/heuristic-entities';
import { rankRelated } from '../library/rank';
import { statsOf } from '../library/similarity';
import { groupStories } from '../library/story';
import { splitParagraphs, stripInlineClutter } from '../library/text';

type Extract = (paragraphs: string[]) => Entity[];

/** The tagger, or SOROT_ENTITIES=heuristic to measure ranking without it (to tell their errors apart). */
function loadExtractor(): { extract: Extract; name: string } {
  if (process.env.SOROT_ENTITIES === 'heuristic') return { extract: heuristicEntities, name: 'heuristic (SOROT_ENTITIES)' };
  return { extract: extractEntities, name: 'src/entities' };
}

/**
 * The CLI gets plain text as published, clutter included ("Baca juga: <other headline>"), where
 * the extension gets paragraphs already cleaned. The clutter table's text rules, applied line by
 * line, and its inline rules, applied within each line, bring the two inputs closer so the other
 * headline does not count as this article's words.
 */
export function dropClutterLines(paragraphs: string[]): string[] {
  return paragraphs
    .filter((p) => {
      const text = collapse(p);
      return !TEXT_RULES.some((r) => text.length <= r.maxChars && r.pattern.test(text));
    })
    // Clutter inside a line (scraped text often comes as one paragraph): ad labels, video
    // promos, "Baca juga:" with its headline. Stripped before the tagger sees the text, so the
    // other story's names are not this article's.
    .map(stripInlineClutter)
    .filter(Boolean);
}

export interface InputLine {
  id: string;
  url?: string;
  title?: string;
  text?: string;
  site?: string;
  published?: string | null;
}

export async function run(args: string[]): Promise<number> {
  const i = args.indexOf('--jsonl');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: cli related --jsonl FILE.jsonl\n');
    return 2;
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const inputs = lines.map((l, n) => {
    const v = JSON.parse(l) as InputLine;
    if (!v || typeof v.id !== 'string') throw new Error(`line ${n + 1}: missing string "id"`);
    return v;
  });
  const loaded = loadExtractor();
  if (process.env.SOROT_DEBUG) process.stderr.write(`entities: ${loaded.name}\n`);
  let warned = false;
  // A broken tagger (e.g. a model file out of date) must not take ranking down with it.
  const extract: Extract = (paragraphs) => {
    try {
      return loaded.extract(paragraphs);
    } catch (e) {
      if (!warned) process.stderr.write(`warning: entity tagger failed (${e instanceof Error ? e.message : String(e)}); using the heuristic fallback\n`);
      warned = true;
      return heuristicEntities(paragraphs);
    }
  };
  const out = relateArticles(inputs, extract).map((r) => JSON.stringify(r));
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

export interface OutputLine {
  id: string;
  related: { id: string; score: number; reason: string }[];
  story: string;
}

/** The whole command minus I/O: one in-memory library, related lists and story ids. */
export function relateArticles(inputs: InputLine[], extract: Extract, limit = 10): OutputLine[] {
  const docs: DocFeatures[] = inputs.map((a) => {
    const paragraphs = dropClutterLines(splitParagraphs(a.text ?? ''));
    const site = a.site || (a.url ? safeHost(a.url) : '');
    return buildFeatures({ id: a.id, site, title: a.title ?? '', published: a.published ?? null, paragraphs }, extract(paragraphs));
  });
  const stats = statsOf(docs);
  const stories = groupStories(docs, stats);
  return docs.map((d) => ({
    id: d.id,
    related: rankRelated(d, docs, stats, limit, stories).map((r) => ({ id: r.id, score: r.score, reason: r.reason })),
    story: stories.get(d.id) ?? d.id,
  }));
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
