import type { ReviewDeskDB } from '../db/database';
import type { CaseRecord, CaseEvent } from '../cases/schema';
import type { PromiseRecord } from '../cases/promises';
import type { StoredReview } from '../reviews/schema';
import { openDues, sourcesFromReview, withOpenDue, withQueueFields, type IndexedCase } from '../queue/fields';
import { announceCases } from '../queue/feed';
import { causeText } from '../cases/causes';
import type { Change, Mutation, PushResult, ShopSettings } from './protocol';
import type { LocalSide } from './team-service';
import { buyerNoteMutation, caseMutations, eventMutation, promiseMutation, reviewMutation } from './mutations';
import { teamPromise } from './outbox';

export interface LocalSyncHooks {
  /** Cases the team changed, as now stored: the panel and the console tabs showing them are told. */
  casesChanged(ids: string[]): void;
  /** The lead's shop settings arrived. */
  shopSettings(settings: ShopSettings): Promise<void>;
  /** The server refused a mutation or a claim was lost: said in the service worker's log (the case itself shows the holder). */
  refused(results: PushResult[]): void;
  /** A colleague chose a case's causes: the shop's cause model learns from it as from a choice made here. */
  colleagueCauses?(choices: ColleagueCauses[]): Promise<void>;
  now?: () => number;
}

/** A colleague's choice of causes for a case, as it arrived (the case's text read from the stored review). */
export interface ColleagueCauses {
  caseId: string;
  text: string;
  causes: CaseRecord['causes'];
  /** The main cause this browser had before (and who had set it), for a correction or a confirmation. */
  was: { code: string | null; by: 'auto' | 'agent' };
  at: number;
  agent: string;
}

const UPLOAD_CHUNK = 500;
const newId = () => crypto.randomUUID();

/**
 * The browser's side of team sync on the local Dexie store: the outbox written by lib/team/outbox.ts, the team's
 * changes applied as full records (harmless twice or out of order), and the pull position per shop.
 */
export class LocalSync implements LocalSide {
  /** Outbox keys of the mutations last handed to the engine, by mutation id. */
  private sent = new Map<string, number>();

  constructor(private readonly db: ReviewDeskDB, private readonly shopId: string, private readonly hooks: LocalSyncHooks) {}

  private get now() {
    return (this.hooks.now ?? Date.now)();
  }

  async pendingMutations(limit: number): Promise<Mutation[]> {
    const entries = await this.db.outbox.orderBy('n').limit(limit).toArray();
    this.sent = new Map(entries.map((e) => [e.mutation.id, e.n!]));
    return entries.map((e) => e.mutation);
  }

  pendingCount(): Promise<number> {
    return this.db.outbox.count();
  }

  async settle(results: PushResult[]): Promise<void> {
    const done = results.flatMap((r) => (this.sent.has(r.id) ? [this.sent.get(r.id)!] : []));
    await this.db.outbox.bulkDelete(done);
    const refused = results.filter((r) => r.status === 'rejected' || r.status === 'conflict');
    if (refused.length) this.hooks.refused(refused);
  }

  async loadCursor(): Promise<string> {
    const stored = (await this.db.syncMeta.get(`cursor:${this.shopId}`))?.value;
    return typeof stored === 'string' && /^\d{1,19}$/.test(stored) ? stored : '0';
  }

  async saveCursor(cursor: string): Promise<void> {
    await this.db.syncMeta.put({ key: `cursor:${this.shopId}`, value: cursor });
  }

