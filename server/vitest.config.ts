import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // PGlite opens in a few seconds cold and argon2 hashing is deliberately slow.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files each make their own databases; running them one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
});
