/**
 * Which URLs our pages may link to: http(s) only (also relative ones, resolved against the
 * article). Its own module so pages that only show links (panel, library) do not load DOMPurify;
 * safe-html.ts uses the same rule for every URL in sanitised markup.
 */

/** http(s), protocol-relative, or a relative reference (no scheme before the first / ? #). */
export const SAFE_URL = /^(?:https?:|\/|\.|#|\?|[^:/?#]*(?:[/?#]|$))/i;
// eslint-disable-next-line no-control-regex
const URL_JUNK = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/** Returns the absolute http(s) URL, or null when it is anything else (javascript:, data:, blob:, ...). */
export function safeUrl(raw: string, baseUrl?: string | null): string | null {
  const v = raw.replace(URL_JUNK, '');
  if (!v || !SAFE_URL.test(v)) return null;
  if (v.startsWith('#')) return v;
  try {
    const base = baseUrl && /^https?:/i.test(baseUrl) ? baseUrl : undefined;
    if (!base && !/^(?:https?:)?\/\//i.test(v)) return v; // relative, nothing to resolve against: kept as written
    const u = new URL(v, base ?? 'https://invalid.invalid/');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href;
  } catch {
    return null;
  }
}

