// How the fixtures decide which rows are cases (the ground truth the e2e tests compare badges with).
// CONSOLE.md: emotionType.status / appendRateStatus 11 正面, 12 中性, 13 负面, anything else unknown (情感识别中).
// A row is a case when its main review or its follow-up is neutral or negative; the case takes the worse one.

/** @typedef {'positive'|'neutral'|'negative'|'unknown'} Sentiment */
/** @typedef {'negative'|'neutral'} CaseSentiment */

/** @param {unknown} status number or numeric string, as the API may send either @returns {Sentiment} */
export function sentimentOfStatus(status) {
  switch (Number(status)) {
    case 11:
      return 'positive';
    case 12:
      return 'neutral';
    case 13:
      return 'negative';
    default:
      return 'unknown';
  }
}

/** @param {...(Sentiment|null|undefined)} sentiments @returns {CaseSentiment|null} */
export function caseSentiment(...sentiments) {
  if (sentiments.includes('negative')) return 'negative';
  if (sentiments.includes('neutral')) return 'neutral';
  return null;
}

/** Legacy rate.taobao.com ratings (the follow-up carries no rating of its own there). */
export const LEGACY_RATING = {
  good: { title: '好评', sentiment: 'positive' },
  normal: { title: '中评', sentiment: 'neutral' },
  bad: { title: '差评', sentiment: 'negative' },
};
