import { describe, expect, it } from 'vitest';
import { dayIndex, daysOf, dayText, resolvePeriod, PeriodRange } from '@/lib/insight/period';
import { beijingInstant, DAY_MS } from '@/lib/time/beijing';

// 01:30 on 2026-03-02 in Beijing is still 2026-03-01 in UTC: every period must follow the Beijing calendar.
const NOW = beijingInstant(2026, 3, 2, 1, 30);
const MAR2 = beijingInstant(2026, 3, 2);

describe('periods in Beijing time', () => {
  it('today, 7 and 30 days end with today; this month starts on the 1st', () => {
    expect(resolvePeriod('today', NOW)).toEqual({ from: MAR2, to: MAR2 + DAY_MS });
    expect(resolvePeriod('7d', NOW)).toEqual({ from: beijingInstant(2026, 2, 24), to: MAR2 + DAY_MS });
    expect(resolvePeriod('30d', NOW)).toEqual({ from: beijingInstant(2026, 2, 1), to: MAR2 + DAY_MS });
    expect(resolvePeriod('month', NOW)).toEqual({ from: beijingInstant(2026, 3, 1), to: MAR2 + DAY_MS });
    expect(daysOf(resolvePeriod('7d', NOW)!).map(dayText)).toEqual(['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('a custom range includes both days; reversed, unreadable or over-long ranges are refused', () => {
    expect(resolvePeriod('custom', NOW, { from: '2026-02-27', to: '2026-03-02' })).toEqual({ from: beijingInstant(2026, 2, 27), to: MAR2 + DAY_MS });
    expect(resolvePeriod('custom', NOW, { from: '2026-03-02', to: '2026-02-27' })).toBeNull();
    expect(resolvePeriod('custom', NOW, { from: '2026-02-30', to: '2026-03-02' })).toBeNull();
    expect(resolvePeriod('custom', NOW, { from: 'yesterday', to: '2026-03-02' })).toBeNull();
    expect(resolvePeriod('custom', NOW, { from: '2020-01-01', to: '2026-03-02' })).toBeNull();
  });

  it('places instants on Beijing days, the end excluded', () => {
    const range = resolvePeriod('7d', NOW)!;
    expect(dayIndex(range, range.from)).toBe(0);
    expect(dayIndex(range, range.from - 1)).toBe(-1);
    expect(dayIndex(range, MAR2 - 1)).toBe(5);
    expect(dayIndex(range, MAR2)).toBe(6);
    expect(dayIndex(range, range.to)).toBe(-1);
  });

  it('the protocol accepts whole Beijing days only', () => {
    expect(PeriodRange.safeParse({ from: MAR2, to: MAR2 + DAY_MS }).success).toBe(true);
    expect(PeriodRange.safeParse({ from: MAR2 + 1, to: MAR2 + DAY_MS + 1 }).success).toBe(false);
    expect(PeriodRange.safeParse({ from: MAR2, to: MAR2 }).success).toBe(false);
    expect(PeriodRange.safeParse({ from: MAR2, to: MAR2 + 2000 * DAY_MS }).success).toBe(false);
  });
});
