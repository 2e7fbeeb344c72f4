import { describe, expect, it } from 'vitest';
import { beijingHour, beijingInstant, HOUR_MS } from '../../lib/time/beijing';
import {
  ContactAttemptSchema,
  ContactCaseSchema,
  DEFAULT_CONTACT_TIMING_SETTINGS,
  parseContactTimingSettings,
  type ContactAttempt,
  type ContactCase,
  type ContactTimingSettings,
} from '../../lib/contact-timing/policy';
import { seededRandom } from '../../lib/random/seeded';
import { recommendContact, type ContactRecommendation } from '../../lib/contact-timing/recommend';

// Monday 2 March 2026, Beijing time.
const MON_10 = beijingInstant(2026, 3, 2, 10, 0);

function makeCase(over: Partial<ContactCase> = {}): ContactCase {
  return { causes: ['logistics_delay'], reviewTime: MON_10 - HOUR_MS, closed: false, doNotContact: false, attempts: [], ...over };
}

function rec(c: Partial<ContactCase>, now = MON_10, settings: ContactTimingSettings = DEFAULT_CONTACT_TIMING_SETTINGS) {
  return recommendContact({ case: makeCase(c), settings }, now, seededRandom(3));
}

function contact(r: ContactRecommendation) {
  if (r.kind !== 'contact') throw new Error(`expected a contact recommendation, got ${r.kind}: ${r.explanation.en}`);
  return r;
}

const call = (at: number, outcome: ContactAttempt['outcome'] = 'no_answer'): ContactAttempt => ({ at, channel: 'phone', outcome });
const msg = (at: number, outcome: ContactAttempt['outcome'] = 'message_sent'): ContactAttempt => ({ at, channel: 'chat', outcome });

describe('settings', () => {
  it('has the documented defaults', () => {
    const s = parseContactTimingSettings(undefined);
    expect(s.quietHours).toEqual({ callsFrom: 9, callsUntil: 21 });
    expect(s.maxPhoneAttempts).toBe(3);
    expect(s.minHoursBetweenCalls).toBe(4);
    expect(s.phoneAfterUnansweredChatDays).toBe(2);
    expect(s.nextDayCauses).toEqual(['subjective']);
    expect(s.noContactCauses).toEqual(['malicious']);
    expect(s.learning.startingGoodHours).toEqual([12, 18, 19]);
    expect(s).toEqual(DEFAULT_CONTACT_TIMING_SETTINGS);
  });

  it('fills in what a stored partial object leaves out', () => {
    const s = parseContactTimingSettings({ quietHours: { callsUntil: 20 }, learning: { explore: false } });
    expect(s.quietHours).toEqual({ callsFrom: 9, callsUntil: 20 });
    expect(s.learning.explore).toBe(false);
    expect(s.learning.priorCalls).toBe(DEFAULT_CONTACT_TIMING_SETTINGS.learning.priorCalls);
  });

  it('rejects nonsense instead of silently resetting it', () => {
    expect(() => parseContactTimingSettings({ quietHours: { callsFrom: 21, callsUntil: 9 } })).toThrow();
    expect(() => parseContactTimingSettings({ maxPhoneAttempts: -1 })).toThrow();
    expect(() => parseContactTimingSettings({ nextDayCauses: ['bad_mood'] })).toThrow();
  });

  it('validates attempts and cases read back from storage', () => {
    expect(ContactAttemptSchema.safeParse({ at: 1, channel: 'chat', outcome: 'answered' }).success).toBe(false);
    expect(ContactAttemptSchema.safeParse({ at: 1, channel: 'phone', outcome: 'rejected' }).success).toBe(true);
    const parsed = ContactCaseSchema.parse({ causes: ['quality'], reviewTime: MON_10 });
    expect(parsed).toEqual({ causes: ['quality'], reviewTime: MON_10, closed: false, doNotContact: false, attempts: [] });
  });
});

