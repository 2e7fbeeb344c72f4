import { create } from 'zustand';
import type { CaseDetail, CaseView } from '@/lib/cases/case-store';
import type { CaseEvent, CaseRecord } from '@/lib/cases/schema';
import { DEFAULT_FILTER, type QueueFilter } from '@/lib/cases/queue';
import { request, type Broadcast, type PageState, type QueueQueryResult, type Request } from '@/lib/messaging/protocol';
import { FOCUS_KEY, FOCUS_FRESH_MS } from '@/lib/messaging/focus';
import { Preferences, type PreferencesPatch } from '@/lib/settings/preferences';
import { reportError, reportingTo } from '@/lib/errors/report';
import { outcomeInfo, type OutcomeCode } from '@/lib/cases/outcomes';
import type { Language } from '@/lib/i18n';
import { covers, keepIfSame, mergeRows, patchRows, planOffset, WINDOW_SIZE, type Range } from './queue/window';

export interface UndoOffer {
  eventSeq: number;
  caseId: string;
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

export type StatusCounts = QueueQueryResult['counts'];
export type FilterChoices = QueueQueryResult['choices'];

/** A burst of changes (a page of 1,000 reviews arrives in several batches) is one refresh, this long after the last. */
export const BURST_MS = 150;

interface PanelState {
  /** The agent's language: always the one of `settings`, both set from the same (newest) settings reply. */
  lang: Language;
  settings: Preferences;
  /** The held window of the queue: `items` are the cases at positions [offset, offset + items.length). */
  offset: number;
  items: CaseView[];
  /** How many cases match the filter (the list's length); counts per status and the filter menus' choices. */
  total: number;
  counts: StatusCounts | null;
  choices: FilterChoices;
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
  /** Reads everything again: settings, the page's state, the open case and the queue window. */
  reload: () => Promise<void>;
  /**
   * The one refresh path for changed cases (ids null: many or unknown): the open case is read again if it is among
   * them, and the queue window is queried again (one query). `burst` waits for the changes to settle first.
   */
  refreshCases: (ids: string[] | null, options?: { burst?: boolean }) => Promise<void>;
  /** The list says which positions are on screen; the window follows when they leave it. */
  setVisible: (range: Range) => void;
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

/** The case at a position of the queue, if the held window has it (a row's selector). */
export const caseAt = (s: Pick<PanelState, 'offset' | 'items'>, index: number): CaseView | undefined => s.items[index - s.offset];

/** The state a panel starts from (and a test resets to). */
export const initialQueueState = () => ({
  offset: 0, items: [] as CaseView[], total: 0, counts: null, choices: { items: [], agents: [] } as FilterChoices, loaded: false, error: null,
});

export const usePanel = create<PanelState>((set, get) => {
  /**
   * Settings replies are applied in the order they were asked for, never an older over a newer: a reload that read
   * the settings just before the agent switched language must not switch the panel back when its reply comes last.
   */
  let settingsAsked = 0;
  let settingsApplied = 0;
  async function readSettings(ask: () => Promise<Preferences>): Promise<void> {
    const ticket = ++settingsAsked;
    const settings = await ask();
    if (ticket < settingsApplied) return;
    settingsApplied = ticket;
    set({ settings, lang: settings.language });
  }

  /** The positions on screen; the list reports them as it scrolls. */
  let visible: Range = { start: 0, end: 0 };
  /** Bumped by every change to the cases: a query asked before one is stale once another query is on its way. */
  let epoch = 0;
  /**
   * One query at a time, and only the newest wanted one after it: typing 卫衣 asks at most two queries at once, not
   * one per keystroke piled up in the background. A reply to a filter or data that changed meanwhile is dropped (a
   * newer query is already wanted); a reply that only moved the window is used.
   */
  let running: Promise<void> | null = null;
  let wanted = false;
  function query(): Promise<void> {
    wanted = true;
    running ??= (async () => {
      while (wanted) {
        wanted = false;
        const { filter, total } = get();
        const asked = epoch;
        const offset = planOffset(visible, total);
        try {
          const reply = await request({ type: 'queryQueue', filter, offset, limit: WINDOW_SIZE });
          if (wanted && (get().filter !== filter || epoch !== asked)) continue;
          apply(reply, offset);
        } catch (error) {
          reportError('panel.query', error);
          set({ loaded: true, error: asFailure(error) });
        }
      }
      running = null;
    })();
    return running;
  }
  function apply(reply: QueueQueryResult, offset: number) {
    const s = get();
    // Rows held for another part of the queue are no base to share objects with: only the same window is merged.
    const items = mergeRows(s.offset === offset ? s.items : [], reply.items);
    set({
      offset, items, total: reply.total,
      counts: keepIfSame(s.counts, reply.counts), choices: keepIfSame(s.choices, reply.choices),
      loaded: true, error: null,
    });
    // The queue shrank or grew under the screen: follow it (planOffset settles, so this ends).
    if (!covers(offset, items.length, visible, reply.total) && planOffset(visible, reply.total) !== offset) void query();
  }

  /** Detail replies in order too: an older read of the open case never replaces a newer one. */
  let detailAsked = 0;
  /** Returns what was read, even when a newer read superseded it on screen. */
  async function readDetail(caseId: string): Promise<CaseDetail | null> {
    const ticket = ++detailAsked;
    const detail = await request({ type: 'getCase', caseId });
    if (ticket !== detailAsked || get().selectedId !== caseId) return detail;
    // A case gone meanwhile (deleted elsewhere) stays on screen as it was: what the agent is typing into it is not
    // taken away by a refresh, and the next action on it says the case no longer exists.
    if (detail || get().detail?.case.id !== caseId) set({ detail });
    return detail;
  }

  /**
   * What a reply said about one case, shown at once in the list and the open case (before any query): the case, and
   * the history event it just logged (the history is read again right after; until then it has this one entry more).
   */
  function patchCase(record: CaseRecord, event?: CaseEvent) {
    epoch++;
    const { items, detail } = get();
    if (detail?.case.id !== record.id) {
      set({ items: patchRows(items, record) });
      return;
    }
    const events = event && !detail.events.some((e) => e.seq === event.seq) ? [...detail.events, event] : detail.events;
    set({ items: patchRows(items, record), detail: { ...detail, case: record, events } });
  }

  /**
   * A case selected before the store had it (a badge clicked while its page's reviews were still being written): it
   * opens, and counts as opened, when the write's change notice brings it.
   */
  let openWhenStored: string | null = null;
  async function markOpenedIfNew(caseId: string, detail: CaseDetail | null): Promise<void> {
    openWhenStored = detail || get().selectedId !== caseId ? null : caseId;
    if (get().selectedId === caseId && detail?.case.openedAt === null) {
      await request({ type: 'markOpened', caseId });
      await get().refreshCases([caseId]);
    }
  }

  let changedIds: Set<string> | 'all' | null = null;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;
  let burstDone: Array<() => void> = [];
  async function flush(): Promise<void> {
    clearTimeout(burstTimer);
    const ids = changedIds;
    const waiting = burstDone;
    changedIds = null;
    burstDone = [];
    epoch++;
    const selected = get().selectedId;
    const readOpen = selected !== null && (ids === 'all' || ids?.has(selected));
    try {
      const [, detail] = await Promise.all([query(), readOpen ? readDetail(selected) : null]);
      if (readOpen && openWhenStored === selected && detail) await markOpenedIfNew(selected, detail);
    } catch (error) {
      reportError('panel.refresh', error);
      set({ failure: asFailure(error) });
    } finally {
      waiting.forEach((done) => done());
    }
  }

  return {
    lang: 'zh-CN',
    settings: Preferences.parse({}),
    ...initialQueueState(),
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
    async reload() {
      const settings = readSettings(() => request({ type: 'getSettings' })).catch((error: unknown) => {
        reportError('panel.settings', error);
        set({ loaded: true, error: asFailure(error) });
      });
      const page = loadPageState().then((page) => set({ page }), reportingTo('panel.pageState'));
      await Promise.all([settings, page, get().refreshCases(null)]);
    },
    refreshCases(ids, options) {
      changedIds = ids === null || changedIds === 'all' ? 'all' : new Set([...(changedIds ?? []), ...ids]);
      const done = new Promise<void>((resolve) => burstDone.push(resolve));
      clearTimeout(burstTimer);
      if (options?.burst) burstTimer = setTimeout(() => void flush(), BURST_MS);
      else void flush();
      return done;
    },
    setVisible(range) {
      visible = range;
      const { offset, items, total, loaded } = get();
      if (loaded && !covers(offset, items.length, range, total)) void query();
    },
    async select(caseId) {
      set({ selectedId: caseId, detail: null, view: caseId ? 'case' : 'queue', undo: null });
      if (!caseId) return;
      try {
        // Decided on this read, not on the screen: a refresh of the open case (a burst of changes arriving) may be
        // on its way and have superseded this read, and the case must still be marked opened.
        await markOpenedIfNew(caseId, await readDetail(caseId));
      } catch (error) {
        reportError('panel.select', error);
        set({ failure: asFailure(error) });
      }
    },
    showSettings(open) {
      set({ view: open ? 'settings' : get().selectedId ? 'case' : 'queue' });
    },
    setFilter(patch) {
      // The field shows what was typed at once (the store holds it); the list follows when the query answers.
      set({ filter: { ...get().filter, ...patch } });
      visible = { start: 0, end: Math.max(0, visible.end - visible.start) };
      void query();
    },
    async toggleLanguage() {
      const failure = await get().saveSettings({ language: get().lang === 'zh-CN' ? 'en' : 'zh-CN' });
      if (failure) set({ failure });
    },
    async saveSettings(patch) {
      try {
        await readSettings(() => request({ type: 'saveSettings', settings: patch }));
        return null;
      } catch (error) {
        reportError('panel.saveSettings', error);
        return asFailure(error);
      }
    },
    logOutcome(a) {
      return inTurn(async () => {
        const { eventSeq, case: record, event } = await request({ type: 'logOutcome', ...a });
        set({ undo: { eventSeq, caseId: a.caseId, outcome: a.outcome, until: Date.now() + get().settings.undoSeconds * 1000 } });
        // Shown at once in the case, its history and its row; the row's place in the queue follows.
        patchCase(record, event);
        await get().refreshCases([a.caseId]);
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
        await get().refreshCases([offer.caseId]);
        return undone ? 'undone' : 'refused';
      });
    },
    async act(type, a, options) {
      let reply: unknown;
      try {
        reply = await request({ type, ...a } as Extract<Request, { type: typeof type }>);
      } catch (error) {
        reportError(`panel.${type}`, error);
        if (!options?.shown) set({ failure: asFailure(error) });
        return asFailure(error);
      }
      const record = (reply as { case?: CaseRecord } | null)?.case;
      if (record) patchCase(record);
      // A buyer note (勿扰) shows on every case of that buyer; other changes are to the case named or the one open.
      const caseId = 'caseId' in a && typeof a.caseId === 'string' ? a.caseId : get().selectedId;
      await get().refreshCases(type === 'saveBuyerNote' || !caseId ? null : [caseId]);
      return null;
    },
  };
});

export const outcomeLabel = (lang: Language, code: OutcomeCode) => outcomeInfo(code)[lang === 'zh-CN' ? 'zh' : 'en'];

async function loadPageState(): Promise<PageState> {
  // Without the active tab (the panel opened as a page) the background answers for the last console tab.
  const tabs = await browser.tabs.query({ active: true, currentWindow: true }).catch(reportingTo('panel.activeTab'));
  return request({ type: 'getPageState', tabId: tabs?.[0]?.id });
}

/** Keeps the panel in step with the background: changed cases, page changes, and badge clicks. */
export function connectPanelStore(): void {
  const { reload, refreshCases, select } = usePanel.getState();
  void reload();
  // A page being read reports itself once per batch: its state is read once after the burst.
  let pageTimer: ReturnType<typeof setTimeout> | undefined;
  const readPage = () => void loadPageState().then((page) => usePanel.setState({ page }), reportingTo('panel.pageState'));
  browser.runtime.onMessage.addListener((msg: Broadcast) => {
    if (msg?.type === 'casesChanged') void refreshCases(Array.isArray(msg.ids) ? msg.ids : null, { burst: true });
    else if (msg?.type === 'pageStateChanged') {
      clearTimeout(pageTimer);
      pageTimer = setTimeout(readPage, BURST_MS);
    }
  });
  browser.tabs.onActivated.addListener(() => void reload());
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
