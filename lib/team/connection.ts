import * as z from 'zod/mini';
import { AccountRef, ShopRef } from './protocol';
import type { SyncState } from './sync-engine';

/**
 * The team connection as the background keeps it (browser.storage.local, read back through this schema): where the
 * server is, who is signed in, the session token. The password is never stored.
 */
export const TeamConnection = z.object({
  origin: z.string().check(z.maxLength(300)),
  allowLanHttp: z.boolean(),
  account: AccountRef,
  shop: ShopRef,
  token: z.string().check(z.maxLength(500)),
  connectedAt: z.number(),
});
export type TeamConnection = z.infer<typeof TeamConnection>;

/** What the panel shows of the connection: never the token. */
export interface TeamView {
  connection: Omit<TeamConnection, 'token'> | null;
  sync: SyncState | null;
}

/** What the panel asks the background to do when the agent presses 连接. */
export interface ConnectRequest {
  origin: string;
  allowLanHttp: boolean;
  user: string;
  password: string;
}
