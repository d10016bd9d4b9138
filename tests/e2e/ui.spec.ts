/**
 * Issue 6 bars, with the production build in real Chromium on the two seed articles:
 * - screenshots (artifacts/ui-*.png) of the side panel and the reading view, light and dark,
 *   Indonesian and English UI (language and theme set through chrome.storage.local, as the
 *   options page and the reader's theme control do);
 * - axe-core on the panel, options, library and reading view pages, light, dark and sepia:
 *   no serious or critical violations (all findings are written to artifacts/ui-axe.json);
 * - the panel follows the reading view's theme setting (light / dark / sepia / system).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, artifact, launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { SEED_KIM, SEED_PUTIN } from './support/seeds';

declare const chrome: any;
declare const axe: any;

test.describe.configure({ mode: 'serial' });

const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const PANEL_SIZE = { width: 420, height: 900 };
const PAGE_SIZE = { width: 1280, height: 900 };

let server: SiteServer;
let eb: ExtensionBrowser;
let putinTab: number;
let kimTab: number;
const LOCALES = {
  id: JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/id.json'), 'utf8')),
  en: JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en.json'), 'utf8')),
};

type Lang = 'id' | 'en';
type Look = 'light' | 'dark';

async function analysed(url: string): Promise<number> {
  const page = await eb.context.newPage();
  const full = server.urlFor(url);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect
    .poll(() => eb.sw.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.status ?? null, tabId), { timeout: 15_000 })
    .toBe('article');
  return tabId;
}

/** What the options page and the reader's controls write. */
async function setLanguageAndTheme(lang: Lang, theme: 'system' | 'light' | 'dark' | 'sepia'): Promise<void> {
  await eb.sw.evaluate(
    async ([l, th]: [string, string]) => {
      const prefs = (await chrome.storage.local.get('readerPrefs')).readerPrefs ?? {};
      await chrome.storage.local.set({ language: l, readerPrefs: { ...prefs, theme: th } });
    },
    [lang, theme] as [string, string],
  );
}

const url = (p: string) => `chrome-extension://${eb.extensionId}/${p}`;

async function openPage(p: string, look: Look, size = PAGE_SIZE): Promise<Page> {
  const page = await eb.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: look, reducedMotion: 'reduce' });
  await page.goto(url(p));
  return page;
}

async function openPanel(tabId: number, look: Look, lang: Lang): Promise<Page> {
  const panel = await openPage(`sidepanel.html?tab=${tabId}`, look, PANEL_SIZE);
  await expect(panel.locator('#entities .entity-group[data-type="PER"]')).toBeVisible({ timeout: 15_000 });
  await expect(panel.locator('html')).toHaveAttribute('lang', lang);
  await expect(panel.locator('#related .related li, #same-story .related li').first()).toBeVisible({ timeout: 15_000 });
  return panel;
}

const BODY_TEXT: Record<string, string> = {
  kim: 'Rompi antipeluru yang diberikan oleh Gubernur Primorsky',
  putin: 'Sebuah mobil mewah buatan Rusia diberikan kepada Kim Jong Un',
};

async function openReader(tabId: number, look: Look, lang: Lang): Promise<Page> {
  const reader = await openPage(`reader.html?tab=${tabId}`, look);
  const text = tabId === kimTab ? BODY_TEXT.kim! : BODY_TEXT.putin!;
  await expect(reader.getByText(text).first()).toBeVisible({ timeout: 15_000 });
  await expect(reader.locator('html')).toHaveAttribute('lang', lang);
  return reader;
}

interface AxeFinding {
  page: string;
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}
const findings: AxeFinding[] = [];
const runs: Array<{ page: string; axe: string; injected: string; passes: number; incomplete: string[]; violations: number }> = [];

