import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import { loadPreferences } from '@/lib/settings/preferences';
import { DashboardApp } from '@/components/dashboard/DashboardApp';

/**
 * The real dashboard page against the real background logic (stores, dispatcher, insight handlers) and
 * fake-indexeddb, with WXT's fake browser carrying the messages. Files the page saves are caught here.
 */
export function dashboardBackground() {
  const db = new ReviewDeskDB(`dash-${Math.random()}`);
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const handlers = createHandlers({
    db, store, workflow, advisor: new ContactAdvisor(db), pageReports: new Map(), lastConsoleTab: { id: null },
    language: async () => (await loadPreferences()).language, agentName: async () => (await loadPreferences()).agentName,
    openSidePanel: async () => true, focusCase: async () => undefined, reschedule: async () => undefined, changed: () => undefined,
  });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
    void dispatch(handlers, msg, { fromExtensionPage: true }).then(sendResponse);
    return true;
  });
  return { db, store, workflow };
}

/** Blobs the page saved (through an anchor with `download`), by file name. */
export function catchDownloads(): Map<string, Blob> {
  const saved = new Map<string, Blob>();
  const urls = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++n}`;
    urls.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const blob = urls.get(this.href);
    if (blob && this.download) saved.set(this.download, blob);
  };
  return saved;
}

export function renderDashboard() {
  // jsdom has no canvas; ECharts then estimates text widths itself instead of logging "not implemented" per label.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  return render(<DashboardApp />);
}
