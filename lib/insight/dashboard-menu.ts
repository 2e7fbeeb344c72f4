import type { Language } from '@/lib/i18n';
import { loadPreferences } from '@/lib/settings/preferences';
import { reportingTo } from '@/lib/errors/report';
import { DASHBOARD_LINK, openDashboard, type OpenApi } from './open-dashboard';

/** The toolbar icon's right-click menu item that opens the dashboard (the icon's left click opens the side panel). */
export const DASHBOARD_MENU_ID = 'reviewdesk-open-dashboard';

/** The parts of the extension API the menu uses (a test passes its own). */
export interface MenuApi extends OpenApi {
  contextMenus: {
    removeAll(): Promise<void>;
    create(props: { id: string; title: string; contexts: ['action'] }, done?: () => void): unknown;
    update(id: string, props: { title: string }): Promise<void>;
    onClicked: { addListener(fn: (info: { menuItemId: string | number }) => void): void };
  };
  storage: { onChanged: { addListener(fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void } };
  runtime: OpenApi['runtime'] & { readonly lastError?: unknown };
}

/**
 * Registers the menu item, titled in the agent's language and renamed when the language changes. Called on every
 * start of the background worker: Chrome keeps menu items across worker restarts, so the old one is removed first
 * (creating an id twice is an error), and the click listener must be added synchronously at start to hear the click
 * that woke the worker.
 */
export function registerDashboardMenu(api: MenuApi = browser as unknown as MenuApi, language: () => Promise<Language> = async () => (await loadPreferences()).language): Promise<void> {
  api.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === DASHBOARD_MENU_ID) void openDashboard(api).catch(reportingTo('dashboard-menu'));
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.preferences) return;
    void language()
      .then((lang) => api.contextMenus.update(DASHBOARD_MENU_ID, { title: DASHBOARD_LINK[lang].label }))
      .catch(reportingTo('dashboard-menu'));
  });
  return (async () => {
    const lang = await language();
    await api.contextMenus.removeAll();
    await new Promise<void>((resolve, reject) => {
      api.contextMenus.create({ id: DASHBOARD_MENU_ID, title: DASHBOARD_LINK[lang].label, contexts: ['action'] }, () => {
        // Chrome reports a failed create through lastError only; reading it also keeps it from being logged as unchecked.
        const error = api.runtime.lastError;
        if (error) reject(error instanceof Error ? error : new Error(String((error as { message?: unknown }).message ?? error)));
        else resolve();
      });
    });
  })();
}
