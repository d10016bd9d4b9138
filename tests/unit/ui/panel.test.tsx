// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { Panel } from '../../../src/ui/panel/Panel';
import { PANEL_READY_MARK } from '../../../src/ui/panel/ready-mark';
import { articleState, related, fakeBackend } from './fixtures';

afterEach(cleanup);

function renderPanel(b: ReturnType<typeof fakeBackend>, lang: 'id' | 'en' = 'id') {
  return render(
    <I18nProvider lang={lang}>
      <Panel backend={b.backend} />
    </I18nProvider>,
  );
}

describe('side panel states', () => {
  it('shows loading until the background answers', async () => {
    let resolve!: (v: ReturnType<typeof articleState>) => void;
    const b = fakeBackend(new Promise((r) => (resolve = r)));
    const { container } = renderPanel(b);
    expect(await screen.findByText('Memuat…')).toBeTruthy();
    expect(container.querySelector('[data-state="article"]')).toBeNull();
    resolve(articleState());
    expect(await screen.findByRole('heading', { level: 1, name: /Putin Bertemu Kim/ })).toBeTruthy();
    expect(screen.queryByText('Memuat…')).toBeNull();
  });

  it('renders the article state: title, site, reader button, sections', async () => {
    const b = fakeBackend(articleState());
    const { container } = renderPanel(b);
    await screen.findByRole('heading', { level: 1 });
    expect(container.textContent).toContain('detikNews');
    expect(container.textContent).toContain('2 menit baca');
    expect(screen.getByRole('heading', { name: /Yang disembunyikan/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Buka mode baca' }));
    await waitFor(() => expect(b.calls).toContainEqual(['toggleReader', 7]));
  });

  it('groups hidden items by reason with counts, and shows one again', async () => {
    const b = fakeBackend(articleState());
    renderPanel(b);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByTestId('hidden-count-related').textContent).toBe('3');
    expect(screen.getByTestId('hidden-count-ad').textContent).toBe('2');
    expect(screen.getByTestId('hidden-count-share').textContent).toBe('1');
    expect(screen.queryByTestId('hidden-count-promo')).toBeNull();
    const relatedGroup = document.querySelector('[data-reason="related"]') as HTMLElement;
    // Each button names its item for a screen reader ("Tampilkan “Baca juga: ...”"), not a bare "Tampilkan".
    const buttons = within(relatedGroup).getAllByRole('button', { name: /^Tampilkan “.+”$/ });
    expect(buttons).toHaveLength(3);
    expect(buttons.every((x) => x.textContent === 'Tampilkan')).toBe(true);
    // Second "related" item is index 2 in TabState.hidden.
    fireEvent.click(buttons[1]!);
    await waitFor(() => expect(b.calls).toContainEqual(['showHidden', 7, 2, true]));
    expect(await within(relatedGroup).findByRole('button', { name: /^Sembunyikan “.+”$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: /Sembunyikan gangguan/ }));
    await waitFor(() => expect(b.calls).toContainEqual(['setHiding', 7, false]));
    // Off: everything is back on the page; the panel says so and offers no per-item buttons.
    expect(await screen.findByText('6 gangguan tampil di halaman. Nyalakan untuk menyembunyikannya.')).toBeTruthy();
    expect(document.querySelector('[data-reason="related"]')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: /Sembunyikan gangguan/ }));
    await waitFor(() => expect(b.calls).toContainEqual(['setHiding', 7, true]));
    expect(await screen.findByText('Matikan untuk menampilkan semuanya lagi.')).toBeTruthy();
  });

  it('says where a relayed story comes from, when the page named its source', async () => {
    const st = articleState();
    st.article = { ...st.article!, source: 'KCNA' };
    renderPanel(fakeBackend(st));
    expect((await screen.findByTestId('article-source')).textContent).toBe('Sumber: KCNA');
    cleanup();
    renderPanel(fakeBackend(articleState()));
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('article-source')).toBeNull();
  });

  it("shows the page's own state of each hidden item: one shown on the page offers to hide it", async () => {
    const st = articleState();
    st.hidden = st.hidden.map((h, i) => (i === 2 ? { ...h, shown: true as const } : h));
    const b = fakeBackend(st);
    renderPanel(b);
    await screen.findByRole('heading', { level: 1 });
    const relatedGroup = document.querySelector('[data-reason="related"]') as HTMLElement;
    expect(within(relatedGroup).getAllByRole('button', { name: /^Sembunyikan “.+”$/ })).toHaveLength(1);
    expect(within(relatedGroup).getAllByRole('button', { name: /^Tampilkan “.+”$/ })).toHaveLength(2);
    // Its button hides it again.
    fireEvent.click(within(relatedGroup).getByRole('button', { name: /^Sembunyikan “.+”$/ }));
    await waitFor(() => expect(b.calls).toContainEqual(['showHidden', 7, 2, false]));
  });

  it('groups entities by type with counts, steps through mentions, lists stored articles newest first', async () => {
    const b = fakeBackend(articleState());
    const { container } = renderPanel(b);
    await screen.findByRole('heading', { level: 1 });
    const groups = [...container.querySelectorAll('.entity-group')].map((g) => g.getAttribute('data-type'));
    expect(groups).toEqual(['PER', 'ORG', 'LOC']);
    const per = container.querySelector('.entity-group[data-type="PER"]') as HTMLElement;
    expect(within(per).getByRole('heading').textContent).toContain('Orang');
    const chips = within(per).getAllByRole('button');
    expect(chips.map((c) => c.textContent)).toEqual(['Vladimir Putin3', 'Kim Jong Un1']);
    const loc = container.querySelector('.entity-group[data-type="LOC"]') as HTMLElement;
    expect(within(loc).getAllByRole('button').map((c) => c.textContent)).toEqual(['Rusia2', 'Pyongyang1']);

    fireEvent.click(chips[0]!);
    await waitFor(() => expect(b.calls).toContainEqual(['highlightEntity', 7, ['Vladimir Putin', 'Putin'], 0]));
    expect((await screen.findByTestId('step-pos')).textContent).toBe('1/5');
    fireEvent.click(screen.getByRole('button', { name: 'Sebutan berikutnya' }));
    await waitFor(() => expect(screen.getByTestId('step-pos').textContent).toBe('2/5'));
    fireEvent.click(screen.getByRole('button', { name: 'Sebutan sebelumnya' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sebutan sebelumnya' }));
    await waitFor(() => expect(screen.getByTestId('step-pos').textContent).toBe('5/5'));
    const items = await screen.findAllByRole('link', { name: /^(Baru|Lama)$/ });
    expect(items.map((i) => i.textContent)).toEqual(['Baru', 'Lama']);
    expect(b.calls).toContainEqual(['entityTimeline', 'PER:vladimir-putin']);
  });

  it('shows related articles with reasons, same-story ones under "Liputan lain", and drops unsafe links', async () => {
    const b = fakeBackend(articleState());
    const { container } = renderPanel(b);
    await screen.findByRole('heading', { level: 1 });
    const same = container.querySelector('#same-story') as HTMLElement;
    expect(within(same).getByRole('heading').textContent).toContain('Liputan lain');
    expect(within(same).getByRole('link', { name: 'Kim dan Putin teken pakta' }).getAttribute('href')).toBe('https://www.kompas.com/x');
    const rel = container.querySelector('#related') as HTMLElement;
    expect(rel.textContent).toContain('sama-sama menyebut Rusia');
    expect(rel.textContent).not.toContain('Kim dan Putin teken pakta');
    const evil = within(rel).getByText('Tautan jahat').closest('a');
    expect(evil?.getAttribute('href') ?? null).toBeNull();
  });

  it('with only other coverage of the event, says there is no *other* related article', async () => {
    const only = articleState().related.filter((r) => r.sameStory);
    expect(only.length).toBeGreaterThan(0);
    const { container } = renderPanel(fakeBackend(articleState({ related: only })));
    await screen.findByRole('heading', { level: 1 });
    expect((container.querySelector('#related') as HTMLElement).textContent).toContain('Tidak ada artikel terkait lain yang tersimpan.');
    expect((container.querySelector('#related') as HTMLElement).textContent).not.toContain('Belum');
  });

  it("words the dateline outlet's role in the reader's language; an article's own role words stay as written", async () => {
    const outlet = { id: 'ORG:kompas-com', name: 'KOMPAS.com', type: 'ORG' as const, surface: ['KOMPAS.com'], count: 1, mentions: [], role: 'media (dateline)' };
    const st = articleState();
    renderPanel(fakeBackend({ ...st, entities: [...st.entities, outlet] }));
    expect((await screen.findByRole('button', { name: /KOMPAS\.com/ })).getAttribute('title')).toBe('media yang menerbitkan artikel ini · KOMPAS.com');
    expect(screen.getByRole('button', { name: /Vladimir Putin/ }).getAttribute('title')).toMatch(/^Presiden Rusia · /);
  });

  it('marks the moment its entity chips are rendered (bench/panel.ts times the real side panel by it), and not without chips', async () => {
    performance.clearMarks(PANEL_READY_MARK);
    const { unmount } = renderPanel(fakeBackend(articleState({ entities: [] })));
    await screen.findByRole('heading', { level: 1 });
    expect(performance.getEntriesByName(PANEL_READY_MARK)).toHaveLength(0);
    unmount();
    renderPanel(fakeBackend(articleState()));
    await screen.findByRole('button', { name: /Vladimir Putin/ });
    expect(performance.getEntriesByName(PANEL_READY_MARK)).toHaveLength(1);
  });

  it('shows the empty-library state', async () => {
    const b = fakeBackend(articleState({ related: [], libraryEmpty: true }));
    renderPanel(b);
    expect((await screen.findByTestId('library-empty')).textContent).toMatch(/Belum ada artikel lain yang tersimpan/);
  });

  it('not-article: shows the reason and analyses on request', async () => {
    const b = fakeBackend(articleState({ status: 'not-article', article: null, message: 'Halaman indeks, bukan artikel.' }));
    renderPanel(b);
    expect(await screen.findByText('Halaman indeks, bukan artikel.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Analisis halaman ini' }));
    await waitFor(() => expect(b.calls).toContainEqual(['analyzeTab', 7]));
    expect(await screen.findByRole('heading', { level: 1, name: /Putin/ })).toBeTruthy();
  });

  it('not-article: analysing again says it was done when the answer is the same; a too-large page is headed so', async () => {
    const huge = articleState({ status: 'not-article', article: null, message: 'page too large (412,000 characters)' });
    const b = fakeBackend(huge, { analyzeTab: async () => huge });
    renderPanel(b, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page too large to analyse' })).toBeTruthy();
    expect(screen.queryByText('Analysed again: the answer is the same.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse this page' }));
    expect(await screen.findByText('Analysed again: the answer is the same.')).toBeTruthy();
  });

  it('not-article: the analysis reason in the reader\'s language, and that the page was left alone', async () => {
    for (const [lang, reason, text] of [
      ['id', 'photo gallery', 'Ini galeri foto, bukan artikel.'],
      ['en', 'index page', 'This is an index page (a list of stories), not an article.'],
      ['id', 'could not read the page (TypeError: x is null)', 'Sorot tidak bisa membaca halaman ini. (TypeError: x is null)'],
      ['id', 'some new reason', 'some new reason'],
    ] as const) {
      const { unmount } = renderPanel(fakeBackend(articleState({ status: 'not-article', article: null, message: reason })), lang);
      expect(await screen.findByText(text)).toBeTruthy();
      expect(screen.getByText(lang === 'id' ? /tidak ada yang disembunyikan/ : /nothing is hidden/)).toBeTruthy();
      unmount();
    }
  });

  it("an article's problems and a lost worker, in the reader's language", async () => {
    const problems = [{ code: 'entities-unavailable', detail: 'fetch failed' }, { code: 'not-stored-yet' }] as const;
    for (const [lang, a, b] of [
      ['en', 'People, organisations and places could not be recognised on this page.', /another open Sorot page is holding it/],
      ['id', 'Tokoh, lembaga dan tempat di halaman ini tidak dapat dikenali.', /halaman Sorot lain yang masih terbuka menahannya/],
    ] as const) {
      const { unmount } = renderPanel(fakeBackend(articleState({ problems: [...problems] })), lang);
      expect(await screen.findByText(a)).toBeTruthy();
      expect(screen.getByText('(fetch failed)')).toBeTruthy();
      expect(screen.getByText(b)).toBeTruthy();
      unmount();
    }
    const { WORKER_LOST_MESSAGE } = await import('../../../src/messaging/failure');
    renderPanel(fakeBackend(articleState({ status: 'error', article: null, message: WORKER_LOST_MESSAGE })), 'en');
    expect(await screen.findByText(/^The browser stopped Sorot while it was processing this page/)).toBeTruthy();
    expect(screen.queryByText(/Sorot dihentikan/)).toBeNull();
  });

  it('says an earlier copy is in the library when this visit was not saved', async () => {
    renderPanel(fakeBackend(articleState({ stored: false, storedEarlier: true })));
    expect(await screen.findByText('Tidak disimpan kali ini; salinan sebelumnya ada di perpustakaan')).toBeTruthy();
  });

  it('says why an article was not saved, and still shows its related articles', async () => {
    for (const [why, text] of [['site', 'Tidak disimpan: penyimpanan dimatikan untuk situs ini'], ['off', 'Tidak disimpan: penyimpanan dimatikan di Pengaturan'], ['private', 'Tidak disimpan: jendela pribadi']] as const) {
      const { container, unmount } = renderPanel(fakeBackend(articleState({ stored: false, notStoredWhy: why })));
      expect(await screen.findByText(text)).toBeTruthy();
      expect(container.querySelector('#same-story a')).toBeTruthy();
      unmount();
    }
  });

  it('a site the reader switched off: says so and turns it back on', async () => {
    const b = fakeBackend(articleState({ status: 'off', article: null, url: 'https://www.indozone.id/news/x' }));
    renderPanel(b);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sorot dimatikan di indozone.id' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nyalakan lagi di indozone.id' }));
    await waitFor(() => expect(b.calls).toContainEqual(['turnSiteBackOn', 7, 'https://www.indozone.id/news/x']));
    expect(await screen.findByRole('heading', { level: 1, name: /Putin/ })).toBeTruthy();
  });

  it('a tab whose address Sorot cannot see: says how to turn it on, not that it is no web page', async () => {
    renderPanel(fakeBackend(articleState({ status: 'unsupported', article: null, url: null })));
    expect(await screen.findByText(/klik tombol Sorot di bilah alat/)).toBeTruthy();
    cleanup();
    renderPanel(fakeBackend(articleState({ status: 'unsupported', article: null, url: 'chrome://newtab/' })));
    expect(await screen.findByText(/bukan halaman web biasa/)).toBeTruthy();
  });

  it('words the reason of a related article in the UI language', async () => {
    const why = { sameStory: true, names: ['Kim Jong Un', 'Vladimir Putin'], keywords: [] };
    const state = articleState({ related: [{ ...related[0]!, why }, { ...related[1]!, why: { sameStory: false, names: [], keywords: ['rudal'] } }] });
    renderPanel(fakeBackend(state), 'en');
    expect(await screen.findByText('coverage of the same event; both mention Kim Jong Un, Vladimir Putin')).toBeTruthy();
    expect(screen.getByText('similar keywords: rudal')).toBeTruthy();
    cleanup();
    renderPanel(fakeBackend(state), 'id');
    expect(await screen.findByText('liputan peristiwa yang sama; sama-sama menyebut Kim Jong Un, Vladimir Putin')).toBeTruthy();
  });

  it('unsupported site: offers to enable it', async () => {
    const b = fakeBackend(articleState({ status: 'unsupported', article: null, url: 'https://blog.example.org/a' }));
    renderPanel(b, 'en');
    const btn = await screen.findByRole('button', { name: 'Turn on for blog.example.org' });
    fireEvent.click(btn);
    await waitFor(() => expect(b.calls).toContainEqual(['enableSite', 7, 'https://blog.example.org/a']));
  });

  it('follows tabStateChanged for its tab only', async () => {
    const b = fakeBackend(articleState({ status: 'loading', article: null }));
    renderPanel(b);
    expect(await screen.findByText('Memuat…')).toBeTruthy();
    b.push(articleState({ tabId: 99, article: { ...articleState().article!, title: 'Tab lain' } }));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('Tab lain')).toBeNull();
    b.push(articleState());
    expect(await screen.findByRole('heading', { level: 1, name: /Putin Bertemu/ })).toBeTruthy();
  });
});

