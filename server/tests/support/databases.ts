import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createPgDatabase } from './pg-admin';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/types';

export type Driver = 'pglite' | 'postgres';

const PG_URL = process.env.TEST_DATABASE_URL;
const IN_CI = process.env.CI === 'true';
if (!PG_URL) {
  if (IN_CI) throw new Error('TEST_DATABASE_URL is not set: in CI the team server tests must run against PostgreSQL (server/scripts/start-test-postgres.sh prints it)');
  console.warn('[server tests] PostgreSQL half SKIPPED: TEST_DATABASE_URL is not set. Run `export TEST_DATABASE_URL="$(bash server/scripts/start-test-postgres.sh)"` to include it.');
}

export const DRIVERS: { driver: Driver; available: boolean }[] = [
  { driver: 'pglite', available: true },
  { driver: 'postgres', available: !!PG_URL },
];

/** An empty database of either kind, not migrated; `dispose` closes and, for PostgreSQL, drops it. */
export async function freshDatabase(driver: Driver): Promise<{ db: Database; url?: string; dispose(): Promise<void> }> {
  if (driver === 'pglite') {
    const db = await openPglite();
    return { db, dispose: () => db.close() };
  }
  const created = await createPgDatabase();
  const db = await openPostgres(created.url);
  return { db, url: created.url, async dispose() { await db.close(); await created.drop(); } };
}

/**
 * The migrated database shared by the test files (modules are shared across files, see vitest.config.ts).
 * For PostgreSQL it also gives the URL, so a test can open a second pool, as a second server process would.
 */
const shared = new Map<Driver, Promise<{ db: Database; url?: string }>>();
export function sharedDatabase(driver: Driver): Promise<{ db: Database; url?: string }> {
  let entry = shared.get(driver);
  if (!entry) {
    entry = (async () => {
      const url = driver === 'postgres' ? inject('sharedPgUrl') : undefined;
      const db = url ? await openPostgres(url) : await openPglite();
      await migrate(db);
      return { db, url };
    })();
    shared.set(driver, entry);
  }
  return entry;
}

/** Runs the suite once per database kind; the PostgreSQL run is skipped (with the reason printed) only outside CI. */
export function describeEachDatabase(title: string, suite: (get: () => { db: Database; url?: string; driver: Driver }) => void): void {
  for (const { driver, available } of DRIVERS) {
    describe.skipIf(!available)(`${title} [${driver}]`, () => {
      let current: { db: Database; url?: string } | undefined;
      beforeAll(async () => {
        current = await sharedDatabase(driver);
      });
      afterAll(() => {
        current = undefined;
      });
      suite(() => ({ ...current!, driver }));
    });
  }
}
