import { render } from 'preact';
import themeCss from '@/src/ui/theme.css?inline';
import { browserBackend } from '@/src/ui/backend';
import { I18nProvider } from '@/src/ui/i18n';
import { adoptStyles, startPageSettings } from '@/src/ui/theme';
import { Panel, panelStart } from '@/src/ui/panel/Panel';

// `sidepanel.html?tab=<id>` pins the panel to one tab (e2e tests, opening it as a page).
const pinned = new URLSearchParams(location.search).get('tab');
const tabId = pinned && /^\d+$/.test(pinned) ? Number(pinned) : undefined;

// Theme, language and the tab's stored state are read together before the first render: no
// flash, and the panel opens on the article, not on a spinner (bench/panel.ts measures it).
// The reads go out first; the styles are parsed while the browser answers them.
const ready = Promise.all([startPageSettings(), panelStart(browserBackend, tabId)]);
adoptStyles(themeCss);

void ready.then(([lang, start]) => {
  render(
    <I18nProvider initial={lang}>
      <Panel backend={browserBackend} tabId={tabId} start={start} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
