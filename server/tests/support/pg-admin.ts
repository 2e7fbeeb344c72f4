import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A URL to a database of that name on the test server (TEST_DATABASE_URL). */
export function pgUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database; `drop` removes it, closing any connection still open to it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `reviewdesk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    url: pgUrl(name),
    drop: async () => { await admin((c) => c.query(`drop database if exists ${name} with (force)`)); },
  };
}