describe('limits that block contact', () => {
  it('never contacts a closed case', () => {
    const r = rec({ closed: true });
    expect(r).toMatchObject({ kind: 'blocked', reason: 'case_closed' });
    expect(r.explanation.zh).toContain('结案');
  });

  it('never contacts a do-not-contact buyer, even one online now', () => {
    const r = rec({ doNotContact: true, buyerOnlineNow: true });
    expect(r).toMatchObject({ kind: 'blocked', reason: 'do_not_contact' });
  });

  it('does not contact about a malicious review', () => {
    const r = rec({ causes: ['malicious', 'quality'] });
    expect(r).toMatchObject({ kind: 'blocked', reason: 'no_contact_cause' });
    expect(r.explanation.zh).toContain('恶意评价');
  });

  it('stops once the calls are used up and the chat is unanswered', () => {
    const attempts = [
      msg(MON_10 - 70 * HOUR_MS),
      call(MON_10 - 30 * HOUR_MS),
      msg(MON_10 - 26 * HOUR_MS),
      call(MON_10 - 20 * HOUR_MS),
      call(MON_10 - 5 * HOUR_MS),
      msg(MON_10 - 4 * HOUR_MS),
    ];
    const r = rec({ attempts });
    expect(r).toMatchObject({ kind: 'blocked', reason: 'attempts_exhausted' });
    expect(r.explanation.zh).toContain('3 次');
  });

  it('falls back to chat only when the calls are used up but chat is not', () => {
    const attempts = [call(MON_10 - 30 * HOUR_MS), call(MON_10 - 20 * HOUR_MS), call(MON_10 - 5 * HOUR_MS)];
    const r = contact(rec({ attempts }));
    expect(r.channel).toBe('chat');
    expect(r.reason).toBe('chat_only');
    expect(r.phoneNotBefore).toBeNull();
    expect(r.windows).toEqual([]);
  });

  it('honours a lower cap from the settings', () => {
    const s = parseContactTimingSettings({ maxPhoneAttempts: 1 });
    const r = contact(rec({ attempts: [call(MON_10 - 30 * HOUR_MS)] }, MON_10, s));
    expect(r.channel).toBe('chat');
    expect(r.phoneNotBefore).toBeNull();
  });

  it('does not phone a wrong number again', () => {
    const r = contact(rec({ attempts: [call(MON_10 - 30 * HOUR_MS, 'wrong_number')] }));
    expect(r.channel).toBe('chat');
    expect(r.phoneNotBefore).toBeNull();
    expect(r.explanation.zh).toContain('号码有误');
  });
});

describe('quiet hours and gaps', () => {
  it('moves a late-evening call to 09:00 the next morning and says why', () => {
    const now = beijingInstant(2026, 3, 2, 22, 10);
    const r = contact(rec({ reviewTime: now - HOUR_MS }, now));
    expect(r.channel).toBe('phone');
    expect(r.wait).toBe('quiet_hours');
    expect(r.notBefore).toBe(beijingInstant(2026, 3, 3, 9, 0));
    expect(r.explanation.zh).toContain('免打扰');
    expect(r.explanation.zh).toContain('明天 09:00');
  });

  it('moves an early-morning call to 09:00 the same day', () => {
    const now = beijingInstant(2026, 3, 2, 7, 30);
    expect(contact(rec({ reviewTime: now - HOUR_MS }, now)).notBefore).toBe(beijingInstant(2026, 3, 2, 9, 0));
  });

  it('never proposes a window inside quiet hours, over the whole horizon', () => {
    const s = parseContactTimingSettings({ quietHours: { callsFrom: 10, callsUntil: 20 }, windowsShown: 72 });
    for (let h = 0; h < 24; h++) {
      const now = beijingInstant(2026, 3, 2, h, 20);
      const r = contact(rec({ reviewTime: now }, now, s));
      expect(r.windows.length).toBeGreaterThan(0);
      for (const w of r.windows) {
        expect(beijingHour(w.start)).toBeGreaterThanOrEqual(10);
        expect(beijingHour(w.start)).toBeLessThan(20);
        expect(w.end - w.start).toBeLessThanOrEqual(HOUR_MS);
        expect(w.start).toBeGreaterThanOrEqual(now);
      }
    }
  });

  it('keeps the minimum gap after the last call', () => {
    const last = MON_10 - HOUR_MS;
    const r = contact(rec({ attempts: [call(last)] }));
    expect(r.phoneNotBefore).toBe(last + 4 * HOUR_MS);
    for (const w of r.windows) expect(w.start).toBeGreaterThanOrEqual(last + 4 * HOUR_MS);
    // Meanwhile a chat message is suggested, with the time the next call becomes possible.
    expect(r.channel).toBe('chat');
    expect(r.reason).toBe('message_between_calls');
    expect(r.explanation.zh).toContain('13:00');
  });

  it('phones again once the gap is over', () => {
    const r = contact(rec({ attempts: [call(MON_10 - 5 * HOUR_MS), msg(MON_10 - 4 * HOUR_MS)] }));
    expect(r.channel).toBe('phone');
    expect(r.reason).toBe('follow_up_call');
    expect(r.notBefore).toBe(MON_10);
    expect(r.explanation.zh).toContain('第 2 次电话');
  });

  it('counts down to the window listed first (the one proposed), zero while it is open', () => {
    const r = contact(rec({}));
    expect(r.nextWindowStartsInMs).toBe(Math.max(0, r.windows[0]!.start - MON_10));
    // At 12:20, inside a starting-belief good hour, with exploration off: the window is open now.
    const noExplore = parseContactTimingSettings({ learning: { explore: false } });
    const at = beijingInstant(2026, 3, 2, 12, 20);
    const inside = contact(rec({ reviewTime: at - HOUR_MS }, at, noExplore));
    expect(inside.windows[0]!.start).toBe(at);
    expect(inside.windows[0]!.end).toBe(beijingInstant(2026, 3, 2, 13, 0));
    expect(inside.nextWindowStartsInMs).toBe(0);
  });
});

