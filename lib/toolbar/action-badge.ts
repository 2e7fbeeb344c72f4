/**
 * The toolbar icon shows how many new cases nobody has opened; it turns red when a promise to a buyer is overdue,
 * because a broken promise can become a 违背承诺 complaint.
 */
export async function showToolbarState(unopened: number, overduePromises: number): Promise<void> {
  const text = unopened > 0 ? (unopened > 999 ? '999+' : String(unopened)) : overduePromises > 0 ? '!' : '';
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: overduePromises > 0 ? '#cf1322' : '#fa8c16' });
  await browser.action.setTitle({
    title: overduePromises > 0 ? `评价回访台：${overduePromises} 个补偿承诺已逾期` : unopened > 0 ? `评价回访台：${unopened} 个新中差评未查看` : '评价回访台',
  });
}
