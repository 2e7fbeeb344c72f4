import { create } from 'zustand';
import type { CaseDetail, CaseView } from '@/lib/cases/case-store';
import { DEFAULT_FILTER, sortQueue, type QueueFilter } from '@/lib/cases/queue';
import { request, type Broadcast, type PageState, type Request } from '@/lib/messaging/protocol';
import { FOCUS_KEY, FOCUS_FRESH_MS } from '@/lib/messaging/focus';
import { Preferences } from '@/lib/settings/preferences';
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

interface PanelState {
  lang: Language;
  settings: Preferences;
  cases: CaseView[];
  loaded: boolean;
  error: string | null;
  view: 'queue' | 'case' | 'settings';
  selectedId: string | null;
  detail: CaseDetail | null;
  page: PageState | null;
  filter: QueueFilter;
  undo: UndoOffer | null;
  refresh: () => Promise<void>;
  select: (caseId: string | null) => Promise<void>;
  showSettings: (open: boolean) => void;
  setFilter: (patch: Partial<QueueFilter>) => void;
  toggleLanguage: () => Promise<void>;
  saveSettings: (patch: Partial<Preferences>) => Promise<void>;
  /** Resolves to the logged event's seq; logs and undos run one at a time, in the order asked. */
  logOutcome: (a: Action<'logOutcome'>) => Promise<number>;
  undoLast: () => Promise<UndoResult>;
  act: <T extends 'setStatus' | 'recordCopy' | 'addNote' | 'setCauses' | 'addPromise' | 'fulfilPromise' | 'saveBuyerNote'>(type: T, a: Action<T>) => Promise<void>;
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
  async refresh() {
    try {
      const [cases, page, settings] = await Promise.all([request({ type: 'listCases' }), loadPageState(), request({ type: 'getSettings' })]);
      const selectedId = get().selectedId;
      const detail = selectedId ? await request({ type: 'getCase', caseId: selectedId }) : null;
      set({ cases: sortQueue(cases), page, settings, lang: settings.language, detail, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },
  async select(caseId) {
    set({ selectedId: caseId, detail: null, view: caseId ? 'case' : 'queue', undo: null });
    if (!caseId) return;
    const detail = await request({ type: 'getCase', caseId });
    set({ detail });
    if (detail && detail.case.openedAt === null) await request({ type: 'markOpened', caseId });
  },
  showSettings(open) {
    set({ view: open ? 'settings' : get().selectedId ? 'case' : 'queue' });
  },
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
  async toggleLanguage() {
    await get().saveSettings({ language: get().lang === 'zh-CN' ? 'en' : 'zh-CN' });
  },
  async saveSettings(patch) {
    const settings = await request({ type: 'saveSettings', settings: patch });
    set({ settings, lang: settings.language });
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
  async act(type, a) {
    await request({ type, ...a } as Extract<Request, { type: typeof type }>);
    await get().refresh();
  },
}));

export const outcomeLabel = (lang: Language, code: OutcomeCode) => outcomeInfo(code)[lang === 'zh-CN' ? 'zh' : 'en'];

async function loadPageState(): Promise<PageState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return request({ type: 'getPageState', tabId: tab?.id });
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
  void browser.storage.session.get(FOCUS_KEY).then((v) => focus(v[FOCUS_KEY]));
  browser.storage.session.onChanged.addListener((changes) => {
    if (changes[FOCUS_KEY]) focus(changes[FOCUS_KEY].newValue);
  });
}
