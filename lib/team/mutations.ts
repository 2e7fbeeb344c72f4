import type { CaseRecord } from '../cases/schema';
import type { StoredReview } from '../reviews/schema';
import type { BuyerNote } from '../cases/buyer-notes';
import { CaseFields, type BuyerNoteFields, type Mutation, type PromiseField, type ShopSettingsFields, type TeamEvent, type TeamPromise } from './protocol';

/** A fresh mutation id: the server keeps each id once, so a push repeated after a lost answer changes nothing. */
export type NewId = () => string;

type Made<K extends Mutation['kind']> = Extract<Mutation, { kind: K }>;
const make = <K extends Mutation['kind']>(kind: K, payload: Made<K>['payload'], at: number, newId: NewId): Made<K> =>
  ({ id: newId(), at, kind, payload }) as Made<K>;

/** The case fields the team shares; what the browser derives for its own indexes (queue rank…) stays local. */
const SHARED_CASE_FIELDS = Object.keys(CaseFields.shape) as Array<keyof CaseFields>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What the team must hear of one case write: its creation, the fields that changed (the server merges per field, so
 * an agent's status change never undoes a colleague's note on the same case), and a change of holder as a claim
 * (compare-and-set: it fails if someone else took the case first).
 */
export function caseMutations(before: CaseRecord | undefined, after: CaseRecord, at: number, newId: NewId): Mutation[] {
  const shared = Object.fromEntries(SHARED_CASE_FIELDS.filter((f) => f in after).map((f) => [f, after[f]])) as CaseFields;
  if (!before) {
    const created: Mutation[] = [make('case.create', { case: { ...pickCase(after), assignee: null } }, at, newId)];
    if (after.assignee) created.push(make('case.claim', { caseId: after.id, from: null, to: after.assignee }, at, newId));
    return created;
  }
  const out: Mutation[] = [];
  const fields = Object.fromEntries(Object.entries(shared).filter(([f, v]) => !same(before[f as keyof CaseRecord], v))) as CaseFields;
  if (Object.keys(fields).length) out.push(make('case.set', { caseId: after.id, fields }, at, newId));
  if ((before.assignee ?? null) !== (after.assignee ?? null)) {
    out.push(make('case.claim', { caseId: after.id, from: before.assignee ?? null, to: after.assignee ?? null }, at, newId));
  }
  return out;
}

/** Only the record's own fields: a case as stored locally carries derived index fields the server does not know. */
function pickCase(c: CaseRecord): CaseRecord {
  const keys = [...SHARED_CASE_FIELDS, 'id', 'platform', 'platformReviewId', 'assignee'] as const;
  return Object.fromEntries(keys.filter((k) => k in c).map((k) => [k, c[k as keyof CaseRecord]])) as CaseRecord;
}

export const reviewMutation = (review: StoredReview, at: number, newId: NewId): Mutation =>
  make('review.observe', { review }, at, newId);

export const eventMutation = (event: TeamEvent, at: number, newId: NewId): Mutation => make('event.append', { event }, at, newId);

/** An undo never deletes: it marks the event undone, for every browser. */
export const undoMutation = (eventId: string, at: number, newId: NewId): Mutation => make('event.set', { id: eventId, undone: true }, at, newId);

/** A new promise (all fields), or an edit naming the fields it changed (fulfilled, corrected, cancelled). */
export const promiseMutation = (promise: TeamPromise, fields: PromiseField[] | undefined, at: number, newId: NewId): Mutation =>
  make('promise.put', { promise, ...(fields ? { fields } : {}) }, at, newId);

const NOTE_FIELDS = ['temperament', 'whatWorked', 'doNotContact', 'phone', 'routine'] as const;

export function buyerNoteMutation(before: BuyerNote | undefined, after: BuyerNote, at: number, newId: NewId): Mutation | null {
  const fields = Object.fromEntries(NOTE_FIELDS.filter((f) => f in after && !same(before?.[f], after[f])).map((f) => [f, after[f]])) as BuyerNoteFields;
  return Object.keys(fields).length ? make('buyerNote.set', { buyerKey: after.buyerKey, fields }, at, newId) : null;
}

const SHOP_SETTING_FIELDS = ['shopName', 'promiseDueHours', 'contactRetentionDays', 'contactTiming'] as const;

/** The shop's shared settings among what the lead saved (the language and the agent's name stay personal). */
export function shopSettingsMutation(saved: Record<string, unknown>, at: number, newId: NewId): Mutation | null {
  const fields = Object.fromEntries(SHOP_SETTING_FIELDS.filter((f) => f in saved).map((f) => [f, saved[f]])) as ShopSettingsFields;
  return Object.keys(fields).length ? make('settings.set', { fields }, at, newId) : null;
}
