/**
 * IndexedDB records a save writes, by table: the corpus articles (real pipeline and tagger) saved
 * once, then saved again (a revisit). A machine-independent figure for the cost of a save.
 *   npx tsx bench/save-records.ts
 * Uses fake-indexeddb (records are counted at Dexie's DBCore layer, the same requests the
 * browser's IndexedDB receives); bench/library.ts times saves in real Chromium.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { corpusPages } from '../scripts/golden';
import { extractHtml } from '../src/cli/extract';
import { extractEntities } from '../src/entities/node';
import { openLibrary } from '../src/library';

const real = corpusPages().flatMap((p) => {
  const r = extractHtml(readFileSync(p.file, 'utf8'), p.url);
  return r.isArticle && r.article ? [{ article: r.article, entities: extractEntities(r.article.paragraphs) }] : [];
});
const lib = openLibrary(`save-records-${Date.now()}`);
const count: Record<string, number> = {};
let on = false;
type Mutate = { values?: unknown[]; keys?: unknown[] };
lib.db.use({
  stack: 'dbcore', name: 'count-records',
  create: (down) => ({
    ...down,
    table: (name) => {
      const t = down.table(name);
      return { ...t, mutate: (req) => {
        if (on) count[name] = (count[name] ?? 0) + ((req as Mutate).values?.length ?? (req as Mutate).keys?.length ?? 0);
        return t.mutate(req);
      } };
    },
  }),
});
for (const label of ['first save', 'revisit']) {
  for (const k of Object.keys(count)) delete count[k];
  on = true;
  for (const r of real) await lib.save(r.article, r.entities);
  on = false;
  const total = Object.values(count).reduce((a, b) => a + b, 0);
  const per = (n: number | undefined) => ((n ?? 0) / real.length).toFixed(1);
  console.log(`BENCH save_records ${label.replace(' ', '_')} per_save=${per(total)} entity_rows=${per(count.entities)} articles=${real.length} by_table=${JSON.stringify(count)}`);
}
lib.close();
