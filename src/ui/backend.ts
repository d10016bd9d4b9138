/**
 * What the panel needs from the outside world, as one interface. Components only talk to this,
 * so tests pass a fake and browser differences stay in src/platform.
 */
import type { TabState } from '../messaging/protocol';
import type { Mention } from '../types';
import { sendMessage, onMessage } from '../messaging/protocol';
import { tabStateKey } from '../background/tab-states';
import { requestSiteAccess } from '../platform';
import type { StoredArticleView } from './library-client';
import { storage } from 'wxt/utils/storage';
import { siteKeyFor, sitesItem } from './settings';
import { WIKIPEDIA_BASE, createWikipedia, type WikiSummary } from './wikipedia';

export interface PanelBackend {
  /** The active tab of the window this page lives in. */
  activeTabId(): Promise<number | null>;
  /** Calls back with the tab id whenever the active tab of this window changes or navigates. */
  watchActiveTab(cb: (tabId: number) => void): () => void;
  getTabState(tabId: number): Promise<TabState | null>;
  /**
   * The tab's state as last mirrored to storage.session, read without waking the background:
   * what the panel shows at once on open, before getTabState answers. Null when absent.
   */
  peekTabState?(tabId: number): Promise<TabState | null>;
  /** Analyse the tab now (not-article pages, error retry). */
  analyzeTab(tabId: number): Promise<TabState | null>;
  /** Enable Sorot on the tab's site (permission prompt, must run in a click handler), then analyse. */
  enableSite(tabId: number, url: string): Promise<TabState | null>;
  /** Undo the reader's "off" for this site (Settings -> Sites) and analyse the tab. */
  turnSiteBackOn(tabId: number, url: string): Promise<TabState | null>;
  watchTabState(cb: (state: TabState) => void): () => void;
  toggleReader(tabId: number): Promise<void>;
  setHiding(tabId: number, enabled: boolean): Promise<{ hidden: number } | null>;
  showHidden(tabId: number, index: number, shown: boolean): Promise<boolean>;
  highlightEntity(tabId: number, surfaces: string[] | null, step: number, mentions?: Mention[]): Promise<{ count: number; current: number } | null>;
  /** Stored articles that mention the entity, newest first. */
  entityTimeline(entityId: string): Promise<StoredArticleView[]>;
  /**
   * Short Wikipedia summary for an entity name. Only called when the user turned the lookup on
   * (features.wikipediaLookup); absent = no lookup (the panel shows just a search link).
   */
  wikipediaSummary?(name: string): Promise<WikiSummary>;
  /** Open one of our pages (library.html, options.html, reader.html?id=) in a new tab. */
  openPage(path: string): void;
}

async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

// Summaries are kept for the browser session (storage.session), so reopening the panel or
// clicking the same person again sends nothing.
const wikipedia = createWikipedia({
  base: WIKIPEDIA_BASE,
  fetch: (url, init) => fetch(url, init),
  cache: {
    get: (key) => storage.getItem<WikiSummary>(`session:wiki:${key}`),
    set: (key, value) => storage.setItem(`session:wiki:${key}`, value),
  },
});

export const browserBackend: PanelBackend = {
  async activeTabId() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  },

  watchActiveTab(cb) {
    let windowId: number | undefined;
    let activeId: number | null = null;
    void currentWindowId().then((w) => (windowId = w));
    void this.activeTabId().then((id) => (activeId = id));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId != null && info.windowId !== windowId) return;
      activeId = info.tabId;
      cb(info.tabId);
    };
    const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
      if (tabId !== activeId) return;
      if (change.url || change.status === 'loading' || change.status === 'complete') cb(tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  },

  getTabState: (tabId) => sendMessage('getTabState', { tabId }),
  async peekTabState(tabId) {
    try {
      const key = tabStateKey(tabId);
      const got = await browser.storage.session.get(key);
      return (got[key] as TabState | undefined) ?? null;
    } catch {
      return null; // no storage.session (older Firefox): the message answers
    }
  },
  analyzeTab: (tabId) => sendMessage('analyzeTab', { tabId }),

  async enableSite(tabId, url) {
    // permissions.request must be the first thing the click handler awaits (Firefox is strict).
    const granted = await requestSiteAccess(url).catch(() => false);
    if (!granted) return null;
    return sendMessage('analyzeTab', { tabId });
  },

  async turnSiteBackOn(tabId, url) {
    const sites = { ...((await sitesItem.getValue()) ?? {}) };
    const key = siteKeyFor(sites, new URL(url).hostname);
    if (key != null) delete sites[key];
    await sitesItem.setValue(sites);
    return sendMessage('analyzeTab', { tabId });
  },

  watchTabState(cb) {
    return onMessage('tabStateChanged', ({ data }) => cb(data));
  },

  toggleReader: (tabId) => sendMessage('toggleReaderInTab', { tabId }),
  setHiding: async (tabId, enabled) => (await sendMessage('setHiding', { enabled }, tabId)) ?? null,
  showHidden: async (tabId, index, shown) => !!(await sendMessage('showHidden', { index, shown }, tabId)),
  highlightEntity: async (tabId, surfaces, step, mentions) =>
    (await sendMessage('highlightEntity', surfaces ? { surfaces, step, ...(mentions?.length ? { mentions } : {}) } : null, tabId)) ?? null,
  // Loaded on first use: the library (Dexie and ranking code) is not needed to open the panel.
  entityTimeline: async (entityId: string) => (await import('./library-client')).entityTimeline(entityId),
  wikipediaSummary: (name) => wikipedia.summary(name),
  openPage(path) {
    // Resolved against this page, not runtime.getURL: Chrome answers getURL('/reader.html') with
    // the dynamic URL (reader.html is web-accessible with use_dynamic_url, for the in-page reading
    // view), and a tab opened on that address is blocked (ERR_BLOCKED_BY_CLIENT).
    void browser.tabs.create({ url: new URL(path, location.href).href });
  },
};
