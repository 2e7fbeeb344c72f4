import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import { createHandlers, dispatch } from '@/lib/messaging/handlers';
import type { Broadcast, PageReport, TabNotice } from '@/lib/messaging/protocol';
import { FOCUS_KEY } from '@/lib/messaging/focus';
import { loadPreferences } from '@/lib/settings/preferences';
import { showToolbarState } from '@/lib/toolbar/action-badge';
import { syncAlarms } from '@/lib/reminders/alarms';
import { alarmName, parseAlarm } from '@/lib/reminders/plan';
import { startTeam } from '@/lib/team/background-team';
import { alarmNotice } from '@/lib/reminders/fire';
import { TabCases } from '@/lib/queue/tab-cases';
import { reportingTo } from '@/lib/errors/report';
import { registerDashboardMenu } from '@/lib/insight/dashboard-menu';

/** The background worker owns the database, answers the typed message protocol, and keeps alarms and the toolbar. */
export default defineBackground(() => {
  const db = new ReviewDeskDB();
  const store = new CaseStore(db);
  const workflow = new WorkflowStore(db);
  const advisor = new ContactAdvisor(db);
  const pageReports = new Map<number, PageReport>();
  const lastConsoleTab = { id: null as number | null };
  const tabCases = new TabCases();

  // No panel open, or a tab without our script (yet): nobody to tell, which the report module ignores.
  const broadcast = (msg: Broadcast) => browser.runtime.sendMessage(msg).catch(reportingTo('broadcast'));
  const notifyTab = (tabId: number, msg: TabNotice) => browser.tabs.sendMessage(tabId, msg).catch(reportingTo('notify-tab'));
  // Two counts on small indexes; a burst of changes (ingest batches) costs one refresh in flight and one after it.
  let toolbarBusy: Promise<void> | null = null;
  let toolbarAgain = false;
  const refreshToolbar = async (): Promise<void> => {
    if (toolbarBusy) {
      toolbarAgain = true;
      return toolbarBusy;
    }
    toolbarBusy = (async () => {
      do {
        toolbarAgain = false;
        const [unopened, overdue, prefs] = await Promise.all([store.unopenedCount(), workflow.overdueCount(Date.now()), loadPreferences()]);
        await showToolbarState(unopened, overdue, prefs.language);
      } while (toolbarAgain);
    })().finally(() => (toolbarBusy = null));
    return toolbarBusy;
  };
  // Pages send their reviews in bursts of batches: the panel hears of them at most every INGEST_NOTICE_MS, ids merged
  // (an agent's own change is told at once, above).
  const INGEST_NOTICE_MS = 300;
  let ingested: Set<string> | null = null;
  const announceIngested = (ids: string[]) => {
    if (ingested) {
      for (const id of ids) ingested.add(id);
      return;
    }
    ingested = new Set(ids);
    setTimeout(() => {
      const all = ingested!;
      ingested = null;
      void broadcast({ type: 'casesChanged', ids: all.size > 1000 ? null : [...all] });
    }, INGEST_NOTICE_MS);
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

  const changed = (what: 'ingest' | 'cases' | 'page', ids: string[] | null = null) => {
    if (what === 'page') {
      void broadcast({ type: 'pageStateChanged' });
      return;
    }
    // Connected, the change was queued with its write: send it now rather than at the end of the held pull.
    team.nudge();
    if (what === 'ingest' && ids) announceIngested(ids);
    else void broadcast({ type: 'casesChanged', ids });
    void refreshToolbar().catch(reportingTo('toolbar'));
    // The tab that sent an ingest drew its badges from the reply; an agent's change is told to the tabs showing it.
    if (what === 'cases') for (const [tabId, caseIds] of tabCases.targets(ids, pageReports.keys())) void notifyTab(tabId, { type: 'badgesStale', caseIds });
  };
  // Solo it never sends a request; connected, colleagues' changes arrive as if made here (reminders re-planned too).
  const team = startTeam(db, {
    casesChanged: (ids) => {
      changed('cases', ids);
      // Colleagues' calls count for the shop's answer rates as this agent's do (a big first pull: read again once).
      if (ids.length > 200) advisor.invalidate();
      else for (const id of ids) void advisor.callsChanged(id).catch(reportingTo('advisor'));
      void syncAlarms(db).catch(reportingTo('alarms'));
    },
    viewChanged: (view) => void broadcast({ type: 'teamChanged', view }),
  });

  // Every ingest batch answers in the agent's language: read once, read again whenever the stored settings change.
  let language: Promise<'zh-CN' | 'en'> | null = null;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') language = null;
  });

  const handlers = createHandlers({
    db, store, workflow, advisor, pageReports, lastConsoleTab, focusCase, openSidePanel, team, changed,
    language: () => (language ??= loadPreferences().then((p) => p.language, (e: unknown) => { language = null; throw e; })),
    // In a team, the signed-in account is who acts (and who holds the cases one works on).
    agentName: async () => (await team.account())?.name ?? (await loadPreferences()).agentName,
    reschedule: () => syncAlarms(db).then(() => undefined, reportingTo('alarms')),
    shown: (tabId, caseIds) => tabCases.shown(tabId, caseIds),
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    void dispatch(handlers, message, { tabId: sender.tab?.id, fromExtensionPage: isExtensionUrl(sender.url) }).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name).catch(reportingTo('alarm')));
  async function onAlarm(name: string) {
    if (name === alarmName.teamSync) return team.resume();
    const subject = parseAlarm(name);
    if (!subject) return;
    if (subject.kind === 'purge') {
      await workflow.purgeContactData((await loadPreferences()).contactRetentionDays);
      return;
    }
    // A kept or cancelled promise, or a closed case, no longer notifies (the alarm may predate the change).
    const notice = await alarmNotice(db, subject, (await loadPreferences()).language);
    if (!notice) return;
    const { caseId, ...text } = notice;
    await browser.notifications.create(name, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...text });
    await refreshToolbar();
    // The case moved in the queue (an overdue promise goes first) and its badge turns red.
    void broadcast({ type: 'casesChanged', ids: [caseId] });
    for (const [tabId, caseIds] of tabCases.targets([caseId], pageReports.keys())) void notifyTab(tabId, { type: 'badgesStale', caseIds });
  }

  browser.notifications.onClicked.addListener((name) => {
    const subject = parseAlarm(name);
    if (subject?.kind === 'reminder') void focusCase(subject.caseId);
    else if (subject?.kind === 'promise') void db.promises.get(subject.promiseId).then((p) => p && focusCase(p.caseId));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    pageReports.delete(tabId);
    tabCases.forget(tabId);
    if (lastConsoleTab.id === tabId) lastConsoleTab.id = null;
  });

  // The toolbar icon opens the side panel (Chrome); Firefox opens its sidebar from the toolbar by itself.
  if (!import.meta.env.FIREFOX) void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(reportingTo('panel-behavior'));
  // The icon's right-click menu: 统计看板 opens the dashboard in a tab.
  void registerDashboardMenu().catch(reportingTo('dashboard-menu'));
  // The toolbar's figures and the alarms persist while the worker sleeps: checking them again waits until the request
  // that woke the worker (a dashboard or panel opening, a page's reviews) has had the database to itself.
  setTimeout(() => {
    void refreshToolbar().catch(reportingTo('toolbar'));
    void syncAlarms(db).catch(reportingTo('alarms'));
  }, STARTUP_CHORES_DELAY_MS);
});

/** How long after the worker starts its start-up checks run (it lives 30 s after the last event). */
const STARTUP_CHORES_DELAY_MS = 2000;

function isExtensionUrl(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}

/** Firefox's sidebar API is not in the Chrome-shaped types WXT ships. */
function firefoxSidebar(): { open(): Promise<void> } {
  return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction;
}
