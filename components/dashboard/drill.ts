import { request } from '@/lib/messaging/protocol';
import { DRILL_KEY, QueueDrill } from '@/lib/insight/drill';
import type { PeriodRange } from '@/lib/insight/period';
import type { PathStep } from '@/lib/insight/tally';

/** The queue filters a figure can be said in, for the panel (see QueueDrill.filter). */
export type DrillFilter = QueueDrill['filter'];

/** This page's window, known before any click: the side panel must be opened inside the click itself. */
let windowId: number | undefined;
export function rememberWindow(): void {
  // A browser without the windows API (a test's fake) leaves it unknown: the panel is then not opened by a click.
  Promise.resolve()
    .then(() => browser.windows.getCurrent())
    .then((w) => { windowId = w?.id; }, () => undefined);
}

/**
 * Opens the side panel. Chrome allows it only while the click is fresh, so this is called first and synchronously in
 * the click handler; Firefox opens its sidebar the same way. False when the browser would not (the drill is kept in
 * session storage and the panel shows it when the agent opens it).
 */
export function openPanel(): Promise<boolean> {
  try {
    if (import.meta.env.FIREFOX) {
      const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      return sidebar ? sidebar.open().then(() => true, () => false) : Promise.resolve(false);
    }
    if (windowId === undefined || !browser.sidePanel?.open) return Promise.resolve(false);
    return browser.sidePanel.open({ windowId }).then(() => true, () => false);
  } catch {
    return Promise.resolve(false);
  }
}

export interface DrillResult {
  n: number;
  listed: number;
  panelOpened: boolean;
}

/** Asks the background for the cases behind a figure and hands them to the side panel's queue. */
export async function drillTo(x: { range: PeriodRange; token?: string; path: PathStep[]; label: string; filter: DrillFilter; opening: Promise<boolean> }): Promise<DrillResult | null> {
  const found = await request({ type: 'dashboardDrill', range: x.range, token: x.token, path: x.path });
  if (!found) return null;
  const drill: QueueDrill = QueueDrill.parse({ v: 1, at: Date.now(), label: x.label.slice(0, 200), caseIds: found.caseIds, total: found.total, filter: x.filter });
  await browser.storage.session.set({ [DRILL_KEY]: drill });
  return { n: found.total, listed: found.caseIds.length, panelOpened: await x.opening };
}