describe('side panel on pages that are not web pages', () => {
  it('does not offer to enable an extension or browser page', async () => {
    const b = fakeBackend(articleState({ status: 'unsupported', article: null, url: 'chrome-extension://abc/sidepanel.html' }));
    renderPanel(b, 'en');
    expect(await screen.findByText(/not a regular web page/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Turn on/ })).toBeNull();
  });
});

describe('Wikipedia link (off by default)', () => {
  it('appears for the selected entity only when the feature is on', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { featuresItem, DEFAULT_FEATURES } = await import('../../../src/ui/settings');
    fakeBrowser.reset();
    const b = fakeBackend(articleState());
    renderPanel(b);
    fireEvent.click(await screen.findByRole('button', { name: /^Vladimir Putin/ }));
    await screen.findByTestId('step-pos');
    expect(screen.queryByRole('link', { name: 'Cari di Wikipedia' })).toBeNull();
    await featuresItem.setValue({ ...DEFAULT_FEATURES, wikipediaLookup: true });
    const link = await screen.findByRole('link', { name: 'Cari di Wikipedia' });
    expect(link.getAttribute('href')).toBe('https://id.wikipedia.org/w/index.php?search=Vladimir%20Putin');
  });
});

describe('Wikipedia summary (opt-in)', () => {
  async function setup(result: import('../../../src/ui/wikipedia').WikiSummary, on: boolean) {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { featuresItem, DEFAULT_FEATURES } = await import('../../../src/ui/settings');
    fakeBrowser.reset();
    await featuresItem.setValue({ ...DEFAULT_FEATURES, wikipediaLookup: on });
    const asked: string[] = [];
    const b = fakeBackend(articleState(), {
      wikipediaSummary: async (name) => {
        asked.push(name);
        return result;
      },
    });
    renderPanel(b);
    return { asked, featuresItem, DEFAULT_FEATURES };
  }

  it('asks nothing while the feature is off', async () => {
    const { asked } = await setup({ kind: 'not-found', title: 'x' }, false);
    fireEvent.click(await screen.findByRole('button', { name: /^Vladimir Putin/ }));
    await screen.findByTestId('step-pos');
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]);
    expect(screen.queryByTestId('wiki')).toBeNull();
  });

  it('shows the extract as text with a link to the article', async () => {
    const extract = 'Vladimir Putin adalah <b>politikus</b> Rusia.';
    const { asked } = await setup(
      { kind: 'found', title: 'Vladimir Putin', description: 'Presiden Rusia', extract, url: 'https://id.wikipedia.org/wiki/Vladimir_Putin' },
      true,
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Vladimir Putin/ }));
    const block = await screen.findByTestId('wiki');
    await waitFor(() => expect(block.getAttribute('data-kind')).toBe('found'));
    expect(asked).toEqual(['Vladimir Putin']);
    expect(block.textContent).toContain(extract); // markup in the text stays text
    expect(block.querySelector('b')).toBeNull();
    const link = within(block).getByRole('link', { name: 'Baca “Vladimir Putin” di Wikipedia' });
    expect(link.getAttribute('href')).toBe('https://id.wikipedia.org/wiki/Vladimir_Putin');
    expect(screen.queryByRole('link', { name: 'Cari di Wikipedia' })).toBeNull();
  });

  it('disambiguation, not found and errors fall back gracefully', async () => {
    await setup({ kind: 'disambiguation', title: 'Kim', url: 'https://id.wikipedia.org/wiki/Kim' }, true);
    fireEvent.click(await screen.findByRole('button', { name: /^Kim Jong Un/ }));
    expect(await screen.findByText('“Kim Jong Un” bisa berarti beberapa hal di Wikipedia.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lihat pilihannya di Wikipedia' }).getAttribute('href')).toBe('https://id.wikipedia.org/wiki/Kim');
    cleanup();

    await setup({ kind: 'not-found', title: 'PBB' }, true);
    fireEvent.click(await screen.findByRole('button', { name: /^PBB/ }));
    expect(await screen.findByText('Tidak ada artikel Wikipedia berjudul “PBB”.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Cari di Wikipedia' })).toBeTruthy();
    cleanup();

    await setup({ kind: 'error', title: 'Rusia', message: 'Failed to fetch' }, true);
    fireEvent.click(await screen.findByRole('button', { name: /^Rusia/ }));
    expect(await screen.findByText('Wikipedia tidak dapat dihubungi. Coba lagi nanti.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Cari di Wikipedia' })).toBeTruthy();
  });
});

