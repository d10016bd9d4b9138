/**
 * The extension pages (panel, options, library) follow the reading view's theme setting
 * (system / light / dark / sepia), so one choice colours everything. "system" keeps following
 * prefers-color-scheme through theme.css.
 */
import { readerPrefsItem, type ReaderTheme } from './settings';

const THEMES: readonly ReaderTheme[] = ['system', 'light', 'dark', 'sepia'];

export function applyTheme(theme: unknown, root: HTMLElement = document.documentElement): ReaderTheme {
  const th = THEMES.includes(theme as ReaderTheme) ? (theme as ReaderTheme) : 'system';
  root.dataset.theme = th;
  return th;
}

/** Apply the stored theme now and on every change. Resolves once the first value is applied. */
export async function followThemeSetting(root: HTMLElement = document.documentElement): Promise<() => void> {
  try {
    applyTheme((await readerPrefsItem.getValue())?.theme, root);
    return readerPrefsItem.watch((p) => applyTheme(p?.theme, root));
  } catch {
    applyTheme('system', root);
    return () => {};
  }
}
