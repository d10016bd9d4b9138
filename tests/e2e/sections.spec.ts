/**
 * An Indonesian section of an international site (benarnews.org/indonesian, like
 * bbc.com/indonesia), in real Chromium with the production build: the article there is analysed
 * by default, while a page of the same host outside the section is left alone, even though
 * Chrome grants the section's host permission for the whole host.
 */
import { expect, test } from '@playwright/test';
import { launchWithExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { SEED_PUTIN } from './support/seeds';

declare const chrome: any;

const INSIDE = 'http://www.benarnews.org/indonesian/berita/putin-mobil-kim-123.html';
const OUTSIDE = 'http://www.benarnews.org/english/news/putin-car-kim-123.html';

let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites([{ url: INSIDE, file: SEED_PUTIN.file }, { url: OUTSIDE, file: SEED_PUTIN.file }]);
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

test('the Indonesian section is on by default; the rest of its site is not', async () => {
  const inside = await eb.context.newPage();
  await inside.goto(server.urlFor(INSIDE));
  const inTab = await tabIdFor(eb.sw, server.urlFor(INSIDE));
  await expect.poll(async () => (await tabState(eb.sw, inTab))?.status ?? null, { timeout: 15_000 }).toBe('article');
  expect(await inside.locator('[data-sorot-clutter]').count()).toBeGreaterThan(0);

  const outside = await eb.context.newPage();
  await outside.goto(server.urlFor(OUTSIDE));
  const outTab = await tabIdFor(eb.sw, server.urlFor(OUTSIDE));
  // The inside page finished well within this time; the outside one must stay untouched.
  await outside.waitForTimeout(2_000);
  expect(await outside.locator('style[data-sorot-ui], [data-sorot-clutter]').count()).toBe(0);
  expect((await tabState(eb.sw, outTab))?.status ?? null).toBeNull();
  // Nothing registered the host-wide image of the section's permission as a content-script site.
  const registered = await eb.sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s: any) => s.matches));
  expect(registered).not.toContain('*://*.benarnews.org/*');
});
