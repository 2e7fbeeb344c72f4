import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './types';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Held while migrating, so two server processes starting at once do not both apply a file. */
const MIGRATION_LOCK = 7_402_118;

export interface Migration { name: string; sql: string }

/** Numbered files 001_*.sql …, in order; the same files run on PGlite and PostgreSQL. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{3}_[\w-]+\.sql$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(new URL(name, `file://${dir}`), 'utf8') })));
}

/** Applies each migration not yet recorded, each in its own transaction with its record; returns the names applied. */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const files = migrations ?? (await readMigrations());
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec('create table if not exists schema_migrations (name text primary key, applied_at bigint not null)');
      const seen = await tx.query('select 1 from schema_migrations where name = $1', [file.name]);
      if (seen.length) return false;
      await tx.exec(file.sql);
      await tx.query('insert into schema_migrations (name, applied_at) values ($1, $2)', [file.name, Date.now()]);
      return true;
    });
    if (done) applied.push(file.name);
  }
  return applied;
}
