/**
 * Background wiring: validates messages, keeps per-tab state, runs entities + library through
 * SorotService, and forwards panel requests to the right tab.
 */
import { onMessage, sendMessage, type TabState } from '@/src/messaging/protocol';
import { ClutterUpdatedSchema, LibraryChangedSchema, PageAnalyzedSchema, PageFailedSchema, TabIdSchema, parseMessage } from '@/src/messaging/schemas';
import { lazyLibrary } from '@/src/library';
import { SorotService } from '@/src/background/service';
import { TabStates, emptyState } from '@/src/background/tab-states';
import { storePolicy } from '@/src/background/store-policy';
import { grantedSiteOrigins, hasSiteAccess, injectContentScript, injectIntoOpenTabs, isPrivateTab, registerSiteScripts, setupPanelOnActionClick } from '@/src/platform';
import { isSiteEnabled, sitesItem } from '@/src/ui/settings';
import { NEWS_MATCHES, isNewsUrl, isOutsideSection, siteScriptOrigins } from '@/src/sites';

export default defineBackground(() => {
  const tabs = new TabStates(browser.storage.session as any);
  const broadcast = (state: TabState | null) => {
    if (state) sendMessage('tabStateChanged', state).catch(() => {});
    return state;
  };
  const service = new SorotService(lazyLibrary(), tabs, storePolicy, broadcast);

  /** Where the content script runs beyond the manifest: the granted origins, sections kept to their path. */
  const siteOrigins = async () => siteScriptOrigins(await grantedSiteOrigins(), (await sitesItem.getValue()) ?? {});

  /** Only our own content scripts and pages may talk to us. */
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;

  onMessage('pageAnalyzed', async ({ data, sender }) => {
    if (!fromUs(sender) || sender.tab?.id == null) throw new Error('refused: not from our content script');
    const msg = parseMessage('pageAnalyzed', PageAnalyzedSchema, data);
    return broadcast(await service.pageAnalyzed(sender.tab.id, isPrivateTab(sender.tab), msg))!;
  });

  onMessage('pageFailed', async ({ data, sender }) => {
    if (!fromUs(sender) || sender.tab?.id == null) return;
    const msg = parseMessage('pageFailed', PageFailedSchema, data);
    broadcast(await service.pageFailed(sender.tab.id, msg.url, msg.message));
  });

  onMessage('clutterUpdated', async ({ data, sender }) => {
    if (!fromUs(sender) || sender.tab?.id == null) return;
    const msg = parseMessage('clutterUpdated', ClutterUpdatedSchema, data);
    broadcast(await service.clutterUpdated(sender.tab.id, msg.hidden, msg.hidingEnabled));
  });

  /** A tab no content script reported from: whether this is a site we run on. */
  const unreportedState = async (tabId: number): Promise<TabState> => {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const url = tab?.url ?? null;
    if (!url || !/^https?:/.test(url)) return emptyState(tabId, 'unsupported', url);
    // A host granted only for its Indonesian section (bbc.com/indonesia) is not on elsewhere.
    const sites = (await sitesItem.getValue()) ?? {};
    const known = isOutsideSection(url) ? isSiteEnabled(sites, url) : isNewsUrl(url) || (await hasSiteAccess(url));
    return emptyState(tabId, known ? 'loading' : 'unsupported', url);
  };

  /** A tab's state, unless it only says "an address we cannot see": then look again (a toolbar click may have granted it). */
  const stateOf = async (tabId: number): Promise<TabState | undefined> => {
    const st = await tabs.get(tabId);
    return st && !(st.status === 'unsupported' && !st.url) ? st : undefined;
  };

  // The toolbar button opens the panel; on a site Sorot does not list, its click lets us see the
  // page's address (activeTab), so the open panel can now offer to turn Sorot on there.
  setupPanelOnActionClick((tab) => {
    if (tab.id == null) return;
    const tabId = tab.id;
    void stateOf(tabId).then(async (state) => { if (!state) broadcast(await unreportedState(tabId)); }).catch(() => {});
  });

  onMessage('getTabState', async ({ data, sender }) => {
    if (!fromUs(sender)) return null;
    const { tabId } = parseMessage('getTabState', TabIdSchema, data);
    return (await stateOf(tabId)) ?? unreportedState(tabId);
  });

  onMessage('analyzeTab', async ({ data, sender }) => {
    if (!fromUs(sender)) return null;
    const { tabId } = parseMessage('analyzeTab', TabIdSchema, data);
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ?? '';
    // The panel asked for this site's permission in the user's click; without it, nothing runs.
    if (!(await hasSiteAccess(url))) return broadcast(await tabs.set({ ...emptyState(tabId, 'unsupported', url || null) }));
    const host = new URL(url).hostname;
    if (!isNewsUrl(url)) {
      // Remember the choice and keep running there on later visits.
      await sitesItem.setValue({ ...((await sitesItem.getValue()) ?? {}), [host]: true });
      await registerSiteScripts(await siteOrigins()).catch(() => {});
    }
    broadcast(await tabs.set(emptyState(tabId, 'loading', url)));
    await injectContentScript(tabId);
    return tabs.get(tabId);
  });

  onMessage('libraryChanged', async ({ data, sender }) => {
    // One of our pages (the library), not a content script: its address is the extension's.
    if (!fromUs(sender) || !sender.url?.startsWith(browser.runtime.getURL('/'))) return;
    const change = parseMessage('libraryChanged', LibraryChangedSchema, data);
    for (const st of await service.libraryChanged(change)) broadcast(st);
  });

  onMessage('toggleReaderInTab', async ({ data, sender }) => {
    if (!fromUs(sender)) return;
    const { tabId } = parseMessage('toggleReaderInTab', TabIdSchema, data);
    await sendMessage('toggleReader', undefined, tabId);
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-reader') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id != null) await sendMessage('toggleReader', undefined, tab.id).catch(() => {});
  });

  // A site permission taken back in the browser's settings stops the script there too.
  browser.permissions.onRemoved.addListener(() => void siteOrigins().then(registerSiteScripts).catch(() => {}));

  // Pages left open across an update or reload get the new content script; the old copy in them
  // sees the new generation and shuts itself off (src/page/generation.ts).
  // A tab whose copy answers a ping already runs this version (it loaded after the install).
  const isLive = (tabId: number) => sendMessage('ping', undefined, tabId).then(() => true, () => false);
  browser.runtime.onInstalled.addListener(() => {
    void siteOrigins().then((sites) => injectIntoOpenTabs([...NEWS_MATCHES, ...sites], isLive)).catch(() => {});
  });

  browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // A navigation or a reload starts a new page: the old state must not linger in the panel.
    if (info.status !== 'loading') return;
    const url = info.url ?? tab.url;
    // No address: a site Sorot has no access to (the browser hides it), or not a web page. Sorot
    // does nothing there, and the panel must not go on showing the page before.
    if (!url || !/^https?:/.test(url)) {
      void tabs.set(emptyState(tabId, 'unsupported', url ?? null)).then(broadcast);
      return;
    }
    const portal = isNewsUrl(url);
    void (async () => {
      // A portal the reader switched off: its content script stays idle, and the panel says why.
      const off = portal && !isSiteEnabled((await sitesItem.getValue()) ?? {}, url);
      if (portal && !off) void service.prepare(url, isPrivateTab(tab));
      await tabs.delete(tabId);
      broadcast(off ? await tabs.set(emptyState(tabId, 'off', url)) : emptyState(tabId, 'loading', url));
    })();
  });
});
