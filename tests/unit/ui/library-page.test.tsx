// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import type { StoredArticleView } from '../../../src/ui/library-client';
import { LibraryPage, PAGE, type LibraryApi } from '../../../src/ui/library/LibraryPage';

afterEach(cleanup);

function fakeApi() {
  let items: StoredArticleView[] = [
    { id: '1', url: 'https://news.detik.com/a', title: 'Putin ke Pyongyang', site: 'detikNews', published: '2026-11-20', entities: [{ id: 'PER:vladimir-putin', name: 'Vladimir Putin', type: 'PER' }] },
    { id: '2', url: 'https://www.kompas.com/b', title: 'Harga beras naik', site: 'Kompas.com', published: '2026-10-02', entities: [] },
    { id: '3', url: 'javascript:alert(1)', title: 'Tautan aneh', site: 'Kompas.com', published: '2025-01-01', entities: [] },
    { id: '4', url: 'https://finance.detik.com/c', title: 'Rupiah menguat', site: 'detikFinance', published: '2026-09-01', entities: [] },
  ];
  const api: LibraryApi = {
    list: async (q) => {
      let r = items;
      if (q.text) r = r.filter((i) => i.title.toLowerCase().includes(q.text!.toLowerCase()));
      if (q.site) r = r.filter((i) => i.site === q.site);
      if (q.sites) r = r.filter((i) => q.sites!.includes(i.site));
      if (q.entity) r = r.filter((i) => i.entities?.some((e) => e.name.toLowerCase().includes(q.entity!.toLowerCase())));
      if (q.from) r = r.filter((i) => (i.published ?? '') >= q.from!);
      return r.slice(0, q.limit ?? r.length);
    },
    outlets: async () => [
      { outlet: 'detik.com', sites: ['detikNews', 'detikFinance'] },
      { outlet: 'kompas.com', sites: ['Kompas.com'] },
    ],
    remove: async (id) => void (items = items.filter((i) => i.id !== id)),
    clear: async () => void (items = []),
    exportFile: async () => new Blob([JSON.stringify({ version: 1, articles: items })]),
    importJson: vi.fn(async (json: string) => {
      const data = JSON.parse(json);
      if (data.version !== 1) throw new Error('Versi berkas tidak dikenal (2).');
      return { added: 1, updated: 0 };
    }),
    stats: async () => ({ count: items.length, bytes: 2048 * items.length }),
  };
  return { api, get items() { return items; }, set items(v) { items = v; } };
}

function renderLib(api: LibraryApi, confirm: (m: string) => boolean = () => true) {
  return render(
    <I18nProvider lang="id">
      <LibraryPage api={api} confirm={confirm} />
    </I18nProvider>,
  );
}

const titles = (c: Element) => [...c.querySelectorAll('.lib-item h3')].map((h) => h.textContent);

