/**
 * Entity highlighting on a made-up article whose subject shares each of his family names with a
 * parent ("Ola Lindqvist Berg", "Lars Lindqvist", "Eva Berg"), with his name also in the heading
 * and a caption: the page paints exactly the entity's own mentions, as many as the chip counts,
 * and none inside the parents' names.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, launchWithExtension, tabIdFor, tabState, type ExtensionBrowser } from './support/browser';
import { serveSites, type SiteServer } from './support/server';

const URL = 'http://inet.detik.com/cyberlife/d-9990001/pengusaha-kripto-membela-diri';
let server: SiteServer;
let eb: ExtensionBrowser;
test.beforeAll(async () => {
  server = await serveSites([{ url: URL, file: path.join(ROOT, 'tests/fixtures/highlight/keluarga-berg.html') }]);
  eb = await launchWithExtension(server.hosts);
});
test.afterAll(async () => {
  await eb?.close();
  await server?.close();
});

test('the stepper and the painted ranges are the entity\'s own mentions, as many as the chip says', async () => {
  const page = await eb.context.newPage();
  const full = server.urlFor(URL);
  await page.goto(full);
  const tabId = await tabIdFor(eb.sw, full);
  await expect.poll(async () => (await tabState(eb.sw, tabId))?.status ?? null, { timeout: 15_000 }).toBe('article');
  const panel = await eb.context.newPage();
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tab=${tabId}`);
  const chip = panel.locator('#entities .chip', { hasText: 'Ola Lindqvist Berg' }).first();
  await expect(chip).toBeVisible({ timeout: 15_000 });
  const count = Number((await chip.locator('.chip-count').textContent())?.trim());
  expect(count).toBe(5);
  await chip.click();
  await expect(panel.getByTestId('step-pos')).toHaveText(`1/${count}`);

  // What the page paints (the highlight registry is the document's, seen from the page too).
  const painted = await page.evaluate(() => {
    const h = (CSS as any).highlights.get('sorot-entity');
    return [...(h ?? [])].map((r: Range) => {
      const t = r.startContainer.textContent ?? '';
      return { text: r.toString(), before: t.slice(Math.max(0, r.startOffset - 6), r.startOffset) };
    });
  });
  expect(painted).toHaveLength(count);
  expect(painted.map((p) => p.text.replace(/\s+/g, ' '))).toEqual(['Ola Lindqvist Berg', 'Berg', 'Berg', 'Berg', 'Berg']);
  // Not the mother's "Eva Berg", not "Ms Berg", not the heading or the caption.
  expect(painted.some((p) => /(Eva|Ms) $/.test(p.before))).toBe(false);
  // Stepping wraps over the same mentions.
  for (let i = 0; i < count; i++) await panel.getByRole('button', { name: /berikutnya|next/i }).click();
  await expect(panel.getByTestId('step-pos')).toHaveText(`1/${count}`);
});
