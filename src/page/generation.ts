/**
 * A per-injection generation counter (as Obsidian Web Clipper does). Each copy of the content
 * script that starts in a page takes the next number and writes it on <html>; an older copy that
 * sees a higher number shuts itself off. This holds when WXT's own signal does not reach the old
 * copy: after an extension reload the old copy lives in a world whose runtime is gone, and WXT
 * only notices that when something asks `ctx.isInvalid`.
 */
export const GENERATION_ATTR = 'data-sorot-gen';

export interface Generation {
  readonly generation: number;
  stop(): void;
}

export function claimGeneration(doc: Document, onSuperseded: () => void): Generation {
  const html = doc.documentElement;
  const read = () => Number(html.getAttribute(GENERATION_ATTR)) || 0;
  const generation = read() + 1;
  html.setAttribute(GENERATION_ATTR, String(generation));
  // Only a higher number supersedes: a page clearing the attribute does not switch us off. The
  // script's own MutationObserver (in Firefox the page window's one would hand us Xray wrappers).
  const obs = new MutationObserver(() => {
    if (read() <= generation) return;
    obs.disconnect();
    onSuperseded();
  });
  obs.observe(html, { attributes: true, attributeFilter: [GENERATION_ATTR] });
  return { generation, stop: () => obs.disconnect() };
}

/** The address this document's reading was last reported for, by any copy of the script. */
export const READ_ATTR = 'data-sorot-read';

/**
 * Whether this document's reading of `url` was reported already, by this copy or an earlier one
 * (a copy injected into an open tab at install or update, racing the manifest's own): the same
 * visit, not another read. Marks it reported.
 */
export function reportedBefore(doc: Document, url: string): boolean {
  const html = doc.documentElement;
  const before = html.getAttribute(READ_ATTR) === url;
  html.setAttribute(READ_ATTR, url);
  return before;
}
