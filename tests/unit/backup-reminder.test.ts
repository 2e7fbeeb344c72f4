import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupReminderDue, loadBackupState, saveBackupState, teamConnected, TEAM_CONNECTION_KEY } from '@/lib/backup/state';
import { DAY_MS } from '@/lib/time/beijing';

const NOW = Date.UTC(2026, 2, 2, 12);

describe('backup reminder', () => {
  it('reminds after 7 days without a backup, counted from the oldest case before the first one, never with a team server', () => {
    const due = (lastBackupAt: number | null, oldestCaseAt: number | null, team = false) => backupReminderDue({ lastBackupAt, oldestCaseAt, teamConnected: team, now: NOW });
    expect(due(NOW - 7 * DAY_MS, NOW - 90 * DAY_MS)).toBe(false);
    expect(due(NOW - 7 * DAY_MS - 1, NOW - 90 * DAY_MS)).toBe(true);
    expect(due(null, NOW - 8 * DAY_MS)).toBe(true);
    expect(due(null, NOW - 2 * DAY_MS)).toBe(false);
    expect(due(null, null)).toBe(false);
    expect(due(NOW - 30 * DAY_MS, NOW - 90 * DAY_MS, true)).toBe(false);
  });

  it('keeps the last backup time; a broken record reads as never backed up', async () => {
    expect(await loadBackupState()).toEqual({ lastBackupAt: null });
    await saveBackupState({ lastBackupAt: NOW });
    expect(await loadBackupState()).toEqual({ lastBackupAt: NOW });
    await fakeBrowser.storage.local.set({ backupState: { lastBackupAt: 'yesterday' } });
    expect(await loadBackupState()).toEqual({ lastBackupAt: null });
  });

  it('a team connection counts only when it is a whole connection record', async () => {
    expect(await teamConnected()).toBe(false);
    await fakeBrowser.storage.local.set({ [TEAM_CONNECTION_KEY]: { origin: 'https://team.example.cn' } });
    expect(await teamConnected()).toBe(false);
  });
});
