import { create } from 'zustand';
import type { CaseDetail, CaseView } from '@/lib/cases/case-store';
import { sortQueue } from '@/lib/cases/queue';
import { request, type Broadcast, type PageState } from '@/lib/messaging/protocol';
import { FOCUS_KEY, FOCUS_FRESH_MS } from '@/lib/messaging/focus';
import { loadPreferences, savePreferences } from '@/lib/settings/preferences';
import type { Language } from '@/lib/i18n';

interface PanelState {
  lang: Language;
  cases: CaseView[];
  loaded: boolean;
  error: string | null;
  selectedId: string | null;
  detail: CaseDetail | null;
  page: PageState | null;
  refresh: () => Promise<void>;
  select: (caseId: string | null) => Promise<void>;
  toggleLanguage: () => Promise<void>;
}

export const usePanel = create<PanelState>((set, get) => ({
  lang: 'zh-CN',
  cases: [],
  loaded: false,
  error: null,
  selectedId: null,
  detail: null,
  page: null,
  async refresh() {
    try {
      const [cases, page, prefs] = await Promise.all([request({ type: 'listOpenCases' }), loadPageState(), loadPreferences()]);
      const selectedId = get().selectedId;
      const detail = selectedId ? await request({ type: 'getCase', caseId: selectedId }) : null;
      set({ cases: sortQueue(cases), page, lang: prefs.language, detail, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },
  async select(caseId) {
    set({ selectedId: caseId, detail: null });
    if (!caseId) return;
    const detail = await request({ type: 'getCase', caseId });
    set({ detail });
    if (detail && detail.case.openedAt === null) await request({ type: 'markOpened', caseId });
  },
  async toggleLanguage() {
    const prefs = await savePreferences({ language: get().lang === 'zh-CN' ? 'en' : 'zh-CN' });
    set({ lang: prefs.language });
  },
}));

async function loadPageState(): Promise<PageState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return request({ type: 'getPageState', tabId: tab?.id });
}

/** Keeps the panel in step with the background: new cases, page changes, and badge clicks. */
export function connectPanelStore(): void {
  const { refresh, select } = usePanel.getState();
  void refresh();
  browser.runtime.onMessage.addListener((msg: Broadcast) => {
    if (msg?.type === 'casesChanged' || msg?.type === 'pageStateChanged') void refresh();
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