describe('library page', () => {
  it('lists stored articles, links to the stored copy, shows storage used', async () => {
    const f = fakeApi();
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toEqual(['Putin ke Pyongyang', 'Harga beras naik', 'Tautan aneh', 'Rupiah menguat']));
    expect(screen.getByRole('link', { name: 'Putin ke Pyongyang' }).getAttribute('href')).toBe('/reader.html?id=1');
    await waitFor(() => expect(screen.getByTestId('lib-summary').textContent).toBe('4 artikel · 8 KB terpakai'));
    // the unsafe original URL gets no "original" link
    const odd = screen.getByText('Tautan aneh').closest('li')!;
    expect(within(odd).queryByRole('link', { name: 'Artikel asli' })).toBeNull();
  });

  it('says to reload when a newer Sorot upgraded the library under the page', async () => {
    const f = fakeApi();
    let fire = () => {};
    const { container } = renderLib({ ...f.api, onStale: (cb) => { fire = cb; return () => {}; } });
    await waitFor(() => expect(titles(container).length).toBe(4));
    fire();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/muat ulang halaman ini/));
  });

  it('searches and filters by site and entity', async () => {
    const f = fakeApi();
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    fireEvent.input(screen.getByLabelText('Kata kunci'), { target: { value: 'beras' } });
    await waitFor(() => expect(titles(container)).toEqual(['Harga beras naik']));
    fireEvent.input(screen.getByLabelText('Kata kunci'), { target: { value: '' } });
    // One choice per outlet, whatever its sections call themselves.
    await waitFor(() => expect(screen.getByRole('option', { name: 'detik.com' })).toBeTruthy());
    expect(screen.queryByRole('option', { name: 'detikNews' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Situs'), { target: { value: 'detik.com' } });
    await waitFor(() => expect(titles(container)).toEqual(['Putin ke Pyongyang', 'Rupiah menguat']));
    fireEvent.change(screen.getByLabelText('Situs'), { target: { value: 'kompas.com' } });
    await waitFor(() => expect(titles(container)).toEqual(['Harga beras naik', 'Tautan aneh']));
    fireEvent.change(screen.getByLabelText('Situs'), { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Tokoh, lembaga atau tempat'), { target: { value: 'putin' } });
    await waitFor(() => expect(titles(container)).toEqual(['Putin ke Pyongyang']));
  });

  it('looks for words in the article texts when titles, names and main words found less than a page', async () => {
    const f = fakeApi();
    const asked: { exclude: readonly string[]; limit: number }[] = [];
    f.api.searchText = async (q, exclude, limit) => {
      asked.push({ exclude, limit });
      return q.text === 'layang'
        ? { items: [{ ...f.items[3]!, snippet: '… anak-anak bermain layang-layang di lapangan …' }], scanned: 3000, complete: false }
        : { items: [], scanned: 4, complete: true };
    };
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    expect(asked).toEqual([]); // no words: no text scan
    fireEvent.input(screen.getByLabelText('Kata kunci'), { target: { value: 'layang' } });
    await waitFor(() => expect(titles(container)).toEqual(['Rupiah menguat']));
    expect(container.querySelector('.lib-snippet')!.textContent).toBe('Di teks: … anak-anak bermain layang-layang di lapangan …');
    expect(screen.getByTestId('lib-text-scan').textContent).toMatch(/3000|3\.000/);
    // What the index found is shown first and left out of the scan.
    fireEvent.input(screen.getByLabelText('Kata kunci'), { target: { value: 'beras' } });
    await waitFor(() => expect(titles(container)).toEqual(['Harga beras naik']));
    expect(asked.at(-1)).toEqual({ exclude: ['2'], limit: PAGE - 1 });
    expect(container.querySelector('.lib-snippet')).toBeNull();
    expect(screen.queryByTestId('lib-text-scan')).toBeNull(); // the whole library was read
  });

  it('deletes one and all only after confirming', async () => {
    const f = fakeApi();
    const answers = [false, true, true];
    const confirm = vi.fn(() => answers.shift()!);
    const { container } = renderLib(f.api, confirm);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    expect(screen.queryByTestId('lib-used-lags')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus "Harga beras naik"' }));
    expect(f.items).toHaveLength(4); // declined
    fireEvent.click(screen.getByRole('button', { name: 'Hapus "Harga beras naik"' }));
    await waitFor(() => expect(titles(container)).toEqual(['Putin ke Pyongyang', 'Tautan aneh', 'Rupiah menguat']));
    // Focus goes on to the delete button of the article that took its place, not back to the page body.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Hapus "Tautan aneh"'));
    await waitFor(() => expect(screen.getByTestId('lib-summary').textContent).toMatch(/^3 artikel/));
    // The browser's figure may lag (or grow) after a delete: said once something was deleted.
    expect(screen.getByTestId('lib-used-lags').textContent).toMatch(/belakangan/);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus semua' }));
    await waitFor(() => expect(screen.getByTestId('lib-empty')).toBeTruthy());
    expect(f.items).toEqual([]);
    expect(confirm).toHaveBeenCalledTimes(3);
  });

  it('shows the import error and changes nothing', async () => {
    const f = fakeApi();
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    const input = screen.getByLabelText('Impor JSON…') as HTMLInputElement;
    const file = new File([JSON.stringify({ version: 2 })], 'x.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Impor gagal, tidak ada yang diubah: Versi berkas tidak dikenal (2).');
    expect(f.items).toHaveLength(4);
    expect(titles(container)).toHaveLength(4);
  });

  it('says what is wrong with a foreign file next to the import button, with the technical message folded away', async () => {
    const f = fakeApi();
    const { LibraryError } = await import('../../../src/library/errors');
    f.api.importJson = async () => {
      throw new LibraryError('invalid-import', 'Import refused, nothing was changed: the file is not a Sorot library export (expected "format": "sorot-library")', { problem: 'not-sorot' });
    };
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    const input = screen.getByLabelText('Impor JSON…') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'x.json')], configurable: true });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.status, [class*="status"]')?.textContent ?? alert.textContent).toContain('Impor gagal, tidak ada yang diubah: berkas ini bukan ekspor perpustakaan Sorot.');
    expect(within(alert).getByText('Rincian teknis')).toBeTruthy();
    expect(alert.querySelector('code')?.textContent).toMatch(/not a Sorot library export/);
    // In the data section, beside the button the reader just used.
    expect(container.querySelector('#data')?.contains(alert)).toBe(true);
  });

  it('exports a JSON download', async () => {
    const f = fakeApi();
    const created: Blob[] = [];
    const origCreate = URL.createObjectURL;
    URL.createObjectURL = ((b: Blob) => (created.push(b), 'blob:x')) as typeof URL.createObjectURL;
    const clicks: string[] = [];
    const origClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      renderLib(f.api);
      fireEvent.click(await screen.findByRole('button', { name: 'Ekspor JSON' }));
      await waitFor(() => expect(clicks).toHaveLength(1));
      expect(clicks[0]).toMatch(/^sorot-\d{4}-\d{2}-\d{2}\.json$/);
      expect(JSON.parse(await created[0]!.text()).articles).toHaveLength(4);
    } finally {
      URL.createObjectURL = origCreate;
      HTMLAnchorElement.prototype.click = origClick;
    }
  });

  it('pages a long library instead of cutting it off, and says how much is shown', async () => {
    const f = fakeApi();
    f.items = Array.from({ length: PAGE + 30 }, (_, i) => ({ id: `a${i}`, url: `https://www.kompas.com/${i}`, title: `Artikel ${i}`, site: 'Kompas.com', published: '2026-11-01', entities: [] }));
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(PAGE));
    await waitFor(() => expect(screen.getByTestId('lib-shown').textContent).toBe(`Menampilkan ${PAGE} artikel terbaru dari ${PAGE + 30}.`));
    fireEvent.click(screen.getByTestId('lib-more'));
    await waitFor(() => expect(titles(container)).toHaveLength(PAGE + 30));
    expect(screen.queryByTestId('lib-more')).toBeNull();
    expect(screen.queryByTestId('lib-shown')).toBeNull();
  });

  it('clears every filter at once and says when the dates are the wrong way round', async () => {
    const f = fakeApi();
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Hapus filter' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Kata kunci'), { target: { value: 'beras' } });
    fireEvent.input(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('Sampai tanggal'), { target: { value: '2026-01-01' } });
    await waitFor(() => expect(screen.getByTestId('lib-empty').textContent).toBe('Tanggal awal jatuh setelah tanggal akhir.'));
    fireEvent.click(screen.getByRole('button', { name: 'Hapus filter' }));
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    expect((screen.getByLabelText('Kata kunci') as HTMLInputElement).value).toBe('');
    expect(document.activeElement?.id).toBe('q');
  });

  it('keeps the data buttons still while an import runs, so a delete-all cannot race it', async () => {
    const f = fakeApi();
    let finish = (_: { added: number; updated: number }) => {};
    f.api.importJson = () => new Promise((r) => (finish = r));
    const { container } = renderLib(f.api);
    await waitFor(() => expect(titles(container)).toHaveLength(4));
    const input = screen.getByLabelText('Impor JSON…') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'x.json')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByText('Mengimpor…')).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Hapus semua' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Ekspor JSON' }) as HTMLButtonElement).disabled).toBe(true);
    finish({ added: 2, updated: 0 });
    await waitFor(() => expect(screen.queryByText('Mengimpor…')).toBeNull());
    expect((screen.getByRole('button', { name: 'Hapus semua' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
