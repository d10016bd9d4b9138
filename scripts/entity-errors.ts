/**
 * Per-page entity errors against the corpus gold, matched as ../shared/eval/score-extraction.mjs
 * matches them (same type, any form in common, one-to-one), in one process (no CLI per page):
 *   FP    predicted, matches no gold entity           FN    gold entity nothing matched
 *   TYPE  an FP whose forms match a gold entity of another type
 *   DUP   an FP whose forms match a gold entity already matched (one person listed twice)
 *   MERGE a matched entity that also carries forms of another gold entity (two merged into one)
 *   npx tsx scripts/entity-errors.ts [--only detik-4,kompas-1] [--summary]
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { corpusPages, CORPUS } from './golden';
import { extractHtml } from '../src/cli/extract';
import { extractEntities } from '../src/entities/node';

interface GoldEntity { name: string; type: string; surface?: string[] }
const norm = (s: string) => (s.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
const summaryOnly = args.includes('--summary');
const totals = { tp: 0, fp: 0, fn: 0, type: 0, dup: 0, merge: 0, f1: 0, pages: 0 };

for (const page of corpusPages()) {
  if (only && !only.includes(page.name)) continue;
  const goldFile = path.join(CORPUS, 'gold', `${page.name}.json`);
  if (!existsSync(goldFile)) continue;
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { is_article: boolean; entities?: GoldEntity[] };
  if (!gold.is_article) continue;
  const r = extractHtml(readFileSync(page.file, 'utf8'), page.url);
  const paras = r.article?.paragraphs ?? [];
  const pred = paras.length ? extractEntities(paras).filter((e) => ['PER', 'ORG', 'LOC'].includes(e.type)) : [];
  const golds = (gold.entities ?? []).map((g) => ({ ...g, forms: new Set([g.name, ...(g.surface ?? [])].map(norm)) }));
  const used = new Set<number>();
  const lines: string[] = [];
  let tp = 0;
  for (const e of pred) {
    const forms = [e.name, ...e.surface].map(norm);
    const show = `${e.type} ${e.name} [${e.surface.join(' | ')}] x${e.count}`;
    const hit = golds.findIndex((g, i) => !used.has(i) && g.type === e.type && forms.some((f) => g.forms.has(f)));
    if (hit >= 0) {
      used.add(hit);
      tp++;
      const others = golds.filter((g, i) => i !== hit && forms.some((f) => g.forms.has(f) && !golds[hit]!.forms.has(f)));
      if (others.length) { totals.merge++; lines.push(`  MERGE ${show}  also = ${others.map((g) => `${g.type} ${g.name}`).join(', ')}`); }
      continue;
    }
    const sameForms = golds.findIndex((g) => forms.some((f) => g.forms.has(f)));
    if (sameForms >= 0 && golds[sameForms]!.type !== e.type) { totals.type++; lines.push(`  TYPE  ${show}  gold ${golds[sameForms]!.type} ${golds[sameForms]!.name}`); }
    else if (sameForms >= 0) { totals.dup++; lines.push(`  DUP   ${show}  of ${golds[sameForms]!.name}`); }
    else lines.push(`  FP    ${show}`);
  }
  golds.forEach((g, i) => { if (!used.has(i)) lines.push(`  FN    ${g.type} ${g.name} [${(g.surface ?? []).join(' | ')}]`); });
  const P = pred.length ? tp / pred.length : golds.length ? 0 : 1;
  const R = golds.length ? tp / golds.length : 1;
  const F = P + R ? (2 * P * R) / (P + R) : 0;
  totals.tp += tp; totals.fp += pred.length - tp; totals.fn += golds.length - tp; totals.f1 += F; totals.pages++;
  if (!summaryOnly) {
    process.stdout.write(`${page.name}  P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${F.toFixed(3)}  (${tp} right, ${pred.length} predicted, ${golds.length} gold)\n`);
    if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  }
}
process.stdout.write(`TOTAL pages ${totals.pages} macro F1 ${(totals.f1 / totals.pages).toFixed(3)}  right ${totals.tp} FP ${totals.fp} FN ${totals.fn}` +
  ` (of the FP: wrong type ${totals.type}, duplicate ${totals.dup}); merged into another ${totals.merge}\n`);
