import { describe, expect, it } from 'vitest';
import {
  AnswerRatesSchema,
  emptyAnswerRates,
  estimateSlot,
  hourTotals,
  learnFromAttempt,
  parseAnswerRates,
  rebuildAnswerRates,
  recordCallOutcome,
  reviewHourLift,
  type AnswerRates,
} from '../../lib/contact-timing/answer-rates';
import { beijingHour, beijingInstant, DAY_MS, HOUR_MS } from '../../lib/time/beijing';
import { DEFAULT_CONTACT_TIMING_SETTINGS, parseContactTimingSettings, type ContactCase } from '../../lib/contact-timing/policy';
import { seededRandom } from '../../lib/random/seeded';
import { recommendContact } from '../../lib/contact-timing/recommend';

const learning = DEFAULT_CONTACT_TIMING_SETTINGS.learning;
const MON = beijingInstant(2026, 3, 2);
const SAT = beijingInstant(2026, 3, 7);

/** Logs `n` calls at a Beijing hour on consecutive days from `day`, the first `answered` of them answered. */
function log(state: AnswerRates, day: number, hour: number, n: number, answered: number, stepDays = 1): AnswerRates {
  let s = state;
  for (let i = 0; i < n; i++) {
    s = recordCallOutcome(s, { at: day + i * stepDays * DAY_MS + hour * HOUR_MS + 5 * 60_000, outcome: i < answered ? 'answered' : 'no_answer' }, learning);
  }
  return s;
}

describe('answer-rate estimates', () => {
  it('start from the seed windows (12:00–13:00, 18:00–20:00 better than other hours)', () => {
    const s = emptyAnswerRates();
    const at = (h: number) => estimateSlot(s, 0, h, learning);
    expect(at(12).rate).toBeCloseTo(0.4);
    expect(at(18).rate).toBeCloseTo(0.4);
    expect(at(19).rate).toBeCloseTo(0.4);
    expect(at(15).rate).toBeCloseTo(0.25);
    expect(at(12).fromStartingBelief).toBe(true);
  });

  it('move up with answered calls and down with unanswered ones', () => {
    const base = estimateSlot(emptyAnswerRates(), 0, 15, learning).rate;
    const good = estimateSlot(log(emptyAnswerRates(), MON, 15, 20, 16), 0, 15, learning);
    const bad = estimateSlot(log(emptyAnswerRates(), MON, 15, 20, 1), 0, 15, learning);
    expect(good.rate).toBeGreaterThan(base + 0.2);
    expect(bad.rate).toBeLessThan(base - 0.08);
    expect(good.hourCalls).toBe(20);
    expect(good.fromStartingBelief).toBe(false);
  });

  it('overturn the starting belief when the shop’s data disagree', () => {
    let s = log(emptyAnswerRates(), MON, 12, 30, 3);
    s = log(s, MON, 10, 30, 18);
    expect(estimateSlot(s, 0, 10, learning).rate).toBeGreaterThan(estimateSlot(s, 0, 12, learning).rate + 0.3);
  });

  it('count "rejected" as not answered and ignore wrong numbers', () => {
    const at = MON + 15 * HOUR_MS;
    const rejected = recordCallOutcome(emptyAnswerRates(), { at, outcome: 'rejected' }, learning);
    expect(hourTotals(rejected, 15)).toEqual({ calls: 1, answered: 0 });
    const wrong = recordCallOutcome(emptyAnswerRates(), { at, outcome: 'wrong_number' }, learning);
    expect(hourTotals(wrong, 15)).toEqual({ calls: 0, answered: 0 });
  });

  it('learn weekday differences only as far as that weekday has data', () => {
    // Saturdays at 10:00 answer well, weekdays at 10:00 do not.
    let s = log(emptyAnswerRates(), SAT, 10, 30, 24, 7);
    s = log(s, MON, 10, 30, 3, 7);
    const sat = estimateSlot(s, 5, 10, learning);
    const mon = estimateSlot(s, 0, 10, learning);
    const wed = estimateSlot(s, 2, 10, learning);
    expect(sat.weekdayCalls).toBe(30);
    expect(sat.rate).toBeGreaterThan(mon.rate + 0.3);
    // A weekday without its own data gets the hour's pooled rate.
    expect(wed.rate).toBeCloseTo(wed.hourRate);
  });

  it('fade old outcomes beyond the memory, so the estimate can follow change', () => {
    const small = parseContactTimingSettings({ learning: { memoryCallsPerHour: 50 } }).learning;
    let s = emptyAnswerRates();
    for (let i = 0; i < 200; i++) s = recordCallOutcome(s, { at: MON + i * DAY_MS + 15 * HOUR_MS, outcome: 'no_answer' }, small);
    expect(hourTotals(s, 15).calls).toBeLessThanOrEqual(50 + 1e-9);
    for (let i = 0; i < 60; i++) s = recordCallOutcome(s, { at: MON + (200 + i) * DAY_MS + 15 * HOUR_MS, outcome: 'answered' }, small);
    expect(estimateSlot(s, 0, 15, small).hourRate).toBeGreaterThan(0.5);
  });

  it('keep a small state that survives JSON and validation, and reject a damaged one', () => {
    let s = log(emptyAnswerRates(), MON, 18, 7, 3);
    s = recordCallOutcome(s, { at: MON + 20 * HOUR_MS, outcome: 'answered', reviewTime: MON + 20 * HOUR_MS }, learning);
    const back = parseAnswerRates(JSON.parse(JSON.stringify(s)));
    expect(back).toEqual(s);
    expect(JSON.stringify(s).length).toBeLessThan(2_000);
    expect(AnswerRatesSchema.safeParse({ ...s, calls: s.calls.slice(1) }).success).toBe(false);
    expect(() => parseAnswerRates({ ...s, answered: s.calls.map((c) => c + 1) })).toThrow();
  });

  it('learn from phone attempts as the case stores them, not from chat', () => {
    const at = MON + 18 * HOUR_MS;
    const s1 = learnFromAttempt(emptyAnswerRates(), { at, channel: 'phone', outcome: 'answered' }, at - HOUR_MS, learning);
    expect(hourTotals(s1, 18)).toEqual({ calls: 1, answered: 1 });
    const s2 = learnFromAttempt(s1, { at, channel: 'chat', outcome: 'buyer_replied' }, at - HOUR_MS, learning);
    expect(s2).toBe(s1);
  });

  it('can be rebuilt from the call log, in any order', () => {
    const calls = Array.from({ length: 40 }, (_, i) => ({
      at: MON + i * 7 * HOUR_MS,
      outcome: (i % 3 === 0 ? 'answered' : 'no_answer') as 'answered' | 'no_answer',
      reviewTime: MON + i * 7 * HOUR_MS - 2 * HOUR_MS,
    }));
    const folded = calls.reduce((s, c) => recordCallOutcome(s, c, learning), emptyAnswerRates());
    expect(rebuildAnswerRates([...calls].reverse(), learning)).toEqual(folded);
  });

  it('learn how much the review hour is worth from the outcomes of calls placed near it', () => {
    expect(reviewHourLift(emptyAnswerRates(), learning)).toBeCloseTo(1.15);
    let s = emptyAnswerRates();
    // Calls at the buyer's review hour that do no better than other hours: the lift drifts back to 1.
    for (let i = 0; i < 200; i++) {
      const at = MON + i * DAY_MS + 15 * HOUR_MS;
      s = recordCallOutcome(s, { at, outcome: i % 4 === 0 ? 'answered' : 'no_answer', reviewTime: at - 30 * 60_000 }, learning);
    }
    expect(Math.abs(reviewHourLift(s, learning) - 1)).toBeLessThan(0.08);
    expect(s.reviewHour.calls).toBe(200);
  });
});

