// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READER_PREFS, readerPrefsItem } from '../../../src/ui/settings';
import { applyTheme, followThemeSetting } from '../../../src/ui/theme';

beforeEach(() => fakeBrowser.reset());

describe('page theme follows the reading view theme setting', () => {
  it('applies the stored theme and later changes; unknown values mean system', async () => {
    const root = document.createElement('html');
    const stop = await followThemeSetting(root);
    expect(root.dataset.theme).toBe('system');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'sepia' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root.dataset.theme).toBe('sepia');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    await new Promise((r) => setTimeout(r, 10));
    expect(root.dataset.theme).toBe('dark');
    stop();
    expect(applyTheme('purple', root)).toBe('system');
  });
});
