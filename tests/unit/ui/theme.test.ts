// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READER_PREFS, languageItem, readerPrefsItem } from '../../../src/ui/settings';
import { applyTheme, startPageSettings } from '../../../src/ui/theme';

beforeEach(() => fakeBrowser.reset());

describe('page theme follows the reading view theme setting', () => {
  it('applies the stored theme and later changes; unknown values mean system', async () => {
    const root = document.createElement('html');
    await startPageSettings(root);
    expect(root.dataset.theme).toBe('system');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'sepia' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root.dataset.theme).toBe('sepia');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root.dataset.theme).toBe('dark');
    expect(applyTheme('purple', root)).toBe('system');
  });

  it('startPageSettings reads language and theme together, then follows the theme', async () => {
    await languageItem.setValue('en');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    const root = document.createElement('html');
    expect(await startPageSettings(root)).toBe('en');
    expect(root.dataset.theme).toBe('dark');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'sepia' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root.dataset.theme).toBe('sepia');
  });

  it('startPageSettings with nothing stored: system theme, language from the browser', async () => {
    const root = document.createElement('html');
    expect(['id', 'en']).toContain(await startPageSettings(root));
    expect(root.dataset.theme).toBe('system');
  });
});
