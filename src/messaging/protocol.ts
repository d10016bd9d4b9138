/**
 * The one typed list of messages between content script, background and extension pages.
 * Receivers validate payloads (see ./schemas.ts) because a message is only as trustworthy as
 * the page the content script ran on.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Article, Entity, ExtractResult, HiddenItem, Mention } from '../types';

/** A related stored article as the panel shows it. */
export interface RelatedView {
  id: string;
  url: string;
  title: string;
  site: string;
  published: string | null;
  score: number;
  /** Human-readable reason, e.g. "sama-sama menyebut Kim Jong Un, Vladimir Putin, Rusia". */
  reason: string;
  /** The reason's parts, for wording it in the UI language (absent in states stored before). */
  why?: { sameStory: boolean; names: string[]; keywords: string[] };
  /** Entity ids shared with the current article. */
  shared: string[];
  /** True when judged the same event (shown under "Liputan lain"). */
  sameStory: boolean;
}

/** 'off': the reader switched Sorot off for this site (Settings -> Sites). */
export type TabStatus = 'idle' | 'loading' | 'article' | 'not-article' | 'unsupported' | 'off' | 'error';

/**
 * Something the panel must tell the reader about an analysed article, as a code it words in the
 * UI language; `detail` is the technical text (English or the library's own), shown small.
 */
export interface TabProblem {
  code: 'entities-unavailable' | 'storage-full' | 'not-stored-yet' | 'not-stored';
  detail?: string;
}

/** Everything the panel needs about one tab. */
export interface TabState {
  tabId: number;
  status: TabStatus;
  url: string | null;
  /** Not-article reason or error text (words the panel maps where it knows them). */
  message?: string;
  /** What went wrong with an article that is still shown (see TabProblem). */
  problems?: TabProblem[];
  article: Article | null;
  hidden: HiddenItem[];
  hidingEnabled: boolean;
  entities: Entity[];
  related: RelatedView[];
  /** The library had no other article yet. */
  libraryEmpty: boolean;
  /** Whether this article was stored (false when storing is off for the site/window). */
  stored: boolean;
  /** Not stored this time (saving is off for the site), but an earlier visit's copy is in the library. */
  storedEarlier?: boolean;
  /** Why it was not stored, when that was a choice: a private window, saving off, off for this site. */
  notStoredWhy?: NotStoredWhy;
}

export type NotStoredWhy = 'private' | 'off' | 'site';

export interface ProtocolMap {
  // content -> background
  pageAnalyzed(data: ExtractResult & { url: string; elapsedMs: number; hidingEnabled?: boolean; sameVisit?: boolean }): TabState;
  pageFailed(data: { url: string; message: string }): void;
  /** Clutter that appeared after the first pass (lazy ads); replaces the hidden list. */
  clutterUpdated(data: { hidden: HiddenItem[]; hidingEnabled?: boolean }): void;
  // extension pages -> background
  getTabState(data: { tabId: number }): TabState | null;
  analyzeTab(data: { tabId: number }): TabState | null;
  toggleReaderInTab(data: { tabId: number }): void;
  /** Articles deleted (or all, `cleared`) in a library page: open panels must stop showing them. */
  libraryChanged(data: { deleted?: string[]; cleared?: boolean }): void;
  // background -> extension pages
  tabStateChanged(data: TabState): void;
  // background / pages -> content (sent to a tab)
  setHiding(data: { enabled: boolean }): { hidden: number };
  showHidden(data: { index: number; shown: boolean }): boolean;
  toggleReader(data?: undefined): boolean;
  /** `mentions`: the entity's own mentions in the article (paragraph offsets); the page paints
   *  those, else every match of `surfaces`. */
  highlightEntity(data: { surfaces: string[]; step: number; mentions?: Mention[] } | null): { count: number; current: number };
  ping(data?: undefined): { generation: number; url: string };
}

export const messaging = defineExtensionMessaging<ProtocolMap>();
export const { sendMessage, onMessage } = messaging;
