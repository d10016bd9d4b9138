import { render } from 'preact';
import '@/src/ui/theme.css';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { Options } from '@/src/ui/options/Options';

void loadLanguage().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <Options />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
