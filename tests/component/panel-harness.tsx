import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { Broadcast, PageReport } from '@/lib/messaging/protocol';
import type { ReviewObservation } from '@/lib/reviews/schema';
import { SidePanelApp } from '@/components/side-panel/SidePanelApp';
import { connectPanelStore, initialQueueState, usePanel } from '@/components/side-panel/store';
import { DEFAULT_FILTER } from '@/lib/cases/queue';
import { loadPreferences } from '@/lib/settings/preferences';
import type { TeamService } from '@/lib/team/team-service';
import type { TeamView } from '@/lib/team/connection';

/**
 * The real side panel against the real background logic (store, workflow, dispatcher) and fake-indexeddb,
 * with WXT's fake browser carrying the messages. Only the browser itself is fake.
 */
export interface PanelOptions {
  pageReport?: PageReport;
  /**
   * Awaited after the background answered a request and before the answer reaches the panel: a test holds one
   * answer back to put replies in the order a busy machine could (the race is reproduced, not waited for).
   */
  beforeReply?: (msg: { type?: string }) => Promise<void> | void;
  /** The list's height in pixels (jsdom lays nothing out; 800 unless given): a screenful of rows, as Chromium draws. */
  listHeight?: number;
  /** Signed in to a team as this account (the background's team service, without a server: nothing syncs). */
  teamAccount?: { name: string; role: 'lead' | 'agent' };
}

/** The part of the team service the handlers use, for a panel signed in as `account`. */
function signedIn(account: { name: string; role: 'lead' | 'agent' }): TeamService {
  const view: TeamView = {
    connection: { origin: 'https://team.example.cn', allowLanHttp: false, account, shop: { id: 's1', name: '好物小店' }, connectedAt: 0 },
    sync: { status: 'synced', pending: 0, lastSyncedAt: null, error: null },
  };
  return { account: async () => account, view: async () => view } as unknown as TeamService;
}

export async function renderPanel(reviews: ReviewObservation[], opts: PanelOptions = {}) {
  const db = new ReviewDeskDB(`panel-${Math.random()}`);
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const pageReports = new Map<number, PageReport>();
  if (opts.pageReport) pageReports.set(1, opts.pageReport);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), pageReports, lastConsoleTab: { id: opts.pageReport ? 1 : null },
    language: async () => 'zh-CN', agentName: async () => opts.teamAccount?.name ?? (await loadPreferences()).agentName,
    team: opts.teamAccount ? signedIn(opts.teamAccount) : undefined,
    openSidePanel: async () => true, focusCase: async () => undefined, reschedule: async () => undefined,
    // As the background does: what changed is broadcast to extension pages (here, the panel).
    changed: (what, ids = null) => void broadcast(what === 'page' ? { type: 'pageStateChanged' } : { type: 'casesChanged', ids }),
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
    // The background does not hear its own broadcasts (nothing to answer).
    if (isBroadcast(msg)) {
      sendResponse(undefined);
      return true;
    }
    void dispatch(handlers, msg, { fromExtensionPage: true }).then(async (reply) => {
      await opts.beforeReply?.(msg as { type?: string });
      sendResponse(reply);
    });
    return true;
  });
  await store.ingest(reviews, 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');
  usePanel.setState({ view: 'queue', selectedId: null, detail: null, filter: DEFAULT_FILTER, undo: null, ...initialQueueState(), failure: null });
  setListHeight(opts.listHeight ?? 800);
  connectPanelStore();
  const view = render(<SidePanelApp />);
  return { db, store, workflow, view, broadcast };
}

/** What the background broadcasts to extension pages (casesChanged, pageStateChanged), delivered to the panel. */
export async function broadcast(msg: Broadcast): Promise<void> {
  const onMessage = fakeBrowser.runtime.onMessage as unknown as { trigger(m: unknown, s: object, r: () => void): Promise<unknown> };
  await onMessage.trigger(msg, {}, () => undefined);
}

/**
 * jsdom has no layout: the list's scroller reports this height (its rows keep their estimated height), and
 * scrolling an element by script (scrollTo, which jsdom lacks) moves it and fires scroll, as a browser does.
 */
function setListHeight(px: number) {
  HTMLElement.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && typeof options.top === 'number') this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as HTMLElement['scrollTo'];
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('case-scroller') ? px : 0;
    },
  });
  // The scroller's content is its list, as tall as the list says (its style height).
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('case-scroller') ? parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '') || 0 : 0;
    },
  });
}

/** Scrolls the list as a wheel would: the scroller's position changes and it fires scroll. */
export function scrollList(top: number) {
  const scroller = document.querySelector('.case-scroller') as HTMLElement;
  scroller.scrollTop = top;
  scroller.dispatchEvent(new Event('scroll'));
}

const isBroadcast = (msg: unknown) => {
  const type = (msg as { type?: unknown } | null)?.type;
  return type === 'casesChanged' || type === 'pageStateChanged';
};
