/**
 * Least privilege, checked on the built manifests (what ships, not what the config says):
 * any permission outside the allow-list fails the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/browser';

const ALLOWED = new Set(['storage', 'activeTab', 'scripting', 'sidePanel']);
const [chromeManifest, firefoxManifest] = ['chrome-mv3', 'firefox-mv2'].map((b) => path.join(ROOT, '.output', b, 'manifest.json')) as [string, string];
const builds = [chromeManifest, firefoxManifest];

for (const file of builds) {
  test(`permissions in ${path.basename(path.dirname(file))} are on the allow-list`, () => {
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    const perms: string[] = m.permissions ?? [];
    const hostPerms: string[] = [...(m.host_permissions ?? []), ...perms.filter((p) => p.includes('://'))];
    for (const p of perms.filter((x) => !x.includes('://'))) expect(ALLOWED, `unexpected permission ${p}`).toContain(p);
    // No blanket host access at install time: every host pattern is a listed news portal.
    for (const h of hostPerms) expect(h).not.toMatch(/^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/);
    for (const cs of m.content_scripts ?? []) for (const mt of cs.matches) expect(mt).not.toMatch(/^(<all_urls>|\*:\/\/\*\/\*)$/);
    // Any-site access exists only as an optional permission, asked per site.
    const optional: string[] = [...(m.optional_host_permissions ?? []), ...(m.optional_permissions ?? [])];
    expect(optional).toContain('*://*/*');
  });
}

test('the Firefox build declares a sidebar and no data collection; Chrome declares a side panel', () => {
  const ff = JSON.parse(fs.readFileSync(firefoxManifest, 'utf8'));
  expect(ff.sidebar_action?.default_panel).toBe('sidepanel.html');
  expect(ff.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  const cr = JSON.parse(fs.readFileSync(chromeManifest, 'utf8'));
  expect(cr.side_panel?.default_path).toBe('sidepanel.html');
  expect(cr.permissions).toContain('sidePanel');
});

test('Chromium assigns every suggested shortcut (it silently drops keys it reserves, e.g. Alt+Shift+R)', async () => {
  const { launchWithExtension } = await import('./support/browser');
  const b = await launchWithExtension();
  try {
    const cmds = (await b.sw.evaluate(() => (globalThis as any).chrome.commands.getAll())) as Array<{ name: string; shortcut: string }>;
    const declared = Object.keys(JSON.parse(fs.readFileSync(chromeManifest, 'utf8')).commands);
    expect(cmds.map((c) => c.name).sort()).toEqual(declared.sort());
    for (const c of cmds) expect(c.shortcut, `shortcut of ${c.name}`).not.toBe('');
  } finally {
    await b.close();
  }
});
