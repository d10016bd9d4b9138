/**
 * Receiver-side validation of messages. A content script runs next to hostile page code, so the
 * background treats its payloads as untrusted: shapes are checked and sizes bounded.
 */
import * as v from 'valibot';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nstr = (max: number) => v.nullable(str(max));

const CLUTTER_REASONS = ['related', 'ad', 'video-promo', 'share', 'notice', 'promo', 'editor', 'tags', 'overlay'] as const;

export const HiddenItemSchema = v.object({
  reason: v.picklist(CLUTTER_REASONS),
  rule: str(200),
  text: str(2000),
  shown: v.optional(v.literal(true)),
});

export const ArticleSchema = v.object({
  url: str(4000),
  canonicalUrl: str(4000),
  title: str(2000),
  byline: nstr(1000),
  source: v.optional(str(200)),
  published: nstr(100),
  site: str(500),
  host: str(500),
  lang: nstr(50),
  excerpt: nstr(5000),
  paragraphs: v.pipe(v.array(str(100_000)), v.maxLength(5000)),
  contentHtml: str(6_000_000),
  image: nstr(4000),
  wordCount: v.pipe(v.number(), v.minValue(0)),
});

export const PageAnalyzedSchema = v.object({
  url: str(4000),
  elapsedMs: v.number(),
  isArticle: v.boolean(),
  notArticleReason: v.optional(str(500)),
  article: v.nullable(ArticleSchema),
  hidden: v.pipe(v.array(HiddenItemSchema), v.maxLength(5000)),
  /** Whether the page's clutter is hidden now (off when the reader turned hiding off). */
  hidingEnabled: v.optional(v.boolean()),
  /** The same visit's article, completed (multi-page parts joined): not another read. */
  sameVisit: v.optional(v.boolean()),
});

export const ClutterUpdatedSchema = v.object({
  hidden: PageAnalyzedSchema.entries.hidden,
  hidingEnabled: v.optional(v.boolean()),
});

export const PageFailedSchema = v.object({ url: str(4000), message: str(2000) });
export const LibraryChangedSchema = v.object({
  deleted: v.optional(v.pipe(v.array(str(200)), v.maxLength(10_000))),
  cleared: v.optional(v.boolean()),
});
export const TabIdSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** Parse or throw a short error that names the message. */
export function parseMessage<S extends v.GenericSchema>(name: string, schema: S, data: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, data);
  if (!r.success) throw new Error(`invalid ${name} message: ${r.issues[0]?.message ?? 'bad shape'}`);
  return r.output;
}
