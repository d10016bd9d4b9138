// @vitest-environment jsdom
// jsdom rather than happy-dom: DOMPurify needs a complete DOM to keep content (see safe-html.cases.tsx).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { highlightEntities } from '../../../src/ui/reader/highlight';
import { leadImage } from '../../../src/ui/reader/Reader';
import { ReaderApp, closeReader, parseReaderParams, type ReaderSources } from '../../../src/ui/reader/ReaderApp';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '../../../src/ui/settings';
import { article, articleState, entities } from './fixtures';

afterEach(cleanup);

function sources(over: Partial<ReaderSources> = {}) {
  const saved: ReaderPrefs[] = [];
  const s: ReaderSources = {
    getTabState: async (id) => (id === 7 ? articleState() : null),
    getStored: async (id) =>
      id === 'a1' ? { id, url: article.url, title: article.title, site: article.site, published: article.published, article, entityList: entities } : null,
    loadPrefs: async () => ({ ...DEFAULT_READER_PREFS }),
    savePrefs: async (p) => void saved.push(p),
    ...over,
  };
  return { s, saved };
}

describe('reading view', () => {
  it('parses ?tab= and ?id=', () => {
    expect(parseReaderParams('?tab=12')).toEqual({ tab: 12 });
    expect(parseReaderParams('?id=abc')).toEqual({ id: 'abc' });
    expect(parseReaderParams('?tab=x')).toBeNull();
  });

  it('renders the tab article sanitised, with title, byline, reading time and captioned images', async () => {
    const { s } = sources();
    const { container } = render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: article.title })).toBeTruthy();
    const content = container.querySelector('.reader-content')!;
    await waitFor(() => expect(content.textContent).toContain('Putin disambut Kim Jong Un.'));
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('[onclick]')).toBeNull();
    expect(content.textContent).not.toContain('alert');
    expect(content.querySelector('figure img')?.getAttribute('src')).toBe('https://akcdn.detik.net.id/foto.jpg');
    expect(content.querySelector('figcaption')?.textContent).toBe('Putin dan Kim di bandara.');
    // relative link resolved against the article URL
    expect(content.querySelector('a')?.getAttribute('href')).toBe('https://news.detik.com/tag/pyongyang');
    expect(container.textContent).toContain('Rina Suryani');
    expect(container.textContent).toContain('2 menit baca');
  });

  it("shows the article's own picture above the text when the text lacks it; never a logo, a script URL or a second copy", async () => {
    expect(leadImage('https://cdn.example.id/2024/02/putin-kim_169.jpeg?w=700', '<p>Teks.</p>')).toBe('https://cdn.example.id/2024/02/putin-kim_169.jpeg?w=700');
    expect(leadImage('https://cdn.example.id/2024/02/putin-kim_169.jpeg?w=700', '<figure><img src="https://img.example.id/putin-kim_169.jpeg?w=620"></figure>')).toBeNull();
    expect(leadImage('https://www.example.id/assets/logo-share.png', '<p>Teks.</p>')).toBeNull();
    expect(leadImage('javascript:alert(1)', '<p>Teks.</p>')).toBeNull();
    expect(leadImage(null, '<p>Teks.</p>')).toBeNull();

    const withPhoto = { ...article, image: 'https://cdn.example.id/2024/02/putin-kim_169.jpeg', contentHtml: '<p>Putin disambut Kim Jong Un.</p>' };
    const { s } = sources({ getTabState: async () => ({ ...articleState(), article: withPhoto }) });
    const { container } = render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: article.title });
    const img = container.querySelector('.reader-lead img')!;
    expect(img.getAttribute('src')).toBe('https://cdn.example.id/2024/02/putin-kim_169.jpeg');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    // Offline or gone: the figure goes, no broken-image box.
    fireEvent.error(img);
    expect((container.querySelector('.reader-lead') as HTMLElement).hidden).toBe(true);
  });

  it('opens a stored copy by id and says when it is missing', async () => {
    const { s } = sources();
    render(
      <I18nProvider lang="en">
        <ReaderApp target={{ id: 'a1' }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    expect(await screen.findByText('A copy saved in your browser.')).toBeTruthy();
    cleanup();
    render(
      <I18nProvider lang="en">
        <ReaderApp target={{ id: 'gone' }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    expect(await screen.findByText(/not in the library/)).toBeTruthy();
  });

  it("on a page that is not an article says why in the UI language, not the analysis's English code", async () => {
    const { s } = sources({ getTabState: async () => articleState({ status: 'not-article', article: null, message: 'photo gallery' }) });
    render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('galeri foto'));
    const status = screen.getByRole('status');
    expect(status.textContent).not.toContain('photo gallery');
    expect(status.className).not.toContain('status-error');
  });

  it('falls back to the paragraphs when the HTML is missing', async () => {
    const { s } = sources({ getTabState: async () => articleState({ article: { ...article, contentHtml: '' } }) });
    const { container } = render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    await waitFor(() => expect(container.querySelectorAll('.reader-content p')).toHaveLength(2));
  });

  it('changes and remembers preferences, applies the theme, and highlights entities', async () => {
    const { s, saved } = sources();
    const { container } = render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={() => {}} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: /Tampilan/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Gelap' }));
    expect(saved.at(-1)?.theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    fireEvent.click(screen.getByRole('button', { name: 'Ukuran huruf: tambah' }));
    expect(saved.at(-1)?.size).toBe(DEFAULT_READER_PREFS.size + 1);
    expect((container.querySelector('.reader') as HTMLElement).style.getPropertyValue('--r-size')).toBe(`${DEFAULT_READER_PREFS.size + 1}px`);
    fireEvent.click(screen.getByRole('radio', { name: 'Sans-serif' }));
    expect(saved.at(-1)?.font).toBe('sans');
    expect(container.querySelector('mark.ent')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: /Tandai tokoh/ }));
    await waitFor(() => expect(container.querySelectorAll('mark.ent-PER').length).toBeGreaterThan(0));
    expect(container.querySelector('mark.ent-LOC')?.textContent).toMatch(/Rusia|Pyongyang/);
  });

  it('closes with Escape and the close button', async () => {
    const onClose = vi.fn();
    const { s } = sources();
    render(
      <I18nProvider lang="id">
        <ReaderApp target={{ tab: 7 }} sources={s} onClose={onClose} />
      </I18nProvider>,
    );
    await screen.findByRole('heading', { level: 1 });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Tutup mode baca' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('closeReader posts sorot:close-reader to the parent frame', () => {
    const post = vi.fn();
    const fakeWin = { parent: { postMessage: post }, close: vi.fn() } as unknown as Window;
    closeReader(fakeWin);
    expect(post).toHaveBeenCalledWith({ type: 'sorot:close-reader' }, '*');
  });

  it('closeReader in a tab of its own: back to the library list that opened it, else closes the tab', () => {
    const tab = (length: number) => {
      const w = { close: vi.fn(), history: { length, back: vi.fn() } } as unknown as Window & { close: ReturnType<typeof vi.fn>; history: { back: ReturnType<typeof vi.fn> } };
      (w as unknown as { parent: Window }).parent = w;
      return w;
    };
    const fromLibrary = tab(2);
    closeReader(fromLibrary);
    expect(fromLibrary.history.back).toHaveBeenCalledTimes(1);
    expect(fromLibrary.close).not.toHaveBeenCalled();
    const fromPanel = tab(1);
    closeReader(fromPanel);
    expect(fromPanel.close).toHaveBeenCalledTimes(1);
  });

  it('highlightEntities wraps whole-word mentions only', () => {
    const div = document.createElement('div');
    const p = document.createElement('p');
    p.textContent = 'Putin bertemu Putina di Rusia; Vladimir Putin pulang.';
    div.append(p);
    const n = highlightEntities(div, entities);
    expect(n).toBe(3);
    expect([...div.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Putin', 'Rusia', 'Vladimir Putin']);
    expect(div.textContent).toBe('Putin bertemu Putina di Rusia; Vladimir Putin pulang.');
  });
});
