import type { Language } from '@/lib/i18n';

/**
 * Opening dashboard.html in a tab, from the side panel's header and the toolbar icon's menu. Its words live here,
 * not in lib/i18n: the background (the menu's title) then does not carry the panel's tables.
 */
export const DASHBOARD_LINK: Record<Language, { label: string; hint: string }> = {
  'zh-CN': { label: '统计看板', hint: '在新标签页打开统计看板（中差评原因、处理进度、客服绩效、导出与备份）' },
  en: { label: 'Dashboard', hint: 'Open the dashboard in a new tab (causes, progress, agents, export and backup)' },
};

export const DASHBOARD_PATH = '/dashboard.html';

/** What opening needs of the extension API (a test passes its own). */
export interface OpenApi {
  runtime: { getURL(path: string): string };
  tabs: { create(props: { url: string }): Promise<unknown> };
}

/**
 * A new tab each time: the page computes its figures as it opens, so a new tab never shows figures from before the
 * agents' last work (an older dashboard tab is not refreshed). Opening our own page needs no "tabs" permission.
 */
export async function openDashboard(api: OpenApi = browser): Promise<void> {
  await api.tabs.create({ url: api.runtime.getURL(DASHBOARD_PATH) });
}
