/**
 * Thin wiring on the news page. Detection and extraction are in src/article and src/clutter;
 * this file only times them, talks to the background and answers the panel.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NEWS_MATCHES } from '@/src/sites';
import { analyzeDocument, hiddenItems } from '@/src/article';
import { joinMultiPage } from '@/src/article/parts';
import { HIDE_CSS, earlyCss, findClutter, markClutter, setHiding, setShown, unmarkAll, type ClutterHit } from '@/src/clutter';
import { pageFailureMessage } from '@/src/messaging/failure';
import { onMessage, sendMessage } from '@/src/messaging/protocol';
import { pageIO } from '@/src/page/fetch-part';
import { HIGHLIGHT_CSS, highlightMentions, locateArticleRoot } from '@/src/page/highlight';
import { claimGeneration, reportedBefore } from '@/src/page/generation';
import { isReload } from '@/src/page/visit';
import { createReaderOverlay } from '@/src/page/reader-overlay';
import { extensionOrigin } from '@/src/platform';
import { featuresItem, siteKeyFor, sitesItem, withFeatureDefaults } from '@/src/ui/settings';

export default defineContentScript({
  matches: NEWS_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    if (window.top !== window) return;
    run(ctx);
  },
});

function run(ctx: ContentScriptContext) {
  const doc = document;
  const html = doc.documentElement;
  // A newer copy of this script (extension updated or reloaded, or injected again) takes over.
  const gen = claimGeneration(doc, () => ctx.abort('superseded by a newer Sorot content script'));
  // Styles go in before the page paints: known portals' clutter never flashes.
  const style = doc.createElement('style');
  style.setAttribute('data-sorot-ui', '');
  style.textContent = `${HIDE_CSS}\n${earlyCss(location.hostname)}\n${HIGHLIGHT_CSS}`;
  html.append(style);
  setHiding(doc, true);
  /** Whether clutter is hidden now; reported so the panel's switch shows the page's real state. */
  let hidingOn = true;

  // Settings arrive asynchronously; the early CSS is already in place so nothing flashes meanwhile.
  const settings = Promise.all([featuresItem.getValue(), sitesItem.getValue()]).then(([features, sites]) => {
    if (ctx.isInvalid) return { siteOff: true }; // superseded meanwhile: the newer copy decides
    const key = siteKeyFor(sites ?? {}, location.hostname);
    const siteOff = key != null && sites![key] === false;
    const hide = withFeatureDefaults(features).hideClutter;
    if (siteOff || !hide) {
      setHiding(doc, false);
      hidingOn = false;
    }
    if (siteOff) style.remove();
    return { siteOff };
  });

  let hits: ClutterHit[] = [];
  let paragraphs: string[] = [];
  let tabId: number | null = null;
  const overlay = createReaderOverlay(doc, extensionOrigin());
  const removers: Array<() => void> = [];
  const reportClutter = () => sendMessage('clutterUpdated', { hidden: hiddenItems(hits), hidingEnabled: hidingOn }).catch(() => {});

  removers.push(
    onMessage('setHiding', ({ data }) => {
      setHiding(doc, data.enabled);
      hidingOn = data.enabled;
      // Hiding turned back on hides everything again, items shown one by one included.
      if (data.enabled) for (const h of hits) setShown(h.element, false);
      reportClutter();
      return { hidden: data.enabled ? hits.length : 0 };
    }),
    onMessage('showHidden', ({ data }) => {
      const hit = hits[data.index];
      if (!hit) return false;
      setShown(hit.element, data.shown);
      if (data.shown) hit.element.scrollIntoView?.({ block: 'center' });
      // The tab's state carries which items are shown, so a panel opened later shows the page's state.
      reportClutter();
      return true;
    }),
    onMessage('toggleReader', () => {
      if (tabId == null) return false;
      return overlay.toggle(browser.runtime.getURL(`/reader.html?tab=${tabId}` as '/reader.html'));
    }),
    onMessage('highlightEntity', ({ data }) => {
      const root = locateArticleRoot(doc, paragraphs);
      return highlightMentions(doc, root, data?.surfaces ?? null, data?.step ?? 0, data?.mentions ? { paragraphs, mentions: data.mentions } : undefined);
    }),
    onMessage('ping', () => ({ generation: gen.generation, url: location.href })),
  );

  ctx.onInvalidated(() => {
    // A newer copy took over (or the extension is gone): remove only what this copy added. The
    // clutter marks and html[data-sorot-hide] stay: the newer copy sets the same ones, and
    // without this copy's stylesheet they hide nothing.
    gen.stop();
    overlay.destroy();
    style.remove();
    // Listener removal can throw once the extension context is gone; the rest is done by then.
    for (const r of removers) {
      try {
        r();
      } catch {
        /* context invalidated */
      }
    }
  });

  let analysedBefore = false;
  const analyze = async () => {
    if (ctx.isInvalid || (await settings).siteOff) return;
    const t0 = performance.now();
    try {
      // Marked on the page's timeline so long-task checks can attribute time to us.
      performance.mark('sorot:analyze:start');
      const analysed = analyzeDocument(doc, location.href);
      // Not an article (index, gallery, video page): left as it is, nothing hidden; the panel
      // says why. The early CSS of known portals hid clutter until now: that stops too.
      const result = analysed.result.isArticle ? analysed.result : { ...analysed.result, hidden: [] };
      if (!result.isArticle) {
        unmarkAll(doc);
        hidingOn = false;
      }
      performance.measure('sorot:analyze', 'sorot:analyze:start');
      hits = result.isArticle ? analysed.hits : [];
      paragraphs = result.isArticle ? (result.article?.paragraphs ?? []) : [];
      const elapsedMs = performance.now() - t0;
      // Not another read: the page reloading itself (meta refresh, location.reload(), the reader's
      // F5) or analysed again on request from the panel.
      const sameVisit = reportedBefore(doc, location.href) || analysedBefore || isReload();
      analysedBefore = true;
      const state = await sendMessage('pageAnalyzed', { ...result, url: location.href, elapsedMs, hidingEnabled: hidingOn, sameVisit });
      if (state) tabId = state.tabId;
      // A multi-page article: its other parts are read (same origin, bounded, never shown on the
      // page) and the whole article replaces the first part in the panel, reader and library.
      if (result.isArticle && result.article) {
        const joined = await joinMultiPage(doc, location.href, result.article, pageIO).catch(() => null);
        if (joined && !ctx.isInvalid) {
          // The first part is already shown: a failure here must not replace it with an error.
          const again = await sendMessage('pageAnalyzed', { ...result, article: joined.article, url: location.href, elapsedMs, hidingEnabled: hidingOn, sameVisit: true }).catch(() => null);
          if (again) tabId = again.tabId;
        }
      }
    } catch (err) {
      await sendMessage('pageFailed', { url: location.href, message: pageFailureMessage(err) }).catch(() => {});
    }
  };

  // Ads that load late get the same treatment once, after the page settled.
  const rescan = () => {
    if (ctx.isInvalid || !paragraphs.length) return;
    const known = new Set(hits.map((h) => h.element));
    const fresh = findClutter(doc, location.href).filter((h) => !known.has(h.element));
    if (!fresh.length) return;
    hits = hits.concat(markClutter(doc, fresh));
    reportClutter();
  };

  // Analysis gets a task of its own, after the parser's: the page's work and ours never add up
  // to one long task.
  const schedule = () => ctx.setTimeout(() => void analyze(), 0);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', schedule, { once: true });
  else schedule();
  if (doc.readyState === 'complete') ctx.setTimeout(rescan, 2000);
  else window.addEventListener('load', () => ctx.setTimeout(rescan, 1500), { once: true });
}
