// The few things the tests and the demo rely on from the extension (agreed with its authors; nothing else of
// its UI is relied on, so its wording and styling can change freely).

/** The badge host inside each case row carries both; no other element the extension adds does. */
export const BADGE_SELECTOR = '[data-review-id][data-sentiment]';

/** The side panel page; opened as a tab in tests, since the real panel is not a Playwright page. */
export const sidePanelUrl = (extensionId) => `chrome-extension://${extensionId}/sidepanel.html`;
