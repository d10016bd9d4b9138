/**
 * Article ids: a stable hash of the canonical URL, so revisiting a page (from any tab, any
 * device after import) lands on the same record. Synchronous on purpose (no crypto.subtle):
 * the CLI, the UI and the background all derive ids without awaiting.
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (collisions ~1e-10 at 100k articles). */
export function articleId(canonicalUrl: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  const s = canonicalUrl.trim();
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}