describe('side panel opened on the stored tab state', () => {
  it('shows it at once and asks the background only after the first paint (that message wakes a stopped worker)', async () => {
    const b = fakeBackend(articleState({ article: { ...articleState().article!, title: 'Dari background' } }));
    const { container } = render(
      <I18nProvider lang="id">
        <Panel backend={b.backend} tabId={7} start={{ tabId: 7, state: articleState() }} />
      </I18nProvider>,
    );
    // The stored copy is on screen with no message sent.
    expect(container.querySelector('[data-state="article"]')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: /Putin Bertemu Kim/ })).toBeTruthy();
    expect(b.calls.filter((c) => c[0] === 'getTabState')).toEqual([]);
    // Then the background's answer replaces it, and live updates still arrive.
    expect(await screen.findByRole('heading', { level: 1, name: /Dari background/ }, { timeout: 2000 })).toBeTruthy();
    expect(b.calls.filter((c) => c[0] === 'getTabState')).toEqual([['getTabState', 7]]);
    b.push(articleState({ article: { ...articleState().article!, title: 'Berubah' } }));
    expect(await screen.findByRole('heading', { level: 1, name: /Berubah/ })).toBeTruthy();
  });

  it('a different tab than the stored state: loads it from the background at once', async () => {
    const b = fakeBackend(articleState({ tabId: 8 }));
    render(
      <I18nProvider lang="id">
        <Panel backend={b.backend} tabId={8} start={{ tabId: 7, state: articleState() }} />
      </I18nProvider>,
    );
    await waitFor(() => expect(b.calls).toContainEqual(['getTabState', 8]));
  });
});
