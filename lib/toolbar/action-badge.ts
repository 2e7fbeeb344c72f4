/** The toolbar icon shows how many new cases nobody has opened yet. */
export async function showUnopenedCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#d4380d' });
}
