import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    // Two tests walk the whole corpus or run axe over a page: 20-30 s alone when the 2-core
    // machine is busy. A time limit here catches a hang, not slowness (benchmarks measure that).
    testTimeout: 90_000,
  },
});
