import { render } from 'preact';
import themeCss from '@/src/ui/theme.css?inline';
import { browserBackend } from '@/src/ui/backend';
import { I18nProvider, resolveLanguage } from '@/src/ui/i18n';
import { adoptStyles, applyTheme, watchThemeSetting } from '@/src/ui/theme';
import type { Language } from '@/src/ui/settings';
import { Panel } from '@/src/ui/panel/Panel';
import { earlyReads } from '@/src/ui/panel/early';

adoptStyles(themeCss);

// Theme, language and the tab's stored state are read before the first render (started by
// panel-start.js while this module was loading): no flash, and the panel opens on the article,
// not on a spinner (bench/panel.ts measures it).
void earlyReads().then(({ pinned, tabId, state, language, theme }) => {
  applyTheme(theme);
  watchThemeSetting();
  render(
    <I18nProvider initial={resolveLanguage(language as Language | null)}>
      <Panel backend={browserBackend} tabId={pinned} start={tabId == null ? null : { tabId, state }} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
