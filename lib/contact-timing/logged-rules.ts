/**
 * A logged contact is a fact. The agent already phoned or messaged, so the log records it whatever the
 * rules say; refusing it would lose a real call and teach the learner a false history. This names the
 * rules the contact broke (quiet hours, the gap, the cap, a wrong number, do-not-contact) so that the
 * panel can warn beside the confirmation.
 */
import { beijingHour, formatHourRange, HOUR_MS } from '../time/beijing';
import type { Explanation } from './explain';
import { isCallHour, type ContactAttempt, type ContactTimingSettings } from './policy';

export type BrokenRule = 'do_not_contact' | 'quiet_hours' | 'call_gap' | 'call_cap' | 'wrong_number' | 'chat_gap' | 'chat_cap';

export interface RuleBreak {
  rule: BrokenRule;
  explanation: Explanation;
}

const minutesText = (ms: number) => {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return minutes < 60
    ? { zh: `${minutes} 分钟`, en: `${minutes} min` }
    : { zh: `${(minutes / 60).toFixed(1).replace(/\.0$/, '')} 小时`, en: `${(minutes / 60).toFixed(1).replace(/\.0$/, '')} h` };
};

/**
 * The rules broken by `attempt`, given the attempts logged `before` it (any order) and the shop's
 * settings. Only what the agent did counts: a call (any outcome) or a message sent; a buyer's reply
 * breaks nothing.
 */
export function rulesBrokenBy(
  attempt: ContactAttempt,
  before: ContactAttempt[],
  settings: ContactTimingSettings,
  buyer: { doNotContact: boolean },
): RuleBreak[] {
  const isCall = attempt.channel === 'phone';
  if (!isCall && attempt.outcome !== 'message_sent') return [];
  const earlier = [...before].sort((a, b) => a.at - b.at);
  const broken: RuleBreak[] = [];
  const add = (rule: BrokenRule, zh: string, en: string) => broken.push({ rule, explanation: { zh, en } });

  if (buyer.doNotContact) add('do_not_contact', '此买家已标记勿扰', 'this buyer is marked do-not-contact');
  const { callsFrom, callsUntil } = settings.quietHours;
  const quiet = !isCallHour(beijingHour(attempt.at), settings);
  if (quiet && (isCall || settings.quietHoursApplyToChat)) {
    const range = formatHourRange(callsUntil, callsFrom).replace('24:00', '00:00');
    add('quiet_hours', `这是免打扰时段（${range}）`, `inside quiet hours (${range})`);
  }

  if (isCall) {
    const calls = earlier.filter((a) => a.channel === 'phone');
    const last = calls.at(-1);
    const gapMs = settings.minHoursBetweenCalls * HOUR_MS;
    if (last && attempt.at - last.at < gapMs) {
      const since = minutesText(attempt.at - last.at);
      add('call_gap', `距上次电话只有 ${since.zh}（至少间隔 ${settings.minHoursBetweenCalls} 小时）`,
        `only ${since.en} after the last call (at least ${settings.minHoursBetweenCalls} h apart)`);
    }
    if (calls.length >= settings.maxPhoneAttempts) {
      add('call_cap', `这是第 ${calls.length + 1} 次电话，超过每案 ${settings.maxPhoneAttempts} 次的上限`,
        `call ${calls.length + 1}, over the cap of ${settings.maxPhoneAttempts} per case`);
    }
    if (calls.some((a) => a.outcome === 'wrong_number')) add('wrong_number', '之前已记录号码错误', 'the number was logged as wrong before');
    return broken;
  }

  // A message: the gap and the cap count the shop's messages since the buyer last engaged.
  const engaged = earlier.filter((a) => a.outcome === 'buyer_replied' || a.outcome === 'answered').at(-1);
  const streak = earlier.filter((a) => a.outcome === 'message_sent' && (engaged === undefined || a.at > engaged.at));
  const lastSent = streak.at(-1);
  if (lastSent && attempt.at - lastSent.at < settings.minHoursBetweenChatMessages * HOUR_MS) {
    const since = minutesText(attempt.at - lastSent.at);
    add('chat_gap', `距上条未回复的消息只有 ${since.zh}（至少间隔 ${settings.minHoursBetweenChatMessages} 小时）`,
      `only ${since.en} after the last unanswered message (at least ${settings.minHoursBetweenChatMessages} h apart)`);
  }
  if (streak.length >= settings.maxUnansweredChatMessages) {
    add('chat_cap', `已有 ${streak.length} 条消息未回复（上限 ${settings.maxUnansweredChatMessages} 条）`,
      `${streak.length} messages already unanswered (at most ${settings.maxUnansweredChatMessages})`);
  }
  return broken;
}
