/**
 * Every Chrome/Firefox difference lives here (side panel vs sidebar, permissions, incognito).
 * Callers never test the browser themselves.
 */
import { browser } from 'wxt/browser';

type AnyApi = Record<string, any>;
const api = browser as unknown as AnyApi;

/**
 * Make the toolbar button (and its shortcut) open the panel: Chrome's side panel, Firefox's
 * sidebar. `clicked` runs after, with the tab the button was clicked on.
 *
 * Chrome: not `openPanelOnActionClick`. With it Chrome opens the panel without dispatching
 * action.onClicked, so the click does not grant activeTab: on a site Sorot does not list, the
 * background could never see the page's address and the panel could not offer to turn Sorot on
 * there. The panel is opened from the listener instead, before any await (the user gesture only
 * lasts until then).
 */
export function setupPanelOnActionClick(clicked?: (tab: { id?: number; url?: string; windowId?: number }) => void): void {
  const action = api.action ?? api.browserAction;
  if (api.sidePanel?.open) {
    api.sidePanel.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
    action?.onClicked?.addListener((tab: { id?: number; url?: string; windowId?: number }) => {
      if (tab.windowId != null) api.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
      clicked?.(tab);
    });
    return;
  }
  // Firefox requires toggle() to run synchronously inside the click handler.
  action?.onClicked?.addListener((tab: { id?: number; url?: string; windowId?: number }) => {
    api.sidebarAction?.toggle?.();
    clicked?.(tab);
  });
}

/** Origin pattern for a page URL, as used by host permissions. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Origins granted only so a lookup feature can fetch from them; Sorot never runs on their pages. */
export const LOOKUP_ORIGINS = ['https://id.wikipedia.org/*'];

export async function hasSiteAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin || LOOKUP_ORIGINS.includes(origin)) return false;
  return browser.permissions.contains({ origins: [origin] });
}

/** Ask for access to one site. Must be called from a user gesture (a click in the panel). */
export async function requestSiteAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return false;
  return browser.permissions.request({ origins: [origin] });
}

/** Run the content script in a tab where it is not declared (a site the user opted into). */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
}

/**
 * After an install, update or reload, Chrome leaves already open tabs without a live content
 * script (an old copy is cut off from the extension); Firefox injects declared scripts into open
 * tabs by itself. Inject into the open tabs we run on (news portals, sites the user opted into)
 * where `isLive` says no copy of this version answers. Returns how many tabs got a fresh copy.
 */
export async function injectIntoOpenTabs(patterns: string[], isLive: (tabId: number) => Promise<boolean>): Promise<number> {
  if (import.meta.env.FIREFOX || !patterns.length) return 0;
  const tabs = await browser.tabs.query({ url: patterns }).catch(() => []);
  const done = await Promise.all(tabs.map(async (t) => {
    if (t.id == null || t.discarded || (await isLive(t.id))) return false;
    return injectContentScript(t.id).then(() => true, () => false);
  }));
  return done.filter(Boolean).length;
}

/** Private windows never store anything. */
export function isPrivateTab(tab: { incognito?: boolean } | undefined): boolean {
  return !!tab?.incognito;
}

/** The extension's own origin, to check postMessage senders. */
export const extensionOrigin = (): string => new URL(browser.runtime.getURL('/')).origin;

const SITE_SCRIPT_ID = 'sorot-user-sites';

/**
 * Run the content script, from document_start on, on the sites the user opted into
 * (one registration holding every granted origin, rewritten when the list changes).
 */
export async function registerSiteScripts(origins: string[]): Promise<void> {
  const scripting = browser.scripting as AnyApi;
  const existing = await scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
  if (!origins.length) return;
  await scripting.registerContentScripts([
    { id: SITE_SCRIPT_ID, matches: origins, js: ['/content-scripts/content.js'], runAt: 'document_start', persistAcrossSessions: true },
  ]);
}

/** Origins the user granted beyond the manifest's own (the optional per-site permission). */
export async function grantedSiteOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => o !== '*://*/*' && o !== '<all_urls>' && !LOOKUP_ORIGINS.includes(o));
}

/**
 * Ask for one optional host permission (e.g. `https://id.wikipedia.org/*` for the Wikipedia
 * lookup). Must be the first thing a click handler awaits (Firefox drops the user gesture after
 * any other await). Resolves false when refused or when the browser cannot ask.
 */
export async function requestOrigin(pattern: string): Promise<boolean> {
  // No contains() first: that await would lose the gesture. request() grants at once, without a
  // prompt, when the permission is already held.
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Give back an optional host permission asked for with requestOrigin (the feature was turned off). */
export async function releaseOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** A file of the extension's own package (e.g. the tagger's data), as bytes. */
export async function readPackagedBytes(file: string): Promise<ArrayBuffer> {
  const res = await fetch(browser.runtime.getURL(`/${file}` as '/'));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return res.arrayBuffer();
}
