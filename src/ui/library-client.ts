/**
 * The pages' view of the local library (src/library, IndexedDB). Extension pages share the
 * extension origin, so they open the same database as the background directly.
 *
 * Everything the UI shows is mapped to the small shapes below, so a change in the library's
 * record format touches this file only.
 */
import { openLibrary, type ArticleSummary, type Library, type SearchHit, type StoredArticle } from '../library';
import type { Article, Entity } from '../types';

export interface StoredArticleView {
  id: string;
  url: string;
  title: string;
  site: string;
  published: string | null;
  /** When it was stored (ISO), if known. */
  savedAt?: string | null;
  /** Entities mentioned (for the library filter), if known. */
  entities?: { id: string; name: string; type: string }[];
}

export interface StoredArticleFull extends StoredArticleView {
  article: Article;
  entityList: Entity[];
}

export interface ListQuery {
  text?: string;
  site?: string;
  /** Free text matched against entity names (or an exact entity id). */
  entity?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

/** The library calls this file makes; the real Library satisfies it, tests pass a fake. */
export type LibraryLike = Pick<
  Library,
  'get' | 'entity' | 'entityTimeline' | 'search' | 'list' | 'delete' | 'clear' | 'count' | 'exportJson' | 'importJson' | 'estimateSize'
>;

let lib: LibraryLike | null = null;

/** Open the library once per page. */
export function getLibrary(): LibraryLike {
  return (lib ??= openLibrary());
}

/** Tests inject a fake library here. */
export function setLibraryForTests(fake: LibraryLike | null): void {
  lib = fake;
}

const LIST_LIMIT = 500;

export function toView(r: ArticleSummary | SearchHit): StoredArticleView {
  return {
    id: r.id,
    url: ('canonicalUrl' in r && r.canonicalUrl) || r.url,
    title: r.title,
    site: r.site,
    published: r.published,
    savedAt: 'savedAt' in r && r.savedAt ? new Date(r.savedAt).toISOString() : null,
    entities: r.entities,
  };
}


export async function entityTimeline(entityId: string): Promise<StoredArticleView[]> {
  const res = await getLibrary().entityTimeline(entityId);
  // The library already answers newest first; keep that order.
  return res.map(toView);
}

function matchesEntity(v: StoredArticleView, q: string): boolean {
  const needle = q.toLowerCase();
  return !!v.entities?.some((e) => e.id === q || e.name.toLowerCase().includes(needle));
}

export async function listArticles(q: ListQuery = {}): Promise<StoredArticleView[]> {
  const l = getLibrary();
  const text = q.text?.trim();
  const toEnd = q.to ? `${q.to}T23:59:59.999Z` : undefined;
  let list: StoredArticleView[];
  if (text) {
    list = (await l.search(text, { site: q.site || undefined, from: q.from || undefined, to: toEnd }, q.limit ?? 200)).map(toView);
  } else {
    list = (await l.list({ site: q.site || undefined, limit: q.limit ?? LIST_LIMIT })).map(toView);
    if (q.from) list = list.filter((v) => v.published != null && v.published.slice(0, 10) >= q.from!);
    if (q.to) list = list.filter((v) => v.published != null && v.published.slice(0, 10) <= q.to!);
  }
  if (q.entity?.trim()) list = list.filter((v) => matchesEntity(v, q.entity!.trim()));
  return list;
}

export function storedToArticle(r: StoredArticle): Article {
  return {
    url: r.url, canonicalUrl: r.canonicalUrl, title: r.title, byline: r.byline, published: r.published,
    site: r.site, host: r.host, lang: r.lang, excerpt: r.excerpt, paragraphs: r.paragraphs,
    contentHtml: r.contentHtml, image: r.image, wordCount: r.wordCount,
  };
}

export async function getStored(id: string): Promise<StoredArticleFull | null> {
  const l = getLibrary();
  const r = await l.get(id);
  if (!r) return null;
  // Surfaces for highlighting come from the entity rows; the article row has names and counts.
  const rows = await Promise.all(r.entities.map((e) => l.entity(e.id).catch(() => undefined)));
  const entityList: Entity[] = r.entities.map((e, i) => ({
    id: e.id, name: e.name, type: e.type, count: e.n, mentions: [],
    surface: rows[i]?.surface?.length ? rows[i]!.surface : [e.name],
  }));
  return {
    id: r.id, url: r.canonicalUrl || r.url, title: r.title, site: r.site, published: r.published,
    savedAt: new Date(r.firstRead).toISOString(), entities: r.entities.map((e) => ({ id: e.id, name: e.name, type: e.type })),
    article: storedToArticle(r), entityList,
  };
}

export async function deleteStored(id: string): Promise<void> {
  await getLibrary().delete(id);
}

export async function clearLibrary(): Promise<void> {
  await getLibrary().clear();
}

export async function exportLibrary(): Promise<string> {
  return getLibrary().exportJson();
}

/** Throws the library's error unchanged when the file is rejected (nothing is changed then). */
export async function importLibrary(json: string): Promise<{ added: number; updated: number }> {
  return getLibrary().importJson(json);
}

export async function libraryStats(): Promise<{ count: number; bytes: number | null }> {
  const l = getLibrary();
  const [count, size] = await Promise.all([l.count().catch(() => 0), l.estimateSize().catch(() => null)]);
  return { count, bytes: size?.usage ?? null };
}

