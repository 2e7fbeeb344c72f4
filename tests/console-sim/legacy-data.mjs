// Review rows of the legacy rate.taobao.com 评价管理 list (来自买家的评价), two pages.
//
// Encodes (CONSOLE.md §2): one rating per row (好评/中评/差评), an optional follow-up (second p.comment) without a
// rating of its own, photos, a masked buyer nick, an item linked to a trade snapshot, a row id (tr[data-id]).
// Guesses: the id format (12 digits here), nick masking, page sizes (15 + 8), the follow-up label and the
// seller reply, prices. Case sentiment = the row's rating (中评 → neutral, 差评 → negative).
import { seededRandom, digits, token, pick } from './random.mjs';
import { HOUR } from './time.mjs';
import { itemFor } from './sample.mjs';
import { LEGACY_RATING, caseSentiment } from './sentiment.mjs';

/** Text the legacy page must escape on the server; it would set window.__rdPwned if parsed as HTML anywhere. */
export const LEGACY_XSS_TEXT = '</p><script>window.__rdPwned=1</script>穿了一次袖口就开线了<img src=x onerror="window.__rdPwned=1">，不推荐';

/** r: rating key; f: has a follow-up; p: photo count; flags for the odd rows. */
const PAGES = [
  [
    { r: 'good' }, { r: 'bad', f: true, p: 2 }, { r: 'good', reply: true }, { r: 'normal' }, { r: 'good' },
    { r: 'good', f: true }, { r: 'bad', xss: true }, { r: 'good' }, { r: 'normal', f: true }, { r: 'good', p: 1 },
    { r: 'good' }, { r: 'bad' }, { r: 'good' }, { r: 'good', p: 1 }, { r: 'normal' },
  ],
  [{ r: 'good' }, { r: 'bad' }, { r: 'good' }, { r: 'good', f: true }, { r: 'normal' }, { r: 'good' }, { r: 'bad', f: true }, { r: 'good' }],
];

/**
 * @typedef {object} LegacyRow
 * @property {string} id @property {keyof LEGACY_RATING} rating @property {string} text @property {number} date
 * @property {{ text: string, date: number, days: number } | null} followUp @property {string[]} photos
 * @property {string} nick @property {string} buyerLink @property {string} orderId @property {object} item
 * @property {string|null} reply
 */

/** @returns {LegacyRow[][]} rows per page, newest first */
export function buildLegacyPages({ now, seed, pools }) {
  const rand = seededRandom(seed ^ 0x1e6a);
  let index = 0;
  return PAGES.map((recipes) =>
    recipes.map((recipe) => {
      const i = index++;
      const sentiment = LEGACY_RATING[recipe.r].sentiment;
      const sample = recipe.xss ? null : pools.next(sentiment === 'positive' ? 'positive' : 'negative');
      const date = Math.round(now - (2 + i * i * 0.75) * HOUR - Math.floor(rand() * 50) * 60000);
      const follow = recipe.f ? pools.next(sentiment === 'positive' ? 'positive' : 'negative') : null;
      const followDays = 3 + (i % 9);
      return {
        id: digits(rand, 12, '2'),
        rating: recipe.r,
        text: recipe.xss ? LEGACY_XSS_TEXT : sample.text,
        date,
        // The follow-up came some time after the review, never in the future.
        followUp: follow ? { text: follow.text, days: followDays, date: Math.round(date + (now - date) * 0.6) } : null,
        photos: Array.from({ length: recipe.p ?? 0 }, () => `//img.alicdn.com/imgextra/i2/O1CN01${token(rand, 14)}.jpg`),
        nick: `${pick(rand, [...'abcdefghjkmnpqrstwxyz'])}**${pick(rand, [...'0123456789abcdef'])}`,
        buyerLink: `//rate.taobao.com/user-rate-${token(rand, 18)}.htm`,
        orderId: digits(rand, 19, '3'),
        item: itemFor(sample?.category ?? '衣服'),
        reply: recipe.reply ? '[掌柜回复] 谢谢亲的认可，有问题随时找我们' : null,
      };
    }),
  );
}

/** Ground truth for one legacy page. */
export function legacyTruth(rows) {
  return rows.map((row) => {
    const mainSentiment = LEGACY_RATING[row.rating].sentiment;
    return {
      reviewId: row.id,
      mainSentiment,
      appendSentiment: null,
      caseSentiment: caseSentiment(mainSentiment),
      texts: row.followUp ? [row.text, row.followUp.text] : [row.text],
      nick: row.nick,
      orderId: row.orderId,
      itemId: String(row.item.itemId),
      itemTitle: row.item.title,
      otherIds: [],
    };
  });
}
