/**
 * The content script's I/O for multi-page articles (src/article/parts.ts): a same-origin GET the
 * page itself would make for its reader (its cookies, no redirects followed, bounded bytes), and an
 * inert parse (DOMParser: scripts never run, nothing is loaded).
 */
import type { PartIO } from '../article/parts';

export async function fetchPart(url: string, maxBytes: number, signal: AbortSignal): Promise<string | null> {
  if (new URL(url).origin !== location.origin) return null;
  // 'manual': a redirect elsewhere is never followed (it could leave the origin).
  const res = await fetch(url, { credentials: 'same-origin', redirect: 'manual', signal });
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || res.type === 'opaqueredirect' || !/text\/html|application\/xhtml\+xml/i.test(type)) return null;
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return null;
  const reader = res.body?.getReader();
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(/charset=["']?([\w-]+)/i.exec(type)?.[1] ?? 'utf-8');
  } catch {
    decoder = new TextDecoder();
  }
  return decoder.decode(bytes);
}

export function parsePart(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // The parsed document's address is the open page's: relative links must resolve against the part.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

export const pageIO: PartIO = { fetchText: fetchPart, parse: parsePart };
