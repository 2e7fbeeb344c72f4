import type { ReviewDeskDB } from '../db/database';
import type { CaseEvent, CaseRecord } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import type { Language } from '../i18n';
import { dayIndex, type PeriodRange } from '../insight/period';
import type { ExportFilter, ExportKind } from './filter';
import { attemptRow, caseRow, COLUMNS, matchesExportFilter, promiseRow } from './rows';
import { exportText } from './labels';

export interface ExportRequest {
  kind: ExportKind;
  range: PeriodRange;
  filter: ExportFilter;
  language: Language;
  /** The lead asked for full phone numbers; otherwise they are masked (138****5678). */
  fullPhones: boolean;
}

export interface ExportTable {
  header: string[];
  rows: string[][];
}

const groupBy = <T>(items: T[], key: (t: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

/**
 * The rows of one export, read through the indexes: cases whose review falls in the period (and match the filter),
 * or the contact attempts and promises made in the period on cases that match it. Oldest first.
 */
export async function buildExport(db: ReviewDeskDB, reviewedIds: (from: number, to: number) => Promise<string[]>, req: ExportRequest, now: number): Promise<ExportTable> {
  const header = COLUMNS[req.kind].map((k) => exportText(req.language, k));
  const lang = req.language;
  if (req.kind === 'cases') {
    // The cases reviewed in the period, found through the dashboard's facts (an index on review time).
    const cases = (await db.cases.bulkGet(await reviewedIds(req.range.from, req.range.to)))
      .filter((c): c is CaseRecord => !!c && matchesExportFilter(c, req.filter))
      .sort((a, b) => (a.reviewTime ?? a.createdAt) - (b.reviewTime ?? b.createdAt) || (a.id < b.id ? -1 : 1));
    const ids = cases.map((c) => c.id);
    const buyerKeys = [...new Set(cases.map((c) => c.buyerKey).filter((k): k is string => !!k))];
    const [reviews, events, promises, notes] = await Promise.all([
      db.reviews.bulkGet(ids),
      ids.length ? db.events.where('caseId').anyOf(ids).toArray() : Promise.resolve([] as CaseEvent[]),
      ids.length ? db.promises.where('caseId').anyOf(ids).toArray() : Promise.resolve([] as PromiseRecord[]),
      db.buyerNotes.bulkGet(buyerKeys),
    ]);
    const eventsOf = groupBy(events, (e) => e.caseId);
    const promisesOf = groupBy(promises, (p) => p.caseId);
    const noteOf = new Map(notes.filter((n) => !!n).map((n) => [n!.buyerKey, n!]));
    const rows = cases.map((c, i) => caseRow({
      case: c, review: reviews[i], events: eventsOf.get(c.id) ?? [], promises: promisesOf.get(c.id) ?? [],
      note: c.buyerKey ? noteOf.get(c.buyerKey) : undefined,
    }, lang, req.fullPhones));
    return { header, rows };
  }
  const acts: Array<CaseEvent | PromiseRecord> = req.kind === 'attempts'
    ? (await db.events.where('at').between(req.range.from, req.range.to, true, false).toArray()).filter((e) => e.kind === 'attempt')
    : (await db.promises.toArray()).filter((p) => dayIndex(req.range, p.createdAt) >= 0);
  const caseIds = [...new Set(acts.map((a) => a.caseId))];
  const cases = new Map((await db.cases.bulkGet(caseIds)).filter((c): c is CaseRecord => !!c).map((c) => [c.id, c]));
  const timeOf = (a: CaseEvent | PromiseRecord) => ('at' in a ? a.at : a.createdAt);
  const shown = acts.filter((a) => cases.has(a.caseId) && matchesExportFilter(cases.get(a.caseId)!, req.filter)).sort((a, b) => timeOf(a) - timeOf(b));
  const rows = shown.map((a) => ('at' in a ? attemptRow(a, cases.get(a.caseId)!, lang) : promiseRow(a, cases.get(a.caseId)!, lang, now)));
  return { header, rows };
}
