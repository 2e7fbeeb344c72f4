import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, freshDatabase } from './support/databases';
import { migrate, readMigrations } from '../src/db/migrate';

describeEachDatabase('migrations', (get) => {
  // One empty database for this file (a new PGlite takes seconds to create).
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(get().driver);
  });
  afterAll(() => fresh.dispose());

  it('applies every numbered file once, records each, and a second run applies nothing', async () => {
    {
      const files = await readMigrations();
      expect(files.map((f) => f.name)[0]).toBe('001_init.sql');
      expect(await migrate(fresh.db)).toEqual(files.map((f) => f.name));
      expect(await migrate(fresh.db)).toEqual([]);
      const recorded = await fresh.db.query<{ name: string }>('select name from schema_migrations order by name');
      expect(recorded.map((r) => r.name)).toEqual(files.map((f) => f.name));
      // Every shared table carries the shop id.
      const tables = await fresh.db.query<{ table_name: string }>(
        `select table_name from information_schema.columns where column_name = 'shop_id' and table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        ['accounts', 'buyer_notes', 'cases', 'events', 'login_failures', 'mutations', 'promises', 'reviews', 'sessions'],
      );
    }
  });

  it('a later numbered file runs after the earlier ones, and a failing one rolls back and is not recorded', async () => {
    {
      const files = await readMigrations();
      await migrate(fresh.db, files);
      const bad = { name: '999_bad.sql', sql: 'create table half_done (a int); select no_such_function();' };
      await expect(migrate(fresh.db, [...files, bad])).rejects.toThrow();
      expect(await fresh.db.query(`select 1 from information_schema.tables where table_name = 'half_done'`)).toEqual([]);
      expect(await migrate(fresh.db, [...files, { name: '002_more.sql', sql: 'create table more_things (a int);' }])).toEqual(['002_more.sql']);
    }
  });
});
