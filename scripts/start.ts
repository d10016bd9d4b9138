/**
 * `npm start`: builds the extension for Chrome and Firefox (with zips), then shows it working on
 * the bundled seed pages served under their outlets' host names.
 *  - with a display: opens Chromium with the extension on a sample article, until you close it;
 *  - without one: runs headless, saves screenshots of the cleaned page, panel and reading view to
 *    artifacts/demo/, and prints the article and its entities.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Evaluated inside the extension's service worker, where `chrome` exists.
declare const chrome: any;
import { EXT_DIR, ROOT, chromiumPath, launchWithExtension, tabIdFor } from '../tests/e2e/support/browser';
import { serveSites } from '../tests/e2e/support/server';
import { SEED_KIM, SEED_PUTIN, rawMessage } from '../tests/e2e/support/seeds';

const sh = (cmd: string) => execSync(cmd, { stdio: 'inherit', cwd: ROOT });

// `wxt zip` builds, then packs: one build per browser.
sh('npx wxt zip');
sh('npx wxt zip -b firefox');
console.log(`\nBuilt: ${path.relative(ROOT, EXT_DIR)} (Chrome), .output/firefox-mv2 (Firefox), zips in .output/\n`);

const server = await serveSites([SEED_PUTIN, SEED_KIM]);
const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1`).join(',');

if (process.env.DISPLAY && !process.env.CI) {
  const userDir = fs.mkdtempSync(path.join(ROOT, '.output/profile-'));
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: chromiumPath(),
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`, `--host-resolver-rules=${rules}`],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(server.urlFor(SEED_KIM.url));
  console.log('Chromium is open on a sample article. Click the Sorot toolbar button (Alt+Shift+S) for the panel,');
  console.log('Alt+Shift+L for the reading view. Close the window to finish.');
  await new Promise<void>((resolve) => ctx.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

const out = path.join(ROOT, 'artifacts/demo');
fs.mkdirSync(out, { recursive: true });
const eb = await launchWithExtension(server.hosts);
try {
  for (const seed of [SEED_PUTIN, SEED_KIM]) {
    const url = server.urlFor(seed.url);
    const page = await eb.context.newPage();
    await page.goto(url);
    const tabId = await tabIdFor(eb.sw, url);
    let state: any = null;
    for (let i = 0; i < 100 && state?.status !== 'article'; i++) {
      await page.waitForTimeout(100);
      state = await eb.sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
    }
    const name = new URL(seed.url).hostname.replace(/^www\./, '');
    await page.screenshot({ path: path.join(out, `${name}-page.png`), fullPage: true });
    const panel = await eb.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForTimeout(800);
    await panel.screenshot({ path: path.join(out, `${name}-panel.png`), fullPage: true });
    await panel.close();
    await page.bringToFront();
    await eb.sw.evaluate(([id, msg]) => chrome.tabs.sendMessage(id as number, msg), [tabId, rawMessage('toggleReader')] as const);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: path.join(out, `${name}-reader.png`) });

    console.log(`\n== ${state?.article?.title ?? '(no article)'}  [${state?.article?.site ?? name}]`);
    console.log(`   hidden: ${state?.hidden?.length ?? 0} items (${[...new Set((state?.hidden ?? []).map((h: any) => h.reason))].join(', ')})`);
    for (const p of (state?.article?.paragraphs ?? []).slice(0, 3)) console.log(`   | ${p.slice(0, 160)}${p.length > 160 ? '…' : ''}`);
    console.log(`   | … ${(state?.article?.paragraphs ?? []).length} paragraphs`);
    const byType: Record<string, string[]> = {};
    for (const e of state?.entities ?? []) (byType[e.type] ??= []).push(`${e.name} (${e.count})`);
    for (const [t, names] of Object.entries(byType)) console.log(`   ${t}: ${names.join(', ')}`);
    for (const r of state?.related ?? []) console.log(`   related: ${r.title} — ${r.reason}`);
    await page.close();
  }
  console.log(`\nScreenshots of the cleaned pages, panel and reading view: ${path.relative(ROOT, out)}/`);
} finally {
  await eb.close();
  await server.close();
}
