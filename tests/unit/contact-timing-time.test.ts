import { afterEach, describe, expect, it } from 'vitest';
import {
  beijingDaysBetween,
  beijingHour,
  beijingInstant,
  beijingParts,
  beijingWeekday,
  formatBeijing,
  formatHourRange,
  startOfBeijingDay,
  startOfNextBeijingDay,
} from '../../lib/time/beijing';
import { DEFAULT_CONTACT_TIMING_SETTINGS } from '../../lib/contact-timing/policy';
import { recommendContact } from '../../lib/contact-timing/recommend';
import { seededRandom } from '../../lib/random/seeded';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('Beijing time arithmetic', () => {
  it('reads the Beijing wall clock from a UTC instant', () => {
    // 2026-03-02T10:00:00Z is 18:00 on Monday 2 March in Beijing.
    const p = beijingParts(Date.UTC(2026, 2, 2, 10, 0));
    expect(p).toEqual({ year: 2026, month: 3, day: 2, hour: 18, minute: 0, weekday: 0 });
  });

  it('rolls over to the next Beijing day at 16:00 UTC', () => {
    const before = Date.UTC(2026, 2, 1, 15, 59); // Sunday 23:59 in Beijing
    const after = Date.UTC(2026, 2, 1, 16, 0); // Monday 00:00 in Beijing
    expect(beijingWeekday(before)).toBe(6);
    expect(beijingHour(before)).toBe(23);
    expect(beijingWeekday(after)).toBe(0);
    expect(beijingHour(after)).toBe(0);
    expect(startOfBeijingDay(before)).toBe(Date.UTC(2026, 1, 28, 16, 0));
    expect(startOfNextBeijingDay(before)).toBe(after);
    expect(beijingDaysBetween(before, after)).toBe(1);
  });

  it('builds instants from a Beijing wall-clock reading and formats them back', () => {
    const t = beijingInstant(2026, 12, 31, 23, 30);
    expect(t).toBe(Date.UTC(2026, 11, 31, 15, 30));
    expect(formatBeijing(t)).toBe('2026-12-31 23:30');
    expect(formatHourRange(18, 19)).toBe('18:00–19:00');
  });

  it('agrees with the Asia/Shanghai zone data for instants across many years', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    const rng = seededRandom(7);
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    for (let i = 0; i < 500; i++) {
      const t = Date.UTC(2000, 0, 1) + Math.floor(rng() * 40 * 365 * 86_400_000);
      const parts = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
      expect(beijingHour(t)).toBe(Number(parts.hour));
      expect(days[beijingWeekday(t)]).toBe(parts.weekday);
    }
  });

  it('gives the same recommendation whatever zone the computer is set to', () => {
    const now = beijingInstant(2026, 3, 6, 22, 40); // Friday night in Beijing
    const input = {
      case: {
        causes: ['quality' as const],
        reviewTime: beijingInstant(2026, 3, 6, 21, 5),
        closed: false,
        doNotContact: false,
        attempts: [],
      },
      settings: DEFAULT_CONTACT_TIMING_SETTINGS,
    };
    const localHours = new Set<number>();
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Europe/London'].map((tz) => {
      process.env.TZ = tz;
      localHours.add(new Date(now).getHours());
      return recommendContact(input, now, seededRandom(1));
    });
    // The zones really differed for this process (otherwise the test would prove nothing).
    expect(localHours.size).toBeGreaterThan(1);
    for (const r of results) expect(r).toEqual(results[0]);
    const first = results[0]!;
    expect(first.kind).toBe('contact');
    if (first.kind !== 'contact') return;
    // Quiet hours in Beijing: the first possible call is 09:00 on Saturday, Beijing time.
    expect(first.notBefore).toBe(beijingInstant(2026, 3, 7, 9, 0));
  });
});
