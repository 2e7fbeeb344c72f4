/**
 * For one case: contact the buyer now or later, by chat or by phone, and at which hours, with the
 * reason in one line. Or, when a limit forbids contact, say which.
 *
 * Order of the rules (policy.ts has the sources):
 * 1. Never: case closed, do-not-contact, a cause the shop does not contact about (malicious).
 * 2. The buyer is online in chat now: message now (the best moment), unless a mood review is still
 *    in its same-day wait.
 * 3. Mood causes wait until the next Beijing day; calls keep quiet hours, a cap and a gap.
 * 4. Small concrete complaints may be phoned at once; others start in chat and are phoned only after
 *    the chat has gone unanswered for some days. After the buyer replied or answered, chat continues.
 * 5. Whichever channel is possible first is recommended (phone on a tie); when neither is, contact
 *    is blocked and the explanation says why.
 * Call windows: every allowed one-hour slot in the coming days, scored by the shop's learned answer
 * rate × the buyer's personal hints × a small penalty for waiting, ranked best first.
 */
import { CAUSES } from '../causes/taxonomy';
import {
  drawHourRates,
  emptyAnswerRates,
  estimateSlot,
  reviewHourLift,
  weekdayRate,
  type AnswerRates,
  type SlotEstimate,
} from './answer-rates';
import {
  beijingHour,
  beijingTimeOnDay,
  beijingWeekday,
  HOUR_MS,
  startOfHour,
  startOfNextBeijingDay,
} from '../time/beijing';
import {
  explainBlock,
  explainDecision,
  explainWindow,
  type BlockReason,
  type ContactReason,
  type Explanation,
  type WaitReason,
} from './explain';
import { combinedFactor, hintsFor, type Hint } from './hints';
import { DEFAULT_CONTACT_TIMING_SETTINGS, isCallHour, type ContactCase, type ContactTimingSettings } from './policy';
import { mixSeed, seededRandom, type Rng } from '../random/seeded';

export interface RecommendInput {
  case: ContactCase;
  /** Defaults to DEFAULT_CONTACT_TIMING_SETTINGS. */
  settings?: ContactTimingSettings;
  /** The shop's learned answer rates; defaults to none learned yet. */
  rates?: AnswerRates;
}

export interface CallWindow {
  /** Epoch ms; the first slot may start mid-hour (now, or when a wait ends). */
  start: number;
  end: number;
  /** Ranking value: (drawn) answer rate × personal hints × waiting penalty. Only the order matters. */
  score: number;
  /** Estimated chance that a call in this window is answered (shop estimate × personal hints). */
  answerRate: number;
  /** Ranked here because the learner is trying the hour out, not because it looks best. */
  explored: boolean;
  explanation: Explanation;
}

export type ContactRecommendation =
  | { kind: 'blocked'; reason: BlockReason; explanation: Explanation }
  | {
      kind: 'contact';
      channel: 'chat' | 'phone';
      reason: ContactReason;
      /** What keeps the contact from happening right now, if anything. */
      wait?: WaitReason;
      /** Earliest moment for this contact (epoch ms); equals `now` when it can happen at once. */
      notBefore: number;
      /**
       * The one moment proposed (the panel's headline and countdown). For a call it is the start of the
       * best-ranked window, the first one listed: the earliest allowed instant (say 09:00 after quiet
       * hours) is often not the best hour. For a chat message it is `notBefore`.
       */
      suggestedAt: number;
      /** Earliest allowed call (for chat recommendations: assuming the chat stays unanswered); null when no call is allowed. */
      phoneNotBefore: number | null;
      /** Call windows, best first, within `horizonDays` of the first allowed call. */
      windows: CallWindow[];
      /** Countdown to the first window listed, the best one (0 while it is open); null without windows. */
      nextWindowStartsInMs: number | null;
      explanation: Explanation;
    };

/** The first instant at or after `t` at which calls are allowed (quiet hours). */
export function firstCallInstant(t: number, settings: ContactTimingSettings): number {
  const { callsFrom, callsUntil } = settings.quietHours;
  const h = beijingHour(t);
  if (h >= callsFrom && h < callsUntil) return t;
  if (h < callsFrom) return beijingTimeOnDay(t, callsFrom);
  return beijingTimeOnDay(startOfNextBeijingDay(t), callsFrom);
}

interface Timed {
  at: number;
  wait?: WaitReason;
}

/** The latest of several constraints, remembering which one binds. */
function latest(now: number, items: (Timed | null)[]): Timed {
  let best: Timed = { at: now };
  for (const it of items) if (it && it.at > best.at) best = it;
  return best;
}

function withQuietHours(t: Timed, now: number, settings: ContactTimingSettings): Timed {
  const at = firstCallInstant(t.at, settings);
  if (at === t.at) return t;
  // A next-day wait that ends at midnight is still a next-day wait; otherwise quiet hours decide.
  return { at, wait: t.wait === 'next_day' && t.at > now ? 'next_day' : 'quiet_hours' };
}

const MIN_SLOT_MS = 15 * 60_000;

