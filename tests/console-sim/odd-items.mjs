// Odd Qianniu items, as a few hundred mutated console responses showed them (issue 8): one field of one review
// is strange, and the extension must lose only that review (or nothing), never the page's other badges.
//
// Encodes nothing new from CONSOLE.md: these are deliberate corruptions of the documented item shape. The ground
// truth follows what the page then shows: a review whose id is too long to be one is not a case the extension
// can store; a renamed emotionType leaves main review and follow-up "being classified" (情感识别中), no case.

/**
 * Sizes: the issue saw 1 MB; past the caps (ids of 120, texts of 20,000 characters) the extension treats any size
 * alike, and a page renders a 1 MB unbroken line for seconds, so the simulator uses 100,000 characters.
 */
const HUGE = 100_000;

/** @type {Record<string, (item: any, row: import('./qianniu-data.mjs').QianniuRowTruth) => void>} */
export const ODD_ITEMS = {
  /** A huge feedId: the API item and the row's 主评ID：… both carry it. Skipped (counted as id-too-long). */
  hugeFeedId(item, row) {
    item.rateContent.mainRate.feedId = '9'.repeat(HUGE);
    row.reviewId = item.rateContent.mainRate.feedId;
    row.caseSentiment = null;
    row.skipped = 'id-too-long';
  },
  /** A huge follow-up text: kept (stored up to 20,000 characters); the review stays a case. */
  hugeFollowUp(item, row) {
    if (!item.rateContent.appendRate?.feedId) throw new Error('hugeFollowUp needs a row with a follow-up');
    item.rateContent.appendRate.content = `追评：${'质量太差'.repeat(HUGE / 4)}`;
    row.texts = [row.texts[0], item.rateContent.appendRate.content];
  },
  /** A buyer nick that is not a string: the nick is lost, the review is not. */
  objectNick(item) {
    item.userInfo.userName = { nick: item.userInfo.userName };
    item.orderInfo.userName = null;
  },
  /** emotionType renamed: the page shows 情感识别中 for review and follow-up; not a case. */
  renamedEmotion(item, row) {
    item.emotionTypeV2 = item.emotionType;
    delete item.emotionType;
    row.mainSentiment = 'unknown';
    row.appendSentiment = row.appendSentiment === null ? null : 'unknown';
    row.caseSentiment = null;
  },
};

/**
 * Applies odd mutations to items of the built list, in place. `odd` maps a row index (0-based over the whole
 * list) to a name in ODD_ITEMS.
 * @param {{ items: object[], truth: object[] }} qianniu @param {Record<number, keyof typeof ODD_ITEMS>} odd
 */
export function applyOddItems(qianniu, odd) {
  for (const [at, name] of Object.entries(odd)) {
    const mutate = ODD_ITEMS[name];
    if (!mutate) throw new Error(`unknown odd item: ${name}`);
    mutate(qianniu.items[Number(at)], qianniu.truth[Number(at)]);
  }
}
