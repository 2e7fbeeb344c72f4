/**
 * A reproducible simulation of one shop's calls, to compare the recommender with two fixed rules.
 *
 * - Reviews arrive over days and weeks with a daily rhythm (more in the evening, few at night).
 * - A hidden truth gives, for each Beijing hour, the chance that a call placed then is answered.
 *   Only the outcomes of calls actually placed are shown to a strategy; the truth never is.
 * - Agents phone 09:00–21:00; a case gets its first call within 24 hours of the review, at most 3
 *   calls, at least 4 hours apart, and no more calls once one is answered.
 * - Every strategy sees the same cases at the same times and the same random numbers: case i's k-th
 *   call is answered iff u[i][k] < truth[hour of the call], with u drawn once per seed. The run stops
 *   when the call budget is used.
 * Strategies: `recommender` (recommendContact, learning from each outcome as it happens),
 * `fixedWindows` (the next 12:00–13:00 or 18:00–20:00 slot) and `immediate` (the first allowed moment).
 */
import * as z from 'zod/mini';
import { emptyAnswerRates, recordCallOutcome, type AnswerRates } from './answer-rates';
import { beijingHour, beijingInstant, HOUR_MS, startOfHour } from '../time/beijing';
import { DEFAULT_CONTACT_TIMING_SETTINGS, type ContactAttempt, type ContactTimingSettings } from './policy';
import { mixSeed, seededRandom, type Rng } from '../random/seeded';
import { firstCallInstant, recommendContact } from './recommend';

export const TruthSchema = z.object({
  /** 24 probabilities: the chance that a call placed in that Beijing hour is answered. */
  answerRateByHour: z.array(z.number().check(z.gte(0), z.lte(1))).check(z.length(24)),
  /** What the profile stands for (free text). */
  note: z.optional(z.string()),
});
export type Truth = z.output<typeof TruthSchema>;

