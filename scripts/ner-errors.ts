/**
 * Error analysis for the NER tagger on a dev split: counts of error classes and the most frequent
 * missed / spurious / mistyped strings.  tsx scripts/ner-errors.ts [dataset] [split] [tagger.bin]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readNerData } from '../src/entities/node'; // word clusters for the features
import { loadModel } from '../src/entities/model';
import { tagIndices } from '../src/entities/tagger';
import { TAGS } from '../src/entities/tags';
import { buildClusters } from '../src/entities/clusters';
import { buildGazetteer, type GazetteerData } from '../src/entities/gazetteer';

const [ds = 'idner_news_2k', split = 'dev', modelFile] = process.argv.slice(2);
const MAPS: Record<string, Record<string, string>> = {
  idner_news_2k: { PER: 'PER', ORG: 'ORG', LOC: 'LOC' },
  nergrit_indonlu: { PERSON: 'PER', ORGANISATION: 'ORG', PLACE: 'LOC' },
  indolem_nerugm: { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' },
};
const pkg = modelFile ? readNerData(modelFile) : undefined;
const m = pkg ? loadModel(pkg.model) : undefined;
// A package from another directory (OUT_DIR experiments) holds its clusters and goes with that directory's gazetteer.
const dir = modelFile ? path.dirname(modelFile) : '';
const wc = pkg ? buildClusters(pkg.clusters) : undefined;
const gaz = modelFile ? buildGazetteer(JSON.parse(readFileSync(path.join(dir, 'gazetteer.json'), 'utf8')) as GazetteerData) : undefined;
const shared = path.resolve(process.env.SHARED_DIR ?? path.join(import.meta.dirname, '..', '..', 'shared'));
const rows = readFileSync(path.join(shared, 'ner', ds, `${split}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { tokens: string[]; tags: string[] });
type Span = { type: string; s: number; e: number };
function spans(tags: string[], map?: Record<string, string>): Span[] {
  const out: Span[] = []; let cur: Span | null = null;
  tags.forEach((t, i) => {
    const bio = t === 'O' ? 'O' : t[0]; const type = t === 'O' ? null : map ? map[t.slice(2)] ?? null : t.slice(2);
    if (cur && (bio !== 'I' || type !== cur.type)) { out.push(cur); cur = null; }
    if (type && (bio === 'B' || !cur)) cur = { type, s: i, e: i + 1 }; else if (type && cur) cur.e = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}
const cls: Record<string, number> = {};
const bump = (o: Record<string, number>, k: string) => { o[k] = (o[k] ?? 0) + 1; };
const strs: Record<string, Record<string, number>> = { missed: {}, spurious: {}, mistyped: {}, boundary: {} };
for (const r of rows) {
  const pred = Array.from(tagIndices(r.tokens, m, gaz, wc), (i) => TAGS[i]!);
  const g = spans(r.tags, MAPS[ds]), p = spans(pred);
  const txt = (s: Span) => r.tokens.slice(s.s, s.e).join(' ');
  const gk = new Set(g.map((s) => `${s.type}:${s.s}:${s.e}`)), pk = new Set(p.map((s) => `${s.type}:${s.s}:${s.e}`));
  for (const s of g) {
    if (pk.has(`${s.type}:${s.s}:${s.e}`)) { bump(cls, `tp ${s.type}`); continue; }
    const same = p.find((q) => q.s === s.s && q.e === s.e);
    const over = p.find((q) => q.s < s.e && s.s < q.e);
    if (same) { bump(cls, `type ${s.type}->${same.type}`); bump(strs.mistyped!, `${txt(s)} ${s.type}->${same.type}`); }
    else if (over) { bump(cls, `boundary ${s.type}${over.type !== s.type ? '->' + over.type : ''}`); bump(strs.boundary!, `[${txt(s)}] vs [${txt(over)}] ${s.type}/${over.type}`); }
    else { bump(cls, `missed ${s.type}`); bump(strs.missed!, `${txt(s)} ${s.type}`); }
  }
  for (const s of p) {
    if (gk.has(`${s.type}:${s.s}:${s.e}`)) continue;
    if (g.some((q) => q.s < s.e && s.s < q.e)) continue;
    bump(cls, `spurious ${s.type}`); bump(strs.spurious!, `${txt(s)} ${s.type}`);
  }
}
console.log(ds, split, Object.entries(cls).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join('  '));
for (const [k, o] of Object.entries(strs)) console.log(`-- ${k}:`, Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25)).map(([s, n]) => `${s}(${n})`).join(' | '));
if (process.env.CTX) {
  const want = process.env.CTX; // e.g. "spurious LOC"
  for (const r of rows) {
    const pred = Array.from(tagIndices(r.tokens, m, gaz, wc), (i) => TAGS[i]!);
    const g = spans(r.tags, MAPS[ds]), p = spans(pred);
    for (const s of p) {
      if (`spurious ${s.type}` !== want) continue;
      if (g.some((q) => q.s < s.e && s.s < q.e)) continue;
      console.log(`  ${r.tokens.slice(Math.max(0, s.s - 5), s.s).join(' ')} [${r.tokens.slice(s.s, s.e).join(' ')}] ${r.tokens.slice(s.e, s.e + 4).join(' ')}`);
    }
  }
}