/** Ranked call windows starting at `from` (already an allowed instant). */
export function rankCallWindows(
  c: ContactCase,
  from: number,
  now: number,
  settings: ContactTimingSettings,
  rates: AnswerRates,
  rng: Rng,
  deadline?: number,
): CallWindow[] {
  const learning = settings.learning;
  const draws = drawHourRates(rates, learning, rng);
  const lift = reviewHourLift(rates, learning);
  const until = from + settings.horizonDays * 24 * HOUR_MS;
  const useDeadline = deadline !== undefined && deadline >= from;

  interface Candidate {
    start: number;
    end: number;
    hour: number;
    weekday: number;
    estimate: SlotEstimate;
    hints: Hint[];
    answerRate: number;
    late: boolean;
    score: number;
  }
  const candidates: Candidate[] = [];
  for (let hs = startOfHour(from); hs < until; hs += HOUR_MS) {
    const hour = beijingHour(hs);
    if (!isCallHour(hour, settings)) continue;
    const start = Math.max(hs, from);
    const end = hs + HOUR_MS;
    if (end - start < MIN_SLOT_MS) continue;
    const weekday = beijingWeekday(hs);
    const estimate = estimateSlot(rates, weekday, hour, learning);
    const hints = hintsFor(c, weekday, hour, lift);
    const factor = combinedFactor(hints);
    const delay = Math.exp(-settings.delayPenaltyPerHour * Math.max(0, (start - now) / HOUR_MS));
    const drawn = weekdayRate(rates, weekday, hour, draws[hour] ?? estimate.hourRate, learning);
    const answerRate = Math.min(0.95, estimate.rate * factor);
    const late = useDeadline && start > deadline;
    candidates.push({ start, end, hour, weekday, estimate, hints, answerRate, late, score: drawn * factor * delay });
  }
  // Slots that meet the first-call target come first; later ones fill the list after them.
  candidates.sort((a, b) => Number(a.late) - Number(b.late) || b.score - a.score || a.start - b.start);

  // A window is a try-out when a clearly likelier hour (by estimate, not by draw) ranks below it.
  // (Within the same group: slots before the first-call target are first because of it, not by chance.)
  const bestBelow: number[] = new Array<number>(candidates.length + 1).fill(0);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const here = candidates[i]!;
    const sameGroup = candidates[i + 1]?.late === here.late;
    bestBelow[i] = Math.max(sameGroup ? (bestBelow[i + 1] ?? 0) : 0, here.answerRate);
  }
  return candidates.slice(0, settings.windowsShown).map((w, i) => {
    const below = candidates[i + 1]?.late === w.late ? (bestBelow[i + 1] ?? 0) : 0;
    const explored = learning.explore && below * 0.9 > w.answerRate;
    const explanation = explainWindow({
      startHour: w.hour,
      weekday: w.weekday,
      estimate: w.estimate,
      hints: w.hints,
      explored,
      startingGood: learning.startingGoodHours.includes(w.hour),
      trustAfterCalls: learning.trustAfterCalls,
    });
    return { start: w.start, end: w.end, score: w.score, answerRate: w.answerRate, explored, explanation };
  });
}

function blocked(reason: BlockReason, facts: Omit<Parameters<typeof explainBlock>[0], 'reason'> = {}): ContactRecommendation {
  return { kind: 'blocked', reason, explanation: explainBlock({ reason, ...facts }) };
}

/**
 * The recommendation for one case at instant `now` (epoch ms). `rng` drives the learner's
 * exploration; by default it is seeded from the case and the current hour, so the advice stays the
 * same while the agent looks at it and changes from hour to hour.
 */
