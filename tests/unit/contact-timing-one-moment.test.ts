/**
 * "何时联系" once said 打电话 · 12-03 09:00 起 while the first window listed was 12:00 with a countdown of
 * 11 h 42 m, and 09:00 ranked fifth: the headline showed the earliest allowed instant, the list the best
 * window, the countdown a third idea (the earliest window). A call recommendation now proposes one moment.
 */
import { describe, expect, it } from 'vitest';
import { beijingInstant, formatClock, HOUR_MS } from '../../lib/time/beijing';
import { DEFAULT_CONTACT_TIMING_SETTINGS, type ContactCase } from '../../lib/contact-timing/policy';
import { recommendContact } from '../../lib/contact-timing/recommend';
import { seededRandom } from '../../lib/random/seeded';

const caseAt = (reviewTime: number, over: Partial<ContactCase> = {}): ContactCase => ({
  causes: ['logistics_delay'], reviewTime, closed: false, doNotContact: false, attempts: [], ...over,
});

describe('a call recommendation names one moment', () => {
  it('at 00:18 after a late review: headline, first window and countdown are the same (the best window, not 09:00)', () => {
    const now = beijingInstant(2026, 12, 3, 0, 18);
    const r = recommendContact({ case: caseAt(now - 2 * HOUR_MS) }, now, seededRandom(7));
    if (r.kind !== 'contact') throw new Error(r.explanation.en);
    expect(r.channel).toBe('phone');
    expect(r.notBefore).toBe(beijingInstant(2026, 12, 3, 9, 0)); // allowed from the end of quiet hours
    expect(r.suggestedAt).toBe(r.windows[0]!.start);
    expect(r.nextWindowStartsInMs).toBe(r.suggestedAt - now);
    if (r.suggestedAt > r.notBefore) expect(r.explanation.zh).toContain(`建议今天 ${formatClock(r.suggestedAt)} 打`);
  });

  it('holds at every quarter hour of a day, with and without earlier calls', () => {
    const day = beijingInstant(2026, 12, 3, 0, 0);
    const histories: ContactCase['attempts'][] = [[], [{ at: day - 20 * HOUR_MS, channel: 'phone', outcome: 'no_answer' }]];
    let phones = 0;
    for (let q = 0; q < 96; q++) {
      const now = day + q * 15 * 60_000;
      for (const attempts of histories) {
        const r = recommendContact({ case: caseAt(now - 3 * HOUR_MS, { attempts }) }, now, seededRandom(q));
        if (r.kind !== 'contact' || r.channel !== 'phone') continue;
        phones++;
        const first = r.windows[0]!;
        expect(r.suggestedAt).toBe(first.start);
        expect(r.suggestedAt).toBeGreaterThanOrEqual(r.notBefore);
        expect(r.nextWindowStartsInMs).toBe(Math.max(0, first.start - now));
        const allowed = Math.max(r.notBefore, now);
        // The explanation quotes the proposed clock whenever it is later than the allowed one.
        if (first.start > allowed) expect(r.explanation.zh).toContain(`${formatClock(first.start)} 打`);
        else expect(r.explanation.zh).not.toContain('建议');
      }
    }
    expect(phones).toBeGreaterThan(100);
  });

  it('proposes the chat moment itself for a chat message', () => {
    const now = beijingInstant(2026, 12, 3, 14, 0);
    const r = recommendContact({ case: caseAt(now - HOUR_MS, { causes: ['price_value'] }), settings: DEFAULT_CONTACT_TIMING_SETTINGS }, now, seededRandom(1));
    if (r.kind !== 'contact') throw new Error(r.explanation.en);
    expect(r.channel).toBe('chat');
    expect(r.suggestedAt).toBe(r.notBefore);
  });
});
