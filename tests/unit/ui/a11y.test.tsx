// @vitest-environment jsdom
// Accessibility: axe-core on every page's main states (labels, roles, names, structure), and the
// colour contrast of every theme computed from theme.css (axe cannot see colours without layout).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '../../../src/ui/i18n';
import { LibraryPage, type LibraryApi } from '../../../src/ui/library/LibraryPage';
import { Options } from '../../../src/ui/options/Options';
import { Panel } from '../../../src/ui/panel/Panel';
import { ReaderApp } from '../../../src/ui/reader/ReaderApp';
import { DEFAULT_READER_PREFS } from '../../../src/ui/settings';
import { article, articleState, entities, fakeBackend } from './fixtures';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

async function seriousViolations(root: Element) {
  const res = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('axe: no serious or critical violations', () => {
  it('panel, article state with an entity selected', async () => {
    const b = fakeBackend(articleState());
    const { container } = render(<I18nProvider lang="id"><Panel backend={b.backend} /></I18nProvider>);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: /^Vladimir Putin/ }));
    await screen.findByTestId('step-pos');
    for (const d of container.querySelectorAll('details')) d.open = true;
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('panel, not-article and unsupported states', async () => {
    for (const s of [articleState({ status: 'not-article', article: null }), articleState({ status: 'unsupported', article: null, url: 'https://a.example/x' })]) {
      const b = fakeBackend(s);
      const { container } = render(<I18nProvider lang="en"><Panel backend={b.backend} /></I18nProvider>);
      await screen.findByRole('heading', { level: 1 });
      expect(await seriousViolations(container)).toEqual([]);
      cleanup();
    }
  });

  it('reader with the display settings open', async () => {
    const { container } = render(
      <I18nProvider lang="id">
        <ReaderApp
          target={{ tab: 7 }}
          sources={{ getTabState: async () => articleState(), getStored: async () => null, loadPrefs: async () => ({ ...DEFAULT_READER_PREFS, highlightEntities: true }), savePrefs: async () => {} }}
          onClose={() => {}}
        />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: article.title });
    fireEvent.click(screen.getByRole('button', { name: /Tampilan/ }));
    await waitFor(() => expect(container.querySelector('mark.ent')).not.toBeNull());
    expect(entities.length).toBeGreaterThan(0);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('options page', async () => {
    const { container } = render(<I18nProvider lang="id"><Options loadShortcuts={async () => [{ name: 'toggle-reader', shortcut: 'Alt+Shift+L', description: '' }]} /></I18nProvider>);
    await screen.findByText('Alt+Shift+L');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('library page', async () => {
    const api: LibraryApi = {
      list: async () => [{ id: '1', url: 'https://a.id/x', title: 'Judul', site: 'A', published: '2026-01-01' }],
      outlets: async () => [{ outlet: 'a.id', sites: ['A'] }],
      remove: async () => {}, clear: async () => {}, exportFile: async () => new Blob(['{}']), importJson: async () => ({ added: 0, updated: 0 }),
      stats: async () => ({ count: 1, bytes: 100 }),
    };
    const { container } = render(<I18nProvider lang="en"><LibraryPage api={api} /></I18nProvider>);
    await screen.findByRole('link', { name: 'Judul' });
    expect(await seriousViolations(container)).toEqual([]);
  });
});

// --- contrast from theme.css -------------------------------------------------------------------
const css = readFileSync(join(import.meta.dirname, '../../../src/ui/theme.css'), 'utf8');

function block(selector: string): Record<string, string> {
  const i = css.indexOf(`${selector} {`);
  if (i < 0) throw new Error(`no ${selector}`);
  const body = css.slice(css.indexOf('{', i) + 1, css.indexOf('}', i));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const lum = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const ratio = (a: string, b: string) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('theme contrast (WCAG AA 4.5:1 for text)', () => {
  const light = block(':root');
  const themes: Record<string, Record<string, string>> = {
    light,
    dark: { ...light, ...block("[data-theme='dark']") },
    sepia: { ...light, ...block("[data-theme='sepia']") },
  };
  const pairs: [string, string][] = [
    ['--fg', '--bg'], ['--fg', '--card'], ['--fg', '--bg-soft'], ['--muted', '--bg'], ['--muted', '--card'], ['--muted', '--bg-soft'],
    ['--link', '--bg'], ['--link', '--card'], ['--accent-fg', '--accent'], ['--warn-fg', '--warn-bg'], ['--error-fg', '--error-bg'],
    ['--error-fg', '--card'], ['--fg', '--mark'], ['--fg', '--tts'], ['--accent', '--card'],
    ...(['PER', 'ORG', 'LOC', 'EVENT', 'DATE', 'MONEY', 'MISC'].map((t) => ['--fg', `--ent-bg-${t}`]) as [string, string][]),
  ];
  for (const [name, vars] of Object.entries(themes)) {
    it(name, () => {
      const low = pairs
        .map(([f, b]) => [f, b, ratio(vars[f]!, vars[b]!)] as const)
        .filter(([, , r]) => !(r >= 4.5))
        .map(([f, b, r]) => `${f} on ${b}: ${r.toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }

  it('the system theme repeats the dark values exactly', () => {
    const i = css.indexOf("[data-theme='system'] {");
    const body = css.slice(css.indexOf('{', i) + 1, css.indexOf('}', i));
    const sys = Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
    expect(sys).toEqual(block("[data-theme='dark']"));
  });
});