  /**
   * From now on every local write is queued for the team; the first time for this shop, everything stored before
   * connecting is queued too (the server merges it: a review two agents saw is one case).
   */
  async startRecording(account: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.syncMeta, async () => {
      await db.syncMeta.put({ key: 'recording', value: true });
    });
    db.team.recording = true;
    if ((await db.syncMeta.get(`uploaded:${this.shopId}`))?.value === true) return;
    await this.uploadExisting(account);
    await db.syncMeta.put({ key: `uploaded:${this.shopId}`, value: true });
  }

  async stopRecording(): Promise<void> {
    this.db.team.recording = false;
    await this.db.syncMeta.put({ key: 'recording', value: false });
    // What is written while solo is not queued: the next connect uploads everything again (the server merges it).
    await this.db.syncMeta.delete(`uploaded:${this.shopId}`);
  }

  /** Everything stored before the first connect, oldest first, in chunks (a year of a shop is ~100,000 records). */
  private async uploadExisting(account: string): Promise<void> {
    const at = this.now;
    const queue = (mutations: Mutation[]) => this.db.outbox.bulkAdd(mutations.map((mutation) => ({ mutation })));
    await this.chunks<StoredReview>('reviews', (rows) => queue(rows.map((r) => reviewMutation(r, at, newId))));
    // Work done before connecting was this agent's: a case they held is claimed for their account.
    await this.chunks<CaseRecord>('cases', (rows) => queue(rows.flatMap((c) => caseMutations(undefined, { ...c, assignee: c.assignee ? account : null }, at, newId))));
    await this.chunks<PromiseRecord>('promises', (rows) => queue(rows.map((p) => promiseMutation(teamPromise(p), undefined, at, newId))));
    const promiseUids = new Map((await this.db.promises.toArray()).map((p) => [p.id!, p.uid!]));
    await this.chunks<CaseEvent>('events', (rows) => queue(rows.map((e) => {
      const { seq: _seq, uid, promiseId, ...rest } = e;
      const promise = promiseId === undefined ? undefined : promiseUids.get(promiseId);
      return eventMutation({ ...rest, id: uid!, ...(promise ? { promiseId: promise } : {}) }, at, newId);
    })));
    await this.chunks('buyerNotes', (rows: Parameters<typeof buyerNoteMutation>[1][]) =>
      queue(rows.flatMap((n) => buyerNoteMutation(undefined, n, at, newId) ?? [])));
  }

  private async chunks<T>(table: 'reviews' | 'cases' | 'promises' | 'events' | 'buyerNotes', each: (rows: T[]) => Promise<unknown>): Promise<void> {
    const t = this.db.table(table);
    for (let offset = 0; ; offset += UPLOAD_CHUNK) {
      const rows = (await t.offset(offset).limit(UPLOAD_CHUNK).toArray()) as T[];
      if (!rows.length) return;
      await each(rows);
      if (rows.length < UPLOAD_CHUNK) return;
    }
  }

  /** The team's changes, as full records, in one transaction with nothing recorded back to the outbox. */
  async applyChanges(changes: Change[]): Promise<void> {
    const db = this.db;
    const now = this.now;
    const touched = new Set<string>();
    let settings: ShopSettings | null = null;
    const written: IndexedCase[] = [];
    const chosen: ColleagueCauses[] = [];
    await db.transaction('rw', [db.reviews, db.cases, db.events, db.promises, db.buyerNotes, db.syncMeta, db.outbox], async () => {
      const unsent = await unsentCaseEdits(db);
      for (const change of changes) {
        switch (change.entity) {
          case 'review': {
            const local = await db.reviews.get(change.review.id);
            if (!local || change.review.lastSeenAt >= local.lastSeenAt) await db.reviews.put(change.review);
            touched.add(change.review.id);
            break;
          }
          case 'case': {
            const local = await db.cases.get(change.case.id);
            if (change.case.causesBy === 'agent' && change.case.causes.length && !sameCauses(local?.causes, change.case.causes)) {
              const review = await db.reviews.get(change.case.id);
              chosen.push({
                caseId: change.case.id, text: review ? causeText(review) : '', causes: change.case.causes,
                was: { code: local?.causes[0]?.code ?? null, by: local?.causesBy ?? 'auto' }, at: change.case.updatedAt, agent: change.holder ?? '',
              });
            }
            // What this agent changed and has not sent yet stays on top until the server has it.
            await db.cases.put({ ...change.case, assignee: change.holder, ...unsent.get(change.case.id) } as IndexedCase);
            touched.add(change.case.id);
            break;
          }
          case 'event': {
            const { id, promiseId, undone, ...rest } = change.event;
            const local = await db.events.where('uid').equals(id).first();
            if (undone) {
              if (local) await db.events.delete(local.seq!);
            } else if (!local) {
              const promise = promiseId ? await db.promises.where('uid').equals(promiseId).first() : undefined;
              await db.events.add({ ...rest, uid: id, ...(promise ? { promiseId: promise.id } : {}) });
            }
            touched.add(rest.caseId);
            break;
          }
          case 'promise': {
            const { id, ...rest } = change.promise;
            const local = await db.promises.where('uid').equals(id).first();
            await db.promises.put(withOpenDue({ ...rest, uid: id, ...(local ? { id: local.id } : {}) } as PromiseRecord));
            touched.add(rest.caseId);
            break;
          }
          case 'buyerNote':
            await db.buyerNotes.put(change.buyerNote);
            break;
          case 'settings':
            settings = change.settings;
            break;
        }
      }
      // The queue fields of every touched case, from its review and open promises as they now are.
      for (const id of touched) {
        const c = await db.cases.get(id);
        if (!c) continue;
        const promises = await db.promises.where('caseId').equals(id).toArray();
        const indexed = withQueueFields(c, sourcesFromReview(await db.reviews.get(id), openDues(promises)), now);
        await db.cases.put(indexed);
        written.push(indexed);
      }
    });
    announceCases(db.name, written);
    if (written.length) this.hooks.casesChanged(written.map((c) => c.id));
    if (settings) await this.hooks.shopSettings(settings);
    const learnable = chosen.filter((c) => c.text.trim());
    if (learnable.length) await this.hooks.colleagueCauses?.(learnable);
  }
}

/** Per case, the fields of local edits still in the outbox (oldest first, so the newest wins). */
async function unsentCaseEdits(db: ReviewDeskDB): Promise<Map<string, Partial<CaseRecord>>> {
  const edits = new Map<string, Partial<CaseRecord>>();
  await db.outbox.each(({ mutation: m }) => {
    if (m.kind === 'case.set') edits.set(m.payload.caseId, { ...edits.get(m.payload.caseId), ...m.payload.fields });
    if (m.kind === 'case.claim') edits.set(m.payload.caseId, { ...edits.get(m.payload.caseId), assignee: m.payload.to });
  });
  return edits;
}

const sameCauses = (a: CaseRecord['causes'] | undefined, b: CaseRecord['causes']) =>
  JSON.stringify((a ?? []).map((c) => c.code)) === JSON.stringify(b.map((c) => c.code));
