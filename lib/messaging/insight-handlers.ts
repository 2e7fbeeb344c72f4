import type { Request, ResponseMap } from './protocol';
import type { BackgroundPorts } from './handlers';
import { computeDashboard, dashboardFigures, type DashboardFigures } from '../insight/dashboard';
import { LocalInsightSource } from '../insight/source';
import { counted, tallyAt } from '../insight/tally';
import { DRILL_IDS_MAX } from '../insight/drill';
import { loadPreferences, restorePreferences, storedPreferences } from '../settings/preferences';
import { parseContactTimingSettings } from '../contact-timing/policy';
import { buildExport, type ExportTable } from '../export/build';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, BackupEnvelope, BackupHeader, RECORD_SCHEMAS, pathOf, type BackupRecords, type BackupTable } from '../backup/schema';
import { readBackupPage, tableCounts } from '../backup/read';
import { restoreRecords, type RestoreIndexer } from '../backup/restore';
import { storeIndexer } from '../backup/store-indexer';
import { backupReminderDue, loadBackupState, saveBackupState, teamConnected } from '../backup/state';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** Dashboard computations kept for the clicks on their figures (the newest few; a few MB at most). */
const KEEP_COMPUTATIONS = 4;
/** Figures of a period are reused for at most this long when nothing was written. */
const FIGURES_FRESH_MS = 60_000;
/** An export's rows wait this long for the page to fetch them. */
const EXPORT_TTL_MS = 10 * 60_000;

const newToken = () => crypto.randomUUID();

/** Keeps the newest `max` entries of a map in insertion order. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

export interface InsightHandlerOptions {
  /** How restored records get the store's derived fields (the queue's, by default). */
  restoreIndexer?: RestoreIndexer;
  now?: () => number;
}

