import { create } from 'zustand';
import type { CaseDetail, CaseView } from '@/lib/cases/case-store';
import { DEFAULT_FILTER, sortQueue, type QueueFilter } from '@/lib/cases/queue';
import { request, type Broadcast, type PageState, type Request } from '@/lib/messaging/protocol';
import { FOCUS_KEY, FOCUS_FRESH_MS } from '@/lib/messaging/focus';
import { Preferences, type PreferencesPatch } from '@/lib/settings/preferences';
import { reportError, reportingTo } from '@/lib/errors/report';
import { outcomeInfo, type OutcomeCode } from '@/lib/cases/outcomes';
import type { Language } from '@/lib/i18n';

export interface UndoOffer {
  eventSeq: number;
  outcome: OutcomeCode;
  until: number;
}

export type UndoResult = 'undone' | 'too_late' | 'nothing' | 'refused';

/**
 * Contact logs and undos run one after another. Keys pressed quickly (1, 2, 1) are three calls, logged
 * in that order; run at once, their replies and panel reloads could land out of order, leaving an older
 * history on screen and the undo offer on the wrong event. A failed job rejects to its caller (who
 * shows it); the queue only waits for it to settle.
 */
let turn: Promise<unknown> = Promise.resolve();
function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const run = turn.then(job);
  turn = Promise.allSettled([run]);
  return run;
}

type Action<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'type'>;

/** What went wrong with something the agent asked for (null: it worked). The view that asked shows it. */
export type Failure = Error | null;
const asFailure = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

type ActType = 'setStatus' | 'recordCopy' | 'addNote' | 'setCauses' | 'addPromise' | 'changePromise' | 'cancelPromise' | 'fulfilPromise' | 'saveBuyerNote';

interface PanelState {
  lang: Language;
  settings: Preferences;
  cases: CaseView[];
  loaded: boolean;
  /** Why the cases could not be read (shown in the agent's language); null once they were. */
  error: Failure;
  view: 'queue' | 'case' | 'settings';
  selectedId: string | null;
  detail: CaseDetail | null;
  page: PageState | null;
  filter: QueueFilter;
  undo: UndoOffer | null;
  /**
   * A failure no section shows by itself (switching language, opening a case, an action whose view does not show
   * failures): the panel shows it at the top until dismissed, in the agent's language.
   */
  failure: Failure;
  dismissFailure: () => void;
  refresh: () => Promise<void>;
  select: (caseId: string | null) => Promise<void>;
  showSettings: (open: boolean) => void;
  setFilter: (patch: Partial<QueueFilter>) => void;
  toggleLanguage: () => Promise<void>;
  /** Saves only the settings named; resolves to the failure (for the settings view to show), null when saved. */
  saveSettings: (patch: PreferencesPatch) => Promise<Failure>;
  /** Resolves to the logged event's seq; logs and undos run one at a time, in the order asked. */
  logOutcome: (a: Action<'logOutcome'>) => Promise<number>;
  undoLast: () => Promise<UndoResult>;
  /**
   * One change to a case; never throws. Resolves to the failure (null when done). A view that shows the failure
   * next to what the agent typed says so with `{ shown: true }`; otherwise the panel shows it at the top.
   */
  act: <T extends ActType>(type: T, a: Action<T>, options?: { shown?: boolean }) => Promise<Failure>;
}

