import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is the same for every build except where a browser needs its own key;
// src/platform/ holds the runtime side of those differences.
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    const mv3 = manifestVersion === 3;
    return {
      name: 'Sorot',
      description:
        'Artikel berita Indonesia yang bersih: sembunyikan "Baca juga" dan iklan, mode baca, tokoh dan tempat, artikel terkait. Semua tersimpan di peramban Anda.',
      permissions: ['storage', 'activeTab', 'scripting', ...(firefox ? [] : ['sidePanel'])],
      // Known portals come from the content script's matches; anything else is opt-in per site.
      ...(mv3
        ? { optional_host_permissions: ['*://*/*'] }
        : { optional_permissions: ['*://*/*'] }),
      action: { default_title: 'Sorot' },
      commands: {
        'toggle-reader': {
          suggested_key: { default: 'Alt+Shift+R' },
          description: 'Toggle the reading view / Buka-tutup mode baca',
        },
        ...(firefox
          ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open the Sorot panel' } }
          : { _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open the Sorot panel' } }),
      },
      // The reading view is an extension page shown in an iframe over the article, so page
      // scripts can never reach into it.
      web_accessible_resources: mv3
        ? [{ resources: ['reader.html'], matches: ['*://*/*'], ...(firefox ? {} : { use_dynamic_url: true }) }]
        : (['reader.html'] as any),
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'sorot@sorot.example',
                strict_min_version: '128.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
