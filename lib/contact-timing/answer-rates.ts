/**
 * The shop's own answer rates by hour of day × weekday, learned from logged call outcomes.
 *
 * Model (small on purpose, so it learns from a few hundred calls):
 * - Each hour has a Beta estimate: the starting belief (seed 000's good windows) worth a few calls,
 *   plus the shop's calls at that hour on any weekday.
 * - A weekday's slot starts at its hour's rate and moves toward that weekday's own outcomes only as
 *   they accumulate (shrinkage), so sparse weekday cells do not jump around.
 * - Ranking uses (tempered) Thompson sampling: a random draw from each hour's Beta, pulled part of
 *   the way back to its mean, instead of the mean itself. Hours with few calls are tried now and
 *   then, mostly while the best hours known are mediocre, so the learner can discover better ones
 *   without spending many calls when the starting belief is right.
 * - Counts fade once an hour holds more than `memoryCallsPerHour` calls, so the estimate can follow
 *   a shop whose buyers change.
 * - It also learns how much to trust the "same hour as the review" hint (see hints.ts).
 *
 * The state is plain numbers (two arrays of 168 plus three), validated by zod when read back.
 */
import * as z from 'zod/mini';
import { beijingHour, beijingWeekday } from '../time/beijing';
import { PHONE_OUTCOMES, type ContactAttempt, type LearningSettings, type PhoneOutcome } from './policy';
import type { Rng } from '../random/seeded';
import { sampleBeta } from '../random/seeded';

export const CELL_COUNT = 7 * 24;

const count = z.number().check(z.gte(0));
const cellArray = z.array(count).check(z.length(CELL_COUNT));

export const AnswerRatesSchema = z
  .object({
    version: z.literal(1),
    /** calls[weekday * 24 + hour]: calls placed in that Beijing hour on that weekday (0 = Monday); may be fractional after fading. */
    calls: cellArray,
    /** answered[weekday * 24 + hour]: of those, answered. */
    answered: cellArray,
    /** Calls placed within an hour of the buyer's review hour: answered, and the answers the shop's rates predicted. */
    reviewHour: z.object({ calls: count, answered: count, expected: count }),
    /** Epoch ms of the last outcome recorded; 0 when empty. */
    updatedAt: z.number(),
  })
  .check(z.refine((s) => s.answered.every((a, i) => a <= (s.calls[i] ?? 0) + 1e-9), 'answered exceeds calls'));

export type AnswerRates = z.output<typeof AnswerRatesSchema>;

export function emptyAnswerRates(): AnswerRates {
  return {
    version: 1,
    calls: new Array<number>(CELL_COUNT).fill(0),
    answered: new Array<number>(CELL_COUNT).fill(0),
    reviewHour: { calls: 0, answered: 0, expected: 0 },
    updatedAt: 0,
  };
}

/** Reads a stored state back; throws a ZodError when it is not one (never resets silently). */
export function parseAnswerRates(raw: unknown): AnswerRates {
  return AnswerRatesSchema.parse(raw);
}

export function cellIndex(weekday: number, hour: number): number {
  return weekday * 24 + hour;
}

export interface CallForLearning {
  /** When the call was placed, epoch ms. */
  at: number;
  outcome: PhoneOutcome;
  /** The review time of the case, to learn whether the review hour is a useful hint. */
  reviewTime?: number;
}

/** True when `hour` is within one hour of the review's Beijing hour (around midnight too). */
export function nearReviewHour(hour: number, reviewTime: number): boolean {
  const d = Math.abs(hour - beijingHour(reviewTime));
  return Math.min(d, 24 - d) <= 1;
}

/**
 * Adds one call outcome and returns the new state (the input is not changed). A wrong number says
 * nothing about timing and is ignored; "rejected" counts as not answered.
 */
export function recordCallOutcome(state: AnswerRates, call: CallForLearning, learning: LearningSettings): AnswerRates {
  if (call.outcome === 'wrong_number') return state;
  const hour = beijingHour(call.at);
  const weekday = beijingWeekday(call.at);
  const i = cellIndex(weekday, hour);
  const success = call.outcome === 'answered' ? 1 : 0;

  const calls = state.calls.slice();
  const answered = state.answered.slice();
  let reviewHour = state.reviewHour;
  if (call.reviewTime !== undefined && nearReviewHour(hour, call.reviewTime)) {
    const expected = estimateSlot(state, weekday, hour, learning).rate;
    reviewHour = {
      calls: reviewHour.calls + 1,
      answered: reviewHour.answered + success,
      expected: reviewHour.expected + expected,
    };
  }
  calls[i] = (calls[i] ?? 0) + 1;
  answered[i] = (answered[i] ?? 0) + success;

  // Fade this hour's history once it holds more than the memory allows.
  let hourCalls = 0;
  for (let d = 0; d < 7; d++) hourCalls += calls[cellIndex(d, hour)] ?? 0;
  if (hourCalls > learning.memoryCallsPerHour) {
    const k = learning.memoryCallsPerHour / hourCalls;
    for (let d = 0; d < 7; d++) {
      const j = cellIndex(d, hour);
      calls[j] = (calls[j] ?? 0) * k;
      answered[j] = (answered[j] ?? 0) * k;
    }
  }
  return { version: 1, calls, answered, reviewHour, updatedAt: Math.max(state.updatedAt, call.at) };
}

