// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { Options } from '../../../src/ui/options/Options';
import { storePolicy } from '../../../src/background/store-policy';
import { featuresItem, isSiteEnabled, languageItem, noStoreSitesItem, readerPrefsItem, sitesItem, withReaderDefaults } from '../../../src/ui/settings';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const shortcuts = async () => [
  { name: 'toggle-reader', shortcut: 'Alt+Shift+L', description: 'Toggle' },
  { name: '_execute_action', shortcut: 'Alt+Shift+S', description: '' },
];

function fakePermissions(grant = true) {
  const calls: string[] = [];
  return {
    calls,
    permissions: {
      request: async (o: string) => (calls.push(`request ${o}`), grant),
      release: async (o: string) => (calls.push(`release ${o}`), true),
    },
  };
}

function renderOptions(perms = fakePermissions()) {
  return render(
    <I18nProvider lang="id">
      <Options loadShortcuts={shortcuts} permissions={perms.permissions} />
    </I18nProvider>,
  );
}

describe('settings', () => {
  it('defaults: clutter hiding and storing on, Wikipedia off, language auto', async () => {
    expect(await featuresItem.getValue()).toEqual({ hideClutter: true, storeArticles: true, wikipediaLookup: false });
    expect(await languageItem.getValue()).toBe('auto');
    expect(isSiteEnabled({}, 'https://news.detik.com/berita/1')).toBe(true);
    expect(isSiteEnabled({}, 'https://blog.example.org/a')).toBe(false);
    expect(isSiteEnabled({ 'detik.com': false }, 'https://news.detik.com/x')).toBe(false);
    expect(isSiteEnabled({ 'blog.example.org': true }, 'https://blog.example.org/')).toBe(true);
  });
});

