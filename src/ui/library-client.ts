/**
 * The pages' view of the local library (src/library, IndexedDB). Extension pages share the
 * extension origin, so they open the same database as the background directly.
 *
 * Everything the UI shows is mapped to the small shapes below, so a change in the library's
 * record format touches this file only.
 */
import type { Article, Entity } from '../types';

export interface StoredArticleView {
  id: string;
  url: string;
  title: string;
  site: string;
  published: string | null;
  /** When it was stored (ISO), if known. */
  savedAt?: string | null;
  /** Entity ids/names mentioned (for the library filter), if known. */
  entities?: { id: string; name: string; type: string }[];
}

export interface StoredArticleFull extends StoredArticleView {
  article: Article;
  entityList: Entity[];
}

export interface ListQuery {
  text?: string;
  site?: string;
  entity?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyLib = Record<string, (...args: any[]) => any>;

let libPromise: Promise<AnyLib> | null = null;

/** Open the library once per page. */
export function getLibrary(): Promise<AnyLib> {
  if (!libPromise) {
    const mods = import.meta.glob('../library/index.ts');
    const loader = mods['../library/index.ts'];
    libPromise = loader
      ? loader().then((m: any) => m.openLibrary())
      : Promise.reject(new Error('library module not available'));
    libPromise.catch(() => (libPromise = null));
  }
  return libPromise;
}

/** Tests inject a fake library here. */
export function setLibraryForTests(lib: AnyLib | null): void {
  libPromise = lib ? Promise.resolve(lib) : null;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Map whatever record the library returns to the view shape. */
export function toView(r: any): StoredArticleView {
  const a = r?.article ?? r ?? {};
  const ents = Array.isArray(r?.entities) ? r.entities : Array.isArray(r?.entityList) ? r.entityList : [];
  return {
    id: String(r?.id ?? a.id ?? ''),
    url: str(a.canonicalUrl) || str(a.url) || str(r?.url),
    title: str(a.title) || str(r?.title),
    site: str(a.site) || str(r?.site) || str(a.host),
    published: a.published ?? r?.published ?? null,
    savedAt: r?.savedAt != null ? new Date(r.savedAt).toISOString() : null,
    entities: ents
      .filter((e: any) => e && typeof e === 'object')
      .map((e: any) => ({ id: String(e.id ?? ''), name: str(e.name) || String(e.id ?? ''), type: str(e.type) })),
  };
}

function sortNewest(list: StoredArticleView[]): StoredArticleView[] {
  const key = (v: StoredArticleView) => v.published ?? v.savedAt ?? '';
  return [...list].sort((a, b) => key(b).localeCompare(key(a)));
}

export async function entityTimeline(entityId: string): Promise<StoredArticleView[]> {
  const lib = await getLibrary();
  const res = await lib.entityTimeline(entityId);
  return sortNewest((Array.isArray(res) ? res : []).map(toView));
}

export async function listArticles(q: ListQuery = {}): Promise<StoredArticleView[]> {
  const lib = await getLibrary();
  const text = q.text?.trim();
  const raw = text ? await lib.search(text) : await lib.list();
  let list = (Array.isArray(raw) ? raw : []).map((r: any) => toView(r?.record ?? r));
  if (q.site) list = list.filter((v) => v.site === q.site);
  if (q.entity) {
    const needle = q.entity.toLowerCase();
    list = list.filter((v) => v.entities?.some((e) => e.id === q.entity || e.name.toLowerCase().includes(needle)));
  }
  if (q.from) list = list.filter((v) => (v.published ?? v.savedAt ?? '') >= q.from!);
  if (q.to) list = list.filter((v) => (v.published ?? v.savedAt ?? '').slice(0, 10) <= q.to!);
  return text ? list : sortNewest(list);
}

export async function getStored(id: string): Promise<StoredArticleFull | null> {
  const lib = await getLibrary();
  const r = await lib.get(id);
  if (!r) return null;
  const view = toView(r);
  const article: Article = r.article ?? r;
  const entityList: Entity[] = Array.isArray(r.entities) ? r.entities.filter((e: any) => Array.isArray(e?.surface)) : [];
  return { ...view, article, entityList };
}

export async function deleteStored(id: string): Promise<void> {
  await (await getLibrary()).delete(id);
}

export async function clearLibrary(): Promise<void> {
  await (await getLibrary()).clear();
}

export async function exportLibrary(): Promise<string> {
  const out = await (await getLibrary()).exportJson();
  return typeof out === 'string' ? out : JSON.stringify(out);
}

/** Throws the library's error unchanged when the file is rejected (nothing is changed then). */
export async function importLibrary(json: string): Promise<number | null> {
  const res = await (await getLibrary()).importJson(json);
  if (typeof res === 'number') return res;
  if (res && typeof res === 'object' && typeof res.imported === 'number') return res.imported;
  return null;
}

export async function libraryStats(): Promise<{ count: number; bytes: number | null }> {
  const lib = await getLibrary();
  const [count, bytes] = await Promise.all([
    Promise.resolve(lib.count()).catch(() => 0),
    Promise.resolve(lib.estimateSize?.()).catch(() => null),
  ]);
  const b = typeof bytes === 'number' ? bytes : bytes && typeof bytes === 'object' ? (bytes.bytes ?? bytes.usage ?? null) : null;
  return { count: Number(count) || 0, bytes: b };
}