export const usePanel = create<PanelState>((set, get) => ({
  lang: 'zh-CN',
  settings: Preferences.parse({}),
  cases: [],
  loaded: false,
  error: null,
  view: 'queue',
  selectedId: null,
  detail: null,
  page: null,
  filter: DEFAULT_FILTER,
  undo: null,
  failure: null,
  dismissFailure() {
    set({ failure: null });
  },
  async refresh() {
    try {
      const [cases, page, settings] = await Promise.all([request({ type: 'listCases' }), loadPageState(), request({ type: 'getSettings' })]);
      const selectedId = get().selectedId;
      const detail = selectedId ? await request({ type: 'getCase', caseId: selectedId }) : null;
      set({ cases: sortQueue(cases), page, settings, lang: settings.language, detail, loaded: true, error: null });
    } catch (error) {
      reportError('panel.refresh', error);
      set({ loaded: true, error: asFailure(error) });
    }
  },
  async select(caseId) {
    set({ selectedId: caseId, detail: null, view: caseId ? 'case' : 'queue', undo: null });
    if (!caseId) return;
    try {
      const detail = await request({ type: 'getCase', caseId });
      set({ detail });
      if (detail && detail.case.openedAt === null) await request({ type: 'markOpened', caseId });
    } catch (error) {
      reportError('panel.select', error);
      set({ failure: asFailure(error) });
    }
  },
  showSettings(open) {
    set({ view: open ? 'settings' : get().selectedId ? 'case' : 'queue' });
  },
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
  async toggleLanguage() {
    const failure = await get().saveSettings({ language: get().lang === 'zh-CN' ? 'en' : 'zh-CN' });
    if (failure) set({ failure });
  },
  async saveSettings(patch) {
    try {
      const settings = await request({ type: 'saveSettings', settings: patch });
      set({ settings, lang: settings.language });
      return null;
    } catch (error) {
      reportError('panel.saveSettings', error);
      return asFailure(error);
    }
  },
  logOutcome(a) {
    return inTurn(async () => {
      const { eventSeq } = await request({ type: 'logOutcome', ...a });
      set({ undo: { eventSeq, outcome: a.outcome, until: Date.now() + get().settings.undoSeconds * 1000 } });
      await get().refresh();
      return eventSeq;
    });
  },
  undoLast() {
    // In turn, so that U right after a key press undoes that press, not the one before.
    return inTurn(async (): Promise<UndoResult> => {
      const offer = get().undo;
      if (!offer) return 'nothing';
      if (Date.now() > offer.until) return 'too_late';
      const { undone } = await request({ type: 'undo', eventSeq: offer.eventSeq });
      set({ undo: null });
      await get().refresh();
      return undone ? 'undone' : 'refused';
    });
  },
  async act(type, a, options) {
    try {
      await request({ type, ...a } as Extract<Request, { type: typeof type }>);
    } catch (error) {
      reportError(`panel.${type}`, error);
      if (!options?.shown) set({ failure: asFailure(error) });
      return asFailure(error);
    }
    await get().refresh();
    return null;
  },
}));

export const outcomeLabel = (lang: Language, code: OutcomeCode) => outcomeInfo(code)[lang === 'zh-CN' ? 'zh' : 'en'];

async function loadPageState(): Promise<PageState> {
  // Without the active tab (the panel opened as a page) the background answers for the last console tab.
  const tabs = await browser.tabs.query({ active: true, currentWindow: true }).catch(reportingTo('panel.activeTab'));
  return request({ type: 'getPageState', tabId: tabs?.[0]?.id });
}

/** Keeps the panel in step with the background: new cases, page changes, and badge clicks. */
export function connectPanelStore(): void {
  const { refresh, select } = usePanel.getState();
  void refresh();
  // A page of 1,000 reviews arrives in several batches: one reload after the burst, not one per batch.
  let pending: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onMessage.addListener((msg: Broadcast) => {
    if (msg?.type !== 'casesChanged' && msg?.type !== 'pageStateChanged') return;
    clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 150);
  });
  browser.tabs.onActivated.addListener(() => void refresh());
  // Only a recent badge click counts: reopening the panel later starts from the list.
  const focus = (value: unknown) => {
    const { caseId, at } = (value ?? {}) as { caseId?: unknown; at?: unknown };
    if (typeof caseId === 'string' && typeof at === 'number' && Date.now() - at < FOCUS_FRESH_MS) void select(caseId);
  };
  void browser.storage.session.get(FOCUS_KEY).then((v) => focus(v[FOCUS_KEY]), reportingTo('panel.focus'));
  browser.storage.session.onChanged.addListener((changes) => {
    if (changes[FOCUS_KEY]) focus(changes[FOCUS_KEY].newValue);
  });
}
