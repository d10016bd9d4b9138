/**
 * Per-tab panel state. Kept in memory and mirrored to storage.session so a Chrome service worker
 * that was stopped comes back knowing what each open tab showed.
 */
import type { TabState } from '../messaging/protocol';

export function emptyState(tabId: number, status: TabState['status'] = 'idle', url: string | null = null): TabState {
  return {
    tabId, status, url, article: null, hidden: [], hidingEnabled: true, entities: [], related: [],
    libraryEmpty: true, stored: false,
  };
}

/** The storage.session key of a tab's state; the panel reads it directly at open (backend.ts). */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

export interface SessionArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export class TabStates {
  private states = new Map<number, TabState>();
  constructor(private session?: SessionArea) {}

  private key = tabStateKey;

  async get(tabId: number): Promise<TabState | null> {
    const hit = this.states.get(tabId);
    if (hit) return hit;
    const got: Record<string, unknown> = (await this.session?.get(this.key(tabId)).catch(() => ({}))) ?? {};
    const stored = got[this.key(tabId)] as TabState | undefined;
    if (stored) this.states.set(tabId, stored);
    return stored ?? null;
  }

  async set(state: TabState): Promise<TabState> {
    this.states.set(state.tabId, state);
    // Session storage has a small quota: keep the panel's data, drop the reading-view HTML.
    const slim = state.article ? { ...state, article: { ...state.article, contentHtml: '' } } : state;
    await this.session?.set({ [this.key(state.tabId)]: slim }).catch(() => {});
    return state;
  }

  /** Every tab's state, those a stopped worker left in storage.session included. */
  async all(): Promise<TabState[]> {
    const got: Record<string, unknown> = (await this.session?.get(null).catch(() => ({}))) ?? {};
    const byTab = new Map<number, TabState>();
    for (const [k, v] of Object.entries(got)) if (k.startsWith('tab:') && v && typeof v === 'object') byTab.set((v as TabState).tabId, v as TabState);
    for (const [id, st] of this.states) byTab.set(id, st); // memory holds the reading-view HTML too
    return [...byTab.values()];
  }

  async delete(tabId: number): Promise<void> {
    this.states.delete(tabId);
    await this.session?.remove(this.key(tabId)).catch(() => {});
  }
}
