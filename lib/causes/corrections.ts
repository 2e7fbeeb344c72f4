/**
 * What an agent's click on a cause records: a correction (the main cause was wrong) or a confirmation (it was
 * right). Each record stands alone, so that it can later travel through the team server (issue 10) and teach
 * every agent's browser of the shop: a global id, who and when, and the review's words it is about.
 */
import * as z from 'zod/mini';
import { CauseCodeSchema, type CauseCode } from './taxonomy';
import type { ShopLabel } from './shop-training';

/** Longest review text kept with a record (a review and its follow-up fit comfortably). */
export const RECORD_TEXT_MAX = 2000;

export const CorrectionRecord = z.object({
  /** Globally unique (crypto.randomUUID): the same record synced twice is one record. */
  id: z.string().check(z.minLength(8), z.maxLength(64)),
  /** When the agent chose (ms since 1970). */
  at: z.number().check(z.int(), z.nonnegative()),
  /** The agent's name as set in the panel ('' when none is set yet). */
  agent: z.string().check(z.maxLength(60)),
  kind: z.enum(['correction', 'confirmation']),
  /** The case it is about (platform:review id, the same in every browser of the shop). */
  caseId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The words the causes were read from: the review and its follow-up. */
  text: z.string().check(z.minLength(1), z.maxLength(RECORD_TEXT_MAX)),
  /** The main cause the agent chose. */
  primary: CauseCodeSchema,
  /** Every cause the agent left on the case, the main one first. */
  causes: z.array(CauseCodeSchema).check(z.maxLength(12)),
  /** The main cause shown before the click, and whether an agent or the classifier had set it. */
  was: z.nullable(CauseCodeSchema),
  wasBy: z.enum(['auto', 'agent']),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;

export interface RecordInput {
  caseId: string;
  text: string;
  causes: readonly CauseCode[];
  was: CauseCode | null;
  wasBy: 'auto' | 'agent';
  agent: string;
}

/** A new record: a confirmation when the main cause stays what was shown, else a correction. */
export function newRecord(input: RecordInput, at: number, id: string = crypto.randomUUID()): CorrectionRecord {
  const [primary, ...rest] = input.causes;
  if (!primary) throw new Error('a correction names at least one cause');
  return CorrectionRecord.parse({
    id,
    at,
    agent: input.agent.slice(0, 60),
    kind: primary === input.was ? 'confirmation' : 'correction',
    caseId: input.caseId,
    text: input.text.slice(0, RECORD_TEXT_MAX),
    primary,
    causes: [...new Set([primary, ...rest])],
    was: input.was,
    wasBy: input.wasBy,
  });
}

/**
 * What the shop's model learns from: one label per case (its latest record: an agent who changes their mind, or a
 * colleague who corrects them, replaces the earlier label), only records made after `since` (a reset).
 * Ordered by time, then id, so that every browser with the same records trains the same model.
 */
export function labelsFrom(records: readonly CorrectionRecord[], since: number | null = null): Array<ShopLabel & { id: string }> {
  const latest = new Map<string, CorrectionRecord>();
  for (const r of records) {
    if (since !== null && r.at <= since) continue;
    const seen = latest.get(r.caseId);
    if (!seen || r.at > seen.at || (r.at === seen.at && r.id > seen.id)) latest.set(r.caseId, r);
  }
  return [...latest.values()]
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ id: r.id, text: r.text, primary: r.primary, causes: r.causes, kind: r.kind }));
}

/** Records merged from another browser (the team server): new ids are added, known ones ignored. */
export function mergeRecords(mine: readonly CorrectionRecord[], theirs: readonly CorrectionRecord[]): CorrectionRecord[] {
  const ids = new Set(mine.map((r) => r.id));
  return [...mine, ...theirs.filter((r) => !ids.has(r.id))];
}
