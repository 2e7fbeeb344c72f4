// Review rows for the Qianniu 来自买家的评价 list, as items of the mtop API's data.data.dataSource.
//
// Encodes (CONSOLE.md §1, documented 2026-03 sample): item shape rateContent.mainRate{feedId, content, date(ms),
// language, contentTitle, expression, mediaList}, appendRate{feedId, content, days, language, mediaList},
// emotionType{status, appendRateStatus} with 11/12/13, userInfo{userName masked "w**", userStar, isReceiver,
// isForeigner, securityuid}, orderInfo{userName, mainOrderId, orderId}, itemInfo{itemId, title, link, orderId},
// operator.dataSource[].params.feedbackID; numbers as numbers or strings; appendRate absent or empty;
// expression/mediaList null; placeholder contents 此用户没有填写评价 / 系统默认好评.
// Guesses: appendRateStatus null when there is no follow-up; feedbackID equal to the main feedId; expression
// tags and their wording; which rows have pictures; item titles; ids are invented but shaped like the sample's.
import { seededRandom, digits, token, pick } from './random.mjs';
import { DAY, HOUR } from './time.mjs';
import { itemFor } from './sample.mjs';
import { sentimentOfStatus, caseSentiment } from './sentiment.mjs';

export const QIANNIU_PAGE_SIZE = 20;

/**
 * Text of the review that tries to inject HTML. The page and the extension must only ever show it as text;
 * the payload sets window.__rdPwned, and the img's relative src=x would also show up as an unexpected request.
 */
export const XSS_TEXT =
  '<img src=x onerror="window.__rdPwned=1">到手和详情页的图片根本不是一个颜色<script>window.__rdPwned=1</script>，问客服一直没人理';

/**
 * Recipes for page 1, which the e2e tests look at most. m/a: main and follow-up status exactly as sent
 * (a omitted = no follow-up). Flags switch on the awkward variants the extension has to survive.
 */
const PAGE_ONE = [
  { m: '13', strings: true, media: 2 }, // numbers as strings: itemId, date, status "13"
  { m: 11, noAppendKey: true, nullExpression: true, nullMedia: true },
  { m: 11, a: 13 }, // positive review, negative follow-up: a case
  { m: 12, media: 1 },
  { m: 0 }, // still being classified: 情感识别中, not a case
  { m: 11, placeholder: '系统默认好评', nullExpression: true },
  { m: 12, placeholder: '此用户没有填写评价' }, // a neutral rating without any text
  { m: 13, a: 11 }, // negative review, positive follow-up: still a case
  { m: 13, xss: true },
  { m: 11, noLink: true }, // itemInfo.link missing
  { m: 11, media: 1 },
  { m: 12, a: 13 },
  { m: 11, emptyAppend: true }, // appendRate: {}
  { m: 13, a: 0 }, // follow-up still being classified
  { m: 11 },
  { m: 11, a: 11 },
  { m: 13, numericFeedId: true }, // feedId as a JSON number
  { m: 0, a: 12 }, // unknown main, neutral follow-up: a neutral case
  { m: 11 },
  { m: '12', a: '12', nullAppendMedia: true },
];

/** Recipes cycled over the later pages: mostly positive, as a real list is. */
const LATER = [
  { m: 11 },
  { m: 11, media: 1 },
  { m: 13 },
  { m: 11, a: 11 },
  { m: 12 },
  { m: 11 },
  { m: 0, a: 13 },
  { m: 11 },
  { m: 13, a: 12, media: 1 },
  { m: 11 },
  { m: 11, a: 12 },
  { m: 11 },
];

const NICK_LETTERS = 'abcdefghjkmnpqrstwxyz';
const TAGS = {
  positive: ['质量很好', '物流很快', '性价比高', '包装完好'],
  neutral: ['一般般', '尺码偏小', '味道一般'],
  negative: ['质量不好', '与描述不符', '客服态度差', '物流慢'],
  unknown: ['其他'],
};
const PLACEHOLDER_CATEGORIES = ['洗发水', '衣服', '水果'];

/**
 * @typedef {object} QianniuRowTruth
 * @property {string} reviewId mainRate.feedId as a string
 * @property {string} mainSentiment
 * @property {string|null} appendSentiment
 * @property {'negative'|'neutral'|null} caseSentiment
 * @property {string[]} texts main and follow-up contents
 * @property {string} nick @property {string} orderId @property {string} itemId @property {string} itemTitle
 * @property {string[]} otherIds follow-up feedId, securityuid
 */

/**
 * @param {{ now: number, seed: number, pools: import('./sample.mjs').TextPools, total?: number }} options
 * @returns {{ items: object[], truth: QianniuRowTruth[] }} newest first
 */
