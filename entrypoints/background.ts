import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { Broadcast, PageReport, TabNotice } from '@/lib/messaging/protocol';
import { loadPreferences } from '@/lib/settings/preferences';
import { showUnopenedCount } from '@/lib/toolbar/action-badge';
import { FOCUS_KEY } from '@/lib/messaging/focus';

/** The background worker owns the database and answers the typed message protocol. */
export default defineBackground(() => {
  const store = new CaseStore(new ReviewDeskDB());
  const pageReports = new Map<number, PageReport>();
  const lastConsoleTab = { id: null as number | null };

  const broadcast = (msg: Broadcast) => browser.runtime.sendMessage(msg).catch(() => undefined);
  const notifyTab = (tabId: number, msg: TabNotice) => browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
  const refreshToolbar = () => store.unopenedCount().then(showUnopenedCount).catch(() => undefined);

  const handlers = createHandlers({
    store,
    pageReports,
    lastConsoleTab,
    language: async () => (await loadPreferences()).language,
    agentName: async () => (await loadPreferences()).agentName,
    openSidePanel: async (tabId) => {
      try {
        if (import.meta.env.FIREFOX) await firefoxSidebar().open();
        else if (tabId !== undefined) await browser.sidePanel.open({ tabId });
        else return false;
        return true;
      } catch {
        return false; // no user gesture, or no side panel in this browser: the badge still focuses the case
      }
    },
    focusCase: (caseId) => browser.storage.session.set({ [FOCUS_KEY]: { caseId, at: Date.now() } }),
    changed: (what) => {
      void broadcast({ type: what === 'page' ? 'pageStateChanged' : 'casesChanged' });
      if (what !== 'page') void refreshToolbar();
      if (what === 'cases') for (const tabId of pageReports.keys()) void notifyTab(tabId, { type: 'badgesStale' });
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    void dispatch(handlers, message, { tabId: sender.tab?.id, fromExtensionPage: isExtensionUrl(sender.url) }).then(sendResponse);
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    pageReports.delete(tabId);
    if (lastConsoleTab.id === tabId) lastConsoleTab.id = null;
  });

  // The toolbar icon opens the side panel (Chrome); Firefox opens its sidebar from the toolbar by itself.
  if (!import.meta.env.FIREFOX) void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  void refreshToolbar();
});

function isExtensionUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/** Firefox's sidebar API is not in the Chrome-shaped types WXT ships. */
function firefoxSidebar(): { open(): Promise<void> } {
  return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction;
}
