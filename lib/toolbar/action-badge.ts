import { t, type Language } from '../i18n';

/** What the toolbar icon shows: the badge text, its colour and the title, in the agent's language. */
export function toolbarState(unopened: number, overduePromises: number, lang: Language = 'zh-CN') {
  return {
    text: unopened > 0 ? (unopened > 999 ? '999+' : String(unopened)) : overduePromises > 0 ? '!' : '',
    color: overduePromises > 0 ? '#cf1322' : '#fa8c16',
    title: overduePromises > 0 ? t(lang, 'toolbar.overdue', { n: overduePromises })
      : unopened > 0 ? t(lang, 'toolbar.unopened', { n: unopened }) : t(lang, 'toolbar.title'),
  };
}

/**
 * The toolbar icon shows how many new cases nobody has opened; it turns red when a promise to a buyer is overdue,
 * because a broken promise can become a 违背承诺 complaint.
 */
export async function showToolbarState(unopened: number, overduePromises: number, lang: Language = 'zh-CN'): Promise<void> {
  const { text, color, title } = toolbarState(unopened, overduePromises, lang);
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title });
}
