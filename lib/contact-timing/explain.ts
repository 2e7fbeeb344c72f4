/**
 * One-line explanations of contact recommendations, in Simplified Chinese (shown to agents) with an
 * English variant (logs, tests, non-Chinese reviewers). Pure string building: every number shown is
 * passed in by recommend.ts.
 */
import type { SlotEstimate } from './answer-rates';
import { beijingDaysBetween, formatClock, formatHourRange, WEEKDAY_LABELS_EN, WEEKDAY_LABELS_ZH } from '../time/beijing';
import type { Hint } from './hints';

export interface Explanation {
  zh: string;
  en: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const calls = (n: number) => Math.round(n);

export interface WindowFacts {
  startHour: number;
  weekday: number;
  estimate: SlotEstimate;
  hints: Hint[];
  /** Ranked above better-looking slots because the learner is trying this hour out. */
  explored: boolean;
  /** The hour is one of the starting belief's good hours. */
  startingGood: boolean;
  /** Calls needed before a weekday's own rate is quoted. */
  trustAfterCalls: number;
}

/**
 * "18:00–19:00：本店该时段接通率 46%（31 次）", plus at most two personal hints.
 * With few calls at the hour it says the window rests on the starting belief.
 */
export function explainWindow(f: WindowFacts): Explanation {
  const range = formatHourRange(f.startHour, f.startHour + 1);
  const e = f.estimate;
  let zh: string;
  let en: string;
  if (f.explored) {
    const logged = calls(e.hourCalls) > 0 ? `只有 ${calls(e.hourCalls)} 次记录` : '还没有记录';
    const loggedEn = calls(e.hourCalls) > 0 ? `only ${calls(e.hourCalls)} calls logged at this hour` : 'no calls logged at this hour yet';
    zh = `试一试：本店该时段${logged}，偶尔安排一次，以免错过好时段`;
    en = `try-out: ${loggedEn}; tried now and then so that good hours are found`;
  } else if (e.fromStartingBelief) {
    const few = e.hourCalls > 0 ? `本店记录还少（${calls(e.hourCalls)} 次）` : '本店还没有记录';
    const fewEn = e.hourCalls > 0 ? `few calls logged here yet (${calls(e.hourCalls)})` : 'no calls logged here yet';
    zh = f.startingGood ? `通常比较好打（午休、傍晚较空），${few}` : `按一般情况估计，${few}`;
    en = f.startingGood ? `a good hour by the starting belief (lunch break, early evening); ${fewEn}` : `estimated from the starting belief; ${fewEn}`;
  } else if (e.weekdayCalls >= f.trustAfterCalls) {
    const dz = WEEKDAY_LABELS_ZH[f.weekday] ?? '';
    const de = WEEKDAY_LABELS_EN[f.weekday] ?? '';
    zh = `本店${dz}该时段接通率 ${pct(e.weekdayAnswered / e.weekdayCalls)}（${calls(e.weekdayCalls)} 次）`;
    en = `this shop answers ${pct(e.weekdayAnswered / e.weekdayCalls)} of calls at this hour on ${de} (${calls(e.weekdayCalls)} calls)`;
  } else {
    zh = `本店该时段接通率 ${pct(e.hourAnswered / e.hourCalls)}（${calls(e.hourCalls)} 次）`;
    en = `this shop answers ${pct(e.hourAnswered / e.hourCalls)} of calls at this hour (${calls(e.hourCalls)} calls)`;
  }
  const shown = f.hints.slice(0, 2);
  for (const h of shown) {
    zh += `；${h.zh}`;
    en += `; ${h.en}`;
  }
  return { zh: `${range}：${zh}`, en: `${range}: ${en}` };
}

// ---------------------------------------------------------------------------------------------
// Why this channel and this time

export type ContactReason =
  /** The agent marked the buyer as online in chat. */
  | 'buyer_online'
  /** The buyer answered in chat: keep the conversation there. */
  | 'chat_live'
  /** Small, concrete complaint: phone soon. */
  | 'speed_first'
  /** Other causes: chat first, phone only after it goes unanswered. */
  | 'chat_first'
  /** Chat unanswered long enough: phone now. */
  | 'phone_after_chat'
  /** A further call in a case that is already being phoned. */
  | 'follow_up_call'
  /** The last call was not answered and the next one must wait: leave a message meanwhile. */
  | 'message_between_calls'
  /** Calls are used up or the number is wrong: chat is the only channel left. */
  | 'chat_only';

export type WaitReason = 'next_day' | 'quiet_hours' | 'call_gap' | 'chat_gap' | 'chat_unanswered';

export interface DecisionFacts {
  reason: ContactReason;
  /** Why the contact cannot happen now, when it cannot. */
  wait?: WaitReason;
  notBefore: number;
  /** The moment proposed; for a call the best window, which may come after `notBefore`. */
  suggestedAt?: number;
  now: number;
  phoneAttempts: number;
  maxPhoneAttempts: number;
  phoneAfterUnansweredChatDays: number;
  firstCallWithinHours: number;
  minHoursBetweenCalls: number;
  callsFrom: number;
  callsUntil: number;
  /** When a call becomes possible, if known (for chat recommendations). */
  phoneNotBefore: number | null;
}

function dayWord(at: number, now: number, lang: 'zh' | 'en'): string {
  const days = beijingDaysBetween(now, at);
  if (lang === 'zh') return days <= 0 ? '今天' : days === 1 ? '明天' : days === 2 ? '后天' : `${days} 天后`;
  return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

function when(at: number, now: number, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `${dayWord(at, now, 'zh')} ${formatClock(at)}` : `${dayWord(at, now, 'en')} at ${formatClock(at)}`;
}

export function explainDecision(f: DecisionFacts): Explanation {
  let zh: string;
  let en: string;
  switch (f.reason) {
    case 'buyer_online':
      zh = '买家正在旺旺在线：现在发消息最好，对方当场就能处理';
      en = 'The buyer is online in chat: message now, they can act on it straight away';
      break;
    case 'chat_live':
      zh = '买家已在旺旺回复：继续在旺旺里沟通';
      en = 'The buyer replied in chat: carry on the conversation there';
      break;
    case 'speed_first':
      zh = `问题具体、不大：尽早打电话，争取评价后 ${f.firstCallWithinHours} 小时内联系上`;
      en = `A small, concrete complaint: call early, within ${f.firstCallWithinHours} h of the review if possible`;
      break;
    case 'chat_first':
      zh = `先发旺旺消息；${f.phoneAfterUnansweredChatDays} 天没有回复再打电话`;
      en = `Message in chat first; phone only if there is no reply for ${f.phoneAfterUnansweredChatDays} days`;
      break;
    case 'phone_after_chat':
      zh = `旺旺消息没有回复：改打电话`;
      en = `No reply in chat: phone instead`;
      break;
    case 'follow_up_call':
      zh = `第 ${f.phoneAttempts + 1} 次电话（每案最多 ${f.maxPhoneAttempts} 次）`;
      en = `Call ${f.phoneAttempts + 1} of at most ${f.maxPhoneAttempts}`;
      break;
    case 'message_between_calls':
      zh = `上次电话没接通：先留言，${f.phoneNotBefore !== null ? when(f.phoneNotBefore, f.now, 'zh') + ' 起' : '之后'}可再打`;
      en = `The last call was not answered: leave a message; the next call is possible ${f.phoneNotBefore !== null ? 'from ' + when(f.phoneNotBefore, f.now, 'en') : 'later'}`;
      break;
    case 'chat_only':
      if (f.maxPhoneAttempts === 0) {
        zh = '本店设置为不打电话：只发旺旺消息';
        en = 'This shop does not phone buyers: chat only';
      } else if (f.phoneAttempts >= f.maxPhoneAttempts) {
        zh = `电话已打满 ${f.maxPhoneAttempts} 次：只发旺旺消息`;
        en = `All ${f.maxPhoneAttempts} calls used: chat only`;
      } else {
        zh = '电话号码有误：只发旺旺消息';
        en = 'The phone number is wrong: chat only';
      }
      break;
  }
  if (f.wait && f.notBefore > f.now) {
    const t = { zh: when(f.notBefore, f.now, 'zh'), en: when(f.notBefore, f.now, 'en') };
    const quiet = formatHourRange(f.callsUntil, f.callsFrom).replace('24:00', '00:00');
    switch (f.wait) {
      case 'next_day':
        zh += `；情绪类评价不在当天联系，${t.zh} 起`;
        en += `; mood-driven review: not the same day, from ${t.en}`;
        break;
      case 'quiet_hours':
        zh += `；现在是免打扰时段（${quiet}），${t.zh} 起`;
        en += `; quiet hours now (${quiet}), from ${t.en}`;
        break;
      case 'call_gap':
        zh += `；两次电话至少间隔 ${f.minHoursBetweenCalls} 小时，${t.zh} 起`;
        en += `; calls at least ${f.minHoursBetweenCalls} h apart, from ${t.en}`;
        break;
      case 'chat_gap':
        zh += `；消息不要发得太密，${t.zh} 起`;
        en += `; do not message too often, from ${t.en}`;
        break;
      case 'chat_unanswered':
        zh += `；等第一条消息满 ${f.phoneAfterUnansweredChatDays} 天仍未回复，${t.zh} 起`;
        en += `; once the first message has gone unanswered for ${f.phoneAfterUnansweredChatDays} days, from ${t.en}`;
        break;
    }
  }
  // A call proposed for later than it is allowed: name that moment too, so the line agrees with the headline.
  const allowedAt = Math.max(f.notBefore, f.now);
  if (f.suggestedAt !== undefined && f.suggestedAt > allowedAt && isCall(f.reason)) {
    zh += `；建议${when(f.suggestedAt, f.now, 'zh')} 打（下方第一个时段）`;
    en += `; best ${when(f.suggestedAt, f.now, 'en')} (the first window below)`;
  }
  return { zh, en };
}

const isCall = (reason: ContactReason) => reason === 'speed_first' || reason === 'phone_after_chat' || reason === 'follow_up_call';

// ---------------------------------------------------------------------------------------------
// Why no contact at all

export type BlockReason = 'case_closed' | 'do_not_contact' | 'no_contact_cause' | 'attempts_exhausted';

export interface BlockFacts {
  reason: BlockReason;
  /** Labels of the causes that forbid contact (for no_contact_cause). */
  causeLabels?: { zh: string; en: string }[];
  phoneAttempts?: number;
  maxPhoneAttempts?: number;
  unansweredChats?: number;
  wrongNumber?: boolean;
}

export function explainBlock(f: BlockFacts): Explanation {
  switch (f.reason) {
    case 'case_closed':
      return { zh: '此案已结案：不再联系买家', en: 'The case is closed: no further contact' };
    case 'do_not_contact':
      return { zh: '已标记为勿扰：不联系买家', en: 'Marked do-not-contact: do not contact the buyer' };
    case 'no_contact_cause': {
      const zh = (f.causeLabels ?? []).map((c) => c.zh).join('、');
      const en = (f.causeLabels ?? []).map((c) => c.en).join(', ');
      return {
        zh: `${zh}：不联系买家，写一条平和的公开解释并保存证据以便投诉`,
        en: `${en}: do not contact the buyer; post a calm public explanation and keep evidence for a complaint`,
      };
    }
    case 'attempts_exhausted': {
      const phoneZh = f.wrongNumber ? '电话号码有误' : `电话已打 ${f.phoneAttempts ?? 0} 次（上限 ${f.maxPhoneAttempts ?? 0} 次）`;
      const phoneEn = f.wrongNumber ? 'the phone number is wrong' : `${f.phoneAttempts ?? 0} of ${f.maxPhoneAttempts ?? 0} calls used`;
      return {
        zh: `${phoneZh}，旺旺消息 ${f.unansweredChats ?? 0} 条未回：不再主动联系，等买家回复，把时间留给其他评价`,
        en: `${phoneEn} and ${f.unansweredChats ?? 0} chat messages unanswered: stop reaching out, wait for the buyer, spend the time on other reviews`,
      };
    }
  }
}
