import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { openDatabase } from './db/open';
import { migrate } from './db/migrate';
import type { Database } from './db/types';
import { ensureShopWithLead } from './accounts/accounts';
import { ChangeSignal } from './changes/signal';
import { purgeContactData, PURGE_EVERY_MS } from './purge/purge';
import { createApp } from './app';
import type { Logger } from './http/log';
import { SERVER_VERSION } from './version';

export interface ServerOptions {
  port: number;
  host: string;
  /** PGlite data directory, used when there is no databaseUrl (undefined: in memory). */
  dataDir?: string;
  databaseUrl?: string;
  lead?: { name: string; password: string };
  shopName: string;
  extensionId?: string;
  log: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  close(): Promise<void>;
}

/** Opens the database, migrates, makes the lead, starts the retention purge and listens. */
export async function startTeamServer(opts: ServerOptions): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    const applied = await migrate(db);
    if (applied.length) opts.log(`migrations applied: ${applied.join(', ')}`);
    if (opts.lead) {
      const { created } = await ensureShopWithLead(db, opts.shopName, opts.lead, Date.now());
      opts.log(created ? `lead account ${opts.lead.name} created` : `lead account ${opts.lead.name} exists`);
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const signal = new ChangeSignal();
  const purge = () => purgeContactData(db, Date.now(), (shopId) => signal.notify(shopId))
    .then((n) => n && opts.log(`retention purge: ${n} phone numbers erased`))
    .catch((err: Error) => opts.log(`retention purge failed: ${err.message}`));
  await purge();
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();

  const app = createApp({ db, version: SERVER_VERSION, signal, now: Date.now, log: opts.log, extensionId: opts.extensionId });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  }).catch(async (err) => {
    clearInterval(timer);
    await db.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    db,
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held pulls would keep the server open for up to 25 s more.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.close();
    },
  };
}
