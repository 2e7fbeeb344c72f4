import { describe, expect, it } from 'vitest';
import { beijingInstant, formatBeijing, isSaneTime, parseBeijing } from '@/lib/time/beijing';

describe('Beijing time', () => {
  it('formats and parses in UTC+8 whatever the machine zone', () => {
    const at = Date.UTC(2026, 2, 31, 8, 24, 4); // 16:24:04 in Beijing
    expect(formatBeijing(at)).toBe('2026-03-31 16:24');
    expect(formatBeijing(at, true)).toBe('2026-03-31 16:24:04');
    expect(parseBeijing('[2026-03-31 16:24:04]')).toBe(at);
    expect(parseBeijing('初次评价：2026-03-31 16:24')).toBe(at - 4000);
    expect(parseBeijing('昨天')).toBeNull();
  });

  it('reads the year as written: 0001 is year 1 (not 1900), 275760 is no four-digit year (not 5760)', () => {
    expect(formatBeijing(parseBeijing('0001-01-01 10:00')!)).toBe('0001-01-01 10:00');
    expect(parseBeijing('275760-01-01 10:00')).toBeNull();
    expect(parseBeijing('2026-01-011')).toBeNull();
    expect(formatBeijing(beijingInstant(99, 1, 1))).toBe('0099-01-01 00:00');
  });

  it('refuses dates that are not on the calendar or the clock', () => {
    expect(parseBeijing('2026-02-31')).toBeNull();
    expect(parseBeijing('2026-13-01')).toBeNull();
    expect(parseBeijing('2026-01-01 24:00')).toBeNull();
    expect(parseBeijing('2026-01-01 10:60')).toBeNull();
    expect(formatBeijing(parseBeijing('2028-02-29 23:59')!)).toBe('2028-02-29 23:59');
  });

  it('calls only 2000–2100 a time an agent can mean', () => {
    expect(isSaneTime(parseBeijing('2026-03-31 16:24')!)).toBe(true);
    expect(isSaneTime(parseBeijing('1999-12-31 23:59')!)).toBe(false);
    expect(isSaneTime(parseBeijing('2100-01-01 00:00')!)).toBe(false);
    expect(isSaneTime(1e20)).toBe(false);
    expect(isSaneTime(-1)).toBe(false);
    expect(isSaneTime(Number.NaN)).toBe(false);
  });
});
