import * as z from 'zod/mini';
import { PeriodRange } from '../insight/period';
import { DrillPath } from '../insight/drill';
import type { DashboardData } from '../insight/dashboard';
import { ExportFilter, ExportKind } from '../export/filter';
import { BACKUP_TABLES, BackupHeader, type BackupProblem } from '../backup/schema';
import type { RestoreReport } from '../backup/restore';
import { BACKUP_PAGE_MAX } from '../backup/read';
import { DRILL_IDS_MAX } from '../insight/drill';

const token = z.string().check(z.minLength(1), z.maxLength(64));
const language = z.enum(['zh-CN', 'en']);

/** Rows per export message at most. */
export const EXPORT_PAGE_MAX = 2000;
/** Records per restore message at most (a backup's pages are BACKUP_PAGE_MAX). */
export const RESTORE_CHUNK_MAX = 5000;

/**
 * Requests of the dashboard, export and backup (extension pages only). Kept apart from protocol.ts so that the
 * insight feature owns its messages; protocol.ts joins them into the one Request union.
 */
export const INSIGHT_REQUESTS = [
  z.object({ type: z.literal('storeSummary') }),
  // Every case's facts computed again from the store (重新统计).
  z.object({ type: z.literal('insightRebuild') }),
  // Every figure for a period, computed in the background: the reply holds numbers, never records.
  z.object({ type: z.literal('dashboard'), range: PeriodRange }),
  // The cases behind one figure of a dashboard reply (its token), for the queue.
  z.object({ type: z.literal('dashboardDrill'), range: PeriodRange, token: z.optional(token), path: DrillPath }),
  // Export: the rows are prepared once, then fetched a page at a time.
  z.object({ type: z.literal('exportStart'), kind: ExportKind, range: PeriodRange, filter: ExportFilter, language, fullPhones: z.boolean() }),
  z.object({ type: z.literal('exportPage'), token, offset: z.number().check(z.int(), z.nonnegative()), limit: z.number().check(z.int(), z.gte(1), z.lte(EXPORT_PAGE_MAX)) }),
  // Backup: the header, then each table a page at a time (keyset), then the page says the file was saved.
  z.object({ type: z.literal('backupHeader') }),
  z.object({
    type: z.literal('backupPage'), table: z.enum(BACKUP_TABLES),
    after: z.nullable(z.union([z.string().check(z.maxLength(300)), z.number()])), limit: z.number().check(z.int(), z.gte(1), z.lte(BACKUP_PAGE_MAX)),
  }),
  z.object({ type: z.literal('backupSaved'), at: z.number() }),
  z.object({ type: z.literal('backupStatus') }),
  // Restore: header checked, records staged and checked chunk by chunk, written only at commit, all or nothing.
  z.object({ type: z.literal('restoreBegin'), header: z.unknown() }),
  z.object({
    type: z.literal('restoreChunk'), token, table: z.enum(BACKUP_TABLES),
    records: z.array(z.unknown()).check(z.maxLength(RESTORE_CHUNK_MAX)),
  }),
  z.object({ type: z.literal('restoreCommit'), token }),
  z.object({ type: z.literal('restoreAbort'), token }),
] as const;

export type RestoreReply = { ok: true; report: RestoreReport; settingsRestored: string[] } | { ok: false; problem: BackupProblem };

export interface InsightResponses {
  /** How much the store holds: what the dashboard says when it has nothing to show yet. */
  storeSummary: { reviews: number; cases: number };
  insightRebuild: { cases: number };
  dashboard: DashboardData & { token: string };
  /** `caseIds` capped at DRILL_IDS_MAX; `total` is the figure's own count of cases. */
  dashboardDrill: { caseIds: string[]; total: number } | null;
  exportStart: { token: string; total: number; header: string[] };
  exportPage: { rows: string[][] };
  backupHeader: BackupHeader;
  backupPage: { records: unknown[]; next: string | number | null };
  backupSaved: null;
  backupStatus: { lastBackupAt: number | null; teamConnected: boolean; reminderDue: boolean };
  restoreBegin: { token: string } | { problem: BackupProblem };
  restoreChunk: { received: number } | { problem: BackupProblem };
  restoreCommit: RestoreReply;
  restoreAbort: null;
}

export { DRILL_IDS_MAX };
