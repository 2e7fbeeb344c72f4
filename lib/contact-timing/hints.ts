/**
 * Personal hints about one buyer's day, applied as factors on the shop's answer rate for a slot.
 *
 * - Review hour: buyers tend to write negative reviews at the hour they ordered (JD.com study,
 *   arXiv 2004.13463), so they are likely free then. The factor is learned (answer-rates.ts).
 * - Landline: a fixed-line number is usually at a workplace (seed 000 asks agents to check the phone
 *   type; DOMAIN.md: "a landline suggests office hours").
 * - Routine: set by the agent from the shipping address or history (seed 001). The factors below are
 *   starting assumptions about typical Chinese daily schedules, not measurements; change them here.
 */
import { nearReviewHour } from './answer-rates';
import { beijingHour } from '../time/beijing';
import type { BuyerRoutine, ContactCase } from './policy';

export interface Hint {
  kind: 'review_hour' | 'landline' | 'routine';
  factor: number;
  zh: string;
  en: string;
}

interface HourRule {
  days: 'workdays' | 'weekend' | 'all';
  from: number;
  until: number;
  factor: number;
  zh: string;
  en: string;
}

const LANDLINE_RULES: HourRule[] = [
  { days: 'workdays', from: 9, until: 12, factor: 1.3, zh: '座机：上班时间较易接通', en: 'landline: office hours' },
  { days: 'workdays', from: 14, until: 18, factor: 1.3, zh: '座机：上班时间较易接通', en: 'landline: office hours' },
  { days: 'workdays', from: 12, until: 14, factor: 0.7, zh: '座机：午休可能无人', en: 'landline: lunch break' },
  { days: 'workdays', from: 18, until: 24, factor: 0.4, zh: '座机：下班后多半无人', en: 'landline: after office hours' },
  { days: 'weekend', from: 0, until: 24, factor: 0.4, zh: '座机：周末多半无人', en: 'landline: weekend' },
];

const ROUTINE_RULES: Record<Exclude<BuyerRoutine, 'unknown'>, HourRule[]> = {
  student: [
    { days: 'workdays', from: 8, until: 12, factor: 0.7, zh: '学生：上课时间', en: 'student: in class' },
    { days: 'workdays', from: 14, until: 17, factor: 0.7, zh: '学生：上课时间', en: 'student: in class' },
    { days: 'all', from: 12, until: 13, factor: 1.2, zh: '学生：午休', en: 'student: lunch break' },
    { days: 'all', from: 18, until: 22, factor: 1.2, zh: '学生：晚饭后较空', en: 'student: free after dinner' },
  ],
  office_worker: [
    { days: 'workdays', from: 9, until: 12, factor: 0.75, zh: '上班族：工作时间', en: 'office worker: at work' },
    { days: 'workdays', from: 14, until: 18, factor: 0.75, zh: '上班族：工作时间', en: 'office worker: at work' },
    { days: 'workdays', from: 12, until: 13, factor: 1.25, zh: '上班族：午休', en: 'office worker: lunch break' },
    { days: 'workdays', from: 18, until: 22, factor: 1.2, zh: '上班族：下班后', en: 'office worker: after work' },
    { days: 'weekend', from: 10, until: 20, factor: 1.1, zh: '上班族：周末较空', en: 'office worker: weekend' },
  ],
  factory_shift: [
    { days: 'all', from: 11, until: 13, factor: 1.15, zh: '工厂倒班：饭点/换班较易接', en: 'factory shift: meal break' },
    { days: 'all', from: 17, until: 19, factor: 1.15, zh: '工厂倒班：饭点/换班较易接', en: 'factory shift: meal break' },
  ],
  retired: [
    { days: 'all', from: 9, until: 11, factor: 1.2, zh: '退休：上午较空', en: 'retired: free in the morning' },
    { days: 'all', from: 12, until: 14, factor: 0.75, zh: '退休：午睡时间', en: 'retired: afternoon nap' },
    { days: 'all', from: 15, until: 17, factor: 1.15, zh: '退休：下午较空', en: 'retired: free in the afternoon' },
  ],
  homemaker: [
    { days: 'all', from: 9, until: 11, factor: 1.15, zh: '居家：上午较空', en: 'at home: free in the morning' },
    { days: 'all', from: 14, until: 16, factor: 1.2, zh: '居家：午后较空', en: 'at home: free after lunch' },
    { days: 'all', from: 17, until: 19, factor: 0.8, zh: '居家：做饭接孩子', en: 'at home: cooking, school run' },
  ],
};

function matches(rule: HourRule, weekday: number, hour: number): boolean {
  const weekend = weekday >= 5;
  if (rule.days === 'workdays' && weekend) return false;
  if (rule.days === 'weekend' && !weekend) return false;
  return hour >= rule.from && hour < rule.until;
}

function firstRule(rules: HourRule[], kind: Hint['kind'], weekday: number, hour: number): Hint[] {
  const r = rules.find((x) => matches(x, weekday, hour));
  return r ? [{ kind, factor: r.factor, zh: r.zh, en: r.en }] : [];
}

/** The hints that apply to one slot of one case; `reviewLift` is the learned review-hour factor. */
export function hintsFor(c: Pick<ContactCase, 'reviewTime' | 'phoneKind' | 'routine'>, weekday: number, hour: number, reviewLift: number): Hint[] {
  const out: Hint[] = [];
  if (nearReviewHour(hour, c.reviewTime) && Math.abs(reviewLift - 1) >= 0.01) {
    const at = `${String(beijingHour(c.reviewTime)).padStart(2, '0')} 点`;
    out.push({
      kind: 'review_hour',
      factor: reviewLift,
      zh: reviewLift > 1 ? `买家在 ${at}左右写的评价，这时多半有空` : `买家写评价的时段（${at}）在本店反而不易接通`,
      en: reviewLift > 1 ? 'the buyer wrote the review around this hour' : 'review-hour calls do worse than average in this shop',
    });
  }
  if (c.phoneKind === 'landline') out.push(...firstRule(LANDLINE_RULES, 'landline', weekday, hour));
  if (c.routine && c.routine !== 'unknown') out.push(...firstRule(ROUTINE_RULES[c.routine], 'routine', weekday, hour));
  return out;
}

export function combinedFactor(hints: Hint[]): number {
  return hints.reduce((f, h) => f * h.factor, 1);
}
