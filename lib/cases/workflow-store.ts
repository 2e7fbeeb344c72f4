import type { ReviewDeskDB } from '../db/database';
import type { CaseCause, CaseEvent, CaseRecord, CaseStatus } from './schema';
import { isOpenStatus } from './schema';
import { outcomeInfo, statusAfter, type OutcomeCode } from './outcomes';
import { isOpenPromise, type PromiseRecord, type PromiseTerms, type RemedyKind } from './promises';
import { RequestRefused } from '../errors/refused';
import { emptyBuyerNote, type BuyerNote } from './buyer-notes';
import { DAY_MS } from '../time/beijing';
import { openDues, plainCase, plainPromise, reindexed, withOpenDue, type IndexedCase } from '../queue/fields';
import { announceCases } from '../queue/feed';

/** How long after logging an outcome it can still be undone (the UI offers a few seconds). */
export const UNDO_WINDOW_MS = 60_000;

export interface LogOutcomeInput {
  caseId: string;
  outcome: OutcomeCode;
  note?: string;
  /** For 约定时间: when the buyer agreed to act; a reminder fires then. */
  agreedAt?: number;
}

/** What an agent does to a case. Every change is one transaction and one history event with who and when. */
export class WorkflowStore {
  constructor(private db: ReviewDeskDB, private now: () => number = Date.now) {}

  /**
   * One change to a case with its history event, the case's queue fields computed again (its unkept promises read
   * in the same transaction, so a promise written just before counts). Callers announce the stored case once their
   * transaction has committed.
   */
  private async change(caseId: string, agent: string, edit: (c: CaseRecord, now: number) => { next: Partial<CaseRecord>; event: Omit<CaseEvent, 'caseId' | 'at' | 'by'> }): Promise<{ case: IndexedCase; eventSeq: number; event: CaseEvent }> {
    return this.db.transaction('rw', this.db.cases, this.db.events, this.db.promises, async () => {
      const [c, promises] = await Promise.all([this.db.cases.get(caseId), this.db.promises.where('caseId').equals(caseId).toArray()]);
      if (!c) throw new RequestRefused({ field: 'caseId', rule: 'not_found' }, 'case not found');
      const now = this.now();
      const { next, event } = edit(c, now);
      // An agent without a name (none set yet) does not take the case: it stays unassigned until a named agent works it.
      const updated: CaseRecord = { ...c, ...next, assignee: c.assignee ?? (agent || null), updatedAt: now, openedAt: c.openedAt ?? now };
      if (updated.status !== c.status) updated.statusChangedAt = now;
      const stored = reindexed(updated, now, openDues(promises));
      await this.db.cases.put(stored);
      const record: CaseEvent = { ...event, caseId, at: now, by: agent, from: c.status, to: updated.status };
      const eventSeq = (await this.db.events.add(record)) as number;
      return { case: stored, eventSeq, event: { ...record, seq: eventSeq } };
    });
  }

  /** A change made and committed: announced to the queue feed, answered without the store's bookkeeping. */
  private async changed(caseId: string, agent: string, edit: Parameters<WorkflowStore['change']>[2]): Promise<{ case: CaseRecord; eventSeq: number; event: CaseEvent }> {
    const result = await this.change(caseId, agent, edit);
    announceCases(this.db.name, [result.case]);
    return { case: plainCase(result.case), eventSeq: result.eventSeq, event: result.event };
  }

  /** Runs a promise operation and its case change in one transaction, then announces the case. */
  private async withPromise<T>(work: () => Promise<{ result: T; stored: IndexedCase }>): Promise<T> {
    const { result, stored } = await this.db.transaction('rw', this.db.cases, this.db.events, this.db.promises, work);
    announceCases(this.db.name, [stored]);
    return result;
  }

  /** One click: a contact attempt with its outcome, and the status it implies. */
  logOutcome(input: LogOutcomeInput, agent: string) {
    const info = outcomeInfo(input.outcome);
    return this.changed(input.caseId, agent, (c) => ({
      next: {
        status: statusAfter(c.status, input.outcome),
        agreedAt: input.outcome === 'agreed_time' ? (input.agreedAt ?? c.agreedAt) : c.agreedAt,
      },
      event: { kind: 'attempt', channel: info.channel, outcome: input.outcome, detail: input.note?.slice(0, 1000) || undefined, prevAgreedAt: c.agreedAt },
    }));
  }

