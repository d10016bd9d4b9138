/**
 * Short entity summaries from Indonesian Wikipedia's REST API (opt-in: features.wikipediaLookup).
 *
 * Pure apart from the injected `fetch`: the caller passes the base URL and the fetch function, so
 * unit tests use a fake and nothing here knows about the browser or settings. Only plain-text
 * fields are kept (`extract`, `description`, `title`); `extract_html` / `displaytitle` are HTML and
 * are never read. Results are cached (memory, plus an optional store such as storage.session);
 * errors are not cached, so a later click retries.
 */

/** The real service. The shipped extension always uses this. */
export const WIKIPEDIA_BASE = 'https://id.wikipedia.org';
/** The host permission asked for when the user turns the feature on. */
export const WIKIPEDIA_ORIGIN = 'https://id.wikipedia.org/*';

export type WikiSummary =
  | { kind: 'found'; title: string; description: string | null; extract: string; url: string }
  /** The name is ambiguous: a list page, not one subject. Only a link is shown. */
  | { kind: 'disambiguation'; title: string; url: string }
  | { kind: 'not-found'; title: string }
  | { kind: 'error'; title: string; message: string };

export interface WikiCache {
  get(key: string): Promise<WikiSummary | null | undefined> | WikiSummary | null | undefined;
  set(key: string, value: WikiSummary): Promise<void> | void;
}

export interface WikipediaOptions {
  base?: string;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** Kept across panel reloads (e.g. storage.session); a memory cache is always used in front. */
  cache?: WikiCache;
  timeoutMs?: number;
  /** Longest extract kept, in characters (summaries are one paragraph; this caps odd ones). */
  maxExtract?: number;
}

/** The page title as the REST API wants it: trimmed, single spaces as underscores. */
export function normalizeTitle(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(/ /g, '_');
}

export function summaryUrl(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/api/rest_v1/page/summary/${encodeURIComponent(normalizeTitle(name))}`;
}

export function articleUrl(base: string, title: string): string {
  return `${base.replace(/\/+$/, '')}/wiki/${encodeURIComponent(normalizeTitle(title))}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A link from the response, only when it points at the same Wikipedia over http(s); else our own. */
function pageUrl(json: Record<string, any>, base: string, title: string): string {
  const raw = str(json?.content_urls?.desktop?.page);
  if (raw) {
    try {
      const u = new URL(raw);
      const b = new URL(base);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.host === b.host) return u.href;
    } catch {
      /* fall through */
    }
  }
  return articleUrl(base, title);
}

/** Turn a summary response body into a result. Anything unexpected is an error, never thrown. */
export function parseSummary(json: unknown, base: string, asked: string, maxExtract = 1200): WikiSummary {
  if (!json || typeof json !== 'object') return { kind: 'error', title: asked, message: 'bad response' };
  const j = json as Record<string, any>;
  const title = str(j.title) ?? asked;
  if (j.type === 'disambiguation') return { kind: 'disambiguation', title, url: pageUrl(j, base, title) };
  const extract = str(j.extract);
  if (!extract) return { kind: 'not-found', title };
  const text = extract.length > maxExtract ? `${extract.slice(0, maxExtract).replace(/\s+\S*$/, '')}…` : extract;
  return { kind: 'found', title, description: str(j.description), extract: text, url: pageUrl(j, base, title) };
}

export interface Wikipedia {
  summary(name: string): Promise<WikiSummary>;
}

export function createWikipedia(opts: WikipediaOptions): Wikipedia {
  const base = opts.base ?? WIKIPEDIA_BASE;
  const memory = new Map<string, WikiSummary>();
  const inflight = new Map<string, Promise<WikiSummary>>();

  async function fetchOne(key: string, name: string): Promise<WikiSummary> {
    let stored: WikiSummary | null | undefined = null;
    try {
      stored = await opts.cache?.get(key);
    } catch {
      /* a broken cache is no cache */
    }
    if (stored) return stored;
    const ctrl = typeof AbortController !== 'undefined' ? new AbortController() : null;
    const timer = ctrl ? setTimeout(() => ctrl.abort(), opts.timeoutMs ?? 8000) : null;
    try {
      const res = await opts.fetch(summaryUrl(base, name), {
        // No cookies, no referrer: only the title leaves the browser.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json' },
        signal: ctrl?.signal,
      });
      if (res.status === 404) return { kind: 'not-found', title: name };
      if (!res.ok) return { kind: 'error', title: name, message: `HTTP ${res.status}` };
      return parseSummary(await res.json(), base, name, opts.maxExtract);
    } catch (err) {
      const aborted = (err as { name?: string })?.name === 'AbortError';
      return { kind: 'error', title: name, message: aborted ? 'timeout' : err instanceof Error ? err.message : String(err) };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  return {
    async summary(name) {
      const key = normalizeTitle(name);
      if (!key) return { kind: 'not-found', title: name };
      const hit = memory.get(key);
      if (hit) return hit;
      let p = inflight.get(key);
      if (!p) {
        p = fetchOne(key, name).then(async (r) => {
          if (r.kind !== 'error') {
            memory.set(key, r);
            try {
              await opts.cache?.set(key, r);
            } catch {
              /* the memory cache still has it */
            }
          }
          return r;
        });
        inflight.set(key, p);
        void p.then(() => inflight.delete(key), () => inflight.delete(key));
      }
      return p;
    },
  };
}
