import { render } from 'preact';
import '@/src/ui/theme.css';
import '@/src/ui/reader/reader.css';
import { sendMessage } from '@/src/messaging/protocol';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { getStored } from '@/src/ui/library-client';
import { ReaderApp, parseReaderParams, type ReaderSources } from '@/src/ui/reader/ReaderApp';
import { readerPrefsItem } from '@/src/ui/settings';

const sources: ReaderSources = {
  getTabState: (tabId) => sendMessage('getTabState', { tabId }),
  getStored,
  loadPrefs: () => readerPrefsItem.getValue(),
  savePrefs: (p) => readerPrefsItem.setValue(p),
  watchPrefs: (cb) => readerPrefsItem.watch(cb),
};
const target = parseReaderParams(location.search);

void loadLanguage().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <ReaderApp target={target} sources={sources} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
