import * as z from 'zod/mini';
import { beijingInstant, beijingParts, DAY_MS, parseBeijing, startOfBeijingDay, startOfNextBeijingDay } from '../time/beijing';

/** The periods the dashboard offers; every one is whole Beijing calendar days. */
export const PeriodKind = z.enum(['today', '7d', '30d', 'month', 'custom']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** The longest period one dashboard request covers (a custom range of three years, day by day, is still a small reply). */
export const PERIOD_MAX_DAYS = 1100;

/** [from, to): both at 00:00 Beijing time. Checked at the protocol boundary. */
export const PeriodRange = z.object({
  from: z.number().check(z.int()),
  to: z.number().check(z.int()),
}).check(z.refine((p) => p.to > p.from && (p.to - p.from) / DAY_MS <= PERIOD_MAX_DAYS && (p.to - p.from) % DAY_MS === 0
  && startOfBeijingDay(p.from) === p.from, 'a period is whole Beijing days, at most PERIOD_MAX_DAYS'));
export type PeriodRange = z.infer<typeof PeriodRange>;

/**
 * The range of a period as of `now`: today, the last 7 or 30 days including today, this calendar month up to today,
 * or a custom range of days given as YYYY-MM-DD (both ends included). Null when a custom range cannot be read.
 */
export function resolvePeriod(kind: PeriodKind, now: number, custom?: { from: string; to: string }): PeriodRange | null {
  const today = startOfBeijingDay(now);
  const tomorrow = startOfNextBeijingDay(now);
  switch (kind) {
    case 'today': return { from: today, to: tomorrow };
    case '7d': return { from: today - 6 * DAY_MS, to: tomorrow };
    case '30d': return { from: today - 29 * DAY_MS, to: tomorrow };
    case 'month': {
      const p = beijingParts(now);
      return { from: beijingInstant(p.year, p.month, 1), to: tomorrow };
    }
    case 'custom': {
      const from = custom && parseDay(custom.from);
      const to = custom && parseDay(custom.to);
      if (from == null || to == null || to < from) return null;
      const range = { from, to: to + DAY_MS };
      return PeriodRange.safeParse(range).success ? range : null;
    }
  }
}

/** "2026-03-02" → 00:00 Beijing of that day; null for anything else. */
function parseDay(text: string): number | null {
  if (!/^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(text)) return null;
  return parseBeijing(text.trim());
}

/** The start (00:00 Beijing) of every day of the range, in order. */
export function daysOf(range: PeriodRange): number[] {
  const days: number[] = [];
  for (let d = range.from; d < range.to; d += DAY_MS) days.push(d);
  return days;
}

/** Index of the Beijing day containing `at` within the range, or -1 outside it. */
export function dayIndex(range: PeriodRange, at: number): number {
  if (at < range.from || at >= range.to) return -1;
  return Math.floor((at - range.from) / DAY_MS);
}

/** "03-02" for a day's start, as the charts label days. */
export function dayLabel(dayStart: number): string {
  const p = beijingParts(dayStart);
  return `${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "2026-03-02" */
export function dayText(dayStart: number): string {
  const p = beijingParts(dayStart);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
