/**
 * The storage reads the side panel's first render needs, started by a small classic script that
 * runs before the panel's modules have loaded (entrypoints/panel-start.ts), so the reads overlap
 * the module loading instead of following it; main.tsx takes the same promise. Kept free of the
 * settings module and wxt storage: the starter script must stay a few hundred bytes.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '../../messaging/protocol';
import { tabStateKey } from '../../background/tab-states';

/** storage.local keys of languageItem and readerPrefsItem (settings.ts; a unit test ties them). */
export const LANGUAGE_KEY = 'language';
export const READER_PREFS_KEY = 'readerPrefs';

export interface EarlyReads {
  /** `sidepanel.html?tab=<id>` pins the panel to one tab (e2e tests, opening it as a page). */
  pinned: number | undefined;
  /** The pinned tab, else this window's active tab. */
  tabId: number | null;
  /** That tab's state as the background mirrored it to storage.session. */
  state: TabState | null;
  language: unknown;
  theme: unknown;
}

const GLOBAL = '__sorotPanelReads';
type Holder = { [GLOBAL]?: Promise<EarlyReads> };

async function read(search: string): Promise<EarlyReads> {
  const pin = new URLSearchParams(search).get('tab');
  const pinned = pin && /^\d+$/.test(pin) ? Number(pin) : undefined;
  const local = browser.storage.local.get([LANGUAGE_KEY, READER_PREFS_KEY]).catch(() => ({}) as Record<string, unknown>);
  let tabId: number | null = pinned ?? null;
  let state: TabState | null = null;
  try {
    if (tabId == null) tabId = (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
    if (tabId != null) state = ((await browser.storage.session.get(tabStateKey(tabId)))[tabStateKey(tabId)] as TabState | undefined) ?? null;
  } catch {
    /* no storage.session (older Firefox): the panel asks the background */
  }
  const got = await local;
  return { pinned, tabId, state, language: got[LANGUAGE_KEY] ?? null, theme: (got[READER_PREFS_KEY] as { theme?: unknown } | undefined)?.theme };
}

/** Start the reads once per page; the second caller gets the first one's promise. Never rejects. */
export function earlyReads(search: string = location.search): Promise<EarlyReads> {
  const g = globalThis as Holder;
  return (g[GLOBAL] ??= read(search));
}