export function recommendContact(input: RecommendInput, now: number, rng?: Rng): ContactRecommendation {
  const s = input.settings ?? DEFAULT_CONTACT_TIMING_SETTINGS;
  const rates = input.rates ?? emptyAnswerRates();
  const c = input.case;
  const random = rng ?? seededRandom(mixSeed(c.reviewTime, Math.floor(now / HOUR_MS)));

  // 1. Never.
  if (c.closed) return blocked('case_closed');
  if (c.doNotContact) return blocked('do_not_contact');
  const forbidden = c.causes.filter((x) => s.noContactCauses.includes(x));
  if (forbidden.length > 0) {
    return blocked('no_contact_cause', { causeLabels: forbidden.map((x) => ({ zh: CAUSES[x].zh, en: CAUSES[x].en })) });
  }

  // What has happened so far.
  const attempts = [...c.attempts].sort((a, b) => a.at - b.at);
  const calls = attempts.filter((a) => a.channel === 'phone');
  const lastCallAt = calls.at(-1)?.at;
  const wrongNumber = calls.some((a) => a.outcome === 'wrong_number');
  // The last time the buyer engaged: a chat reply or an answered call.
  const anchor = attempts.filter((a) => a.outcome === 'buyer_replied' || a.outcome === 'answered').at(-1);
  const sent = attempts.filter((a) => a.outcome === 'message_sent');
  const lastSentAt = sent.at(-1)?.at;
  const streak = sent.filter((a) => anchor === undefined || a.at > anchor.at);
  const conversationOpen = anchor !== undefined && streak.length === 0;

  const atOnce = c.causes.length > 0 && c.causes.every((x) => s.atOnceCauses.includes(x));
  const nextDay = c.causes.some((x) => s.nextDayCauses.includes(x));
  const nextDayFrom = startOfNextBeijingDay(c.reviewTime);
  const nextDayActive = nextDay && now < nextDayFrom;
  const earliest: Timed | null = nextDayActive ? { at: nextDayFrom, wait: 'next_day' } : null;
  const chatWaitDays = s.phoneAfterUnansweredChatDays * 24 * HOUR_MS;

  // 3–4. Phone.
  const phoneCapReached = calls.length >= s.maxPhoneAttempts;
  const callGap: Timed | null = lastCallAt !== undefined ? { at: lastCallAt + s.minHoursBetweenCalls * HOUR_MS, wait: 'call_gap' } : null;
  let phone: Timed | null = null;
  let phoneReason: ContactReason = 'speed_first';
  let phoneProjected = false;
  if (!(phoneCapReached || wrongNumber || conversationOpen)) {
    if (anchor === undefined && (atOnce || calls.length > 0)) {
      phone = latest(now, [earliest, callGap]);
      phoneReason = calls.length > 0 ? 'follow_up_call' : 'speed_first';
    } else if (streak.length > 0) {
      const first = streak[0]!.at;
      phone = latest(now, [earliest, callGap, { at: first + chatWaitDays, wait: 'chat_unanswered' }]);
      phoneReason = 'phone_after_chat';
    } else {
      // Chat first and nothing sent yet: a call becomes possible if the first message goes unanswered.
      phoneProjected = true;
    }
    if (phone) phone = withQuietHours(phone, now, s);
  }

  // Chat.
  const chatCapReached = streak.length >= s.maxUnansweredChatMessages;
  let chat: Timed | null = null;
  if (!chatCapReached) {
    const chatGap: Timed | null =
      !conversationOpen && lastSentAt !== undefined ? { at: lastSentAt + s.minHoursBetweenChatMessages * HOUR_MS, wait: 'chat_gap' } : null;
    chat = latest(now, [earliest, chatGap]);
    if (s.quietHoursApplyToChat) chat = withQuietHours(chat, now, s);
  }
  if (phoneProjected && chat) {
    phone = withQuietHours({ at: chat.at + chatWaitDays }, now, s);
  }

  const windowsFrom = (t: Timed | null) => {
    if (!t) return { windows: [] as CallWindow[], next: null as number | null };
    const deadline = calls.length === 0 && phoneReason === 'speed_first' && !phoneProjected ? c.reviewTime + s.firstCallWithinHours * HOUR_MS : undefined;
    const windows = rankCallWindows(c, t.at, now, s, rates, random, deadline);
    // The countdown belongs to the window listed first, the one proposed, not to the earliest one.
    const next = windows[0] ? Math.max(0, windows[0].start - now) : null;
    return { windows, next };
  };

  const decide = (channel: 'chat' | 'phone', reason: ContactReason, when: Timed): ContactRecommendation => {
    const { windows, next } = windowsFrom(phone);
    const suggestedAt = channel === 'phone' && windows[0] ? windows[0].start : when.at;
    return {
      kind: 'contact',
      channel,
      reason,
      ...(when.wait && when.at > now ? { wait: when.wait } : {}),
      notBefore: when.at,
      suggestedAt,
      phoneNotBefore: phone?.at ?? null,
      windows,
      nextWindowStartsInMs: next,
      explanation: explainDecision({
        reason,
        wait: when.at > now ? when.wait : undefined,
        notBefore: when.at,
        suggestedAt,
        now,
        phoneAttempts: calls.length,
        maxPhoneAttempts: s.maxPhoneAttempts,
        phoneAfterUnansweredChatDays: s.phoneAfterUnansweredChatDays,
        firstCallWithinHours: s.firstCallWithinHours,
        minHoursBetweenCalls: s.minHoursBetweenCalls,
        callsFrom: s.quietHours.callsFrom,
        callsUntil: s.quietHours.callsUntil,
        phoneNotBefore: phone?.at ?? null,
      }),
    };
  };

  // 2. The buyer is online in chat right now.
  if (c.buyerOnlineNow && (!nextDayActive || s.buyerOnlineOverridesNextDay)) {
    return decide('chat', 'buyer_online', { at: now });
  }

  // 5. Whichever channel comes first; phone on a tie.
  if (phone && !phoneProjected && (!chat || phone.at <= chat.at)) return decide('phone', phoneReason, phone);
  if (chat) {
    const reason: ContactReason = conversationOpen
      ? 'chat_live'
      : !phone
        ? 'chat_only'
        : anchor === undefined && (atOnce || calls.length > 0)
          ? 'message_between_calls'
          : 'chat_first';
    return decide('chat', reason, chat);
  }
  if (phone && !phoneProjected) return decide('phone', phoneReason, phone);
  return blocked('attempts_exhausted', {
    phoneAttempts: calls.length,
    maxPhoneAttempts: s.maxPhoneAttempts,
    unansweredChats: streak.length,
    wrongNumber,
  });
}
