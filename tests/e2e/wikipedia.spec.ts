/**
 * Wikipedia lookup is opt-in, end to end with the production build. The shipped extension asks
 * the real https://id.wikipedia.org; here that name (port 443) is mapped to a local HTTPS mock with
 * a throw-away self-signed certificate (--ignore-certificate-errors), so the code under test is
 * exactly what ships. With the feature off, clicking an entity sends nothing; with it on, the
 * summary appears as text and the mock saw exactly the expected titles, each once (session cache).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, artifact, launchWithExtension, tabIdFor, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';
import { SEED_PUTIN } from './support/seeds';

declare const chrome: any;

test.describe.configure({ mode: 'serial' });

const PUTIN_EXTRACT =
  'Vladimir Vladimirovich Putin adalah politikus dan mantan perwira intelijen Rusia yang menjabat sebagai Presiden Rusia.';

let server: SiteServer;
let wiki: https.Server;
let eb: ExtensionBrowser;
let certDir: string;
/** Every request the mock received: `${host} ${path}`. */
const wikiRequests: string[] = [];

function selfSigned(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=id.wikipedia.org',
    '-addext', 'subjectAltName=DNS:id.wikipedia.org', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function startWikiMock(): Promise<https.Server> {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sorot-wiki-'));
  const srv = https.createServer(selfSigned(certDir), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    wikiRequests.push(`${host} ${req.url}`);
    const send = (status: number, body: unknown) => {
      // Like the real REST API: CORS open to any origin.
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(body));
    };
    const m = /^\/api\/rest_v1\/page\/summary\/([^/?]+)$/.exec(req.url ?? '');
    const title = m ? decodeURIComponent(m[1]!) : null;
    if (title === 'Vladimir_Putin') {
      return send(200, {
        type: 'standard',
        title: 'Vladimir Putin',
        displaytitle: '<span class="mw-page-title-main">Vladimir Putin</span>',
        description: 'Presiden Rusia',
        extract: PUTIN_EXTRACT,
        extract_html: `<p><b>Vladimir Putin</b><img src="https://id.wikipedia.org/canary.png"> ${PUTIN_EXTRACT}</p>`,
        thumbnail: { source: 'https://upload.wikimedia.org/putin.jpg', width: 200, height: 300 },
        content_urls: { desktop: { page: 'https://id.wikipedia.org/wiki/Vladimir_Putin' } },
      });
    }
    if (title === 'Kim_Jong_Un') {
      return send(200, {
        type: 'disambiguation',
        title: 'Kim Jong Un (disambiguasi)',
        extract: 'Kim Jong Un dapat merujuk kepada:',
        content_urls: { desktop: { page: 'https://id.wikipedia.org/wiki/Kim_Jong_Un_(disambiguasi)' } },
      });
    }
    return send(404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', uri: req.url });
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

test.beforeAll(async () => {
  server = await serveSites([SEED_PUTIN]);
  wiki = await startWikiMock();
  const wikiPort = (wiki.address() as AddressInfo).port;
  // The last --host-resolver-rules wins: the seed hosts as usual, plus id.wikipedia.org:443 -> mock.
  const rules = [`MAP id.wikipedia.org:443 127.0.0.1:${wikiPort}`, ...server.hosts.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND'];
  eb = await launchWithExtension(server.hosts, [`--host-resolver-rules=${rules.join(',')}`, '--ignore-certificate-errors']);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
  await new Promise<void>((r) => (wiki ? wiki.close(() => r()) : r()));
  if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
});

async function setWikipedia(on: boolean): Promise<void> {
  await eb.sw.evaluate(async (v: boolean) => {
    const cur = (await chrome.storage.local.get('features')).features ?? { hideClutter: true, storeArticles: true, wikipediaLookup: false };
    await chrome.storage.local.set({ features: { ...cur, wikipediaLookup: v } });
  }, on);
}

async function openPanelForSeed(): Promise<{ page: Page; panel: Page }> {
  const page = await eb.context.newPage();
  const full = server.urlFor(SEED_PUTIN.url);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect
    .poll(() => eb.sw.evaluate(async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]?.status ?? null, tabId), { timeout: 15_000 })
    .toBe('article');
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  await expect(panel.locator('#entities .entity-group[data-type="PER"]')).toBeVisible({ timeout: 15_000 });
  return { page, panel };
}

const chip = (panel: Page, name: string) => panel.locator('#entities .chip', { hasText: name }).first();

test('the manifest does not ask for id.wikipedia.org at install', async () => {
  const manifest = await eb.sw.evaluate(() => chrome.runtime.getManifest());
  const required = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
  expect(required.filter((p: string) => /wikipedia/.test(p))).toEqual([]);
  expect(await eb.sw.evaluate(() => chrome.permissions.contains({ origins: ['https://id.wikipedia.org/*'] }))).toBe(false);
});

test('options: turning the lookup on asks first, and nothing is on before the answer', async () => {
  const options = await eb.context.newPage();
  await options.goto(`chrome-extension://${eb.extensionId}/options.html`);
  const sw = options.locator('#f-wiki');
  await expect(sw).not.toBeChecked();
  await sw.click();
  // The click opens the browser's permission prompt for https://id.wikipedia.org/*, which headless
  // Chromium leaves unanswered: the setting must stay off meanwhile. (Granted and refused answers
  // are covered by tests/unit/ui/options.test.tsx with a fake.)
  await options.waitForTimeout(1500);
  expect(await eb.sw.evaluate(async () => (await chrome.storage.local.get('features')).features?.wikipediaLookup ?? false)).toBe(false);
  expect(await eb.sw.evaluate(() => chrome.permissions.contains({ origins: ['https://id.wikipedia.org/*'] }))).toBe(false);
  expect(wikiRequests).toEqual([]);
  await options.close();
});

test('feature off (the default): clicking an entity sends nothing to Wikipedia', async () => {
  const { page, panel } = await openPanelForSeed();
  expect(await eb.sw.evaluate(async () => (await chrome.storage.local.get('features')).features?.wikipediaLookup ?? false)).toBe(false);
  await chip(panel, 'Vladimir Putin').click();
  await expect(panel.getByTestId('step-pos')).toBeVisible();
  await chip(panel, 'Kim Jong Un').click();
  await expect(panel.getByTestId('step-pos')).toBeVisible();
  await panel.waitForTimeout(1500);
  expect(wikiRequests).toEqual([]);
  await expect(panel.getByTestId('wiki')).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('feature on: the summary appears as text, the mock saw exactly the expected titles, once each', async () => {
  await setWikipedia(true);
  const { page, panel } = await openPanelForSeed();
  await chip(panel, 'Vladimir Putin').click();
  const block = panel.getByTestId('wiki');
  await expect(block).toHaveAttribute('data-kind', 'found', { timeout: 15_000 });
  await expect(block).toContainText(PUTIN_EXTRACT);
  await expect(block).toContainText('Presiden Rusia');
  expect(await block.locator('img, b').count()).toBe(0); // extract_html and the thumbnail are never used
  const link = block.getByRole('link', { name: /Vladimir Putin/ });
  await expect(link).toHaveAttribute('href', 'https://id.wikipedia.org/wiki/Vladimir_Putin');
  expect(wikiRequests).toEqual(['id.wikipedia.org /api/rest_v1/page/summary/Vladimir_Putin']);
  // The summary block passes axe too.
  await panel.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const serious = await panel.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document);
    return r.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => v.id);
  });
  expect(serious).toEqual([]);
  await panel.screenshot({ path: artifact('panel-wikipedia.png'), fullPage: true });

  // Disambiguation page: a note and a link, no extract.
  await chip(panel, 'Kim Jong Un').click();
  await expect(block).toHaveAttribute('data-kind', 'disambiguation', { timeout: 15_000 });
  await expect(block.getByRole('link')).toHaveAttribute('href', 'https://id.wikipedia.org/wiki/Kim_Jong_Un_(disambiguasi)');

  // Not found (404): a note, and the plain search link stays.
  await chip(panel, 'Rusia').click();
  await expect(block).toHaveAttribute('data-kind', 'not-found', { timeout: 15_000 });

  // Back to Putin, and a fresh panel: answered from the session cache, nothing new is sent.
  await chip(panel, 'Vladimir Putin').click();
  await expect(block).toHaveAttribute('data-kind', 'found');
  await panel.reload();
  await chip(panel, 'Vladimir Putin').click();
  await expect(panel.getByTestId('wiki')).toHaveAttribute('data-kind', 'found', { timeout: 15_000 });
  expect(wikiRequests).toEqual([
    'id.wikipedia.org /api/rest_v1/page/summary/Vladimir_Putin',
    'id.wikipedia.org /api/rest_v1/page/summary/Kim_Jong_Un',
    'id.wikipedia.org /api/rest_v1/page/summary/Rusia',
  ]);

  // Off again: nothing more is sent.
  await setWikipedia(false);
  await expect(panel.getByTestId('wiki')).toHaveCount(0);
  await chip(panel, 'Korea Utara').click();
  await panel.waitForTimeout(1000);
  expect(wikiRequests).toHaveLength(3);
  await panel.close();
  await page.close();
});
