import { render } from 'preact';
import '@/src/ui/theme.css';
import { browserBackend } from '@/src/ui/backend';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { Panel } from '@/src/ui/panel/Panel';

// `sidepanel.html?tab=<id>` pins the panel to one tab (e2e tests, opening it as a page).
const pinned = new URLSearchParams(location.search).get('tab');
const tabId = pinned && /^\d+$/.test(pinned) ? Number(pinned) : undefined;

void loadLanguage().then((lang) => {
  render(
    <I18nProvider initial={lang}>
      <Panel backend={browserBackend} tabId={tabId} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
