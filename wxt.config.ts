import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { NEWS_MATCHES } from './src/sites';
import { NER_DATA_FILE } from './src/entities/data';

/** What Rolldown's codeSplitting `name` callback gets (rolldown is Vite's, not a dependency of ours). */
type ChunkingContext = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

// The manifest is the same for every build except where a browser needs its own key;
// src/platform/ holds the runtime side of those differences.
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The side panel opens on few files: its own modules in its entry chunk, everything it shares
    // with the other pages in one `ui` chunk. Left to itself Rolldown cuts the shared code by
    // which pages import it (seven scripts for the panel), and each file is a request, a response
    // and a task on the panel's main thread before its first render (bench/panel.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const panel = entrypoints.find((e) => e.type === 'sidepanel');
      if (!panel) return;
      // Modules the panel imports statically, found once from its page (the group's first call).
      let reach: Set<string> | undefined;
      const walk = (ctx: ChunkingContext, id: string, seen: Set<string>): Set<string> => {
        if (!seen.has(id)) {
          seen.add(id);
          for (const dep of ctx.getModuleInfo(id)?.importedIds ?? []) walk(ctx, dep, seen);
        }
        return seen;
      };
      // The panel's own code and its inlined styles stay in its entry chunk.
      const panelOnly = /[\\/](entrypoints[\\/]sidepanel|src[\\/]ui[\\/]panel)[\\/]|\.css\?inline$/;
      const output = (((config.build ??= {}).rollupOptions ??= {}).output ??= {}) as Record<string, unknown>;
      output.codeSplitting = {
        groups: [{
          debugName: 'ui',
          name: (id: string, ctx: ChunkingContext) =>
            (reach ??= walk(ctx, panel.inputPath, new Set())).has(id) && !panelOnly.test(id) ? 'ui' : null,
        }],
      };
    },
    // The tagger's data package ships as a file the background fetches on its first article
    // (src/entities/data.ts), not inside its code: a worker that wakes only to answer the panel
    // does not load 1.6 MB it will not use.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve(import.meta.dirname, 'assets', NER_DATA_FILE), relativeDest: NER_DATA_FILE });
    },
  },
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    const mv3 = manifestVersion === 3;
    return {
      // English fallback; an Indonesian browser UI picks _locales/id (strings in locales/*.json).
      default_locale: 'en',
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      permissions: ['storage', 'activeTab', 'scripting', ...(firefox ? [] : ['sidePanel']), ...(mv3 ? [] : NEWS_MATCHES)],
      // The same portals the content script runs on: lets the background see those tabs' URLs
      // (panel state per navigation) without the broad "tabs" permission.
      ...(mv3 ? { host_permissions: NEWS_MATCHES } : {}),
      // Known portals come from the content script's matches; anything else is opt-in per site.
      ...(mv3
        ? { optional_host_permissions: ['*://*/*'] }
        : { optional_permissions: ['*://*/*'] }),
      action: { default_title: '__MSG_extActionTitle__' },
      commands: {
        'toggle-reader': {
          suggested_key: { default: 'Alt+Shift+L' },
          description: '__MSG_cmdToggleReader__',
        },
        ...(firefox
          ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdOpenPanel__' } }
          : { _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdOpenPanel__' } }),
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
                strict_min_version: '140.0', // data_collection_permissions and the CSS Custom Highlight API
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});
