/**
 * The extension pages (panel, options, library) follow the reading view's theme setting
 * (system / light / dark / sepia), so one choice colours everything. "system" keeps following
 * prefers-color-scheme through theme.css.
 */
import { storage } from 'wxt/utils/storage';
import { resolveLanguage, type UiLang } from './i18n';
import { languageItem, readerPrefsItem, type Language, type ReaderPrefs, type ReaderTheme } from './settings';

const THEMES: readonly ReaderTheme[] = ['system', 'light', 'dark', 'sepia'];

export function applyTheme(theme: unknown, root: HTMLElement = document.documentElement): ReaderTheme {
  const th = THEMES.includes(theme as ReaderTheme) ? (theme as ReaderTheme) : 'system';
  root.dataset.theme = th;
  return th;
}

/**
 * A page's language and theme before its first render, in one storage read (not one each), then
 * the theme follows the setting (the language: I18nProvider). Never throws.
 */
export async function startPageSettings(root: HTMLElement = document.documentElement): Promise<UiLang> {
  let language: Language | null = null;
  try {
    const [lang, prefs] = await storage.getItems([languageItem.key, readerPrefsItem.key]);
    language = (lang?.value as Language | null) ?? null;
    applyTheme((prefs?.value as Partial<ReaderPrefs> | null)?.theme, root);
    readerPrefsItem.watch((p) => applyTheme(p?.theme, root));
  } catch {
    applyTheme('system', root); // no storage (plain page)
  }
  return resolveLanguage(language);
}

/**
 * A page's styles from a string (a `?inline` CSS import) instead of a <link>: Chrome runs every
 * extension stylesheet through __MSG_ substitution and fetches the message bundle for it over a
 * synchronous IPC, which holds the page's main thread while the browser is busy (4-40 ms measured
 * on the panel's first open). Styles are in place before the first render all the same.
 */
export function adoptStyles(css: string, doc: Document = document): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
