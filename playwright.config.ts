import { defineConfig } from '@playwright/test';

// The browser is launched by tests/e2e/support/browser.ts (persistent context with the
// extension), so no `use.browserName` / projects here. One worker: 2 cores on CI.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 90_000,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
});
