import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { isOverdue } from '@/lib/cases/promises';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { Broadcast, PageReport, TabNotice } from '@/lib/messaging/protocol';
import { FOCUS_KEY } from '@/lib/messaging/focus';
import { loadPreferences } from '@/lib/settings/preferences';
import { showToolbarState } from '@/lib/toolbar/action-badge';
import { syncAlarms } from '@/lib/reminders/alarms';
import { parseAlarm } from '@/lib/reminders/plan';
import { overdueMessage, reminderMessage } from '@/lib/reminders/notify';
import { reportingTo } from '@/lib/errors/report';

/** The background worker owns the database, answers the typed message protocol, and keeps alarms and the toolbar. */
export default defineBackground(() => {
  const db = new ReviewDeskDB();
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const advisor = new ContactAdvisor(db);
  const pageReports = new Map<number, PageReport>();
  const lastConsoleTab = { id: null as number | null };

  // No panel open, or a tab without our script (yet): nobody to tell, which the report module ignores.
  const broadcast = (msg: Broadcast) => browser.runtime.sendMessage(msg).catch(reportingTo('broadcast'));
  const notifyTab = (tabId: number, msg: TabNotice) => browser.tabs.sendMessage(tabId, msg).catch(reportingTo('notify-tab'));
  const refreshToolbar = async () => {
    const now = Date.now();
    const [unopened, open] = await Promise.all([store.unopenedCount(), workflow.openPromises()]);
    await showToolbarState(unopened, open.filter((p) => isOverdue(p, now)).length);
  };
  const focusCase = (caseId: string) => browser.storage.session.set({ [FOCUS_KEY]: { caseId, at: Date.now() } });
  const openSidePanel = async (tabId: number | undefined) => {
    try {
      if (import.meta.env.FIREFOX) await firefoxSidebar().open();
      else if (tabId !== undefined) await browser.sidePanel.open({ tabId });
      else return false;
      return true;
    } catch {
      // Expected without a fresh user gesture, or without a side panel: the case is still focused for when it opens.
      return false;
    }
  };

  const handlers = createHandlers({
    db, store, workflow, advisor, pageReports, lastConsoleTab, focusCase, openSidePanel,
    language: async () => (await loadPreferences()).language,
    agentName: async () => (await loadPreferences()).agentName,
    reschedule: () => syncAlarms(db).then(() => undefined, reportingTo('alarms')),
    changed: (what) => {
      void broadcast(what === 'page' ? { type: 'pageStateChanged' } : { type: 'casesChanged', ids: null });
      if (what !== 'page') void refreshToolbar().catch(reportingTo('toolbar'));
      if (what === 'cases') for (const tabId of pageReports.keys()) void notifyTab(tabId, { type: 'badgesStale', caseIds: null });
    },
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    void dispatch(handlers, message, { tabId: sender.tab?.id, fromExtensionPage: isExtensionUrl(sender.url) }).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name).catch(reportingTo('alarm')));
  async function onAlarm(name: string) {
    const subject = parseAlarm(name);
    if (!subject) return;
    if (subject.kind === 'purge') {
      await workflow.purgeContactData((await loadPreferences()).contactRetentionDays);
      return;
    }
    const caseId = subject.kind === 'reminder' ? subject.caseId : (await db.promises.get(subject.promiseId))?.caseId;
    if (!caseId) return;
    const [c, review] = await Promise.all([db.cases.get(caseId), db.reviews.get(caseId)]);
    if (!c) return;
    const text = subject.kind === 'reminder' ? reminderMessage(c, review) : overdueMessage((await db.promises.get(subject.promiseId))!, review);
    await browser.notifications.create(name, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...text });
    await refreshToolbar();
    void broadcast({ type: 'casesChanged', ids: [caseId] });
  }

  browser.notifications.onClicked.addListener((name) => {
    const subject = parseAlarm(name);
    if (subject?.kind === 'reminder') void focusCase(subject.caseId);
    else if (subject?.kind === 'promise') void db.promises.get(subject.promiseId).then((p) => p && focusCase(p.caseId));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    pageReports.delete(tabId);
    if (lastConsoleTab.id === tabId) lastConsoleTab.id = null;
  });

  // The toolbar icon opens the side panel (Chrome); Firefox opens its sidebar from the toolbar by itself.
  if (!import.meta.env.FIREFOX) void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(reportingTo('panel-behavior'));
  void refreshToolbar().catch(reportingTo('toolbar'));
  void syncAlarms(db).catch(reportingTo('alarms'));
});

function isExtensionUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/** Firefox's sidebar API is not in the Chrome-shaped types WXT ships. */
function firefoxSidebar(): { open(): Promise<void> } {
  return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction;
}
