/**
 * Dev (or other split) F1 of a trained package on the scored NER sets, scored as score-ner.mjs does,
 * without the CLI: for experiments (OUT_DIR models, with that directory's gazetteer).
 *   tsx scripts/ner-dev.ts [dir-with-tagger.bin] [split]
 *   BIAS=LOC:0.1,O:-0.2 adds a bias to every transition into that tag (B- for types), as the trainer's BIAS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readNerData } from '../src/entities/node';
import { loadModel } from '../src/entities/model';
import { tagIndices } from '../src/entities/tagger';
import { TAGS, NUM_TAGS } from '../src/entities/tags';
import { buildClusters } from '../src/entities/clusters';
import { buildGazetteer, type GazetteerData } from '../src/entities/gazetteer';

const [dir = 'assets/ner', split = 'dev'] = process.argv.slice(2);
const MAPS: Record<string, Record<string, string>> = {
  idner_news_2k: { PER: 'PER', ORG: 'ORG', LOC: 'LOC' },
  indolem_nerugm: { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' },
  nergrit_indonlu: { PERSON: 'PER', ORGANISATION: 'ORG', PLACE: 'LOC' },
};
const pkg = readNerData(path.join(dir, 'tagger.bin'));
const m = loadModel(pkg.model);
const wc = buildClusters(pkg.clusters);
const gaz = buildGazetteer(JSON.parse(readFileSync(path.join(dir, 'gazetteer.json'), 'utf8')) as GazetteerData);
const bias = Object.fromEntries((process.env.BIAS ?? '').split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split(':'); return [k!, Number(v)]; }));
if (Object.keys(bias).length) {
  const tr = Float64Array.from(m.transitions);
  for (const [type, b] of Object.entries(bias)) {
    const target = type === 'O' ? 0 : TAGS.indexOf(`B-${type}` as never);
    for (let p = 0; p <= NUM_TAGS; p++) tr[p * NUM_TAGS + target] = tr[p * NUM_TAGS + target]! + b;
  }
  m.transitions = tr;
}
const shared = path.resolve(process.env.SHARED_DIR ?? path.join(import.meta.dirname, '..', '..', 'shared'));
function spans(tags: readonly string[], map?: Record<string, string>): string[] {
  const out: string[] = []; let cur: { type: string; s: number; e: number } | null = null;
  tags.forEach((t, i) => {
    const bio = t === 'O' ? 'O' : t[0]; const type = t === 'O' ? null : map ? map[t.slice(2)] ?? null : t.slice(2);
    if (cur && (bio !== 'I' || type !== cur.type)) { out.push(`${cur.type}:${cur.s}:${cur.e}`); cur = null; }
    if (type && (bio === 'B' || !cur)) cur = { type, s: i, e: i + 1 }; else if (type && cur) cur.e = i + 1;
  });
  if (cur) out.push(`${(cur as { type: string }).type}:${(cur as { s: number }).s}:${(cur as { e: number }).e}`);
  return out;
}
const res: string[] = [];
let sum = 0;
for (const [ds, map] of Object.entries(MAPS)) {
  const rows = readFileSync(path.join(shared, 'ner', ds, `${split}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { tokens: string[]; tags: string[] });
  let tp = 0, np = 0, ng = 0;
  for (const r of rows) {
    const pred = Array.from(tagIndices(r.tokens, m, gaz, wc), (i) => TAGS[i]!);
    const g = new Set(spans(r.tags, map)), p = spans(pred);
    ng += g.size; np += p.length; tp += p.filter((s) => g.has(s)).length;
  }
  const P = tp / (np || 1), R = tp / (ng || 1), F = P + R ? (200 * P * R) / (P + R) : 0;
  sum += F;
  res.push(`${ds} ${F.toFixed(1)} (P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)})`);
}
console.log(`${dir} ${split}${Object.keys(bias).length ? ` bias ${JSON.stringify(bias)}` : ''}: ${res.join(' | ')} | sum ${sum.toFixed(1)}`);
