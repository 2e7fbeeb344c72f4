import * as z from 'zod/mini';
import type { BadgeInfo } from '../cases/badge-info';
import type { CaseDetail, CaseView } from '../cases/case-store';
import { CaseCause, CaseStatus, NOTE_MAX } from '../cases/schema';
import { QueueFilterSchema } from '../cases/queue';
import { OutcomeCode } from '../cases/outcomes';
import { AMOUNT_FEN_MAX, CANCEL_REASON_MAX, PROMISE_NOTE_MAX, PROMISE_REFERENCE_MAX, RemedyKind, type PromiseRecord } from '../cases/promises';
import { SANE_TIME_RANGE } from '../time/beijing';
import { RequestRefused, type RequestProblem } from '../errors/refused';
import { BuyerNote } from '../cases/buyer-notes';
import { Preferences, PreferencesPatch } from '../settings/preferences';
import type { CaseEvent, CaseRecord } from '../cases/schema';
import type { ContactRecommendation } from '../contact-timing/recommend';
import { INSIGHT_REQUESTS, type InsightResponses } from './insight-protocol';
import { LEARNING_REQUESTS, type LearningResponses } from './learning-protocol';
import { TEAM_REQUESTS, type TeamResponses } from './team-protocol';
import type { TeamView } from '../team/connection';

/** What a content script reports about the page it runs on; never review text, nicks or ids. */
export const PageReport = z.object({
  page: z.string().check(z.maxLength(300)),
  family: z.nullable(z.enum(['qianniu', 'taobao-legacy', 'tmall'])),
  kind: z.enum(['review-list', 'other-console']),
  state: z.enum(['reading', 'recognised', 'unrecognised']),
  rows: z.number(),
  badges: z.number(),
  diagnostic: z.optional(z.string().check(z.maxLength(20000))),
  /** Reviews the page showed that could not be stored, by reason (SkipReason); they cost only themselves. */
  skipped: z.optional(z.record(z.string().check(z.maxLength(40)), z.number())),
  /** Failures of the content script by place (lib/errors/report.ts); places only, never messages or page text. */
  errors: z.optional(z.array(z.object({ place: z.string().check(z.maxLength(60)), count: z.number() })).check(z.maxLength(50))),
});
export type PageReport = z.infer<typeof PageReport>;

const caseId = z.string().check(z.minLength(1), z.maxLength(200));

/** Queue entries per queryQueue reply at most (a screen or two). */
export const QUERY_LIMIT_MAX = 200;

/** Reviews per ingest message at most (content scripts send 250 at a time). */
export const INGEST_MAX = 2000;

/** Why a review a page showed was not stored; counted in the page report, never with its content. */
export type SkipReason = 'no-id' | 'id-too-long' | 'bad-shape' | 'rejected';

/** A due date or an agreed time: 2000–2100 (Beijing), so a typo such as year 0001 or 1e20 never reaches the store. */
const saneTime = z.number().check(z.gte(SANE_TIME_RANGE.from), z.lt(SANE_TIME_RANGE.until));

/** What a promise says, as the panel sends it when recording or correcting one. */
const promiseTerms = {
  kind: RemedyKind,
  amountFen: z.nullable(z.number().check(z.int(), z.nonnegative(), z.maximum(AMOUNT_FEN_MAX))),
  dueAt: saneTime,
  note: z.string().check(z.maxLength(PROMISE_NOTE_MAX)),
};

