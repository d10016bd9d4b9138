import { render } from 'preact';
import '@/src/ui/theme.css';
import { I18nProvider } from '@/src/ui/i18n';
import { startPageSettings } from '@/src/ui/theme';
import { LibraryPage } from '@/src/ui/library/LibraryPage';

// Theme and language are read before the first render, so there is no flash.
void startPageSettings().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <LibraryPage />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