  /** Takes back a just-logged outcome: the event goes and the case returns to how it was, if nothing else changed it since. */
  async undo(eventSeq: number): Promise<boolean> {
    const restored = await this.db.transaction('rw', this.db.cases, this.db.events, async () => {
      const event = await this.db.events.get(eventSeq);
      if (!event || event.kind !== 'attempt' || this.now() - event.at > UNDO_WINDOW_MS) return null;
      const c = await this.db.cases.get(event.caseId);
      const later = await this.db.events.where('caseId').equals(event.caseId).filter((e) => (e.seq ?? 0) > eventSeq).count();
      if (!c || later > 0) return null;
      await this.db.events.delete(eventSeq);
      const now = this.now();
      const next = reindexed({ ...c, status: event.from ?? c.status, agreedAt: event.prevAgreedAt ?? null, updatedAt: now }, now);
      await this.db.cases.put(next);
      return next;
    });
    if (restored) announceCases(this.db.name, [restored]);
    return !!restored;
  }

  /**
   * Takes the case for `agent` (team): when nobody holds it, or, knowingly (takeOver), from the colleague who does.
   * The history says who took it from whom. Null when nothing changed (already the agent's, or held and not taken).
   */
  async claim(caseId: string, agent: string, takeOver: boolean): Promise<CaseRecord | null> {
    const stored = await this.db.transaction('rw', this.db.cases, this.db.events, async () => {
      const c = await this.db.cases.get(caseId);
      if (!c) throw new RequestRefused({ field: 'caseId', rule: 'not_found' }, 'case not found');
      if (!agent || c.assignee === agent || (c.assignee && !takeOver)) return null;
      const now = this.now();
      const next = reindexed({ ...c, assignee: agent, updatedAt: now }, now);
      await this.db.cases.put(next);
      await this.db.events.add({ caseId, at: now, kind: 'assigned', by: agent, from: c.status, to: c.status, detail: c.assignee ? `${c.assignee} → ${agent}` : agent });
      return next;
    });
    if (!stored) return null;
    announceCases(this.db.name, [stored]);
    return plainCase(stored);
  }

  setStatus(caseId: string, status: CaseStatus, agent: string) {
    return this.changed(caseId, agent, () => ({ next: { status }, event: { kind: 'status' } }));
  }

  recordCopy(caseId: string, what: string, agent: string) {
    return this.changed(caseId, agent, () => ({ next: {}, event: { kind: 'copy', detail: what.slice(0, 200) } }));
  }

  addNote(caseId: string, note: string, agent: string) {
    return this.changed(caseId, agent, () => ({ next: {}, event: { kind: 'note', detail: note.slice(0, 1000) } }));
  }

  /** The agent's correction is kept: later automatic readings never overwrite it. */
  setCauses(caseId: string, causes: CaseCause[], agent: string) {
    return this.changed(caseId, agent, () => ({
      next: { causes, causesBy: 'agent' },
      event: { kind: 'causes', detail: causes.map((c) => c.code).join(',') },
    }));
  }

  async addPromise(input: { caseId: string; kind: RemedyKind; amountFen: number | null; dueAt: number; note: string }, agent: string): Promise<PromiseRecord> {
    return this.withPromise(async () => {
      const record: PromiseRecord = { ...input, createdAt: this.now(), createdBy: agent, fulfilledAt: null, fulfilledRef: null, cancelledAt: null, cancelReason: null };
      const id = (await this.db.promises.add(withOpenDue(record))) as number;
      const { case: stored } = await this.change(input.caseId, agent, () => ({ next: {}, event: { kind: 'promise', promiseId: id, detail: `${input.kind}${input.amountFen !== null ? ` ${input.amountFen}` : ''}` } }));
      return { result: { ...record, id }, stored };
    });
  }

  async fulfilPromise(promiseId: number, reference: string, agent: string): Promise<PromiseRecord> {
    return this.withPromise(async () => {
      const p = await this.openPromise(promiseId);
      const done: PromiseRecord = { ...p, fulfilledAt: this.now(), fulfilledRef: reference.slice(0, 200) || null };
      await this.db.promises.put(withOpenDue(done));
      const { case: stored } = await this.change(p.caseId, agent, () => ({ next: {}, event: { kind: 'promise-fulfilled', promiseId, detail: reference.slice(0, 200) } }));
      return { result: done, stored };
    });
  }