/** The same for an attempt as the case stores it; chat attempts teach nothing about call hours. */
export function learnFromAttempt(state: AnswerRates, attempt: ContactAttempt, reviewTime: number, learning: LearningSettings): AnswerRates {
  if (attempt.channel !== 'phone' || !isPhoneOutcome(attempt.outcome)) return state;
  return recordCallOutcome(state, { at: attempt.at, outcome: attempt.outcome, reviewTime }, learning);
}

/**
 * The state from the full log of calls, oldest first. The state is a pure fold over outcomes, so a
 * damaged or outdated record can be rebuilt from the stored attempts instead of being reset.
 */
export function rebuildAnswerRates(calls: readonly CallForLearning[], learning: LearningSettings): AnswerRates {
  return [...calls].sort((a, b) => a.at - b.at).reduce((s, c) => recordCallOutcome(s, c, learning), emptyAnswerRates());
}

function isPhoneOutcome(o: string): o is PhoneOutcome {
  return (PHONE_OUTCOMES as readonly string[]).includes(o);
}

export interface HourTotals {
  calls: number;
  answered: number;
}

/** The shop's own calls and answers at an hour, all weekdays together (no prior). */
export function hourTotals(state: AnswerRates, hour: number): HourTotals {
  let calls = 0;
  let answered = 0;
  for (let d = 0; d < 7; d++) {
    calls += state.calls[cellIndex(d, hour)] ?? 0;
    answered += state.answered[cellIndex(d, hour)] ?? 0;
  }
  return { calls, answered };
}

export function startingRate(hour: number, learning: LearningSettings): number {
  return learning.startingGoodHours.includes(hour) ? learning.startingGoodRate : learning.startingOtherRate;
}

/** The Beta estimate of an hour's answer rate (all weekdays): alpha, beta and its mean. */
export function hourBeta(state: AnswerRates, hour: number, learning: LearningSettings): { alpha: number; beta: number; mean: number } {
  const p0 = startingRate(hour, learning);
  const alpha0 = learning.priorCalls * p0;
  const beta0 = learning.priorCalls * (1 - p0);
  const t = hourTotals(state, hour);
  const alpha = alpha0 + t.answered;
  const beta = beta0 + t.calls - t.answered;
  return { alpha, beta, mean: alpha / (alpha + beta) };
}

/** An hour's rate moved toward one weekday's own outcomes, as far as that weekday has data. */
export function weekdayRate(state: AnswerRates, weekday: number, hour: number, hourRate: number, learning: LearningSettings): number {
  const i = cellIndex(weekday, hour);
  const n = state.calls[i] ?? 0;
  const a = state.answered[i] ?? 0;
  const k = learning.weekdayShrinkCalls;
  return k + n > 0 ? (k * hourRate + a) / (k + n) : hourRate;
}

export interface SlotEstimate {
  /** Estimated chance that a call in this slot is answered (shop data and starting belief, no personal hints). */
  rate: number;
  /** The hour's pooled estimate before the weekday adjustment. */
  hourRate: number;
  /** The shop's own calls and answers at this hour (all weekdays). */
  hourCalls: number;
  hourAnswered: number;
  /** The shop's own calls and answers at this hour on this weekday. */
  weekdayCalls: number;
  weekdayAnswered: number;
  /** True while the shop has fewer than `trustAfterCalls` calls at this hour. */
  fromStartingBelief: boolean;
}

export function estimateSlot(state: AnswerRates, weekday: number, hour: number, learning: LearningSettings): SlotEstimate {
  const hb = hourBeta(state, hour, learning);
  const t = hourTotals(state, hour);
  const i = cellIndex(weekday, hour);
  return {
    rate: weekdayRate(state, weekday, hour, hb.mean, learning),
    hourRate: hb.mean,
    hourCalls: t.calls,
    hourAnswered: t.answered,
    weekdayCalls: state.calls[i] ?? 0,
    weekdayAnswered: state.answered[i] ?? 0,
    fromStartingBelief: t.calls < learning.trustAfterCalls,
  };
}

/**
 * One Thompson draw per hour: a plausible answer rate for each hour given what the shop has seen,
 * pulled toward the hour's mean by `explorationScale`. With exploration off, the means.
 */
export function drawHourRates(state: AnswerRates, learning: LearningSettings, rng: Rng): number[] {
  const out: number[] = [];
  for (let h = 0; h < 24; h++) {
    const b = hourBeta(state, h, learning);
    if (!learning.explore) {
      out.push(b.mean);
      continue;
    }
    const draw = sampleBeta(b.alpha, b.beta, rng);
    out.push(Math.min(1, Math.max(0, b.mean + learning.explorationScale * (draw - b.mean))));
  }
  return out;
}

/**
 * How much more often buyers answer within an hour of their review's hour than the shop's rates
 * predict: starts at the configured lift and follows the shop's outcomes. Kept within [0.7, 1.5].
 */
export function reviewHourLift(state: AnswerRates, learning: LearningSettings): number {
  const { answered, expected } = state.reviewHour;
  const prior = learning.reviewHourPriorAnswers;
  const lift = (prior * learning.reviewHourStartingLift + answered) / (prior + expected);
  return Math.min(1.5, Math.max(0.7, lift));
}
