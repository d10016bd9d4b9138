/**
 * The export file format and its validation. A file from anywhere is untrusted: it is checked
 * completely before the import touches the database.
 */
import * as v from 'valibot';

export const EXPORT_FORMAT = 'sorot-library';
export const EXPORT_VERSION = 2;

const ENTITY_TYPE = v.picklist(['PER', 'ORG', 'LOC', 'DATE', 'MONEY', 'EVENT', 'MISC']);
const nullableString = v.nullable(v.string());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());
/** Addresses the pages link to: a web page, never javascript:, data: or the like. */
const webUrl = v.pipe(v.string(), v.check((s) => /^https?:\/\//i.test(s), 'not a web address (http or https)'));

const DocEntitySchema = v.object({ id: v.string(), name: v.string(), type: ENTITY_TYPE, n: v.pipe(v.number(), v.minValue(0)) });

export const ExportArticleSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  canonicalUrl: webUrl,
  url: webUrl,
  title: v.string(),
  site: v.string(),
  host: v.string(),
  published: nullableString,
  publishedTs: v.nullable(time),
  byline: nullableString,
  source: v.optional(v.string()),
  lang: nullableString,
  excerpt: nullableString,
  // An image that is no web address (a data: placeholder some pages declare) is dropped, not refused.
  image: v.pipe(nullableString, v.transform((s) => (s && /^https?:\/\//i.test(s) ? s : null))),
  wordCount: count,
  entityIds: v.array(v.string()),
  entities: v.array(DocEntitySchema),
  terms: v.array(v.string()),
  weights: v.array(v.number()),
  forms: v.array(v.string()),
  titleTerms: v.array(v.string()),
  keys: v.array(v.string()),
  ekeys: v.array(v.string()),
  firstRead: time,
  lastRead: time,
  readCount: count,
  paragraphs: v.array(v.string()),
  contentHtml: v.string(),
});

export const ExportEntitySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  type: ENTITY_TYPE,
  surface: v.array(v.string()),
  // Files written before schema v6 carry these; they are not kept (counts follow from the articles).
  articleCount: v.optional(count),
  lastSeen: v.optional(time),
});

export const ExportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: time,
  articles: v.array(ExportArticleSchema),
  entities: v.array(ExportEntitySchema),
});

export type ExportFile = v.InferOutput<typeof ExportFileSchema>;
export type ExportArticle = v.InferOutput<typeof ExportArticleSchema>;

/** What is wrong with a file that cannot be imported, for the reader (the message is for bug reports). */
export type ImportProblem = 'not-json' | 'not-sorot' | 'newer' | 'damaged';

/** Parse and validate; the message says what is wrong and where, for the reader and for bug reports. */
export function parseExport(text: string): { ok: true; value: ExportFile } | { ok: false; problem: ImportProblem; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: 'not-json', message: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, problem: 'not-sorot', message: `the file is not a Sorot library export (expected "format": "${EXPORT_FORMAT}")` };
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return { ok: false, problem: 'newer', message: `the file was made by a newer Sorot (export version ${version}; this Sorot reads ${EXPORT_VERSION})` };
  }
  const r = v.safeParse(ExportFileSchema, raw);
  if (r.success) {
    const seen = new Set<string>();
    for (const [i, a] of r.output.articles.entries()) {
      if (seen.has(a.id)) return { ok: false, problem: 'damaged', message: `invalid export at articles.${i}: article ${a.id} is in the file twice` };
      seen.add(a.id);
    }
    return { ok: true, value: r.output };
  }
  const issue = r.issues[0];
  const where = issue ? v.getDotPath(issue) ?? '(root)' : '(root)';
  return { ok: false, problem: 'damaged', message: `invalid export at ${where}: ${issue?.message ?? 'unknown problem'}` };
}