  /** Corrects a promise still to be kept (a mistyped amount or due date); the history keeps the terms before and after. */
  async changePromise(promiseId: number, terms: PromiseTerms, agent: string): Promise<PromiseRecord> {
    return this.withPromise(async () => {
      const p = await this.openPromise(promiseId);
      const from: PromiseTerms = { kind: p.kind, amountFen: p.amountFen, dueAt: p.dueAt, note: p.note };
      const to: PromiseTerms = { kind: terms.kind, amountFen: terms.amountFen, dueAt: terms.dueAt, note: terms.note };
      const changed: PromiseRecord = { ...p, ...to };
      await this.db.promises.put(withOpenDue(changed));
      const { case: stored } = await this.change(p.caseId, agent, () => ({ next: {}, event: { kind: 'promise-changed', promiseId, terms: { from, to } } }));
      return { result: changed, stored };
    });
  }

  /** Withdraws a promise still to be kept, with the reason; it is never overdue again, and the history says why. */
  async cancelPromise(promiseId: number, reason: string, agent: string): Promise<PromiseRecord> {
    return this.withPromise(async () => {
      const p = await this.openPromise(promiseId);
      const cancelled: PromiseRecord = { ...p, cancelledAt: this.now(), cancelReason: reason };
      await this.db.promises.put(withOpenDue(cancelled));
      const { case: stored } = await this.change(p.caseId, agent, () => ({ next: {}, event: { kind: 'promise-cancelled', promiseId, detail: reason } }));
      return { result: cancelled, stored };
    });
  }

  /** A promise that can still be kept, changed or cancelled; a kept or cancelled one is part of the record. */
  private async openPromise(promiseId: number): Promise<PromiseRecord> {
    const found = await this.db.promises.get(promiseId);
    const p = found && plainPromise(found);
    if (!p) throw new RequestRefused({ field: 'promiseId', rule: 'not_found' }, 'promise not found');
    if (!isOpenPromise(p)) throw new RequestRefused({ field: 'promiseId', rule: 'closed' }, 'promise already fulfilled or cancelled');
    return p;
  }

  async buyerNote(buyerKey: string): Promise<BuyerNote> {
    return (await this.db.buyerNotes.get(buyerKey)) ?? emptyBuyerNote(buyerKey);
  }

  async saveBuyerNote(note: Omit<BuyerNote, 'updatedAt' | 'updatedBy'>, agent: string): Promise<BuyerNote> {
    const saved: BuyerNote = { ...note, updatedAt: this.now(), updatedBy: agent };
    await this.db.buyerNotes.put(saved);
    return saved;
  }

  /** Promises still to be kept, soonest due first, read on the `openDue` index (a kept or cancelled one has none). */
  async openPromises(): Promise<PromiseRecord[]> {
    return (await this.db.promises.orderBy('openDue').toArray()).map(plainPromise);
  }

  /** How many promises are overdue at `now` (the toolbar turns red), counted on the index. */
  overdueCount(now: number = this.now()): Promise<number> {
    return this.db.promises.where('openDue').belowOrEqual(now).count();
  }

  /**
   * Retention: phone numbers of buyers whose cases have all been closed for longer than `days` are erased.
   * Notes on temperament stay (they hold no contact data); returns how many numbers were erased.
   */
  async purgeContactData(days: number): Promise<number> {
    const cutoff = this.now() - days * DAY_MS;
    return this.db.transaction('rw', this.db.buyerNotes, this.db.cases, async () => {
      let purged = 0;
      for (const note of await this.db.buyerNotes.filter((n) => n.phone !== '').toArray()) {
        const cases = await this.db.cases.where('buyerKey').equals(note.buyerKey).toArray();
        const stillActive = cases.some((c) => isOpenStatus(c.status) || c.statusChangedAt > cutoff);
        if (!stillActive) {
          await this.db.buyerNotes.put({ ...note, phone: '' });
          purged++;
        }
      }
      return purged;
    });
  }
}
