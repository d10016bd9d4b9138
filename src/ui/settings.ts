/**
 * Every user setting, declared once with its default (STYLE: storage keys declared once).
 * Imported by the extension pages and by the background, so nothing here may touch the DOM.
 */
import { storage, type StorageItemKey, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';
import { isNewsUrl } from '../sites';

export type Language = 'auto' | 'id' | 'en';

export type SettingItem<T> = Pick<WxtStorageItem<T, {}>, 'key' | 'fallback' | 'getValue' | 'setValue' | 'watch'>;

/**
 * storage.defineItem on first use. wxt reads an item from storage as soon as it is defined (for
 * its `init` option, unused here), and every page, the content script and the worker import all
 * of these: five storage round trips at start, ahead of the page's own first read (the panel's
 * first render waits behind them).
 */
function setting<T>(key: StorageItemKey, opts: WxtStorageItemOptions<T> & { fallback: T }): SettingItem<T> {
  let item: WxtStorageItem<T, {}> | undefined;
  const real = () => (item ??= storage.defineItem<T>(key, opts));
  return {
    key,
    fallback: opts.fallback,
    getValue: () => real().getValue(),
    setValue: (v) => real().setValue(v),
    watch: (cb) => real().watch(cb),
  };
}

export interface Features {
  /** Hide clutter (ads, "Baca juga", promos) on article pages. */
  hideClutter: boolean;
  /** Keep a local copy of every article read, for related articles and the library. */
  storeArticles: boolean;
  /** Look entities up on Wikipedia (sends the entity name to id.wikipedia.org). Off by default. */
  wikipediaLookup: boolean;
}

export const DEFAULT_FEATURES: Features = {
  hideClutter: true,
  storeArticles: true,
  wikipediaLookup: false,
};

export type ReaderFont = 'serif' | 'sans';
export type ReaderTheme = 'system' | 'light' | 'dark' | 'sepia';

export interface ReaderPrefs {
  font: ReaderFont;
  /** Base font size in px. */
  size: number;
  lineHeight: number;
  /** Measure in `ch`. */
  width: number;
  theme: ReaderTheme;
  highlightEntities: boolean;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = {
  font: 'serif',
  size: 19,
  lineHeight: 1.7,
  width: 68,
  theme: 'system',
  highlightEntities: false,
};

export const READER_LIMITS = {
  size: { min: 14, max: 28, step: 1 },
  lineHeight: { min: 1.3, max: 2.1, step: 0.1 },
  width: { min: 45, max: 90, step: 5 },
} as const;

export const featuresItem = setting<Features>('local:features', {
  fallback: DEFAULT_FEATURES,
  version: 1,
});

export const languageItem = setting<Language>('local:language', { fallback: 'auto' });

/**
 * Per-site overrides, keyed by host as written in sites.ts (registrable domain, e.g. "detik.com")
 * or a full host name for sites the user enabled themselves. Missing key = the default:
 * on for the known portals (sites.ts), off elsewhere.
 */
export const sitesItem = setting<Record<string, boolean>>('local:sites', {
  fallback: {},
  version: 1,
});

/**
 * Sites whose articles are never stored, keyed like `sitesItem` (true = don't store). Separate
 * from turning Sorot off there: clutter hiding and the panel keep working, nothing is kept.
 */
export const noStoreSitesItem = setting<Record<string, boolean>>('local:noStoreSites', {
  fallback: {},
  version: 1,
});

export const readerPrefsItem = setting<ReaderPrefs>('local:readerPrefs', {
  fallback: DEFAULT_READER_PREFS,
  version: 1,
});

/** Fill missing fields (older stored objects) with defaults. */
export function withFeatureDefaults(v: Partial<Features> | null | undefined): Features {
  return { ...DEFAULT_FEATURES, ...(v ?? {}) };
}

export function withReaderDefaults(v: Partial<ReaderPrefs> | null | undefined): ReaderPrefs {
  return { ...DEFAULT_READER_PREFS, ...(v ?? {}) };
}

/** The override key that applies to a host: the most specific key present, else null. */
export function siteKeyFor(sites: Record<string, boolean>, host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  const parts = h.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts.slice(i).join('.');
    if (Object.prototype.hasOwnProperty.call(sites, k)) return k;
  }
  return null;
}

/** Whether Sorot runs at this address: the user's override for its host when there is one, else on for known portals. */
export function isSiteEnabled(sites: Record<string, boolean>, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  const k = siteKeyFor(sites, host);
  if (k != null) return sites[k] === true;
  return isNewsUrl(url);
}

/** Whether the reader asked never to store articles from this host. */
export function isStoreBlocked(noStore: Record<string, boolean>, host: string): boolean {
  const k = siteKeyFor(noStore, host);
  return k != null && noStore[k] === true;
}