export const STRATEGIES = ['recommender', 'fixedWindows', 'immediate'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The rules every strategy keeps in the benchmark. */
export const BENCH_RULES = {
  firstCallWithinHours: 24,
  maxCalls: 3,
  minHoursBetweenCalls: 4,
  callsFrom: 9,
  callsUntil: 21,
} as const;

/** The seed guide's windows (seed 000) used by `fixedWindows`: slots starting at these hours. */
export const FIXED_WINDOW_HOURS = [12, 18, 19] as const;

/**
 * Relative number of reviews written in each Beijing hour. An assumption shaped like Chinese
 * e-commerce traffic (a late-morning bump, the main peak 20:00–22:00, little at night); it only
 * spreads the cases over the day.
 */
export const REVIEW_HOUR_WEIGHTS = [
  0.6, 0.3, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.3, 1.2, 1.2, 1.2, 1.1, 1.1, 1.1, 1.0, 1.1, 1.3, 1.5, 1.6, 1.4, 1.0,
];

export interface SimulationOptions {
  truth: Truth;
  /** Call budget: the run stops when this many calls have been placed. */
  calls: number;
  seed: number;
  /** Average reviews per day (default 12). */
  reviewsPerDay?: number;
  /** First day of the simulation (default Monday 2026-03-02, 00:00 Beijing time). */
  start?: number;
  /** Settings given to the recommender; the benchmark's rules override the matching fields. */
  settings?: ContactTimingSettings;
}

export interface SimCase {
  reviewTime: number;
  /** u[k]: the uniform number that decides the k-th call's outcome. */
  u: number[];
}

export interface StrategyOutcome {
  calls: number;
  answered: number;
  answeredRate: number;
  casesCalled: number;
  casesReached: number;
  /** Hours from the review to the first call, median over cases that got one. */
  medianHoursToFirstCall: number;
  /** Calls placed per Beijing hour. */
  callsByHour: number[];
  /** Rule breaks found by the run's own checks (must be 0). */
  violations: number;
}

export interface SimulationResult {
  calls: number;
  answeredRate: Record<Strategy, number>;
  medianHoursToFirstCall: Record<Strategy, number>;
  detail: Record<Strategy, StrategyOutcome>;
  /** The recommender's learned state at the end of the run. */
  learned: AnswerRates;
}

/** The cases of one seed: arrival times by thinning a Poisson process with the daily rhythm. */
export function generateCases(count: number, seed: number, start: number, reviewsPerDay: number): SimCase[] {
  const arrivals = seededRandom(mixSeed(seed, 1));
  const outcomes = seededRandom(mixSeed(seed, 2));
  const meanWeight = REVIEW_HOUR_WEIGHTS.reduce((a, b) => a + b, 0) / 24;
  const maxWeight = Math.max(...REVIEW_HOUR_WEIGHTS);
  const maxPerMs = ((reviewsPerDay / 24) * (maxWeight / meanWeight)) / HOUR_MS;
  const cases: SimCase[] = [];
  let t = start;
  while (cases.length < count) {
    t += -Math.log(1 - arrivals()) / maxPerMs;
    const w = REVIEW_HOUR_WEIGHTS[beijingHour(t)] ?? 0;
    if (arrivals() * maxWeight >= w) continue;
    const at = Math.round(t);
    cases.push({ reviewTime: at, u: [outcomes(), outcomes(), outcomes()] });
  }
  return cases;
}

interface CaseState {
  calls: number[];
}

interface Chooser {
  /** When to place the case's next call, decided at `now`; null for no call. */
  next(c: SimCase, state: CaseState, now: number): number | null;
  observe(c: SimCase, at: number, answered: boolean): void;
}

function earliestCall(state: CaseState, now: number): number {
  const last = state.calls.at(-1);
  const gapEnd = last === undefined ? now : Math.max(now, last + BENCH_RULES.minHoursBetweenCalls * HOUR_MS);
  return gapEnd;
}

function benchSettings(base: ContactTimingSettings): ContactTimingSettings {
  return {
    ...base,
    quietHours: { callsFrom: BENCH_RULES.callsFrom, callsUntil: BENCH_RULES.callsUntil },
    maxPhoneAttempts: BENCH_RULES.maxCalls,
    minHoursBetweenCalls: BENCH_RULES.minHoursBetweenCalls,
    firstCallWithinHours: BENCH_RULES.firstCallWithinHours,
  };
}

function immediate(settings: ContactTimingSettings): Chooser {
  return {
    next: (_c, state, now) => firstCallInstant(earliestCall(state, now), settings),
    observe: () => {},
  };
}

function fixedWindows(settings: ContactTimingSettings): Chooser {
  return {
    next: (_c, state, now) => {
      let t = firstCallInstant(earliestCall(state, now), settings);
      for (let i = 0; i < 48; i++) {
        if ((FIXED_WINDOW_HOURS as readonly number[]).includes(beijingHour(t))) return t;
        t = startOfHour(t) + HOUR_MS;
      }
      return null;
    },
    observe: () => {},
  };
}

function recommender(settings: ContactTimingSettings, rng: Rng, learned: { rates: AnswerRates }): Chooser {
  return {
    next: (c, state, now) => {
      const attempts: ContactAttempt[] = state.calls.map((at) => ({ at, channel: 'phone', outcome: 'no_answer' }));
      const rec = recommendContact(
        {
          // A small, concrete complaint: the policy allows a call at once, as the benchmark assumes.
          case: { causes: ['logistics_delay'], reviewTime: c.reviewTime, closed: false, doNotContact: false, attempts },
          settings,
          rates: learned.rates,
        },
        now,
        rng,
      );
      if (rec.kind !== 'contact') return null;
      return rec.windows[0]?.start ?? null;
    },
    observe: (c, at, answered) => {
      learned.rates = recordCallOutcome(
        learned.rates,
        { at, outcome: answered ? 'answered' : 'no_answer', reviewTime: c.reviewTime },
        settings.learning,
      );
    },
  };
}

interface Event {
  at: number;
  seq: number;
  kind: 'decide' | 'call';
  caseIndex: number;
}

/** A binary heap ordered by time, then by insertion. */
class EventQueue {
  private items: Event[] = [];
  private seq = 0;
  get size() {
    return this.items.length;
  }
  push(e: Omit<Event, 'seq'>) {
    const item = { ...e, seq: this.seq++ };
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Event | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Event, b: Event): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function runStrategy(cases: SimCase[], truth: Truth, budget: number, chooser: Chooser): StrategyOutcome {
  const states: CaseState[] = cases.map(() => ({ calls: [] }));
  const queue = new EventQueue();
  cases.forEach((c, i) => queue.push({ at: c.reviewTime, kind: 'decide', caseIndex: i }));
  const callsByHour = new Array<number>(24).fill(0);
  let placed = 0;
  let answered = 0;
  let reached = 0;
  let violations = 0;
  const firstDelays: number[] = [];

  while (placed < budget && queue.size > 0) {
    const ev = queue.pop()!;
    const c = cases[ev.caseIndex]!;
    const st = states[ev.caseIndex]!;
    if (ev.kind === 'decide') {
      const at = chooser.next(c, st, ev.at);
      if (at !== null) queue.push({ at: Math.max(at, ev.at), kind: 'call', caseIndex: ev.caseIndex });
      continue;
    }
    const k = st.calls.length;
    const hour = beijingHour(ev.at);
    const last = st.calls.at(-1);
    if (hour < BENCH_RULES.callsFrom || hour >= BENCH_RULES.callsUntil) violations++;
    if (last !== undefined && ev.at - last < BENCH_RULES.minHoursBetweenCalls * HOUR_MS) violations++;
    if (k === 0 && ev.at - c.reviewTime > BENCH_RULES.firstCallWithinHours * HOUR_MS) violations++;
    if (k >= BENCH_RULES.maxCalls) violations++;
    placed++;
    callsByHour[hour] = (callsByHour[hour] ?? 0) + 1;
    if (k === 0) firstDelays.push((ev.at - c.reviewTime) / HOUR_MS);
    st.calls.push(ev.at);
    const ok = (c.u[k] ?? 1) < (truth.answerRateByHour[hour] ?? 0);
    chooser.observe(c, ev.at, ok);
    if (ok) {
      answered++;
      reached++;
    } else if (st.calls.length < BENCH_RULES.maxCalls) {
      queue.push({ at: ev.at, kind: 'decide', caseIndex: ev.caseIndex });
    }
  }
  return {
    calls: placed,
    answered,
    answeredRate: placed > 0 ? answered / placed : 0,
    casesCalled: firstDelays.length,
    casesReached: reached,
    medianHoursToFirstCall: median(firstDelays),
    callsByHour,
    violations,
  };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs the three strategies on the same cases and random numbers. Same options → same result. */
export function simulate(options: SimulationOptions): SimulationResult {
  const truth = TruthSchema.parse(options.truth);
  const start = options.start ?? beijingInstant(2026, 3, 2);
  const settings = benchSettings(options.settings ?? DEFAULT_CONTACT_TIMING_SETTINGS);
  const cases = generateCases(options.calls, options.seed, start, options.reviewsPerDay ?? 12);
  const learned = { rates: emptyAnswerRates() };
  const detail = {
    recommender: runStrategy(cases, truth, options.calls, recommender(settings, seededRandom(mixSeed(options.seed, 3)), learned)),
    fixedWindows: runStrategy(cases, truth, options.calls, fixedWindows(settings)),
    immediate: runStrategy(cases, truth, options.calls, immediate(settings)),
  };
  const pick = (f: (o: StrategyOutcome) => number, digits?: number) =>
    Object.fromEntries(STRATEGIES.map((s) => [s, round(f(detail[s]), digits)])) as Record<Strategy, number>;
  return {
    calls: options.calls,
    answeredRate: pick((o) => o.answeredRate),
    medianHoursToFirstCall: pick((o) => o.medianHoursToFirstCall, 2),
    detail,
    learned: learned.rates,
  };
}
