// @vitest-environment node
/** Every corpus page's clean text against tests/golden/<page>.txt. Regenerate: npx tsx scripts/golden.ts */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, corpusPages, goldenFor } from '../../../scripts/golden';

const pages = corpusPages();

describe('golden clean text per corpus page', () => {
  it('covers the whole corpus', () => {
    expect(pages.length).toBeGreaterThanOrEqual(34);
  });
  for (const page of pages) {
    it(page.name, () => {
      const file = path.join(GOLDEN_DIR, `${page.name}.txt`);
      expect(existsSync(file), `missing ${file}: run npx tsx scripts/golden.ts`).toBe(true);
      expect(goldenFor(page)).toBe(readFileSync(file, 'utf8'));
    });
  }
});