async function runAxe(page: Page, name: string): Promise<AxeFinding[]> {
  let injected = 'addScriptTag';
  await page.addScriptTag({ path: AXE_PATH }).catch(() => null);
  // Extension pages forbid inline scripts (CSP script-src 'self'); evaluate the same file then.
  if (!(await page.evaluate(() => typeof (globalThis as any).axe !== 'undefined'))) {
    injected = 'evaluate';
    await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  }
  const result: { version: string; passes: number; incomplete: string[]; violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> } = await page.evaluate(async () => {
    const r = await axe.run(document);
    return {
      version: axe.version,
      passes: r.passes.length,
      incomplete: r.incomplete.map((v: any) => `${v.id} (${v.nodes.length})`),
      violations: r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target })) })),
    };
  });
  const { violations } = result;
  runs.push({ page: name, axe: result.version, injected, passes: result.passes, incomplete: result.incomplete, violations: violations.length });
  expect(result.passes, `axe ran on ${name}`).toBeGreaterThan(10);
  const out = violations.map((v) => ({ page: name, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  findings.push(...out);
  return out.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test.beforeAll(async () => {
  server = await serveSites([SEED_PUTIN, SEED_KIM]);
  eb = await launchWithExtension(server.hosts);
  kimTab = await analysed(SEED_KIM.url);
  putinTab = await analysed(SEED_PUTIN.url);
  // Re-analyse after both are stored, so each lists the other as related.
  kimTab = await analysed(SEED_KIM.url);
  putinTab = await analysed(SEED_PUTIN.url);
});
test.afterAll(async () => {
  fs.writeFileSync(artifact('ui-axe.json'), JSON.stringify({ runs, violations: findings }, null, 2));
  await eb?.close();
  await server?.close();
});

for (const lang of ['id', 'en'] as const) {
  for (const look of ['light', 'dark'] as const) {
    test(`screenshots: panel and reading view, ${lang}, ${look}`, async () => {
      // Light: the explicit light theme. Dark: the panel on "system" with a dark system scheme,
      // the reading view on its own dark theme setting.
      await setLanguageAndTheme(lang, look === 'light' ? 'light' : 'system');
      const panel = await openPanel(putinTab, look, lang);
      // Select a person so the entity detail (stepper, timeline) is in the picture.
      const kim = panel.locator('#entities .chip', { hasText: 'Kim Jong Un' }).first();
      await kim.click();
      await expect(panel.getByTestId('step-pos')).toBeVisible();
      // One definition of a mention: the page steps through as many as the chip counts.
      const chipCount = (await kim.locator('.chip-count').textContent())?.trim();
      await expect(panel.getByTestId('step-pos')).toHaveText(`1/${chipCount}`);
      await expect(panel.locator('.entity-detail .spinner')).toHaveCount(0, { timeout: 10_000 });
      const bg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(look === 'dark' ? 'rgb(21, 23, 27)' : 'rgb(255, 255, 255)');
      await expect(panel.locator('#entities-h')).toContainText(LOCALES[lang].entities.title);
      await expect(panel.getByRole('button', { name: LOCALES[lang].panel.openReader })).toBeVisible();
      await panel.screenshot({ path: artifact(`ui-panel-${lang}-${look}.png`), fullPage: true });
      await panel.close();

      await setLanguageAndTheme(lang, look);
      const reader = await openReader(kimTab, look, lang);
      await expect(reader.locator('html')).toHaveAttribute('data-theme', look);
      await reader.screenshot({ path: artifact(`ui-reader-${lang}-${look}.png`) });
      await reader.close();
    });
  }
}

test('the panel follows the reading view theme setting (sepia, dark, light, system)', async () => {
  await setLanguageAndTheme('id', 'sepia');
  const panel = await openPanel(putinTab, 'light', 'id');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'sepia');
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 239, 223)');
  await panel.screenshot({ path: artifact('ui-panel-id-sepia.png'), fullPage: true });
  // Changes apply live, without reloading.
  await setLanguageAndTheme('id', 'dark');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 27)');
  await setLanguageAndTheme('id', 'system');
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await panel.close();
});

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`axe: no serious or critical violations on panel, options, library, reading view (${theme})`, async () => {
    const look: Look = theme === 'dark' ? 'dark' : 'light';
    await setLanguageAndTheme(theme === 'sepia' ? 'en' : 'id', theme);
    const lang: Lang = theme === 'sepia' ? 'en' : 'id';
    const bad: AxeFinding[] = [];

    const panel = await openPanel(putinTab, look, lang);
    await panel.locator('#entities .chip', { hasText: 'Vladimir Putin' }).first().click();
    await expect(panel.getByTestId('step-pos')).toBeVisible();
    await panel.locator('#hidden details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    bad.push(...(await runAxe(panel, `panel-${theme}`)));
    await panel.close();

    const options = await openPage('options.html', look);
    await expect(options.getByRole('switch').first()).toBeVisible({ timeout: 10_000 });
    bad.push(...(await runAxe(options, `options-${theme}`)));
    await options.close();

    const library = await openPage('library.html', look);
    await expect(library.getByText('Putin Hadiahkan Mobil Mewah').first()).toBeVisible({ timeout: 15_000 });
    bad.push(...(await runAxe(library, `library-${theme}`)));
    await library.close();

    const reader = await openReader(putinTab, look, lang);
    bad.push(...(await runAxe(reader, `reader-${theme}`)));
    await reader.close();

    expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
  });
}
