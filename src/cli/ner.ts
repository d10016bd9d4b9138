/**
 * `cli ner --jsonl FILE.jsonl`: reads {"tokens": [...]} lines (any "tags" are ignored) and prints
 * one {"tags": [...]} line per input line, tagged by the same tagger the extension uses.
 */
import { readFileSync } from 'node:fs';
import { tagTokens } from '../entities/node';

export async function run(args: string[]): Promise<number> {
  const i = args.indexOf('--jsonl');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: cli ner --jsonl FILE.jsonl\n');
    return 2;
  }
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { tokens?: unknown };
    const tokens = Array.isArray(row.tokens) ? row.tokens.map(String) : [];
    out.push(JSON.stringify({ tags: tagTokens(tokens) }));
  }
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  return 0;
}
