import pg from 'pg';
import type { Database, Queryable, Row } from './types';

// bigint (int8) columns come back as strings by default; every one we read is a millisecond time or a change
// sequence number, both far below 2^53, so they are read as numbers like PGlite does.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

type Client = Pick<pg.PoolClient, 'query'>;

const wrap = (client: Client): Queryable => ({
  async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
    return (await client.query<R>(sql, [...params])).rows;
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

/** A real PostgreSQL server (DATABASE_URL): several server processes may share it. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', (err) => console.error(`[db] idle connection lost: ${err.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollbackErr: Error) => console.error(`[db] rollback failed: ${rollbackErr.message}`));
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
