import type { Database } from './db/types';
import type { ChangeSignal } from './changes/signal';
import type { Logger } from './http/log';

/** What the routes need, passed in (tests give their own clock and a silent log). */
export interface AppDeps {
  db: Database;
  version: string;
  signal: ChangeSignal;
  now: () => number;
  log: Logger;
  /** Pins CORS to one extension id. */
  extensionId?: string;
}
