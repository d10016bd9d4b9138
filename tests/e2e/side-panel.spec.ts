/**
 * The real side panel, as a reader opens it: a click on the toolbar button (CDP
 * Extensions.triggerAction; headless Chromium has no toolbar) on an analysed article. The panel is
 * not a tab and gets no `?tab=` pin: it must find the active tab of its window itself and show
 * that article's entities, with the service worker running and after it was stopped (a panel
 * opened long after the page: the click itself has to start the worker, whose onClicked listener
 * opens the panel).
 */
import { expect, test } from '@playwright/test';
import { launchWithExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { SEED_PUTIN } from './support/seeds';
import { serveSites, type SiteServer } from './support/server';
import { TOOLBAR_ARGS, toolbar, type Toolbar } from './support/side-panel';

let server: SiteServer;
let eb: ExtensionBrowser;
let tb: Toolbar | undefined;
test.beforeAll(async () => {
  server = await serveSites([SEED_PUTIN]);
  eb = await launchWithExtension(server.hosts, TOOLBAR_ARGS);
});
test.afterAll(async () => {
  await tb?.dispose();
  await eb?.close();
  await server?.close();
});

/** The person chips the panel shows (empty until its article view is rendered). */
const PEOPLE = `[...document.querySelectorAll('#entities .entity-group[data-type="PER"] .chip > span:first-child')].map((c) => c.textContent)`;

test('the toolbar button opens the side panel on the article with its entity chips, worker running or stopped', async () => {
  const article = await eb.context.newPage();
  const url = server.urlFor(SEED_PUTIN.url);
  await article.goto(url);
  const tabId = await tabIdFor(eb.sw, url);
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.status, { timeout: 30_000 }).toBe('article');
  tb = await toolbar(eb);
  const tab = await tb.tabTarget(new URL(url).host);
  const cdp = await eb.context.newCDPSession(article);

  for (const stopped of [false, true]) {
    if (stopped) {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    const panel = await tb.panel(await tb.click(tab));
    await expect.poll(() => panel.evaluate<string[]>(PEOPLE), { timeout: 15_000, message: `worker ${stopped ? 'stopped' : 'running'}` }).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong Un']));
    await panel.close();
  }
});
