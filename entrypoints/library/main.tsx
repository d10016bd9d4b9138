import { render } from 'preact';
import '@/src/ui/theme.css';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { LibraryPage } from '@/src/ui/library/LibraryPage';

void loadLanguage().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <LibraryPage />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
