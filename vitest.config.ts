import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'jsdom',
    setupFiles: ['fake-indexeddb/auto', 'tests/setup.ts'],
    globals: true,
    // Tests assert behaviour, never speed (timings live in the `bench:*` scripts). Vitest's 5 s / 10 s defaults
    // fail correct tests when the CPUs are busy (a second `npm test` beside this one, a CI neighbour): allow a
    // minute, which only a hung test uses up.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
