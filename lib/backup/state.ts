import * as z from 'zod/mini';
import { TeamConnection } from '../team/connection';
import { DAY_MS } from '../time/beijing';

/** browser.storage.local key of the backup bookkeeping. */
export const BACKUP_STATE_KEY = 'backupState';

/** Where the team connection is kept once issue 10 connects the extension (read only to know whether there is one). */
export const TEAM_CONNECTION_KEY = 'teamConnection';

/** Remind after this long without a backup (the issue: 7 days). */
export const BACKUP_REMIND_AFTER_MS = 7 * DAY_MS;

export const BackupState = z.object({
  lastBackupAt: z.nullable(z.number()),
});
export type BackupState = z.infer<typeof BackupState>;

export async function loadBackupState(): Promise<BackupState> {
  const parsed = BackupState.safeParse((await browser.storage.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
  return parsed.success ? parsed.data : { lastBackupAt: null };
}

export async function saveBackupState(state: BackupState): Promise<void> {
  await browser.storage.local.set({ [BACKUP_STATE_KEY]: BackupState.parse(state) });
}

/** True when a team server holds the shop's data (then the server's own backup is what counts). */
export async function teamConnected(): Promise<boolean> {
  return TeamConnection.safeParse((await browser.storage.local.get(TEAM_CONNECTION_KEY))[TEAM_CONNECTION_KEY]).success;
}

/**
 * Whether to remind the shop to back up: no team server, and the last backup (or, before the first one, the oldest
 * case: there is nothing worth saving before the store has cases) is more than 7 days old.
 */
export function backupReminderDue(x: { lastBackupAt: number | null; oldestCaseAt: number | null; teamConnected: boolean; now: number }): boolean {
  if (x.teamConnected) return false;
  const since = x.lastBackupAt ?? x.oldestCaseAt;
  return since !== null && x.now - since > BACKUP_REMIND_AFTER_MS;
}