/** Every request any context sends to the background, the one owner of the database. */
export const Request = z.discriminatedUnion('type', [
  // Each review is checked on its own by the handler (one odd review must not cost the others), so the
  // envelope takes unknown items; the count is capped, and the page is sent as origin + path.
  z.object({ type: z.literal('ingest'), pageUrl: z.string().check(z.maxLength(2000)), reviews: z.array(z.unknown()).check(z.maxLength(INGEST_MAX)) }),
  z.object({ type: z.literal('reportPage'), report: PageReport }),
  z.object({ type: z.literal('openCase'), caseId }),
  z.object({ type: z.literal('badges'), caseIds: z.array(caseId).check(z.maxLength(5000)) }),
  // One window of the queue: the panel never asks for the whole store.
  z.object({
    type: z.literal('queryQueue'), filter: QueueFilterSchema,
    offset: z.number().check(z.int(), z.nonnegative()), limit: z.number().check(z.int(), z.gte(1), z.lte(QUERY_LIMIT_MAX)),
  }),
  z.object({ type: z.literal('getCase'), caseId }),
  z.object({ type: z.literal('markOpened'), caseId }),
  z.object({ type: z.literal('getPageState'), tabId: z.optional(z.number()) }),
  // The agent's workflow (side panel only).
  z.object({ type: z.literal('logOutcome'), caseId, outcome: OutcomeCode, note: z.optional(z.string().check(z.maxLength(NOTE_MAX))), agreedAt: z.optional(saneTime) }),
  z.object({ type: z.literal('undo'), eventSeq: z.number() }),
  // Team: the agent takes over a case a colleague holds (after being told who).
  z.object({ type: z.literal('takeCase'), caseId }),
  z.object({ type: z.literal('setStatus'), caseId, status: CaseStatus }),
  z.object({ type: z.literal('recordCopy'), caseId, what: z.string().check(z.maxLength(200)) }),
  z.object({ type: z.literal('addNote'), caseId, note: z.string().check(z.minLength(1), z.maxLength(NOTE_MAX)) }),
  z.object({ type: z.literal('setCauses'), caseId, causes: z.array(CaseCause).check(z.maxLength(12)) }),
  z.object({ type: z.literal('addPromise'), caseId, ...promiseTerms }),
  z.object({ type: z.literal('changePromise'), promiseId: z.number(), ...promiseTerms }),
  z.object({ type: z.literal('cancelPromise'), promiseId: z.number(), reason: z.string().check(z.minLength(1), z.maxLength(CANCEL_REASON_MAX)) }),
  z.object({ type: z.literal('fulfilPromise'), promiseId: z.number(), reference: z.string().check(z.maxLength(PROMISE_REFERENCE_MAX)) }),
  z.object({ type: z.literal('saveBuyerNote'), note: z.omit(BuyerNote, { updatedAt: true, updatedBy: true }) }),
  z.object({ type: z.literal('contactAdvice'), caseId, buyerOnlineNow: z.boolean() }),
  z.object({ type: z.literal('getSettings') }),
  z.object({ type: z.literal('saveSettings'), settings: PreferencesPatch }),
  ...INSIGHT_REQUESTS,
  ...LEARNING_REQUESTS,
  ...TEAM_REQUESTS,
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

export interface PageState {
  report: PageReport | null;
  /** True when the report is about another tab than the one asked for (e.g. the panel opened as a tab). */
  fromOtherTab: boolean;
}

export interface ResponseMap extends InsightResponses, LearningResponses, TeamResponses {
  /** rejected: positions in `reviews` of those that failed the schema, with the first failing field's path. */
  ingest: { badges: BadgeInfo[]; language: 'zh-CN' | 'en'; rejected: Array<{ index: number; field: string }> };
  reportPage: null;
  openCase: { opened: boolean };
  badges: BadgeInfo[];
  queryQueue: QueueQueryResult;
  getCase: CaseDetail | null;
  markOpened: null;
  getPageState: PageState;
  /** The logged attempt as stored: the panel shows it in the history without reading the case again. */
  logOutcome: { case: CaseRecord; eventSeq: number; event: CaseEvent };
  undo: { undone: boolean };
  takeCase: { case: CaseRecord | null };
  setStatus: { case: CaseRecord };
  recordCopy: null;
  addNote: null;
  setCauses: null;
  addPromise: PromiseRecord;
  changePromise: PromiseRecord;
  cancelPromise: PromiseRecord;
  fulfilPromise: PromiseRecord;
  saveBuyerNote: BuyerNote;
  contactAdvice: ContactRecommendation | null;
  getSettings: Preferences;
  saveSettings: Preferences;
}

/** A refusal says why in English (`error`) and, for the panel to translate, which field and rule (`problem`). */
export type Reply<T extends RequestType> = { ok: true; data: ResponseMap[T] } | { ok: false; error: string; problem?: RequestProblem };

/** One window of the queue with what the status tabs and filter menus show (same sets as statusCounts / filterChoices). */
export interface QueueQueryResult {
  /** Cases at positions [offset, offset + limit) of the filtered queue, in working order (sortQueue). */
  items: CaseView[];
  /** How many cases match the filter in all. */
  total: number;
  counts: Record<'open' | CaseStatus, number>;
  choices: { items: Array<{ id: string; title: string }>; agents: string[] };
}

/** The message of a request nobody answered (the worker was restarting, or the extension was reloaded). */
export const NO_ANSWER = 'ReviewDesk background did not answer';

/** Messages the background broadcasts to extension pages; ids null = many or unknown cases changed, query again. */
export type Broadcast = { type: 'casesChanged'; ids: string[] | null } | { type: 'pageStateChanged' } | { type: 'teamChanged'; view: TeamView };

/** Sent to console tabs whose page showed changed cases; caseIds null = all of the tab's badges. */
export type TabNotice = { type: 'badgesStale'; caseIds: string[] | null };

/** Sends a typed request; throws with the background's message (and its field and rule, if any) when it fails. */
export async function request<T extends RequestType>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
  if (!reply) throw new Error(NO_ANSWER);
  if (!reply.ok) throw reply.problem ? new RequestRefused(reply.problem, reply.error) : new Error(reply.error);
  return reply.data;
}