describe('recommendations follow the learned rates', () => {
  const now = beijingInstant(2026, 3, 16, 8, 0); // Monday morning, before calls start
  const c: ContactCase = { causes: ['quality'], reviewTime: now - 2 * HOUR_MS, closed: false, doNotContact: false, attempts: [] };

  /** A shop whose buyers answer at 10:00 and seldom in the seed windows. */
  function officeShop(): AnswerRates {
    let s = emptyAnswerRates();
    for (const h of [12, 18, 19]) s = log(s, MON, h, 14, 2);
    s = log(s, MON, 10, 14, 9);
    return s;
  }

  it('puts the hour that works for this shop first once the data show it', () => {
    const noExplore = parseContactTimingSettings({ learning: { explore: false } });
    const fresh = recommendContact({ case: c, settings: noExplore }, now);
    expect(fresh.kind === 'contact' && [12, 18, 19].includes(beijingHour(fresh.windows[0]!.start))).toBe(true);
    const learned = recommendContact({ case: c, settings: noExplore, rates: officeShop() }, now);
    expect(learned.kind === 'contact' && beijingHour(learned.windows[0]!.start)).toBe(10);
    if (learned.kind === 'contact') expect(learned.windows[0]!.explanation.zh).toBe('10:00–11:00：本店该时段接通率 64%（14 次）');
  });

  function topHours(rates: AnswerRates, seeds: number): number[] {
    const tops: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const r = recommendContact({ case: c, settings: DEFAULT_CONTACT_TIMING_SETTINGS, rates }, now, seededRandom(seed));
      if (r.kind === 'contact') tops.push(beijingHour(r.windows[0]!.start));
    }
    return tops;
  }

  it('exploits what it learned', () => {
    const tops = topHours(officeShop(), 200);
    expect(tops.filter((h) => h === 10).length).toBeGreaterThan(180);
  });

  it('still tries other hours now and then while it knows little', () => {
    const tops = topHours(emptyAnswerRates(), 400);
    const outside = tops.filter((h) => ![12, 18, 19].includes(h));
    expect(outside.length).toBeGreaterThan(4);
    expect(outside.length).toBeLessThan(tops.length * 0.4);
    expect(new Set(outside).size).toBeGreaterThanOrEqual(2);
  });

  it('marks and explains a try-out window', () => {
    let found = false;
    for (let seed = 1; seed <= 300 && !found; seed++) {
      const r = recommendContact({ case: c, rates: emptyAnswerRates() }, now, seededRandom(seed));
      if (r.kind !== 'contact') continue;
      const w = r.windows.find((x) => x.explored);
      if (w) {
        found = true;
        expect(w.explanation.zh).toMatch(/^\d\d:00–\d\d:00：试一试：本店该时段还没有记录/);
        expect(w.explanation.en).toContain('try-out');
      }
    }
    expect(found).toBe(true);
  });

  it('gives the same advice for the same inputs (stable while the agent looks at it)', () => {
    const a = recommendContact({ case: c, rates: officeShop() }, now);
    const b = recommendContact({ case: c, rates: officeShop() }, now + 10 * 60_000);
    expect(a.kind === 'contact' && b.kind === 'contact').toBe(true);
    const order = (r: typeof a) => (r.kind === 'contact' ? r.windows.map((w) => [w.start, w.explanation.zh]) : []);
    expect(order(b)).toEqual(order(a));
  });
});
