import * as z from 'zod/mini';
import { StoredReview } from '../reviews/schema';
import { CaseEvent, CaseRecord } from '../cases/schema';
import { PromiseRecord } from '../cases/promises';
import { BuyerNote } from '../cases/buyer-notes';

/** What the first field of every backup file says: a JSON file without it is not ours. */
export const BACKUP_FORMAT = 'reviewdesk-backup';

/**
 * The version of the backup file's layout. A file from a newer version is refused (its records may mean things this
 * version does not know); older layouts are read by the steps in restore.ts.
 */
export const BACKUP_VERSION = 1;

export const BACKUP_TABLES = ['reviews', 'cases', 'events', 'promises', 'buyerNotes'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const count = z.number().check(z.int(), z.nonnegative());

/** Enough of a file to say whose it is and which version wrote it, read before anything else. */
export const BackupEnvelope = z.object({
  format: z.string(),
  backupVersion: z.number(),
});

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  backupVersion: z.number().check(z.int(), z.positive()),
  /** The database's schema version when the file was written (lib/db/database.ts). */
  dbVersion: z.number().check(z.int(), z.positive()),
  createdAt: z.number(),
  counts: z.object({ reviews: count, cases: count, events: count, promises: count, buyerNotes: count }),
  /** The settings as stored (preferences); each known field is checked again when it is restored. */
  settings: z.record(z.string(), z.unknown()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

/** Promises in a backup keep their id: events name their promise by it. */
export const BackupPromise = z.extend(PromiseRecord, { id: z.number().check(z.int()) });
export type BackupPromise = z.infer<typeof BackupPromise>;

/** Each table's records, as checked one by one. */
export const RECORD_SCHEMAS = {
  reviews: StoredReview,
  cases: CaseRecord,
  events: CaseEvent,
  promises: BackupPromise,
  buyerNotes: BuyerNote,
} as const;

export interface BackupRecords {
  reviews: StoredReview[];
  cases: CaseRecord[];
  events: CaseEvent[];
  promises: BackupPromise[];
  buyerNotes: BuyerNote[];
}

/** The whole file. */
export const BackupFile = z.extend(BackupHeader, {
  reviews: z.array(StoredReview),
  cases: z.array(CaseRecord),
  events: z.array(CaseEvent),
  promises: z.array(BackupPromise),
  buyerNotes: z.array(BuyerNote),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** Why a file cannot be restored, for the page to say in the agent's language. */
export type BackupProblem =
  | { kind: 'not-json' }
  | { kind: 'foreign' }
  | { kind: 'newer'; fileVersion: number; supported: number }
  | { kind: 'damaged'; where: string }
  | { kind: 'incomplete'; table: BackupTable; expected: number; received: number }
  | { kind: 'interrupted' };

export class BackupRefused extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`backup refused: ${problem.kind}${'where' in problem ? ` at ${problem.where}` : ''}`);
  }
}

/**
 * Says whether a parsed JSON value can be restored by this version: the format, then the version, then the whole
 * file against the schema. Nothing is written anywhere; a problem comes back as a BackupProblem.
 */
export function checkBackup(value: unknown, dbVersion: number): { ok: true; file: BackupFile } | { ok: false; problem: BackupProblem } {
  const envelope = BackupEnvelope.safeParse(value);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) return { ok: false, problem: { kind: 'foreign' } };
  const version = envelope.data.backupVersion;
  if (version > BACKUP_VERSION) return { ok: false, problem: { kind: 'newer', fileVersion: version, supported: BACKUP_VERSION } };
  const header = BackupHeader.safeParse(value);
  if (!header.success) return { ok: false, problem: { kind: 'damaged', where: pathOf(header.error.issues[0]?.path) } };
  if (header.data.dbVersion > dbVersion) return { ok: false, problem: { kind: 'newer', fileVersion: header.data.dbVersion, supported: dbVersion } };
  const file = BackupFile.safeParse(value);
  if (!file.success) return { ok: false, problem: { kind: 'damaged', where: pathOf(file.error.issues[0]?.path) } };
  for (const table of BACKUP_TABLES) {
    if (file.data[table].length !== file.data.counts[table]) {
      return { ok: false, problem: { kind: 'incomplete', table, expected: file.data.counts[table], received: file.data[table].length } };
    }
  }
  return { ok: true, file: file.data };
}

/** "cases[12].status": where a file is damaged, by position and field (never a value from it). */
export function pathOf(path: ReadonlyArray<PropertyKey> | undefined): string {
  if (!path?.length) return '(file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('').slice(0, 80);
}
