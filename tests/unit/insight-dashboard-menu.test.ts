import { describe, expect, it } from 'vitest';
import { DASHBOARD_MENU_ID, registerDashboardMenu, type MenuApi } from '@/lib/insight/dashboard-menu';
import type { Language } from '@/lib/i18n';

/** A stand-in for Chrome's contextMenus that behaves as Chrome does: an id created twice is an error (lastError). */
function fakeMenus() {
  const items = new Map<string, { title: string; contexts: string[] }>();
  const clicked: Array<(info: { menuItemId: string | number }) => void> = [];
  const storageListeners: Array<(changes: Record<string, { newValue?: unknown }>, area: string) => void> = [];
  const opened: string[] = [];
  const api = {
    runtime: { getURL: (path: string) => `chrome-extension://abc${path}`, lastError: undefined as unknown },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
    contextMenus: {
      removeAll: async () => items.clear(),
      create(props: { id: string; title: string; contexts: ['action'] }, done?: () => void) {
        api.runtime.lastError = items.has(props.id) ? { message: `Cannot create item with duplicate id ${props.id}` } : undefined;
        if (!api.runtime.lastError) items.set(props.id, { title: props.title, contexts: props.contexts });
        done?.();
        api.runtime.lastError = undefined;
      },
      update: async (id: string, props: { title: string }) => {
        const item = items.get(id);
        if (!item) throw new Error(`Cannot find menu item with id ${id}`);
        item.title = props.title;
      },
      onClicked: { addListener: (fn: (info: { menuItemId: string | number }) => void) => void clicked.push(fn) },
    },
    storage: { onChanged: { addListener: (fn: (typeof storageListeners)[number]) => void storageListeners.push(fn) } },
  } satisfies MenuApi;
  return { api, items, opened, click: (id: string) => clicked.forEach((fn) => fn({ menuItemId: id })), storageChanged: (area: string, key: string) => storageListeners.forEach((fn) => fn({ [key]: { newValue: {} } }, area)) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the toolbar icon menu opens the dashboard', () => {
  it('adds one item on the icon only, titled in the agent language; a click opens dashboard.html in a tab', async () => {
    const m = fakeMenus();
    await registerDashboardMenu(m.api, async () => 'zh-CN');
    expect([...m.items]).toEqual([[DASHBOARD_MENU_ID, { title: '统计看板', contexts: ['action'] }]]);
    m.click('someone-else');
    await settle();
    expect(m.opened).toEqual([]);
    m.click(DASHBOARD_MENU_ID);
    await settle();
    expect(m.opened).toEqual(['chrome-extension://abc/dashboard.html']);
  });

  it('a restarted worker registers again without a duplicate-id error (Chrome keeps the items)', async () => {
    const m = fakeMenus();
    await registerDashboardMenu(m.api, async () => 'zh-CN');
    await expect(registerDashboardMenu(m.api, async () => 'en')).resolves.toBeUndefined();
    expect(m.items.size).toBe(1);
    expect(m.items.get(DASHBOARD_MENU_ID)?.title).toBe('Dashboard');
  });

  it('renames the item when the language setting changes, and only then', async () => {
    const m = fakeMenus();
    let lang: Language = 'zh-CN';
    await registerDashboardMenu(m.api, async () => lang);
    lang = 'en';
    m.storageChanged('session', 'preferences');
    m.storageChanged('local', 'queueDrill');
    await settle();
    expect(m.items.get(DASHBOARD_MENU_ID)?.title).toBe('统计看板');
    m.storageChanged('local', 'preferences');
    await settle();
    expect(m.items.get(DASHBOARD_MENU_ID)?.title).toBe('Dashboard');
  });

  it('a create Chrome refuses is reported, not swallowed', async () => {
    const m = fakeMenus();
    m.api.contextMenus.removeAll = async () => undefined;
    await registerDashboardMenu(m.api, async () => 'zh-CN');
    await expect(registerDashboardMenu(m.api, async () => 'zh-CN')).rejects.toThrow(/duplicate id/);
  });
});
