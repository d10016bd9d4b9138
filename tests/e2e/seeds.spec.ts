/**
 * The skeleton's promise, end to end in real Chromium with the production build: on the two seed
 * pages served under their outlets' host names, clutter is hidden on the live page, the panel lists
 * the article's people and places, each seed lists the other as related, and the reading view
 * shows the article without clutter.
 */
import { expect, test, type Page } from '@playwright/test';
import { artifact, launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { SEED_KIM, SEED_PUTIN, rawMessage } from './support/seeds';

// Evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: any;

test.describe.configure({ mode: 'serial' });

let server: SiteServer;
let eb: ExtensionBrowser;

test.beforeAll(async () => {
  server = await serveSites([SEED_PUTIN, SEED_KIM]);
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

async function openAnalysed(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await eb.context.newPage();
  const full = server.urlFor(url);
  await page.goto(full);
  // The content script marks clutter, then reports to the background.
  await page.waitForSelector('[data-sorot-clutter]', { state: 'attached', timeout: 15_000 });
  const tabId = await tabIdFor(eb.sw, full);
  await expect
    .poll(() => eb.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.status ?? null, tabId), { timeout: 15_000 })
    .toBe('article');
  return { page, tabId };
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

test('seed 000: "Baca Juga" and ads hidden on the live page, article text and comments kept', async () => {
  const { page } = await openAnalysed(SEED_PUTIN.url);
  await expect(page.locator('.baca-juga-inline')).toBeHidden();
  await expect(page.locator('.ads-parallax')).toBeHidden();
  await expect(page.locator('#billboard-top')).toBeHidden();
  await expect(page.getByText('Sebuah mobil mewah buatan Rusia diberikan kepada Kim Jong Un')).toBeVisible();
  await expect(page.getByText('Namun, dampak jangka panjang dari hubungan semacam ini')).toBeVisible();
  await expect(page.locator('nav.main-nav')).toBeVisible();
  await expect(page.locator('section.comments')).toBeVisible();
  await expect(page.locator('h1.article-title')).toBeVisible();
  // Page scripts still ran: we hide, we do not break the page.
  expect(await page.evaluate(() => (window as any).__pageScriptRan)).toBe(true);
  await page.screenshot({ path: artifact('seed-000-page.png'), fullPage: true });
  await page.close();
});

test('seed 003: every "Baca Juga" box and the sponsored block hidden, sub-headings kept', async () => {
  const { page } = await openAnalysed(SEED_KIM.url);
  const boxes = page.locator('.baca-juga-box');
  await expect(boxes).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(boxes.nth(i)).toBeHidden();
  await expect(page.getByText('Jasa SMK3 dan ISO')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Simbolisme di Balik Souvenir' })).toBeVisible();
  await expect(page.getByText('Rompi antipeluru yang diberikan oleh Gubernur Primorsky Oleg Kozhemyako')).toBeVisible();
  await page.screenshot({ path: artifact('seed-003-page.png'), fullPage: true });
  await page.close();
});

test('panel lists the people and places of the article and the other seed as related', async () => {
  // Both seeds are stored now; re-open seed 000 so its related list sees seed 003.
  const { page, tabId } = await openAnalysed(SEED_PUTIN.url);
  const panel = await openPanel(tabId);
  const people = panel.locator('#entities .entity-group[data-type="PER"]');
  const places = panel.locator('#entities .entity-group[data-type="LOC"]');
  for (const name of ['Vladimir Putin', 'Kim Jong Un']) await expect(people.getByText(name, { exact: true })).toBeVisible({ timeout: 15_000 });
  for (const name of ['Rusia', 'Korea Utara']) await expect(places.getByText(name, { exact: true })).toBeVisible();
  // Nothing from the "Baca Juga" line becomes an entity (it is listed under what was hidden).
  await expect(panel.locator('#entities').getByText('Yusril')).toHaveCount(0);
  await expect(panel.locator('#hidden').getByText('Yusril Ihza Mahendra', { exact: false })).toHaveCount(1);
  const related = panel.getByRole('link', { name: /Kerjasama Antara Kim Jong Un dan Putin/ });
  await expect(related.first()).toBeVisible();
  await panel.screenshot({ path: artifact('panel-seed-000.png'), fullPage: true });
  await panel.close();

  const other = await openAnalysed(SEED_KIM.url);
  const panel2 = await openPanel(other.tabId);
  await expect(panel2.getByRole('link', { name: /Putin Hadiahkan Mobil Mewah/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect(panel2.locator('#entities .entity-group[data-type="PER"]').getByText('Oleg Kozhemyako', { exact: true })).toBeVisible();
  await panel2.screenshot({ path: artifact('panel-seed-003.png'), fullPage: true });
  await panel2.close();
  await page.close();
  await other.page.close();
});

test("the panel's hiding switch turns the page's hiding off, and a panel opened later shows it off", async () => {
  const { page, tabId } = await openAnalysed(SEED_PUTIN.url);
  const panel = await openPanel(tabId);
  const toggle = panel.getByRole('switch', { name: /Sembunyikan|Hide/ });
  await expect(toggle).toBeChecked({ timeout: 15_000 });
  await toggle.click();
  await expect(page.locator('.baca-juga-inline').first()).toBeVisible();
  await expect.poll(() => eb.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.hidingEnabled, tabId)).toBe(false);
  await panel.close();
  const again = await openPanel(tabId);
  await expect(again.getByRole('switch', { name: /Sembunyikan|Hide/ })).not.toBeChecked({ timeout: 15_000 });
  await again.getByRole('switch', { name: /Sembunyikan|Hide/ }).click();
  await expect(page.locator('.baca-juga-inline').first()).toBeHidden();
  await again.close();
  await page.close();
});

test('an item shown again stays shown in a panel opened later, and hiding turned off and on hides it again', async () => {
  const { page, tabId } = await openAnalysed(SEED_PUTIN.url);
  const panel = await openPanel(tabId);
  const showButtons = (p: typeof panel) => p.locator('[data-reason="related"] .item button', { hasText: /^(Tampilkan|Show)$/ });
  const hideButtons = (p: typeof panel) => p.locator('[data-reason="related"] .item button', { hasText: /^(Sembunyikan|Hide)$/ });
  await panel.locator('[data-reason="related"] summary').click({ timeout: 15_000 });
  await showButtons(panel).first().click();
  const shown = page.locator('[data-sorot-shown]');
  await expect(shown).toHaveCount(1);
  await expect(shown).toBeVisible();
  await panel.close();
  // A panel opened later reads the page's state: that one item offers to hide it again.
  const again = await openPanel(tabId);
  await again.locator('[data-reason="related"] summary').click({ timeout: 15_000 });
  await expect(hideButtons(again)).toHaveCount(1);
  // Off and on again: everything is hidden, that item included, and no button says otherwise.
  const toggle = again.getByRole('switch', { name: /Sembunyikan|Hide/ });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.locator('[data-sorot-shown]')).toHaveCount(0);
  await expect(page.locator('.baca-juga-inline').first()).toBeHidden();
  await again.locator('[data-reason="related"] summary').click();
  await expect(hideButtons(again)).toHaveCount(0);
  await again.close();
  await page.close();
});

test('reading view shows the article without clutter, and closes again', async () => {
  const { page, tabId } = await openAnalysed(SEED_KIM.url);
  const opened = await eb.sw.evaluate(([id, msg]) => chrome.tabs.sendMessage(id as number, msg), [tabId, rawMessage('toggleReader')] as const);
  expect(opened).toMatchObject({ res: true });
  const frame = await expect
    .poll(() => page.frames().find((f) => f.url().includes('/reader.html')) ?? null, { timeout: 10_000 })
    .not.toBeNull()
    .then(() => page.frames().find((f) => f.url().includes('/reader.html'))!);
  await frame.waitForSelector('text=Rompi antipeluru yang diberikan oleh Gubernur Primorsky', { timeout: 15_000 });
  const text = await frame.evaluate(() => document.body.innerText);
  expect(text).toContain('Kerjasama Antara Kim Jong Un dan Putin');
  expect(text).toContain('Simbolisme di Balik Souvenir');
  for (const clutter of ['Baca Juga', 'Tsamara Amany', 'Jasa SMK3', 'Tinggalkan Balasan', 'Print Friendly', 'Back to top']) {
    expect(text).not.toContain(clutter);
  }
  await page.screenshot({ path: artifact('reader-seed-003.png') });
  // Tab never walks out into the page's own links under the overlay (the page is inert).
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('a, button, input, select, textarea') ? document.activeElement.tagName : null)).toBeNull();
  }
  // Escape closes it (the reader asks its parent), and the page is as it was.
  await page.keyboard.press('Escape');
  await expect.poll(() => page.frames().some((f) => f.url().includes('/reader.html'))).toBe(false);
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
  expect(await page.evaluate(() => document.body.inert)).toBe(false);
  await expect(page.getByRole('heading', { name: 'Simbolisme di Balik Souvenir' })).toBeVisible();
  await page.close();
});

test('a site switched off in Settings: a reload leaves the page alone, the panel says so and turns it back on', async () => {
  const { page, tabId } = await openAnalysed(SEED_PUTIN.url);
  const host = new URL(SEED_PUTIN.url).hostname.replace(/^www\./, '');
  await eb.sw.evaluate(async (h) => chrome.storage.local.set({ sites: { [h]: false } }), host);
  await page.reload();
  await expect
    .poll(() => eb.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.status ?? null, tabId), { timeout: 15_000 })
    .toBe('off');
  await expect(page.locator('[data-sorot-clutter]')).toHaveCount(0);
  const panel = await openPanel(tabId);
  await expect(panel.getByRole('heading', { level: 1, name: new RegExp(host.replace(/\./g, '\\.')) })).toBeVisible({ timeout: 15_000 });
  await panel.getByRole('button', { name: /Nyalakan lagi|Turn back on/ }).click();
  await expect(panel.locator('#entities').getByText('Vladimir Putin', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-sorot-clutter]').first()).toBeAttached();
  expect(await eb.sw.evaluate(async () => (await chrome.storage.local.get('sites')).sites)).toEqual({});
  await panel.close();
  await page.close();
});