export function buildQianniuReviews({ now, seed, pools, total = 67 }) {
  const rand = seededRandom(seed ^ 0x51a9);
  const items = [];
  const truth = [];
  for (let i = 0; i < total; i++) {
    const recipe = i < PAGE_ONE.length ? PAGE_ONE[i] : LATER[(i - PAGE_ONE.length) % LATER.length];
    const { item, row } = buildItem(recipe, i, { now, rand, pools });
    items.push(item);
    truth.push(row);
  }
  return { items, truth };
}

/** Age of row i: a few within hours, the first 60 spread over ~20 days, the rest past the 30-day reply window. */
function ageOf(i, rand) {
  const jitter = Math.floor(rand() * 20) * 60 * 1000;
  if (i < 60) return (0.3 + 0.135 * i * i) * HOUR + jitter;
  // Beyond the 30-day reply window; big lists (benchmarks) stay within about a year.
  return (31 + ((i - 60) % 250) * 1.3) * DAY + jitter;
}

function textFor(status, pools) {
  const s = sentimentOfStatus(status);
  // Unknown (not yet classified) rows still have real text; take a positive one so the list is not all gloom.
  return pools.next(s === 'neutral' || s === 'negative' ? 'negative' : 'positive');
}

function media(rand, count) {
  return Array.from({ length: count }, () => ({
    uiType: 'image',
    thumbnail: `//img.alicdn.com/imgextra/i${1 + Math.floor(rand() * 4)}/O1CN01${token(rand, 16)}-rate.jpg`,
    flashUrl: null,
    mp4Url: null,
  }));
}

function buildItem(recipe, i, { now, rand, pools }) {
  const mainSample = recipe.placeholder || recipe.xss ? null : textFor(recipe.m, pools);
  const category = mainSample?.category ?? (recipe.xss ? '衣服' : PLACEHOLDER_CATEGORIES[i % 3]);
  const content = recipe.xss ? XSS_TEXT : (recipe.placeholder ?? mainSample.text);
  const product = itemFor(category);
  const feedId = String(1301250188411 + i * 104729 + Math.floor(rand() * 97));
  const date = Math.round(now - ageOf(i, rand));
  const orderId = digits(rand, 19, '4');
  const nick = pick(rand, [...NICK_LETTERS]) + '**';
  const securityuid = token(rand, 29);
  const mainSentiment = sentimentOfStatus(recipe.m);

  const hasAppend = recipe.a !== undefined;
  const appendSample = hasAppend ? textFor(recipe.a, pools) : null;
  const appendFeedId = hasAppend ? String(1301344048837 + i * 7919 + Math.floor(rand() * 89)) : null;

  const mainRate = {
    feedId: recipe.numericFeedId ? Number(feedId) : feedId,
    content,
    date: recipe.strings ? String(date) : date,
    language: 'zh_CN',
    contentTitle: null,
    expression: recipe.nullExpression ? null : [{ content: pick(rand, TAGS[mainSentiment]), emotion: String(Number(recipe.m) || 0) }],
    mediaList: recipe.nullMedia ? null : media(rand, recipe.media ?? 0),
  };
  const rateContent = { mainRate };
  if (hasAppend) {
    rateContent.appendRate = {
      feedId: appendFeedId,
      content: appendSample.text,
      days: 2 + (i % 12),
      language: 'zh_CN',
      mediaList: recipe.nullAppendMedia ? null : [],
    };
  } else if (recipe.emptyAppend) {
    rateContent.appendRate = {};
  } else if (!recipe.noAppendKey) {
    rateContent.appendRate = null;
  }

  const emotionType = { status: recipe.strings ? String(recipe.m) : recipe.m };
  if (!recipe.noAppendKey) emotionType.appendRateStatus = hasAppend ? recipe.a : null;

  const itemId = recipe.strings ? String(product.itemId) : product.itemId;
  const itemInfo = { itemId, title: product.title, orderId };
  if (!recipe.noLink) itemInfo.link = `//item.taobao.com/item.htm?id=${product.itemId}`;

  const item = {
    rateContent,
    emotionType,
    userInfo: {
      userName: nick,
      userStar: `https://img.alicdn.com/tps/i${1 + (i % 4)}/O1CN01star-level-${1 + (i % 5)}.png`,
      isReceiver: false,
      isForeigner: false,
      securityuid,
    },
    orderInfo: { userName: nick, mainOrderId: orderId, orderId },
    itemInfo,
    operator: { dataSource: [{ params: { feedbackID: feedId } }] },
  };

  const appendSentiment = hasAppend ? sentimentOfStatus(recipe.a) : null;
  const row = {
    reviewId: feedId,
    mainSentiment,
    appendSentiment,
    caseSentiment: caseSentiment(mainSentiment, appendSentiment),
    texts: hasAppend ? [content, appendSample.text] : [content],
    nick,
    orderId,
    itemId: String(product.itemId),
    itemTitle: product.title,
    otherIds: [appendFeedId, securityuid].filter(Boolean),
  };
  return { item, row };
}