describe('channel and next-day policy', () => {
  it('phones a small concrete complaint at once (speed first)', () => {
    const r = contact(rec({ causes: ['logistics_delay', 'fulfillment_error'] }));
    expect(r.channel).toBe('phone');
    expect(r.reason).toBe('speed_first');
    expect(r.notBefore).toBe(MON_10);
  });

  it('ranks the first call within 24 hours of the review ahead of later slots', () => {
    const review = MON_10 - HOUR_MS;
    const r = contact(rec({ reviewTime: review }));
    expect(r.windows[0]!.start).toBeLessThanOrEqual(review + 24 * HOUR_MS);
  });

  it('waits until the next Beijing day for a mood review, then starts in chat', () => {
    const review = beijingInstant(2026, 3, 2, 10, 0);
    const now = beijingInstant(2026, 3, 2, 11, 0);
    const r = contact(rec({ causes: ['subjective'], reviewTime: review }, now));
    expect(r.channel).toBe('chat');
    expect(r.wait).toBe('next_day');
    expect(r.notBefore).toBe(beijingInstant(2026, 3, 3, 9, 0));
    expect(r.explanation.zh).toContain('明天 09:00');
    // Late at night on the same day the rule still holds; the next morning it no longer applies.
    expect(contact(rec({ causes: ['subjective'], reviewTime: review }, beijingInstant(2026, 3, 2, 23, 59))).notBefore).toBe(
      beijingInstant(2026, 3, 3, 9, 0),
    );
    const nextMorning = contact(rec({ causes: ['subjective'], reviewTime: review }, beijingInstant(2026, 3, 3, 9, 30)));
    expect(nextMorning.notBefore).toBe(beijingInstant(2026, 3, 3, 9, 30));
    expect(nextMorning.wait).toBeUndefined();
  });

  it('applies the next-day rule by Beijing date, not by 24 hours', () => {
    // Written at 23:50; from 00:00 the rule is satisfied (quiet hours then hold until 09:00).
    const review = beijingInstant(2026, 3, 2, 23, 50);
    const r = contact(rec({ causes: ['subjective'], reviewTime: review }, review + 5 * 60_000));
    expect(r.notBefore).toBe(beijingInstant(2026, 3, 3, 9, 0));
  });

  it('lets the shop extend the next-day rule to other causes', () => {
    const s = parseContactTimingSettings({ nextDayCauses: ['subjective', 'service_attitude'] });
    const r = contact(rec({ causes: ['service_attitude'] }, MON_10, s));
    expect(r.wait).toBe('next_day');
  });

  it('treats "buyer online now" as the best moment, but not during a mood review’s same-day wait', () => {
    const online = contact(rec({ causes: ['price_value'], buyerOnlineNow: true }));
    expect(online).toMatchObject({ channel: 'chat', reason: 'buyer_online', notBefore: MON_10 });
    const mood = contact(rec({ causes: ['subjective'], buyerOnlineNow: true }));
    expect(mood.reason).not.toBe('buyer_online');
    const s = parseContactTimingSettings({ buyerOnlineOverridesNextDay: true });
    expect(contact(rec({ causes: ['subjective'], buyerOnlineNow: true }, MON_10, s)).reason).toBe('buyer_online');
    // Online also beats quiet hours (a chat with someone who is there) and the phone cap.
    const night = beijingInstant(2026, 3, 2, 23, 0);
    expect(contact(rec({ causes: ['quality'], buyerOnlineNow: true, reviewTime: night - HOUR_MS }, night)).notBefore).toBe(night);
  });

  it('starts other causes in chat and phones only after the chat is unanswered long enough', () => {
    const first = contact(rec({ causes: ['price_value'] }));
    expect(first).toMatchObject({ channel: 'chat', reason: 'chat_first', notBefore: MON_10 });
    expect(first.explanation.zh).toContain('2 天');
    // Projected: a call would become possible two days after this message.
    expect(first.phoneNotBefore).toBe(MON_10 + 48 * HOUR_MS);

    const oneDay = contact(rec({ causes: ['price_value'], attempts: [msg(MON_10 - 24 * HOUR_MS)] }));
    expect(oneDay.channel).toBe('chat');
    expect(oneDay.phoneNotBefore).toBe(MON_10 + 24 * HOUR_MS);

    const twoDays = contact(rec({ causes: ['price_value'], attempts: [msg(MON_10 - 49 * HOUR_MS), msg(MON_10 - 25 * HOUR_MS)] }));
    expect(twoDays).toMatchObject({ channel: 'phone', reason: 'phone_after_chat', notBefore: MON_10 });
  });

  it('says when the call becomes possible once the chat messages are used up', () => {
    const attempts = [msg(MON_10 - 40 * HOUR_MS), msg(MON_10 - 20 * HOUR_MS), msg(MON_10 - HOUR_MS)];
    const r = contact(rec({ causes: ['price_value'], attempts }));
    expect(r).toMatchObject({ channel: 'phone', reason: 'phone_after_chat', wait: 'chat_unanswered', notBefore: MON_10 + 8 * HOUR_MS });
    expect(r.explanation.zh).toBe('旺旺消息没有回复：改打电话；等第一条消息满 2 天仍未回复，今天 18:00 起');
  });

  it('makes the unanswered-days threshold configurable', () => {
    const s = parseContactTimingSettings({ phoneAfterUnansweredChatDays: 3 });
    const r = contact(rec({ causes: ['price_value'], attempts: [msg(MON_10 - 49 * HOUR_MS), msg(MON_10 - 25 * HOUR_MS)] }, MON_10, s));
    expect(r.channel).toBe('chat');
    expect(r.phoneNotBefore).toBe(MON_10 + 23 * HOUR_MS);
  });

  it('keeps talking in chat once the buyer replied or answered', () => {
    const replied = contact(rec({ causes: ['price_value'], attempts: [msg(MON_10 - 30 * HOUR_MS), msg(MON_10 - 2 * HOUR_MS, 'buyer_replied')] }));
    expect(replied).toMatchObject({ channel: 'chat', reason: 'chat_live', notBefore: MON_10, phoneNotBefore: null });
    const answered = contact(rec({ attempts: [call(MON_10 - 2 * HOUR_MS, 'answered')] }));
    expect(answered).toMatchObject({ channel: 'chat', reason: 'chat_live', phoneNotBefore: null });
  });

  it('treats an unknown cause cautiously: chat first', () => {
    expect(contact(rec({ causes: [] })).reason).toBe('chat_first');
  });
});
