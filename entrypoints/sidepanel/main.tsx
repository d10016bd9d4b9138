import { render } from 'preact';
import '@/src/ui/theme.css';
import { browserBackend } from '@/src/ui/backend';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { Panel } from '@/src/ui/panel/Panel';

void loadLanguage().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <Panel backend={browserBackend} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
