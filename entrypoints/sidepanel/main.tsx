import { render } from 'preact';
import '@/src/ui/theme.css';
import { browserBackend } from '@/src/ui/backend';
import { I18nProvider, loadLanguage } from '@/src/ui/i18n';
import { followThemeSetting } from '@/src/ui/theme';
import { Panel } from '@/src/ui/panel/Panel';

// `sidepanel.html?tab=<id>` pins the panel to one tab (e2e tests, opening it as a page).
const pinned = new URLSearchParams(location.search).get('tab');
const tabId = pinned && /^\d+$/.test(pinned) ? Number(pinned) : undefined;

// Theme and language are read before the first render, so there is no flash.
void Promise.all([loadLanguage(), followThemeSetting()]).then(([lang]) => {
  render(
    <I18nProvider initial={lang}>
      <Panel backend={browserBackend} tabId={tabId} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
