/**
 * Compliance check for reply texts, run on every template and on every edited text before it is copied.
 *
 * The law (DOMAIN.md, "Compensation"): E-commerce Law art. 17 and the SAMR 《网络反不正当竞争暂行规定》
 * (in force 2024-09-01) forbid luring buyers with cash back, red packets or coupons into a specified good
 * review. A remedy for the buyer's actual problem is fine ("我们给您补发"), and so is one polite, no-strings
 * question about updating the review once the problem is solved. What is flagged is tying the two together,
 * pressure, over-long public explanations, unfilled blanks, and private or deal details in public.
 *
 * How it works: the text is normalised (full-width → half-width, lower case, traditional → simplified for
 * the words that matter, spaces and decorative marks between Chinese characters removed: "好 评 返 现",
 * "好*评*返😊现", "好評返現" → "好评返现"), then rules look for *review-change* phrases and *reward*
 * phrases and how they are linked:
 * - adjacent, either order ("好评返现", "5星好评返3元", "红包换好评", "五星好评！返5元");
 * - review change, then a connector, then any reward ("改好评后退款", "改成好评我就退你10元",
 *   "update your review and we'll refund you");
 * - a money-like inducement (cash, coupon, red packet, gift) within a short window of a review change in the
 *   same sentence, whatever the wording ("确认收货并五星好评，送10元券");
 * - a condition that directly governs a review change, with a reward in the same sentence
 *   ("送您优惠券，只要您改个好评", "a coupon if you update your review").
 * Sentences saying the remedy does not depend on the review ("无论您是否修改评价，退款都会照常到账") are
 * left alone, and so is a request conditioned on the buyer being satisfied ("问题解决后，如果您觉得满意，
 * 方便的话可以更新一下评价"). A remedy that merely sits next to a polite request only gets a warning.
 *
 * Severity: 'block' stops copying (conditional rewards, threats, deadlines, three or more requests, over
 * 500 characters in public, private data or compensation amounts in public, asking for a review change in
 * public, unfilled placeholders); 'warn' is shown but lets the agent copy (a remedy next to a request, two
 * requests, guilt-tripping or name-calling, a bare amount or the buyer's nick in public, "XX" blanks).
 */
import { EXPLANATION_MAX_CHARS, type Channel, type Lang } from './schema';

export type IssueCode =
  | 'empty'
  | 'conditional-reward'
  | 'pressure'
  | 'too-long'
  | 'unfilled-placeholder'
  | 'asks-review-in-public'
  | 'private-data-in-public';

export interface ComplianceIssue {
  code: IssueCode;
  /** 'block': copying is refused until fixed; 'warn': shown, copying allowed. */
  severity: 'block' | 'warn';
  message: { zh: string; en: string };
  /** The offending words as they appear in the text. */
  excerpt: string;
  /** Position of the excerpt in the checked text (UTF-16 offsets, end exclusive), for highlighting. */
  start: number;
  end: number;
  /** How to say it compliantly. */
  suggestion: { zh: string; en: string };
}

export interface ComplianceResult {
  /** True when nothing blocks copying (warnings may remain). */
  ok: boolean;
  issues: ComplianceIssue[];
}

export interface ComplianceOptions {
  channel: Channel;
  lang: Lang;
  /** The buyer's nickname, if known: it must not appear in a public explanation. */
  buyerNick?: string;
}

