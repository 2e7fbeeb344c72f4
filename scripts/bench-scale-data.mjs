// A year of a busy Qianniu shop, generated deterministically (seeded) for scripts/bench-scale.mjs.
// Real buyer texts (tests/console-sim/data/reviews-sample.jsonl, /work/shared/data/*.jsonl when present), review
// times spread over 365 days, ~30 % neutral/negative, masked nicks (`w**8`), buyer keys with some repeat buyers,
// 19-digit order ids, a few hundred items. About a third of the neutral/negative reviews are observed again
// 1–6 days later as positive (the buyer revised it: the extension closes the case as 已改评), so at 100,000 reviews
// the store holds ~30,000 cases of which ~20,000 are open.
import { existsSync, readFileSync } from 'node:fs';
import { CATALOGUE } from '../tests/console-sim/sample.mjs';

const DAY = 24 * 60 * 60 * 1000;
const TEXT_FILES = ['tests/console-sim/data/reviews-sample.jsonl', '/work/shared/data/reviews-sample.jsonl', '/work/shared/data/causes-dev.jsonl'];
const SHARE = { negative: 0.2, neutral: 0.1 };
const REVISED_SHARE = 1 / 3;
const NICK_HEADS = [...'abcdefghjkmnpqrstwxyz', '小', '大', '爱', '晴', '木', '阿', '甜', '喵'];
const NICK_TAILS = [...'0123456789abcdefghkmnpstxyz', '猫', '鱼', '呀', '酱'];
const VARIANTS = ['', '2024新款', '加厚款', '旗舰款', '特惠装', '升级版', '礼盒装', '经典款', '学生款', '囤货装'];

/** mulberry32, as in lib/random/seeded.ts (a script cannot import the TypeScript module without a loader). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Texts by label and category, duplicates removed (the two sample files are the same corpus). */
function loadTexts(root) {
  const seen = new Set();
  const texts = { positive: [], negative: [] };
  for (const file of TEXT_FILES) {
    const full = file.startsWith('/') ? file : `${root}/${file}`;
    if (!existsSync(full)) continue;
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line);
      const label = row.sentiment ?? 'negative'; // causes-dev.jsonl holds negative reviews only
      if (seen.has(row.text) || !texts[label]) continue;
      seen.add(row.text);
      texts[label].push({ category: row.category, text: row.text });
    }
  }
  return texts;
}

/** A few hundred listings: every catalogue product in several variants, each with its own id. */
function buildItems() {
  const items = [];
  for (const [category, base] of Object.entries(CATALOGUE)) {
    for (let v = 0; v < 40; v++) {
      const variant = VARIANTS[v % VARIANTS.length];
      const title = `${base.title}${variant ? ` ${variant}` : ''}${v >= VARIANTS.length ? ` ${Math.floor(v / VARIANTS.length) + 1}号` : ''}`;
      items.push({ category, itemId: String(base.itemId + v * 7919), itemTitle: title });
    }
  }
  return items;
}

const digits = (rand, n, lead) => lead + Array.from({ length: n - lead.length }, () => Math.floor(rand() * 10)).join('');
const token = (rand, n) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'[Math.floor(rand() * 56)]).join('');
const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];

/**
 * @param {{ size: number, seed?: number, now?: number, root: string }} options
 * @returns {{ stream: object[], reviews: number, cases: number, revised: number, targets: object[] }}
 *   stream: observations in the order the console would show them (oldest first), each a ReviewObservation;
 *   targets: every case that stays open (never revised), in review order, to pick search targets from.
 */
export function generateYear({ size, seed = 20250901, now = Date.now(), root }) {
  const rand = seeded(seed);
  const texts = loadTexts(root);
  const items = buildItems();
  const textIn = (label, category) => {
    const pool = texts[label].filter((t) => t.category === category);
    return pick(rand, pool.length ? pool : texts[label]);
  };
  // Repeat buyers: one in seven reviews comes from a pool of regulars.
  const regulars = Array.from({ length: Math.max(10, Math.round(size / 40)) }, () => ({ nick: newNick(), buyerKey: token(rand, 29) }));
  function newNick() { return `${pick(rand, NICK_HEADS)}**${pick(rand, NICK_TAILS)}`; }

  const start = now - 365 * DAY;
  const times = Array.from({ length: size }, () => start + rand() * 365 * DAY).sort((a, b) => a - b);
  const events = [];
  let cases = 0;
  let revised = 0;
  const targets = [];
  times.forEach((time, i) => {
    const item = pick(rand, items);
    const r = rand();
    const sentiment = r < SHARE.negative ? 'negative' : r < SHARE.negative + SHARE.neutral ? 'neutral' : 'positive';
    const buyer = rand() < 1 / 7 ? pick(rand, regulars) : { nick: newNick(), buyerKey: token(rand, 29) };
    const obs = {
      platform: 'qianniu',
      platformReviewId: String(1300000000000 + i * 7 + Math.floor(rand() * 7)),
      sentiment,
      sentimentSource: 'platform',
      content: textIn(sentiment === 'positive' ? 'positive' : 'negative', item.category).text,
      placeholder: false,
      reviewTime: Math.round(time),
      itemId: item.itemId,
      itemTitle: item.itemTitle,
      itemLink: `https://item.taobao.com/item.htm?id=${item.itemId}`,
      orderId: digits(rand, 19, '4'),
      buyerNick: buyer.nick,
      buyerKey: buyer.buyerKey,
      pictureCount: rand() < 0.2 ? 1 + Math.floor(rand() * 3) : 0,
    };
    events.push({ at: obs.reviewTime, obs });
    if (sentiment === 'positive') return;
    cases++;
    const laterAt = obs.reviewTime + (1 + rand() * 5) * DAY;
    if (rand() < REVISED_SHARE && laterAt < now) {
      revised++;
      const text = textIn('positive', item.category).text;
      events.push({ at: laterAt, obs: { ...obs, sentiment: 'positive', content: text } });
    } else {
      targets.push({ caseId: `qianniu:${obs.platformReviewId}`, orderId: obs.orderId, nick: obs.buyerNick, text: obs.content });
    }
  });
  events.sort((a, b) => a.at - b.at);
  return { stream: events.map((e) => e.obs), reviews: size, cases, revised, targets };
}
