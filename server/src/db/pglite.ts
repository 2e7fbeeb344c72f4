import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './types';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

const wrap = (pg: PGliteLike): Queryable => ({
  async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
    return (await pg.query<R>(sql, [...params])).rows;
  },
  async exec(sql: string) {
    await pg.exec(sql);
  },
});

/**
 * Embedded PostgreSQL (WebAssembly) in a data directory, for the one office PC. One process per directory:
 * PGlite has a single connection, so its transactions run one after another.
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
