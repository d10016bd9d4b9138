import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGE_KEY, READER_PREFS_KEY, earlyReads } from '../../../src/ui/panel/early';
import { DEFAULT_READER_PREFS, languageItem, readerPrefsItem } from '../../../src/ui/settings';
import { emptyState, tabStateKey } from '../../../src/background/tab-states';

beforeEach(() => {
  fakeBrowser.reset();
  delete (globalThis as Record<string, unknown>).__sorotPanelReads;
});

describe('the panel reads its first render state early', () => {
  it('uses the settings items\' storage keys', () => {
    expect(languageItem.key).toBe(`local:${LANGUAGE_KEY}`);
    expect(readerPrefsItem.key).toBe(`local:${READER_PREFS_KEY}`);
  });

  it('reads the pinned tab state, language and theme once', async () => {
    await languageItem.setValue('en');
    await readerPrefsItem.setValue({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    const state = emptyState(7, 'article', 'https://www.kompas.com/a');
    await fakeBrowser.storage.session.set({ [tabStateKey(7)]: state });
    const first = earlyReads('?tab=7');
    expect(earlyReads('?tab=8')).toBe(first); // one read per page, whoever asks first
    expect(await first).toEqual({ pinned: 7, tabId: 7, state, language: 'en', theme: 'dark' });
  });

  it('without a pin or anything stored: the active tab, no state, defaults', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    await fakeBrowser.tabs.update(tab.id!, { active: true });
    const r = await earlyReads('');
    expect(r.pinned).toBeUndefined();
    expect(r.state).toBeNull();
    expect(r.language).toBeNull();
    expect(r.theme).toBeUndefined();
  });
});