/** Taobao counts every character (letters, punctuation, emoji) as one. */
export function countChars(text: string): number {
  return Array.from(text).length;
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation with a map back to the original text
// ---------------------------------------------------------------------------------------------------------

interface Unit {
  ch: string;
  start: number;
  end: number;
}

interface Normalised {
  s: string;
  /** For every UTF-16 unit of s, the original [start, end) it came from. */
  from: { start: number; end: number }[];
}

const HAN = /\p{Script=Han}/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/u;
const STARS = /[⭐🌟★☆✨]/u;
/** Marks nobody puts between Chinese characters except to dodge a filter: "好*评", "返.现", "好😊评". */
const DECORATIVE = /^(?:[*·•.\-_~|/\\^+=#@`'"‘’“”…]|\p{Extended_Pictographic}|\uFE0F)$/u;
/** Ordinary punctuation, removed only inside a run of single spaced-out characters: "好，评，返，现". */
const SPACER = /^[\s,，、。.!！?？:：;；·*\-_~|/\\^+=#@`'"‘’“”…]$/u;

/**
 * Traditional forms of the characters the rules look for ("好評返現", "刪差評送禮"), and curly apostrophes.
 * Not a general converter: only what the vocabulary below needs.
 */
const FOLD_PAIRS =
  '评評现現红紅优優礼禮赠贈删刪换換还還钱錢补補偿償发發价價后後论論无無关關条條给給会會满滿费費买買单單让讓个個颗顆这這们們为為马馬变變样樣递遞运運邮郵奖獎励勵积積将將账賬转轉钟鐘须須诉訴举舉骚騷扰擾胁脅师師罚罰资資';
const FOLD: Record<string, string> = { '’': "'", '‘': "'" };
for (let i = 0; i + 1 < FOLD_PAIRS.length; i += 2) FOLD[FOLD_PAIRS[i + 1]!] = FOLD_PAIRS[i]!;

function isHan(u: Unit | undefined): boolean {
  return u !== undefined && HAN.test(u.ch);
}

export function normalise(text: string): Normalised {
  let units: Unit[] = [];
  let offset = 0;
  for (const cp of text) {
    const start = offset;
    offset += cp.length;
    if (ZERO_WIDTH.test(cp)) continue;
    const mapped = STARS.test(cp) ? '星' : (FOLD[cp] ?? cp).normalize('NFKC').toLowerCase();
    for (const ch of mapped) units.push({ ch, start, end: offset });
  }

  // Whitespace next to a Chinese character carries no meaning: "好 评" → "好评", "5 星" → "5星".
  units = units.filter((u, i) => {
    if (!/\s/u.test(u.ch)) return true;
    let a = i - 1;
    while (a >= 0 && /\s/u.test(units[a]!.ch)) a--;
    let b = i + 1;
    while (b < units.length && /\s/u.test(units[b]!.ch)) b++;
    return !(isHan(units[a]) || isHan(units[b]));
  });

  // Decorative marks between two Chinese characters.
  units = units.filter((u, i) => {
    if (!DECORATIVE.test(u.ch)) return true;
    let a = i - 1;
    while (a >= 0 && DECORATIVE.test(units[a]!.ch)) a--;
    let b = i + 1;
    while (b < units.length && DECORATIVE.test(units[b]!.ch)) b++;
    return !(isHan(units[a]) && isHan(units[b]));
  });

  // Runs of three or more single characters separated by punctuation: "好，评，返，现" → "好评返现".
  const drop = new Set<number>();
  let i = 0;
  while (i < units.length) {
    if (!isHan(units[i]) || isHan(units[i - 1])) {
      i++;
      continue;
    }
    const singles = [i];
    const spacers: number[] = [];
    let j = i + 1;
    for (;;) {
      let k = j;
      const run: number[] = [];
      while (k < units.length && SPACER.test(units[k]!.ch)) run.push(k++);
      if (!run.length || !isHan(units[k]) || isHan(units[k + 1])) {
        // The run ends here; a final single character directly followed by nothing Chinese is fine.
        break;
      }
      spacers.push(...run);
      singles.push(k);
      j = k + 1;
    }
    if (singles.length >= 3 && !isHan(units[singles[singles.length - 1]! + 1])) spacers.forEach((x) => drop.add(x));
    i = j;
  }
  units = units.filter((_, idx) => !drop.has(idx));

  let s = '';
  const from: Normalised['from'] = [];
  for (const u of units) {
    s += u.ch;
    for (let k = 0; k < u.ch.length; k++) from.push({ start: u.start, end: u.end });
  }
  return { s, from };
}


// ---------------------------------------------------------------------------------------------------------
// Vocabulary (all patterns run on the normalised, lower-case text)
// ---------------------------------------------------------------------------------------------------------

const NUM = '[\\d一二两三四五六七八九十百千]';
const HAN_NUM = '[一二两三四五六七八九十百千]';
const EN_CHANGE =
  '(?:change|changing|update|updating|edit|editing|revise|revising|remove|removing|delete|deleting|withdraw|withdrawing|amend|amending|modify|modifying|take down|taking down|improve|improving|upgrade|upgrading|raise|raising|fix|fixing)';
const ZH_CHANGE_OBJECT = '(?:差评|中评|评价|评论|评分)';

/** A good rating, or changing / deleting / adding to a review. */
const REVIEW_TARGET = new RegExp(
  [
    // 好评 and its dodges (好平, hp返现), star and score ratings
    '好评', '好平(?!整|稳|衡|安|时|常|静|和|滑|均)', '(?<![a-z])hp(?=返|送|有|给|后|就|即|=)', '(?:五|5)(?:颗)?星', '(?:五|5)分(?!钟|之)',
    '满分', '晒图', '追评', '追加(?:评价|评论)', '(?:评价|评论)写(?:得)?好',
    // changing or deleting a review: 修改评价, 删差评, 改评, 把差评改了, 评价改一下
    `(?:修改|更改|更新|删除|删掉|撤销|撤回|撤掉|去掉|拿掉)(?:一下|掉)?(?:这条|那条|您的|你的|的)?${ZH_CHANGE_OBJECT}`,
    `(?<![不])(?:改|删|撤)(?!进|正|善|良|变)(?:一下|个|掉|了)?(?:成|为)?(?:这条|那条|您的|你的)?(?:${ZH_CHANGE_OBJECT}|评)`,
    `${ZH_CHANGE_OBJECT}(?:给|帮)?(?<!改)(?:改|删|撤)(?!不)(?:掉|了|一下)?`,
    // English
    `\\b${EN_CHANGE}\\s+(?:[\\w'-]+\\s+){0,2}?(?:review|rating|feedback|comment|stars?)s?\\b`,
    '\\b(?:positive|good|great|5[- ]?star|five[- ]?star|full[- ]marks?)\\s+(?:review|rating|feedback)s?\\b',
    '\\b(?:5|five) stars\\b', '\\b5[- ]star\\b', '\\bfive[- ]star\\b',
  ].join('|'),
  'gu',
);

const AMOUNT_SOURCE = `\\d+(?:\\.\\d+)?\\s?(?:元|块|毛|角)|${HAN_NUM}+(?:元|块钱)|[¥$]\\s?\\d+(?:\\.\\d+)?|\\b\\d+(?:\\.\\d+)?\\s?(?:yuan|rmb|cny|dollars?|bucks)\\b`;

/** Money, coupons, red packets, gifts, free items, refunds and other remedies. */
const REWARD = new RegExp(
  [
    '返现', '反现', '返利', '返钱', '返款', '返还', '返佣', `返(?=${NUM})`, '返(?:您|你|给)', '返红包',
    '红包', '现金', '优惠', '代金券', '礼金', '券', '礼品', '礼物', '赠品', '小礼', '奖励', '有奖', '有礼', '奖品',
    '免单', '免费', '白送', '包邮', '免邮', '运费险', '积分', '折扣', '打折', '福利', '好处', '惊喜', '(?<!价|值)钱',
    '退款', `退(?=${NUM})`, '退(?:您|你|给)', '退差价', '补差价', '退运费', '补偿', '赔偿', '赔付', '补贴', '打款', '转账',
    '补发', '重发', '换新', '换货',
    '(?<![配派运递护接发传输寄押投速快])送(?![货达到往去回出件单])',
    AMOUNT_SOURCE,
    // English
    '\\bcash ?back\\b', '\\brefund\\w*', '\\bmoney back\\b', '\\brebate\\w*', '\\bcoupons?\\b', '\\bvouchers?\\b',
    '\\bred (?:packet|envelope)s?\\b', '\\bhongbao\\b', '\\bgifts?\\b', '(?<!feel )\\bfree\\b(?! to\\b)', '\\bdiscount\\w*',
    '\\bbonus\\w*', '\\brewards?\\b', '\\bcompensat\\w*', '\\bcredit\\b', '\\breplacement\\b', '\\breship\\w*', '\\bpay you\\b',
  ].join('|'),
  'gu',
);

/** Words between a review change and a reward that make one the condition of the other. */
const LINK_AFTER_REVIEW =
  /后|之后|以后|完|就|即|便|才|[立秒]$|马上|立刻|立即|随即|再|可(?:得|领|获|以)|能(?:拿|领|得)|领取|获得|给(?:您|你)|都|=|→|->|\+|(?:我们?|我们?这边|这边)(?:也|就|马上|立刻|再|会)?$|\b(?:then|and (?:we|i|you)|and get|to get|gets?|receive|for|after which|in return|in exchange|we'll|we will|you'll|you will)\b/u;

/** Rewards that are pure inducements (money, coupons, gifts) rather than a fix for the problem (refund, reship). */
const INDUCEMENT =
  /返|红包|现金|券|礼|赠|奖|免单|白送|运费险|积分|折扣|打折|福利|好处|惊喜|钱|元|块|毛|角|送|¥|\$|cash|coupon|voucher|red |hongbao|gift|free|bonus|reward|credit|pay you|yuan|rmb|cny|dollar|buck/u;

/** A condition marker that may directly govern a review change: 只要您改个好评, if you update your review. */
const CONDITION =
  /如果|假如|要是|若|只要|只需|前提是|条件是|需要(?:您|你)|等(?:您|你)|待(?:您|你)|一旦|\b(?:only if|if|once|after|when|as long as|so long as|provided(?: that)?|as soon as)\b/gu;

/** Phrases that make a trade explicit. */
const TRADE =
  /换(?:个|一个|取)?(?:好评|五星|5星)|(?:好评|五星|5星)换|作为(?:交换|回报)|用来换|\bin (?:exchange|return) for\b|\bfor (?:a |your )?(?:positive|good|5[- ]?star|five[- ]?star) (?:review|rating)\b/gu;

/** The remedy is explicitly independent of the review. */
const UNCONDITIONAL =
  /(?:无论|不管|不论)(?!如何|怎样|怎么样)|改不改|删不删|评不评|(?:与|和|跟)评价(?:无关|没关系|没有关系)|不以.{0,8}为(?:条件|前提)|不需要(?:您|你)?(?:改|修改|删)|(?:不会|不能|不可以|不得|绝不|从不|禁止|不允许|不提供|并不)[^，,。]{0,4}(?:用|以|拿|提供|给|送|返|做|换)|不影响|\bregardless\b|\bwhether or not\b|\bno matter (?:whether|if)\b|\beither way\b|\bnot (?:conditional|tied|linked)\b|\bnothing to do with\b|\bdoes(?:n't| not) depend on\b|\b(?:never|don't|do not|won't|will not|cannot|can't)\s+(?:[\w']+\s+){0,2}?(?:offer|give|pay|provide|send|tie|link|exchange)\b/u;

/** The condition is about the problem being solved or the buyer being satisfied, not about the review. */
const SATISFACTION =
  /满意|解决|处理好|处理完|收到|认可|觉得|真实感受|自愿|不勉强|随您|由您|看您|您决定|您来定|不方便也|\bsatisf|\bresolved\b|\bsorted\b|\bfixed\b|\bhappy\b|\bfair\b|\bup to you\b|\byour call\b|\bno pressure\b|\bhonest/u;

/** A request to change the review: counted for insistence and refused in public. */
const REQUEST = new RegExp(
  [
    `(?:请|麻烦|希望|恳请|期待|能否|可否|能不能|可不可以|可以|方便|帮忙|帮|欢迎|盼|求|记得|别忘了|给个?|给我们)[^。！？!?\\n，,]{0,8}?(?:好[评平]|(?:五|5)星|追评|(?:修改|更改|更新|删除|删掉|撤销|改|删|撤)(?:一下|掉|个)?(?:成|为)?(?:这条|您的|你的)?(?:${ZH_CHANGE_OBJECT}|好评|评))`,
    '改(?:成|为|个|一个)好评',
    `\\b(?:please|kindly|would you|could you|can you|will you|consider|hope you|we'd appreciate|we would appreciate|ask you to|mind|welcome to|feel free to|remember to)\\b[^.!?\\n]{0,30}?\\b${EN_CHANGE}\\s+(?:[\\w'-]+\\s+){0,2}?(?:review|rating|feedback|comment)s?\\b`,
    '\\bleave (?:us )?(?:a )?(?:positive|good|great|5[- ]?star|five[- ]?star)\\b',
  ].join('|'),
  'gu',
);

const THREAT =
  /威胁|骚扰|恐吓|投诉(?:你|您)|举报(?:你|您)|起诉|(?<![转报通广预警])告(?:你|您)|律师|法律责任|法院|报警|警察|曝光|挂(?:你|您)|人肉|公开(?:你|您)的|让(?:你|您)好看|后果自负|走着瞧|等着瞧|(?:你|您)等着|找上门|上门找|天天打|一直打|反复(?:打|联系|找)|打到(?:你|您)?改|直到(?:你|您)?(?:改|删)|(?<![改删撤])不(?:改|删|撤)(?:掉|了)?(?:评价|差评|中评|评)?(?:的话)?[，,]?[^。！？!?\n，,]{0,6}?(?:就|我们|会|别)|\bthreat\w*|\bharass\w*|\bor else\b|\botherwise (?:we|i)(?:'ll| will)\b|\bif you (?:don't|do not|won't|refuse to) (?:change|update|remove|delete|edit|revise|withdraw)\b|\bunless you (?:change|update|remove|delete|edit|revise|withdraw)\b|\breport you\b|\bsue\b|\blawyer|\blegal action\b|\bpolice\b|\bexpose\b|\bname and shame\b|\bkeep calling\b|\bcall you every\b|\buntil you (?:change|update|remove|delete)\b|\byou(?:'ll| will) regret\b/gu;

/** 不会再骚扰您 / we won't harass you: a promise, not a threat. */
const THREAT_NEGATED = /(?:不|没有|无意|并非)[^，,。]{0,3}$|\b(?:not|never|won't|will not|don't|do not)\s+(?:\w+\s+)?$/u;

const URGENCY_BEFORE =
  /(?:必须|务必|一定要|赶紧|赶快|马上|立刻|立即|今天(?:之内|内|必须)?|今晚|尽快|限时|\d+小时内|现在就)[^。！？!?\n，,]{0,8}?$|\b(?:must|have to|need to|right now|immediately|today|asap|as soon as possible|by tonight)\b[^.!?\n,]{0,12}$/u;
const URGENCY_AFTER =
  /^[^。！？!?\n，,我]{0,3}?(?:必须|务必|一定要|赶紧|赶快|马上|立刻|立即|今天(?:之内|内)|今晚|尽快|限时|\d+小时内)|^[^.!?\n,]{0,15}?\b(?:today|right now|immediately|asap|by tonight)\b/u;
const URGENCY_NEGATED = /不用|不必|不需要|不着急|不急|\bno need\b|\bdon't need\b|\bdo not need\b|\bno rush\b/u;

const GUILT_OR_ARGUING =
  /扣(?:我)?工资|扣钱|被罚|罚款|求求|求你|跪求|拜托拜托|为什么给(?:我们)?差评|凭什么|(?:你|您)自己(?:没|不)|明明(?!白)|无理取闹|胡说|瞎说|骗子|敲诈|勒索|差评师|神经病|垃圾买家|恶意差评|贪便宜|\bour salar|\bwe get fined\b|\blose my job\b|\bbeg(?:ging)? you\b|\bwhy did you\b|\bhow dare\b|\bliar\b|\bscam+er\b|\bextort\w*|\bblackmail\w*|\btroll\b/gu;

// Public channel
const PHONE_NUMBER = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?[\d*]){8}(?!\d)|(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/gu;
const LONG_NUMBER = /(?<![\d.])\d{12,}x?(?![\d.])|\b[a-z]{2,4}\d{10,}\b/gu;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/gu;
const CONTACT_ID = /(?:qq|微信|vx|wx|wechat|旺旺号)[号:：\s]*[\w-]{5,}/gu;
const ADDRESS = /\p{Script=Han}{1,10}(?:路|街|巷|弄|大道)\d+号|\d+(?:栋|幢|号楼|单元)\d*|\d{2,5}室|(?:小区|花园|公寓|大厦)\d+/gu;
const AMOUNT = new RegExp(AMOUNT_SOURCE, 'gu');
const COMPENSATION_NEAR = /补偿|赔|退|返|红包|券|送|礼|补贴|差价|refund|compensat|cash|coupon|voucher|gift|back/u;
const MASKED_NICK = /(?<![\w*])[\p{L}\d]{1,3}\*{2,}[\p{L}\d]{0,2}(?![\w*])/gu;

// Placeholders (on the original text, so the excerpt is exact)
const BRACES = /\{[^{}\n]{0,40}\}|\$\{[^}\n]*\}/gu;
const BLANK_BRACKETS = /【\s*】|\[\s*\]|_{3,}|＿{2,}/gu;
const SLOT_BRACKETS = /【[^】\n]{0,12}(?:填|姓名|昵称|名称|名字|时间|金额|商品|店铺|店名|客服|买家|方案|称呼|日期|单号|[xX]{2})[^】\n]{0,6}】/gu;
const XX_BLANK = /(?<![a-z])(?:x{2,3}|×{2,3})(?![a-z])/gu;

// ---------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------

type Text2 = { zh: string; en: string };

const REWORD_CHAT: Text2 = {
  zh: '把补偿和评价完全分开：补偿是为了解决问题，无条件给出；如果想提评价，单独、礼貌、不附条件地问一次。例如：“给您添麻烦了，我们为您补发一件新的，运费由我们承担。等您收到后如果觉得满意，方便的话可以按真实感受更新一下评价，不方便也完全没关系。”',
  en: 'Keep the remedy and the review apart: the remedy fixes the problem and is given with no strings; if you mention the review at all, ask once, politely, with no condition. For example: "Sorry for the trouble. We are sending you a new one and covering the postage. Once it arrives, if you are happy with how we handled it, you are welcome to update your review, but there is no obligation at all."',
};
const REWORD_PUBLIC: Text2 = {
  zh: '公开解释只写三件事：真诚致歉、客观事实、已经做出的改进。不提补偿金额，不提改评。例如：“非常抱歉这次给您带来不好的体验。我们已经核实了原因，并私下联系您处理；同时加强了发货前的检查，避免再发生类似问题。”',
  en: 'A public explanation says three things only: a sincere apology, the facts, and what has changed. No compensation amounts, no request about the review. For example: "We are very sorry for the poor experience. We have looked into the cause and contacted you privately to put it right, and we have tightened our pre-dispatch checks so it does not happen again."',
};

const MSG = {
  empty: { zh: '内容是空的，没有可复制的文字。', en: 'The text is empty: there is nothing to copy.' },
  conditional: {
    zh: '把好处（钱、券、红包、礼品、退款或补发）和修改、删除评价或给好评挂钩，属于以利益诱导评价，《网络反不正当竞争暂行规定》（2024年9月1日起施行）明确禁止。',
    en: 'This ties a benefit (money, a coupon, a red packet, a gift, a refund or a reship) to changing, deleting or giving a review. Inducing reviews with benefits is forbidden by the SAMR rules in force since 1 September 2024.',
  },
  looksLikeTrade: {
    zh: '评价请求和补偿挨在一起说，读起来像交换条件。请先单独说明补偿，评价的事另起一句、不附条件。',
    en: 'The review request and the remedy sit side by side and read like a trade. State the remedy on its own and mention the review separately, with no condition.',
  },
  threat: {
    zh: '含有威胁、骚扰或要挟的说法（投诉、曝光、反复打电话、“不改就……”）。这会激化矛盾，买家也可以据此投诉店铺。',
    en: 'This threatens, harasses or coerces the buyer (reporting, exposing, repeated calls, "if you don\'t change it…"). It escalates the conflict and gives the buyer grounds for a complaint.',
  },
  urgency: {
    zh: '催买家限时修改评价（“必须今天改”“马上改”）属于施压。',
    en: 'Pushing the buyer to change the review by a deadline ("today", "right now") is pressure.',
  },
  guilt: {
    zh: '诉苦（扣工资、求求您）或指责、争辩、给买家贴标签，会让买家反感；写在公开解释里还会吓退后来的顾客。',
    en: 'Guilt-tripping (my salary, I beg you) or blaming, arguing and name-calling puts buyers off, and in public it puts future buyers off too.',
  },
  askPublic: {
    zh: '评价解释是公开的，后来的买家都能看到；在这里请买家改评、删评或给好评既不合适，也容易被看作诱导评价。',
    en: 'The explanation is public and every future buyer reads it; asking here for the review to be changed, removed or made positive is inappropriate and can be taken as review inducement.',
  },
  privateData: {
    zh: '评价解释是公开的，不能出现买家的电话、地址、订单号、快递单号、联系账号等个人信息（《个人信息保护法》）。',
    en: "The explanation is public: it must not show the buyer's phone number, address, order or tracking number, contact account or other personal data (PIPL).",
  },
  publicAmount: {
    zh: '在公开解释里写补偿金额，会暴露和这位买家的处理细节，也会引来别人用差评索要补偿。',
    en: 'Stating a compensation amount in public exposes the arrangement made with this buyer and invites others to use bad reviews to ask for money.',
  },
  publicOtherAmount: {
    zh: '公开解释里出现了金额，请确认这不是和买家个人的补偿或交易细节。',
    en: 'An amount appears in the public explanation: make sure it is not a personal compensation or deal detail.',
  },
  nick: {
    zh: '公开解释里写出买家昵称没有必要，也可能让买家觉得被“点名”。',
    en: "Naming the buyer in the public explanation is unnecessary and can feel like being singled out.",
  },
  placeholder: {
    zh: '还有没填的占位内容，直接发出去买家会看到模板的痕迹。',
    en: 'Part of the template is still unfilled; the buyer would see the bare template.',
  },
  placeholderPhone: {
    zh: '话术里还有空白（如约定时间），通话时请当场补上。',
    en: 'The script still has a blank (such as the agreed time): fill it in as you speak.',
  },
  xx: {
    zh: '“XX”看起来像是没填的空位。',
    en: '"XX" looks like a blank that was never filled in.',
  },
} satisfies Record<string, Text2>;

const SUGGEST = {
  empty: { zh: '选一个版本，或写好要发的内容后再复制。', en: 'Pick a variant, or write the message, before copying.' },
  pressure: {
    zh: '不施压、不威胁、不催促：说清楚已经做了什么、还会做什么，改不改评价完全由买家决定。例如：“给您添麻烦了，您反馈的问题我们都会处理好。评价是您的权利，按您的真实感受来就好。”',
    en: 'No pressure, no threats, no deadlines: say what has been done and what will be done, and leave the review entirely to the buyer. For example: "Sorry for the trouble; we will sort out everything you raised. The review is yours to write as you see fit."',
  },
  once: {
    zh: '整段话里最多礼貌地提一次评价，并说明不方便也没关系。',
    en: 'Mention the review once at most, politely, and say it is fine if they would rather not.',
  },
  calm: {
    zh: '只讲事实和处理办法，语气平和，不评价买家本人。',
    en: 'State the facts and what you will do, calmly, without judging the buyer.',
  },
  tooLong: {
    zh: '删去重复的道歉和过程细节，保留：一句致歉、一两句事实、一句改进措施。',
    en: 'Cut repeated apologies and process details; keep one apology, one or two sentences of fact, and one sentence on what changes.',
  },
  privateData: {
    zh: '删去个人信息，用“已私下联系您处理”代替具体细节。',
    en: 'Remove the personal data; say "we have contacted you privately" instead of the details.',
  },
  amount: {
    zh: '删去金额，只说“已和您沟通处理”。',
    en: 'Remove the amount; just say "we have been in touch with you to sort it out".',
  },
  nick: { zh: '用“您”称呼即可。', en: 'Address the buyer as "you".' },
  placeholder: {
    zh: '把占位处换成实际内容（买家昵称、商品、店铺、处理方案、约定时间、客服名字），或删掉这一段。',
    en: 'Replace the blank with the real value (buyer nick, item, shop, remedy, agreed time, your name) or remove that part.',
  },
} satisfies Record<string, Text2>;

// ---------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------

interface Hit {
  start: number;
  end: number;
}

function hits(re: RegExp, s: string): Hit[] {
  return Array.from(s.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const nonGlobal = new Map<RegExp, RegExp>();
/** `re.test(s)` without the lastIndex state of a global regex. */
function test(re: RegExp, s: string): boolean {
  if (!re.global) return re.test(s);
  let plain = nonGlobal.get(re);
  if (!plain) nonGlobal.set(re, (plain = new RegExp(re.source, re.flags.replace('g', ''))));
  return plain.test(s);
}

const isStrong = (s: string, i: number) => /[。！？!?；;\n]/u.test(s[i]!) || (s[i] === '.' && (i + 1 >= s.length || /\s/u.test(s[i + 1]!)));
const isClauseEnd = (s: string, i: number) => isStrong(s, i) || /[,，、—]/u.test(s[i]!);
const hasStrong = (s: string) => /[。！？!?；;\n]|\.(?:\s|$)/u.test(s);
const hasClauseEnd = (s: string) => /[。！？!?；;\n,，、—]|\.(?:\s|$)/u.test(s);

/** The sentence (or clause) around [start, end), as a span of s. */
function around(s: string, start: number, end: number, stop: (s: string, i: number) => boolean): Hit & { text: string } {
  let a = start;
  while (a > 0 && !stop(s, a - 1)) a--;
  let b = end;
  while (b < s.length && !stop(s, b)) b++;
  return { start: a, end: b, text: s.slice(a, b) };
}

/** Joins review phrases that touch: "五星" + "好评" → "五星好评". */
function mergeAdjacent(list: Hit[]): Hit[] {
  const merged: Hit[] = [];
  for (const h of list) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/** Letters and digits only: "，我就 " → "我就". */
function content(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** How far apart (in characters) a review phrase and a reward may be and still read as one offer. */
const MAX_WINDOW = 48;

function windowFor(gap: string, lang: Lang): number {
  return lang === 'en' || /[a-z]{2}/.test(gap) ? MAX_WINDOW : 16;
}

export function checkCompliance(text: string, options: ComplianceOptions): ComplianceResult {
  const { channel, lang } = options;
  // Nothing (or only spaces) is never worth copying: an empty paste reads as a blank reply to the buyer.
  if (!text.trim()) {
    return { ok: false, issues: [{ code: 'empty', severity: 'block', message: MSG.empty, excerpt: '', start: 0, end: text.length, suggestion: SUGGEST.empty }] };
  }
  const norm = normalise(text);
  const s = norm.s;
  const issues: ComplianceIssue[] = [];
  const reword = channel === 'explanation' ? REWORD_PUBLIC : REWORD_CHAT;

  /** Records an issue; `at` is in normalised offsets unless `original` is set. */
  const push = (code: IssueCode, severity: ComplianceIssue['severity'], at: Hit, message: Text2, suggestion: Text2, original = false) => {
    const start = original ? at.start : (norm.from[at.start]?.start ?? 0);
    const end = original ? at.end : (norm.from[Math.max(at.start, at.end - 1)]?.end ?? text.length);
    // One issue per code and place: a stronger finding replaces a weaker one on overlapping words.
    const same = issues.find((i) => i.code === code && i.start < end && start < i.end);
    if (same) {
      if (same.severity === 'warn' && severity === 'block') {
        Object.assign(same, { severity, message, suggestion, start, end, excerpt: text.slice(start, end) });
      }
      return;
    }
    issues.push({ code, severity, message, excerpt: text.slice(start, end), start, end, suggestion });
  };

  // --- conditional reward ---------------------------------------------------------------------------
  const targets = mergeAdjacent(hits(REVIEW_TARGET, s));
  const rewards = hits(REWARD, s);
  const independentCache = new Map<string, boolean>();
  const independent = (a: number, b: number) => {
    const sentence = around(s, a, b, isStrong);
    const key = `${sentence.start}:${sentence.end}`;
    if (!independentCache.has(key)) independentCache.set(key, test(UNCONDITIONAL, sentence.text));
    return independentCache.get(key)!;
  };
  /** Thanks for a review already given ("感谢您之前的好评"): not a condition, at most a warning. */
  const thanked = (t: Hit) =>
    test(/(?:感谢|谢谢|多谢)[^，,。！？!?]{0,6}$|\bthanks? (?:you )?for (?:\w+ ){0,3}$/u, s.slice(Math.max(0, t.start - 12), t.start));
  /** Extends a span over rewards that run on from it: "返" + "3元" → "返3元". */
  const extend = (span: Hit): Hit => {
    let end = span.end;
    for (const w of rewards) if (w.start <= end && w.end > end && w.start >= span.start) end = w.end;
    return { start: span.start, end };
  };
  /** The review phrase is (nearly) all there is in its clause or sentence, like a slogan: "给个五星好评，返…". */
  const standsAlone = (t: Hit, stop: typeof isStrong) =>
    content(around(s, t.start, t.end, stop).text).length - content(s.slice(t.start, t.end)).length <= 3;
  const inducement = (w: Hit) => test(INDUCEMENT, s.slice(w.start, w.end));

  for (const t of targets) {
    for (const w of rewards) {
      // Every rule below looks at most one window apart; skip distant pairs early.
      if (w.start - t.end > MAX_WINDOW || t.start - w.end > MAX_WINDOW) continue;
      if (w.start >= t.end) {
        // review change → reward: 好评返现, 改好评后退款, 改成好评我就退你10元, update your review and we'll refund you
        const gap = s.slice(t.end, w.start);
        const span = extend({ start: t.start, end: w.end });
        if (gap.includes('\n') || independent(t.start, w.end)) continue;
        const near = !hasStrong(gap) && gap.length <= windowFor(gap, lang);
        const adjacent =
          content(gap).length <= 2 &&
          (!hasClauseEnd(gap) || (hasStrong(gap) ? standsAlone(t, isStrong) : standsAlone(t, isClauseEnd)));
        if (thanked(t)) {
          if (near) push('conditional-reward', 'warn', span, MSG.looksLikeTrade, reword);
        } else if (adjacent || (near && (test(LINK_AFTER_REVIEW, gap) || inducement(w)))) {
          push('conditional-reward', 'block', span, MSG.conditional, reword);
        } else if (near) {
          push('conditional-reward', 'warn', span, MSG.looksLikeTrade, reword);
        }
      } else if (t.start >= w.end) {
        // reward → review change: 返现好评, 红包换好评, 送10元券，给个五星好评吧, coupon for 5 stars
        const gap = s.slice(w.end, t.start);
        if (hasStrong(gap) || independent(w.start, t.end)) continue;
        const linked = content(gap).length <= 1 || /^[^，,。]{0,3}(?:换|求|买|给|for)[^，,。]{0,3}$/u.test(gap);
        const pushy =
          inducement(w) && gap.length <= windowFor(gap, lang) && !test(SATISFACTION, around(s, t.start, t.end, isClauseEnd).text);
        if (linked || pushy) push('conditional-reward', 'block', { start: w.start, end: t.end }, MSG.conditional, reword);
      }
    }
  }

  // A condition directly governing a review change, with a reward in the same sentence:
  // 送您优惠券，只要您改个好评 / 如果您愿意改成好评，我们给您返5元 / a coupon if you update your review
  for (const c of hits(CONDITION, s)) {
    const t = targets.find((x) => x.start >= c.end && x.start - c.end <= (/[a-z]/.test(s.slice(c.end, x.start)) ? 24 : 8));
    if (!t) continue;
    const between = s.slice(c.end, t.start);
    if (hasClauseEnd(between) || test(SATISFACTION, between)) continue;
    if (test(SATISFACTION, around(s, c.start, t.end, isClauseEnd).text) || independent(c.start, t.end)) continue;
    const sentence = around(s, c.start, t.end, isStrong);
    const w = rewards.find((x) => x.start >= sentence.start && x.end <= sentence.end && Math.abs(x.start - c.start) <= 40 && (x.end <= t.start || x.start >= t.end));
    if (w) push('conditional-reward', 'block', extend({ start: Math.min(w.start, c.start), end: Math.max(w.end, t.end) }), MSG.conditional, reword);
  }

  // Explicit trade wording next to a reward: 用红包换个好评, in exchange for a 5-star review
  for (const h of hits(TRADE, s)) {
    const sentence = around(s, h.start, h.end, isStrong);
    if (test(REWARD, sentence.text) && !test(UNCONDITIONAL, sentence.text)) push('conditional-reward', 'block', h, MSG.conditional, reword);
  }

  // --- pressure -------------------------------------------------------------------------------------
  for (const h of hits(THREAT, s)) {
    if (test(THREAT_NEGATED, s.slice(Math.max(0, h.start - 8), h.start))) continue;
    push('pressure', 'block', h, MSG.threat, SUGGEST.pressure);
  }
  for (const t of targets) {
    const before = s.slice(Math.max(0, t.start - 30), t.start);
    const after = s.slice(t.end, t.end + 30);
    if ((test(URGENCY_BEFORE, before) || test(URGENCY_AFTER, after)) && !test(URGENCY_NEGATED, before.slice(-12) + after.slice(0, 12))) {
      push('pressure', 'block', t, MSG.urgency, SUGGEST.pressure);
    }
  }
  const requests = hits(REQUEST, s);
  if (requests.length >= 2 && channel !== 'explanation') {
    push(
      'pressure',
      requests.length >= 3 ? 'block' : 'warn',
      { start: requests[0]!.start, end: requests[requests.length - 1]!.end },
      {
        zh: `同一段话里 ${requests.length} 次请买家修改评价，会让人觉得被纠缠。`,
        en: `The buyer is asked ${requests.length} times in one message to change the review, which feels like badgering.`,
      },
      SUGGEST.once,
    );
  }
  for (const h of hits(GUILT_OR_ARGUING, s)) push('pressure', 'warn', h, MSG.guilt, SUGGEST.calm);

  // --- public channel -------------------------------------------------------------------------------
  if (channel === 'explanation') {
    const length = countChars(text);
    if (length > EXPLANATION_MAX_CHARS) {
      const cut = Array.from(text).slice(0, EXPLANATION_MAX_CHARS).join('').length;
      push(
        'too-long',
        'block',
        { start: cut, end: text.length },
        {
          zh: `评价解释共 ${length} 字，超出淘宝 ${EXPLANATION_MAX_CHARS} 字上限 ${length - EXPLANATION_MAX_CHARS} 字（标点、表情、字母都算一个字）。`,
          en: `The explanation has ${length} characters, ${length - EXPLANATION_MAX_CHARS} over Taobao's limit of ${EXPLANATION_MAX_CHARS} (every letter, punctuation mark and emoji counts as one).`,
        },
        SUGGEST.tooLong,
        true,
      );
    }
    for (const h of requests) push('asks-review-in-public', 'block', h, MSG.askPublic, REWORD_PUBLIC);
    for (const t of targets) {
      // Talk of changing or deleting the review in public, even without a polite verb ("评价可以修改")
      if (test(/改|删|撤|更新|\b(?:change|update|edit|revise|remove|delete|withdraw|amend)/u, s.slice(t.start, t.end))) {
        push('asks-review-in-public', 'warn', t, MSG.askPublic, REWORD_PUBLIC);
      }
    }
    for (const re of [PHONE_NUMBER, LONG_NUMBER, EMAIL, CONTACT_ID, ADDRESS]) {
      for (const h of hits(re, s)) push('private-data-in-public', 'block', h, MSG.privateData, SUGGEST.privateData);
    }
    for (const h of hits(AMOUNT, s)) {
      const reach = /[a-z]/.test(s.slice(Math.max(0, h.start - 6), h.end + 6)) ? 30 : 12;
      const near = s.slice(Math.max(0, h.start - reach), h.start) + ' ' + s.slice(h.end, h.end + reach);
      const compensation = test(COMPENSATION_NEAR, near);
      push('private-data-in-public', compensation ? 'block' : 'warn', h, compensation ? MSG.publicAmount : MSG.publicOtherAmount, SUGGEST.amount);
    }
    const nick = options.buyerNick?.trim();
    if (nick && nick.length >= 2 && text.includes(nick)) {
      const at = text.indexOf(nick);
      push('private-data-in-public', 'warn', { start: at, end: at + nick.length }, MSG.nick, SUGGEST.nick, true);
    } else if (!nick) {
      for (const h of hits(MASKED_NICK, s)) push('private-data-in-public', 'warn', h, MSG.nick, SUGGEST.nick);
    }
  }

  // --- unfilled placeholders ------------------------------------------------------------------------
  // A phone script is read by the agent, not sent: a blank there is a prompt to fill in while speaking.
  const spoken = options.channel === 'phone';
  for (const re of [BRACES, BLANK_BRACKETS, SLOT_BRACKETS]) {
    for (const h of hits(re, text)) {
      push('unfilled-placeholder', spoken ? 'warn' : 'block', h, spoken ? MSG.placeholderPhone : MSG.placeholder, SUGGEST.placeholder, true);
    }
  }
  for (const h of hits(XX_BLANK, s)) push('unfilled-placeholder', 'warn', h, MSG.xx, SUGGEST.placeholder);

  issues.sort((a, b) => a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
  return { ok: !issues.some((i) => i.severity === 'block'), issues };
}
