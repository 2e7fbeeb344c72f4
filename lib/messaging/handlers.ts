import { Request, type Reply, type RequestType, type ResponseMap, type PageReport } from './protocol';
import type { CaseStore } from '../cases/case-store';
import type { WorkflowStore } from '../cases/workflow-store';
import { createWorkflowHandlers } from './workflow-handlers';
import { createInsightHandlers } from './insight-handlers';
import { createLearningHandlers } from './learning-handlers';
import { createTeamHandlers } from './team-handlers';
import type { TeamService } from '../team/team-service';
import type { ReviewDeskDB } from '../db/database';
import { describeProblem, problemOfIssue, RequestRefused } from '../errors/refused';
import type { ContactAdvisor } from '../contact-timing/case-advice';
import { pageWithoutQuery } from '../console/pages';
import { ReviewObservation } from '../reviews/schema';
import { QueueReader } from '../queue/query';
import { causeModelReady } from '../causes/active-model';

export interface Sender {
  tabId?: number;
  /** True for extension pages (side panel, dashboard); false for content scripts. */
  fromExtensionPage: boolean;
}

/** What the handlers need from the browser, injected so that they can be tested without one. */
export interface BackgroundPorts {
  /** For feature handlers that read through indexes (dashboard); writes go through the stores. */
  db: ReviewDeskDB;
  store: CaseStore;
  workflow: WorkflowStore;
  advisor: ContactAdvisor;
  /** Re-plans reminder and promise alarms after a change. */
  reschedule: () => Promise<void>;
  language: () => Promise<'zh-CN' | 'en'>;
  agentName: () => Promise<string>;
  openSidePanel: (tabId: number | undefined) => Promise<boolean>;
  focusCase: (caseId: string) => Promise<void>;
  pageReports: Map<number, PageReport>;
  lastConsoleTab: { id: number | null };
  /**
   * 'ingest': pages reported reviews; 'cases': an agent changed cases (pages must refresh badges); 'page': page state.
   * `ids`: the cases that changed (null or absent: unknown, everything may have).
   */
  changed: (what: 'ingest' | 'cases' | 'page', ids?: string[] | null) => void;
  /** Reads the queue through the indexes; one is made on `db` when not given. */
  queue?: QueueReader;
  /** The clock the queue order is computed at (tests set it). */
  now?: () => number;
  /** A console tab drew badges for these cases (so that later changes to them are told to it). */
  shown?: (tabId: number, caseIds: string[]) => void;
  /** The team connection (absent in tests of other features: solo). */
  team?: TeamService;
}

type Handlers = { [T in RequestType]: (req: Extract<Request, { type: T }>, sender: Sender) => Promise<ResponseMap[T]> };

/** Content scripts may only write what they saw and ask to open a case; everything else is for extension pages. */
const CONTENT_SCRIPT_ALLOWED: RequestType[] = ['ingest', 'reportPage', 'openCase', 'badges'];

export function createHandlers(p: BackgroundPorts): Handlers {
  const queue = p.queue ?? new QueueReader(p.db);
  const now = p.now ?? Date.now;
  return {
    ...createWorkflowHandlers(p),
    ...createInsightHandlers(p),
    ...createLearningHandlers(p),
    ...createTeamHandlers(p.team),
    async ingest(req, sender) {
      const { valid, rejected } = checkEach(req.reviews);
      // New cases take their causes from the shop's model once it is read (at start), not the shipped one.
      if (valid.length) await causeModelReady();
      const { badges, changedIds } = valid.length ? await p.store.ingest(valid, pageWithoutQuery(req.pageUrl)) : { badges: [], changedIds: [] };
      if (sender.tabId !== undefined && badges.length) p.shown?.(sender.tabId, badges.map((b) => b.caseId));
      if (changedIds.length) p.changed('ingest', changedIds);
      return { badges, language: await p.language(), rejected };
    },
    async reportPage(req, sender) {
      if (sender.tabId === undefined) return null;
      p.pageReports.set(sender.tabId, req.report);
      p.lastConsoleTab.id = sender.tabId;
      p.changed('page');
      return null;
    },
    async openCase(req, sender) {
      // Open first: the browser allows it only while the click that asked for it is still fresh.
      const opening = p.openSidePanel(sender.tabId);
      await p.focusCase(req.caseId);
      return { opened: await opening };
    },
    async badges(req, sender) {
      const badges = await p.store.badges(req.caseIds);
      if (sender.tabId !== undefined && badges.length) p.shown?.(sender.tabId, badges.map((b) => b.caseId));
      return badges;
    },
    queryQueue: (req) => queue.page(req.filter, req.offset, req.limit, now()),
    getCase: (req) => p.store.detail(req.caseId),
    async markOpened(req) {
      const opened = await p.store.markOpened(req.caseId, await p.agentName());
      // Team: opening a case nobody holds takes it, so colleagues see who is on it.
      const me = await p.team?.account();
      const claimed = me ? await p.workflow.claim(req.caseId, me.name, false) : null;
      if (opened || claimed) p.changed('cases', [req.caseId]);
      return null;
    },
    async getPageState(req) {
      const own = req.tabId !== undefined ? p.pageReports.get(req.tabId) : undefined;
      if (own) return { report: own, fromOtherTab: false };
      const last = p.lastConsoleTab.id !== null ? p.pageReports.get(p.lastConsoleTab.id) : undefined;
      return { report: last ?? null, fromOtherTab: !!last };
    },
  };
}

/** Checks each review on its own: the ones that pass are stored, the others named by position and field. */
function checkEach(reviews: unknown[]): { valid: ReviewObservation[]; rejected: ResponseMap['ingest']['rejected'] } {
  const valid: ReviewObservation[] = [];
  const rejected: ResponseMap['ingest']['rejected'] = [];
  reviews.forEach((raw, index) => {
    const checked = ReviewObservation.safeParse(raw);
    if (checked.success) valid.push(checked.data);
    // The path names a field (e.g. "platformReviewId"), never its value: no review text leaves this place.
    else rejected.push({ index, field: (checked.error.issues[0]?.path ?? []).join('.').slice(0, 60) || '(review)' });
  });
  return { valid, rejected };
}

/** Validates an incoming message and runs its handler; never throws, always answers. */
export async function dispatch(handlers: Handlers, raw: unknown, sender: Sender): Promise<Reply<RequestType>> {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    // Name the field and the rule (the panel translates them); never echo the value.
    const type = typeof (raw as { type?: unknown } | null)?.type === 'string' ? String((raw as { type: string }).type).slice(0, 40) : undefined;
    const problem = problemOfIssue(parsed.error.issues[0], type);
    return { ok: false, error: describeProblem(problem), problem };
  }
  const req = parsed.data;
  if (!sender.fromExtensionPage && !CONTENT_SCRIPT_ALLOWED.includes(req.type)) return { ok: false, error: 'not allowed' };
  try {
    const handler = handlers[req.type] as (r: Request, s: Sender) => Promise<ResponseMap[RequestType]>;
    return { ok: true, data: await handler(req, sender) };
  } catch (error) {
    if (error instanceof RequestRefused) return { ok: false, error: error.message, problem: { request: req.type, ...error.problem } };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