/** Handlers of the dashboard, export and backup: read through indexes, never load the whole store into a page. */
export function createInsightHandlers(p: BackgroundPorts, opts: InsightHandlerOptions = {}) {
  const now = opts.now ?? Date.now;
  const source = new LocalInsightSource(p.db);
  // A team server's source would answer the same questions (lib/insight/source.ts); until then, the local store.
  const exports = new Map<string, { table: ExportTable; at: number }>();
  const indexer = opts.restoreIndexer ?? storeIndexer(p.db);
  const restores = new Map<string, { records: BackupRecords; expected: BackupHeader['counts']; settings: Record<string, unknown> }>();

  /**
   * The last figures of each period, reused while nothing was written since (the facts' generation) and for a minute
   * at most (overdue promises and closing windows move with the clock). Settings are part of the key. Two kinds:
   * 'days' (added up from the daily aggregate: what opens the page) and 'cases' (with the cases behind each number:
   * what a click reads).
   */
  const recent = new Map<string, { figures: DashboardFigures; generation: number; at: number; settings: string }>();
  const figuresFor = async (range: Req<'dashboard'>['range'], kind: 'days' | 'cases'): Promise<DashboardFigures> => {
    await source.ready();
    const key = `${kind}:${range.from}-${range.to}`;
    const prefs = await loadPreferences();
    const settings = JSON.stringify([prefs.payScheme, prefs.contactTiming]);
    const kept = recent.get(key);
    if (kept && kept.generation === source.facts.generation && now() - kept.at < FIGURES_FRESH_MS && kept.settings === settings) return kept.figures;
    const generation = source.facts.generation;
    const options = { cap: maxCalls(prefs.contactTiming), pay: prefs.payScheme };
    const figures = await (kind === 'days' ? dashboardFigures : computeDashboard)(source, range, now(), options);
    remember(recent, key, { figures, generation, at: now(), settings }, 2 * KEEP_COMPUTATIONS);
    return figures;
  };

  return {
    insightRebuild: async (_req: Req<'insightRebuild'>): Promise<ResponseMap['insightRebuild']> => {
      recent.clear();
      return { cases: await source.facts.rebuild() };
    },

    storeSummary: async (_req: Req<'storeSummary'>): Promise<ResponseMap['storeSummary']> => {
      const [reviews, cases] = await Promise.all([p.db.reviews.count(), p.db.cases.count()]);
      return { reviews, cases };
    },

    dashboard: async (req: Req<'dashboard'>): Promise<ResponseMap['dashboard']> => {
      const figures = await figuresFor(req.range, 'days');
      return { ...counted(figures), token: `${source.facts.generation}` };
    },

    dashboardDrill: async (req: Req<'dashboardDrill'>): Promise<ResponseMap['dashboardDrill']> => {
      // The cases behind the number: the risk figures and the promises name theirs in the figures the page shows;
      // the others are counted again from the period's cases (the same rules as the page's sums, contrib.ts).
      const shown = tallyAt(await figuresFor(req.range, 'days'), req.path);
      const tally = shown?.knowsCases ? shown : tallyAt(await figuresFor(req.range, 'cases'), req.path);
      if (!tally) return null;
      const ids = await tally.caseIds();
      return { caseIds: [...new Set(ids)].slice(0, DRILL_IDS_MAX), total: new Set(ids).size };
    },

    exportStart: async (req: Req<'exportStart'>): Promise<ResponseMap['exportStart']> => {
      for (const [k, v] of exports) if (now() - v.at > EXPORT_TTL_MS) exports.delete(k);
      await source.ready();
      const table = await buildExport(p.db, (from, to) => source.reviewedBetween(from, to).then((fs) => fs.map((f) => f.id)), { kind: req.kind, range: req.range, filter: req.filter, language: req.language, fullPhones: req.fullPhones }, now());
      const token = newToken();
      remember(exports, token, { table, at: now() }, 3);
      return { token, total: table.rows.length, header: table.header };
    },

    exportPage: async (req: Req<'exportPage'>): Promise<ResponseMap['exportPage']> => {
      const found = exports.get(req.token);
      if (!found) throw new Error('export expired: start it again');
      const rows = found.table.rows.slice(req.offset, req.offset + req.limit);
      if (req.offset + req.limit >= found.table.rows.length) exports.delete(req.token);
      return { rows };
    },

    backupHeader: async (_req: Req<'backupHeader'>): Promise<ResponseMap['backupHeader']> => ({
      format: BACKUP_FORMAT, backupVersion: BACKUP_VERSION, dbVersion: p.db.verno, createdAt: now(),
      counts: await tableCounts(p.db), settings: await storedPreferences(),
    }),

    backupPage: (req: Req<'backupPage'>): Promise<ResponseMap['backupPage']> => readBackupPage(p.db, req.table, req.after, req.limit),

    backupSaved: async (req: Req<'backupSaved'>): Promise<ResponseMap['backupSaved']> => {
      await saveBackupState({ lastBackupAt: Math.min(req.at, now()) });
      return null;
    },

    backupStatus: async (_req: Req<'backupStatus'>): Promise<ResponseMap['backupStatus']> => {
      const [state, team, oldest] = await Promise.all([loadBackupState(), teamConnected(), p.db.cases.orderBy('createdAt').first()]);
      return {
        lastBackupAt: state.lastBackupAt, teamConnected: team,
        reminderDue: backupReminderDue({ lastBackupAt: state.lastBackupAt, oldestCaseAt: oldest?.createdAt ?? null, teamConnected: team, now: now() }),
      };
    },

    restoreBegin: async (req: Req<'restoreBegin'>): Promise<ResponseMap['restoreBegin']> => {
      const envelope = BackupEnvelope.safeParse(req.header);
      if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) return { problem: { kind: 'foreign' } };
      if (envelope.data.backupVersion > BACKUP_VERSION) return { problem: { kind: 'newer', fileVersion: envelope.data.backupVersion, supported: BACKUP_VERSION } };
      const header = BackupHeader.safeParse(req.header);
      if (!header.success) return { problem: { kind: 'damaged', where: pathOf(header.error.issues[0]?.path) } };
      if (header.data.dbVersion > p.db.verno) return { problem: { kind: 'newer', fileVersion: header.data.dbVersion, supported: p.db.verno } };
      restores.clear(); // one restore at a time: a new one abandons an unfinished one (nothing of it was written)
      const token = newToken();
      restores.set(token, {
        records: { reviews: [], cases: [], events: [], promises: [], buyerNotes: [] },
        expected: header.data.counts, settings: header.data.settings,
      });
      return { token };
    },

    restoreChunk: async (req: Req<'restoreChunk'>): Promise<ResponseMap['restoreChunk']> => {
      const staged = restores.get(req.token);
      if (!staged) return { problem: { kind: 'interrupted' } };
      const list = staged.records[req.table] as unknown[];
      const schema = RECORD_SCHEMAS[req.table];
      for (let i = 0; i < req.records.length; i++) {
        const checked = schema.safeParse(req.records[i]);
        if (!checked.success) {
          restores.delete(req.token);
          return { problem: { kind: 'damaged', where: pathOf([req.table, list.length, ...(checked.error.issues[0]?.path ?? [])]) } };
        }
        list.push(checked.data);
      }
      if (list.length > staged.expected[req.table]) {
        restores.delete(req.token);
        return { problem: { kind: 'incomplete', table: req.table, expected: staged.expected[req.table], received: list.length } };
      }
      return { received: list.length };
    },

    restoreCommit: async (req: Req<'restoreCommit'>): Promise<ResponseMap['restoreCommit']> => {
      const staged = restores.get(req.token);
      restores.delete(req.token);
      if (!staged) return { ok: false, problem: { kind: 'interrupted' } };
      for (const table of BACKUP_TABLES) {
        const received = staged.records[table].length;
        if (received !== staged.expected[table]) return { ok: false, problem: { kind: 'incomplete', table, expected: staged.expected[table], received } };
      }
      const report = await restoreRecords(p.db, staged.records, now(), indexer);
      const settingsRestored = await restorePreferences(staged.settings);
      p.changed('cases'); // no ids: any case may have changed
      await p.reschedule();
      return { ok: true, report, settingsRestored };
    },

    restoreAbort: async (req: Req<'restoreAbort'>): Promise<ResponseMap['restoreAbort']> => {
      restores.delete(req.token);
      return null;
    },
  };
}

/** The shop's cap on phone attempts per case (the contact-timing settings; the default when they cannot be read). */
function maxCalls(raw: Record<string, unknown>): number {
  try {
    return parseContactTimingSettings(raw).maxPhoneAttempts;
  } catch {
    return parseContactTimingSettings({}).maxPhoneAttempts;
  }
}

export type { BackupTable };
