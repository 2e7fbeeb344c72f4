import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    // PGlite takes seconds to create (tens of seconds on a busy 2-core machine) and argon2 is deliberately slow.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One worker, modules shared across files: every file reuses the one embedded database and the one
    // PostgreSQL test database (tests keep apart by using shops of their own), instead of creating each anew.
    fileParallelism: false,
    isolate: false,
    maxWorkers: 1,
  },
});
