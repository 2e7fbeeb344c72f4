import { request } from '../messaging/protocol';
import { RESTORE_CHUNK_MAX, type RestoreReply } from '../messaging/insight-protocol';
import { BACKUP_TABLES, checkBackup, type BackupFile, type BackupHeader, type BackupProblem } from './schema';
import { BACKUP_PAGE_MAX } from './read';
import type { RestoreReport } from './restore';

/** The pages' side of backup and restore: the background reads and writes, the page holds the file. */

export interface BackupResult {
  blob: Blob;
  counts: BackupHeader['counts'];
  createdAt: number;
}

/**
 * Reads every table a page at a time and assembles the file without ever holding it as one string. The counts are
 * those of the records actually written (a review stored while the backup runs may or may not be in it), and go last.
 */
export async function makeBackup(onProgress: (records: number) => void = () => undefined): Promise<BackupResult> {
  const header = await request({ type: 'backupHeader' });
  const { counts: _planned, ...head } = header;
  const parts: BlobPart[] = [JSON.stringify(head).slice(0, -1)];
  const counts = { reviews: 0, cases: 0, events: 0, promises: 0, buyerNotes: 0 };
  let total = 0;
  for (const table of BACKUP_TABLES) {
    parts.push(`,${JSON.stringify(table)}:[`);
    let after: string | number | null = null;
    do {
      const page: { records: unknown[]; next: string | number | null } = await request({ type: 'backupPage', table, after, limit: BACKUP_PAGE_MAX });
      if (page.records.length) parts.push(`${counts[table] ? ',' : ''}${JSON.stringify(page.records).slice(1, -1)}`);
      counts[table] += page.records.length;
      total += page.records.length;
      onProgress(total);
      after = page.next;
    } while (after !== null);
    parts.push(']');
  }
  parts.push(`,"counts":${JSON.stringify(counts)}}`);
  return { blob: new Blob(parts, { type: 'application/json' }), counts, createdAt: header.createdAt };
}

/** "评价回访台备份-2026-03-02-1830.json" in Beijing time. */
export function backupFileName(at: number, stamp: (at: number) => string): string {
  return `评价回访台备份-${stamp(at)}.json`;
}

export type RestoreOutcome = { ok: true; report: RestoreReport; settingsRestored: string[] } | { ok: false; problem: BackupProblem };

/**
 * Reads a chosen file, checks the whole of it here (so that a damaged or foreign file is refused before anything is
 * sent), then hands it to the background in chunks, which checks every record again and writes only when all arrived.
 */
export async function restoreFromText(text: string, onProgress: (records: number) => void = () => undefined): Promise<RestoreOutcome> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  // The database version is checked by the background, which knows it.
  const checked = checkBackup(value, Number.MAX_SAFE_INTEGER);
  if (!checked.ok) return checked;
  return sendBackup(checked.file, onProgress);
}

async function sendBackup(file: BackupFile, onProgress: (records: number) => void): Promise<RestoreOutcome> {
  const { reviews: _r, cases: _c, events: _e, promises: _p, buyerNotes: _b, ...header } = file;
  const begun = await request({ type: 'restoreBegin', header });
  if ('problem' in begun) return { ok: false, problem: begun.problem };
  let sent = 0;
  try {
    for (const table of BACKUP_TABLES) {
      const records = file[table] as unknown[];
      for (let i = 0; i < records.length; i += RESTORE_CHUNK_MAX) {
        const reply = await request({ type: 'restoreChunk', token: begun.token, table, records: records.slice(i, i + RESTORE_CHUNK_MAX) });
        if ('problem' in reply) return { ok: false, problem: reply.problem };
        sent += Math.min(RESTORE_CHUNK_MAX, records.length - i);
        onProgress(sent);
      }
    }
    const done: RestoreReply = await request({ type: 'restoreCommit', token: begun.token });
    return done;
  } catch (error) {
    await request({ type: 'restoreAbort', token: begun.token }).catch(() => null);
    throw error;
  }
}

/** Sums a report over the tables. */
export function reportTotals(report: RestoreReport): { added: number; updated: number; skipped: number } {
  return BACKUP_TABLES.reduce((s, t) => ({ added: s.added + report[t].added, updated: s.updated + report[t].updated, skipped: s.skipped + report[t].skipped }), { added: 0, updated: 0, skipped: 0 });
}
