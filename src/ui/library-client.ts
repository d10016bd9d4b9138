/**
 * The pages' view of the local library (src/library, IndexedDB). Extension pages share the
 * extension origin, so they open the same database as the background directly.
 *
 * Everything the UI shows is mapped to the small shapes below, so a change in the library's
 * record format touches this file only.
 */
import { openLibrary, type ArticleSummary, type Library, type SearchFilters, type SearchHit, type StoredArticle } from '../library';
import { termsOf } from '../library/text';
import { outletOf } from '../sites';
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
  /** Found in the article's text, not by the index: the words in their sentence. */
  snippet?: string;
}

export interface StoredArticleFull extends StoredArticleView {
  article: Article;
  entityList: Entity[];
}

export interface ListQuery {
  text?: string;
  site?: string;
  /** Any of these sites: an outlet's sections (listOutlets). */
  sites?: string[];
  /** With `sites`: only articles whose address is this outlet's (a syndicated copy keeps the original's site name). */
  outlet?: string;
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
  'get' | 'entity' | 'findEntities' | 'entityTimeline' | 'search' | 'searchText' | 'list' | 'sites' | 'delete' | 'clear' | 'count' | 'exportJson' | 'importJson' | 'estimateSize'
>;

let lib: LibraryLike | null = null;

/** Open the library once per page. */
export function getLibrary(): LibraryLike {
  return (lib ??= openLibrary());
}

/**
 * Calls back when a newer Sorot upgraded the database under this page (the library closed itself
 * and every call now fails): the page tells the reader to reload. Returns an unsubscribe.
 */
export function onLibraryStale(cb: () => void): () => void {
  const l = getLibrary() as LibraryLike & Partial<Pick<Library, 'onStale'>>;
  return l.onStale ? l.onStale(cb) : () => {};
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


/** An outlet (detik.com) and the site names its articles carry (detikNews, detikFinance ...). */
export interface Outlet {
  outlet: string;
  sites: string[];
}

/** Every outlet in the library, by name: the library page's site filter. */
export async function listOutlets(): Promise<Outlet[]> {
  const by = new Map<string, string[]>();
  for (const { site, hosts } of await getLibrary().sites()) {
    for (const key of new Set(hosts.map((h) => (h ? outletOf(h) : site)))) by.set(key, [...(by.get(key) ?? []), site]);
  }
  return [...by].map(([outlet, sites]) => ({ outlet, sites })).sort((a, b) => a.outlet.localeCompare(b.outlet));
}

/** The outlet an article came from, by its address (a site name can be another outlet's). */
function outletOfView(v: StoredArticleView): string {
  try {
    return outletOf(new URL(v.url).hostname);
  } catch {
    return '';
  }
}

export async function entityTimeline(entityId: string): Promise<StoredArticleView[]> {
  const res = await getLibrary().entityTimeline(entityId);
  // The library already answers newest first; keep that order.
  return res.map(toView);
}

function matchesEntity(v: StoredArticleView, q: string, ids: ReadonlySet<string>): boolean {
  const needle = q.toLowerCase();
  return !!v.entities?.some((e) => e.id === q || ids.has(e.id) || e.name.toLowerCase().includes(needle));
}

/** yyyy-mm-dd of `published` as the outlet wrote it, inside [from, to]. */
function inDates(v: StoredArticleView, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  const day = v.published?.slice(0, 10);
  return day != null && (!from || day >= from) && (!to || day <= to);
}

/** The library filters dates in UTC; a day written in any time zone lies within this of it. */
const ZONE_SLACK_MS = 14 * 3_600_000;

/**
 * Filters run in the library (its indexes), not over a page of recent articles here: site, dates
 * and an entity id narrow the search itself, and an entity name's words are searched like any
 * words (entity names are indexed). What the index cannot say exactly (a partial name, the day
 * as the outlet wrote it) is checked on the few results.
 */
export async function listArticles(q: ListQuery = {}): Promise<StoredArticleView[]> {
  const found = await listMatching(q);
  return q.outlet ? found.filter((v) => outletOfView(v) === q.outlet) : found;
}

/** The library's filters for a query: what its indexes can narrow by. */
function filtersOf(q: ListQuery): SearchFilters {
  const entity = q.entity?.trim() ?? '';
  return {
    site: q.site || undefined,
    sites: q.sites?.length ? q.sites : undefined,
    entityId: entity.includes(':') ? entity : undefined,
    from: q.from ? Date.parse(`${q.from}T00:00:00Z`) - ZONE_SLACK_MS : undefined,
    to: q.to ? Date.parse(`${q.to}T23:59:59.999Z`) + ZONE_SLACK_MS : undefined,
  };
}

export interface TextMatches {
  items: StoredArticleView[];
  /** Articles whose text was read, and whether that was all of them. */
  scanned: number;
  complete: boolean;
}

/**
 * The query's words anywhere in the stored text, for what listArticles (titles, key terms, names)
 * did not find: the most recently read articles only (library/text-scan.ts). `exclude`: shown already.
 */
export async function searchArticleText(q: ListQuery, exclude: readonly string[], limit: number): Promise<TextMatches> {
  const text = q.text?.trim() ?? '';
  if (!termsOf(text).length) return { items: [], scanned: 0, complete: true };
  const entity = q.entity?.trim() ?? '';
  const res = await getLibrary().searchText(text, filtersOf(q), limit, exclude);
  const items = res.hits
    .map((h) => ({ ...toView(h), snippet: h.snippet }))
    .filter((v) => inDates(v, q.from, q.to) && (!entity || entity.includes(':') || matchesEntity(v, entity, new Set())))
    .filter((v) => !q.outlet || outletOfView(v) === q.outlet);
  return { items, scanned: res.scanned, complete: res.complete };
}

async function listMatching(q: ListQuery): Promise<StoredArticleView[]> {
  const l = getLibrary();
  const text = q.text?.trim() ?? '';
  const entity = q.entity?.trim() ?? '';
  const entityId = entity.includes(':') ? entity : undefined;
  const entityWords = entity && !entityId ? entity : '';
  const filters = filtersOf(q);
  if (!text && !entity && !q.from && !q.to) {
    return (await l.list({ site: filters.site, sites: filters.sites, limit: q.limit ?? LIST_LIMIT })).map(toView);
  }
  const limit = q.limit ?? (text ? 200 : LIST_LIMIT);
  // Words too common or too short to be searched ("di", "yang"): no match, unless the words are
  // exactly a name's form ("AS" for Amerika Serikat). Not the whole library, as if all matched.
  if (text && !termsOf(text).length) {
    const exact = exactForms(await l.findEntities(text), text);
    if (!exact.length) return [];
    return byEntities('', filters, exact.map((e) => e.id), limit).then((list) =>
      list.filter((v) => inDates(v, q.from, q.to) && (!entity || matchesEntity(v, entity, new Set()))));
  }
  // A name as the reader knows it ("Korut", "Jokowi", "DPR"): the entities seen under that form.
  const named = entityWords ? await l.findEntities(entityWords) : [];
  const ids = new Set(named.map((e) => e.id));
  const exact = (list: StoredArticleView[]) =>
    list.filter((v) => inDates(v, q.from, q.to) && (!entity || matchesEntity(v, entity, ids)));
  if (named.length) return exact(await byEntities(text, filters, [...ids], limit));
  const found = exact((await l.search([text, entityWords].filter(Boolean).join(' '), filters, limit)).map(toView));
  if (entityWords) {
    // A partial name ("prab") is no indexed word: match it against the names of the recent ones.
    return found.length ? found : exact((await l.search(text, filters, limit)).map(toView));
  }
  if (!text) return found;
  const asName = await l.findEntities(text);
  // The words are exactly a name's form ("Korut"): the articles naming that entity under any of
  // its forms too, as the entity filter finds them, not only those with the word itself.
  const forms = exactForms(asName, text);
  if (forms.length) {
    const more = exact(await byEntities('', filters, forms.map((e) => e.id), limit));
    const seen = new Set(found.map((v) => v.id));
    return [...found, ...more.filter((v) => !seen.has(v.id))].slice(0, limit);
  }
  if (found.length) return found;
  // Words that are no indexed term may be the start of a name's form ("jokowi"): its articles, if so.
  return asName.length ? exact(await byEntities('', filters, asName.map((e) => e.id), limit)) : found;
}

/** The entities whose name or one of whose forms is exactly `text` (case aside). */
function exactForms<E extends { name: string; forms: string[] }>(entities: E[], text: string): E[] {
  const low = text.toLowerCase();
  return entities.filter((e) => e.forms.includes(low) || e.name.toLowerCase() === low);
}

/** Articles with any of the entities (and the words), newest first. */
async function byEntities(text: string, filters: SearchFilters, ids: string[], limit: number): Promise<StoredArticleView[]> {
  const lists = await Promise.all(ids.map((entityId) => getLibrary().search(text, { ...filters, entityId }, limit)));
  const seen = new Map<string, SearchHit>();
  for (const h of lists.flat()) if (!seen.has(h.id)) seen.set(h.id, h);
  return [...seen.values()].sort((a, b) => b.lastRead - a.lastRead).slice(0, limit).map(toView);
}

export function storedToArticle(r: StoredArticle): Article {
  return {
    url: r.url, canonicalUrl: r.canonicalUrl, title: r.title, byline: r.byline, ...(r.source ? { source: r.source } : {}), published: r.published,
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

/** Open panels follow a delete (their related lists, "stored"); best effort, no background in tests. */
function tellPanels(change: { deleted?: string[]; cleared?: boolean }): void {
  void import('../messaging/protocol').then(({ sendMessage }) => sendMessage('libraryChanged', change)).catch(() => {});
}

export async function deleteStored(id: string): Promise<void> {
  if (await getLibrary().delete(id)) tellPanels({ deleted: [id] });
}

export async function clearLibrary(): Promise<void> {
  await getLibrary().clear();
  tellPanels({ cleared: true });
}

/** The whole library as one JSON string: fine for small libraries; see exportLibraryBlob. */
export async function exportLibrary(): Promise<string> {
  return getLibrary().exportJson();
}

/**
 * The export file as a Blob assembled from the library's parts (exportChunks): a large library
 * (hundreds of MB of JSON) never becomes one string. Same bytes as exportLibrary().
 */
export async function exportLibraryBlob(): Promise<Blob> {
  const l = getLibrary() as LibraryLike & Partial<Pick<Library, 'exportChunks'>>;
  if (!l.exportChunks) return new Blob([await l.exportJson()], { type: 'application/json' });
  const parts: Blob[] = [];
  for await (const part of l.exportChunks()) parts.push(new Blob([part]));
  return new Blob(parts, { type: 'application/json' });
}

/** Throws the library's error unchanged when the file is rejected (nothing is changed then). */
export async function importLibrary(json: string): Promise<{ added: number; updated: number; unchanged: number }> {
  return getLibrary().importJson(json);
}

export async function libraryStats(): Promise<{ count: number; bytes: number | null }> {
  const l = getLibrary();
  const [count, size] = await Promise.all([l.count().catch(() => 0), l.estimateSize().catch(() => null)]);
  return { count, bytes: size?.usage ?? null };
}

