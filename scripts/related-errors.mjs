#!/usr/bin/env node
// Where related ranking and story grouping go wrong on a stories file (../shared/eval/score-related.mjs format):
// one line per article (BAD when its top related is another event, with the best other-event candidate and its
// reason), then mixed groups (MIX: a distractor or two events in one story) and split events (SPLIT).
//   node scripts/related-errors.mjs FILE.json ['CMD with {file}']
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [file, cmd = 'npm run --silent cli -- related --jsonl {file}'] = process.argv.slice(2);
if (!file) { console.error('usage: related-errors.mjs FILE.json [CMD]'); process.exit(2); }
const data = JSON.parse(readFileSync(file, 'utf8'));
const items = [];
for (const s of data.stories) s.articles.forEach((a, i) => items.push({ ...a, id: `${s.id}#${i}`, event: s.id }));
(data.distractors ?? []).forEach((a, i) => items.push({ ...a, id: `distractor#${i}`, event: null }));
const input = path.join(mkdtempSync(path.join(os.tmpdir(), 'related-errors-')), 'articles.jsonl');
writeFileSync(input, items.map((a) => JSON.stringify({ id: a.id, url: a.url, title: a.title ?? '', text: a.text, site: a.outlet, published: a.date ?? null })).join('\n') + '\n');
const out = execSync(cmd.replaceAll('{file}', JSON.stringify(input)), { encoding: 'utf8', maxBuffer: 64 << 20 })
  .split('\n').filter(Boolean).map((l) => JSON.parse(l));
const by = new Map(out.map((r) => [r.id, r]));
const event = new Map(items.map((a) => [a.id, a.event]));
for (const a of items) {
  const rel = by.get(a.id)?.related ?? [];
  const other = rel.find((x) => !a.event || event.get(x.id) !== a.event);
  const flag = !a.event ? '   ' : event.get(rel[0]?.id) === a.event ? 'ok ' : 'BAD';
  console.log(`${flag} ${a.id.padEnd(14)} ${(a.title ?? '').slice(0, 56).padEnd(56)} | top ${rel[0]?.id ?? '-'} ${rel[0]?.score ?? ''} | other ${other?.id ?? '-'} ${other?.score ?? ''} ${(other?.reason ?? '').slice(0, 70)}`);
}
const groups = new Map();
for (const r of out) groups.set(r.story, [...(groups.get(r.story) ?? []), r.id]);
console.log('');
for (const ids of groups.values()) {
  const events = new Set(ids.map((i) => event.get(i)));
  if (ids.length > 1 && (events.size > 1 || events.has(null))) console.log(`MIX   ${ids.join(' ')}`);
}
const storiesOf = new Map();
for (const a of items) if (a.event) storiesOf.set(a.event, new Set([...(storiesOf.get(a.event) ?? []), by.get(a.id)?.story]));
for (const [e, gs] of storiesOf) if (gs.size > 1) console.log(`SPLIT ${e}: ${[...gs].map((g) => (groups.get(g) ?? [g]).join(',')).join(' | ')}`);