describe('options page', () => {
  it('shows features with their defaults and saves changes', async () => {
    renderOptions();
    const wiki = (await screen.findByRole('switch', { name: /Cari di Wikipedia/ })) as HTMLInputElement;
    await waitFor(() => expect((screen.getByRole('switch', { name: /Simpan artikel/ }) as HTMLInputElement).checked).toBe(true));
    expect(wiki.checked).toBe(false);
    fireEvent.click(wiki);
    await waitFor(async () => expect((await featuresItem.getValue()).wikipediaLookup).toBe(true));
    fireEvent.click(screen.getByRole('switch', { name: /Sembunyikan gangguan/ }));
    await waitFor(async () => expect((await featuresItem.getValue()).hideClutter).toBe(false));
  });

  it('Wikipedia: asks for id.wikipedia.org when turned on, gives it back when turned off', async () => {
    const perms = fakePermissions(true);
    renderOptions(perms);
    const wiki = (await screen.findByRole('switch', { name: /Cari di Wikipedia/ })) as HTMLInputElement;
    fireEvent.click(wiki);
    await waitFor(async () => expect((await featuresItem.getValue()).wikipediaLookup).toBe(true));
    expect(perms.calls).toEqual(['request https://id.wikipedia.org/*']);
    fireEvent.click(wiki);
    await waitFor(async () => expect((await featuresItem.getValue()).wikipediaLookup).toBe(false));
    await waitFor(() => expect(perms.calls).toContain('release https://id.wikipedia.org/*'));
  });

  it('Wikipedia: a refused permission keeps the feature off and says why', async () => {
    const perms = fakePermissions(false);
    renderOptions(perms);
    const wiki = (await screen.findByRole('switch', { name: /Cari di Wikipedia/ })) as HTMLInputElement;
    fireEvent.click(wiki);
    expect(await screen.findByText(/Izin untuk id\.wikipedia\.org tidak diberikan/)).toBeTruthy();
    expect(wiki.checked).toBe(false);
    expect((await featuresItem.getValue()).wikipediaLookup).toBe(false);
  });

  it('saves the language choice', async () => {
    renderOptions();
    const select = (await screen.findByRole('combobox', { name: 'Bahasa tampilan' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'en' } });
    await waitFor(async () => expect(await languageItem.getValue()).toBe('en'));
  });

  it('saves the theme into the reading view setting every Sorot page follows, keeping its other choices', async () => {
    await readerPrefsItem.setValue({ ...withReaderDefaults(null), size: 22 });
    renderOptions();
    const select = (await screen.findByRole('combobox', { name: 'Tema (semua halaman Sorot dan mode baca)' })) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'dark' } });
    await waitFor(async () => expect(await readerPrefsItem.getValue()).toMatchObject({ theme: 'dark', size: 22 }));
  });

  it('lists the portals, stores only differences from the default', async () => {
    await sitesItem.setValue({ 'blog.example.org': true });
    renderOptions();
    const detik = (await screen.findByRole('switch', { name: 'detik.com' })) as HTMLInputElement;
    expect(detik.checked).toBe(true);
    await waitFor(() => expect((screen.getByRole('switch', { name: /blog\.example\.org/ }) as HTMLInputElement).checked).toBe(true));
    fireEvent.click(detik);
    await waitFor(async () => expect(await sitesItem.getValue()).toEqual({ 'blog.example.org': true, 'detik.com': false }));
    fireEvent.click(detik);
    await waitFor(async () => expect(await sitesItem.getValue()).toEqual({ 'blog.example.org': true }));
  });

  it("lists the Indonesian sections of international sites by their path; turning one off stops Sorot there, back on leaves the rest of the site off", async () => {
    renderOptions();
    await screen.findByRole('switch', { name: 'detik.com' });
    fireEvent.input(screen.getByLabelText('Cari situs'), { target: { value: 'benar' } });
    const benar = (await screen.findByRole('switch', { name: 'benarnews.org/indonesian' })) as HTMLInputElement;
    expect(benar.checked).toBe(true);
    expect(isSiteEnabled((await sitesItem.getValue()) ?? {}, 'https://www.benarnews.org/indonesian/berita/x.html')).toBe(true);
    fireEvent.click(benar);
    await waitFor(async () => expect(await sitesItem.getValue()).toEqual({ 'benarnews.org': false }));
    expect(isSiteEnabled((await sitesItem.getValue()) ?? {}, 'https://www.benarnews.org/indonesian/berita/x.html')).toBe(false);
    fireEvent.click(benar);
    await waitFor(async () => expect(await sitesItem.getValue()).toEqual({}));
    expect(isSiteEnabled({}, 'https://www.benarnews.org/english/news/x.html')).toBe(false);
    // Its own "don't store" switch is there too.
    expect(screen.getByLabelText(/Simpan artikel dari situs ini/)).toBeTruthy();
  });

  it('the site search says when nothing matches', async () => {
    renderOptions();
    await screen.findByRole('switch', { name: 'detik.com' });
    fireEvent.input(screen.getByLabelText('Cari situs'), { target: { value: 'tidakadasitusini' } });
    expect(await screen.findByText(/Tidak ada situs yang cocok dengan “tidakadasitusini”/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'detik.com' })).toBeNull();
  });

  it("a site can keep Sorot on but never store its articles (per-site 'don't store')", async () => {
    renderOptions();
    const store = ((await screen.findAllByRole('checkbox', { name: 'Simpan artikel dari situs ini' }))[0]) as HTMLInputElement;
    expect(store).toBeTruthy();
    const kompas = document.getElementById('store-kompas.com') as HTMLInputElement;
    expect(kompas.checked).toBe(true);
    expect(await storePolicy.whyNotStore('https://nasional.kompas.com/read/2024/1/x', false)).toBeNull();
    fireEvent.click(kompas);
    await waitFor(async () => expect(await noStoreSitesItem.getValue()).toEqual({ 'kompas.com': true }));
    expect(await storePolicy.whyNotStore('https://nasional.kompas.com/read/2024/1/x', false)).toBe('site');
    // Sorot itself stays on there, and other sites still store.
    expect((screen.getByRole('switch', { name: 'kompas.com' }) as HTMLInputElement).checked).toBe(true);
    expect(await storePolicy.whyNotStore('https://news.detik.com/berita/d-1/x', false)).toBeNull();
    expect(await storePolicy.whyNotStore('https://news.detik.com/berita/d-1/x', true)).toBe('private');
    fireEvent.click(kompas);
    await waitFor(async () => expect(await noStoreSitesItem.getValue()).toEqual({}));
    // The global switch turns storing off everywhere and greys out the per-site boxes.
    await featuresItem.setValue({ hideClutter: true, storeArticles: false, wikipediaLookup: false });
    await waitFor(() => expect((document.getElementById('store-detik.com') as HTMLInputElement).disabled).toBe(true));
    expect(await storePolicy.whyNotStore('https://news.detik.com/berita/d-1/x', false)).toBe('off');
  });

  it('lists the keyboard shortcuts', async () => {
    renderOptions();
    expect(await screen.findByText('Alt+Shift+L')).toBeTruthy();
    expect(screen.getByText('Alt+Shift+S')).toBeTruthy();
    expect(screen.getByText('Buka/tutup mode baca')).toBeTruthy();
    expect(screen.getByText('Buka panel Sorot')).toBeTruthy();
  });
});
