import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { PageReport } from '@/lib/messaging/protocol';
import type { ReviewObservation } from '@/lib/reviews/schema';
import { SidePanelApp } from '@/components/side-panel/SidePanelApp';
import { connectPanelStore, usePanel } from '@/components/side-panel/store';
import { DEFAULT_FILTER } from '@/lib/cases/queue';
import { loadPreferences } from '@/lib/settings/preferences';

/**
 * The real side panel against the real background logic (store, workflow, dispatcher) and fake-indexeddb,
 * with WXT's fake browser carrying the messages. Only the browser itself is fake.
 */
export async function renderPanel(reviews: ReviewObservation[], opts: { pageReport?: PageReport } = {}) {
  const db = new ReviewDeskDB(`panel-${Math.random()}`);
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const pageReports = new Map<number, PageReport>();
  if (opts.pageReport) pageReports.set(1, opts.pageReport);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), pageReports, lastConsoleTab: { id: opts.pageReport ? 1 : null },
    language: async () => 'zh-CN', agentName: async () => (await loadPreferences()).agentName,
    openSidePanel: async () => true, focusCase: async () => undefined, reschedule: async () => undefined, changed: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
    void dispatch(handlers, msg, { fromExtensionPage: true }).then(sendResponse);
    return true;
  });
  await store.ingest(reviews, 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC');
  usePanel.setState({ view: 'queue', selectedId: null, detail: null, filter: DEFAULT_FILTER, undo: null, loaded: false, cases: [], failure: null, error: null });
  connectPanelStore();
  const view = render(<SidePanelApp />);
  return { db, store, workflow, view };
}
