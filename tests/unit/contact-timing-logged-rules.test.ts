/** A logged contact is recorded whatever it broke; these are the warnings the panel shows beside it. */
import { describe, expect, it } from 'vitest';
import { beijingInstant, HOUR_MS } from '../../lib/time/beijing';
import { DEFAULT_CONTACT_TIMING_SETTINGS as S, parseContactTimingSettings, type ContactAttempt } from '../../lib/contact-timing/policy';
import { rulesBrokenBy } from '../../lib/contact-timing/logged-rules';

const call = (at: number, outcome: ContactAttempt['outcome'] = 'no_answer'): ContactAttempt => ({ at, channel: 'phone', outcome });
const msg = (at: number, outcome: ContactAttempt['outcome'] = 'message_sent'): ContactAttempt => ({ at, channel: 'chat', outcome });
const free = { doNotContact: false };
const rules = (a: ContactAttempt, before: ContactAttempt[], buyer = free, settings = S) => rulesBrokenBy(a, before, settings, buyer).map((r) => r.rule);
const NOON = beijingInstant(2026, 12, 3, 12, 0);
const NIGHT = beijingInstant(2026, 12, 3, 1, 30);

describe('rules a logged call or message broke', () => {
  it('a call at noon, first of the case, breaks nothing', () => {
    expect(rules(call(NOON), [])).toEqual([]);
  });

  it('names quiet hours for a call at 01:30 and for a call at 21:00 sharp', () => {
    const [quiet] = rulesBrokenBy(call(NIGHT), [], S, free);
    expect(quiet?.rule).toBe('quiet_hours');
    expect(quiet?.explanation.zh).toBe('这是免打扰时段（21:00–09:00）');
    expect(rules(call(beijingInstant(2026, 12, 3, 21, 0)), [])).toEqual(['quiet_hours']);
    expect(rules(call(beijingInstant(2026, 12, 3, 20, 59)), [])).toEqual([]);
  });

  it('names the gap with how long it has been, and the cap, for three calls a minute apart', () => {
    const first = call(NOON);
    const second = call(NOON + 60_000, 'rejected');
    const third = call(NOON + 2 * 60_000);
    const fourth = call(NOON + 3 * 60_000);
    expect(rules(second, [first])).toEqual(['call_gap']);
    expect(rulesBrokenBy(second, [first], S, free)[0]!.explanation.zh).toBe('距上次电话只有 1 分钟（至少间隔 4 小时）');
    expect(rules(third, [first, second])).toEqual(['call_gap']);
    expect(rules(fourth, [third, first, second])).toEqual(['call_gap', 'call_cap']);
    expect(rulesBrokenBy(fourth, [first, second, third], S, free)[1]!.explanation.zh).toBe('这是第 4 次电话，超过每案 3 次的上限');
    expect(rules(call(NOON + 4 * HOUR_MS), [first])).toEqual([]);
  });

  it('names a wrong number, do-not-contact, and a shop cap of 0', () => {
    expect(rules(call(NOON), [call(NOON - 5 * HOUR_MS, 'wrong_number')])).toEqual(['wrong_number']);
    expect(rules(call(NOON), [], { doNotContact: true })).toEqual(['do_not_contact']);
    expect(rules(call(NOON), [], free, parseContactTimingSettings({ maxPhoneAttempts: 0 }))).toEqual(['call_cap']);
  });

  it('checks messages against their own gap, cap and (when set) quiet hours; a buyer reply breaks nothing', () => {
    expect(rules(msg(NOON), [msg(NOON - HOUR_MS)])).toEqual(['chat_gap']);
    expect(rules(msg(NOON), [msg(NOON - HOUR_MS), msg(NOON - 30 * HOUR_MS, 'buyer_replied')])).toEqual(['chat_gap']);
    // A reply resets the streak: the message before it no longer counts.
    expect(rules(msg(NOON), [msg(NOON - 2 * HOUR_MS), msg(NOON - HOUR_MS, 'buyer_replied')])).toEqual([]);
    const three = [msg(NOON - 70 * HOUR_MS), msg(NOON - 50 * HOUR_MS), msg(NOON - 30 * HOUR_MS)];
    expect(rules(msg(NOON), three)).toEqual(['chat_cap']);
    expect(rules(msg(NIGHT), [])).toEqual(['quiet_hours']);
    expect(rules(msg(NIGHT), [], free, parseContactTimingSettings({ quietHoursApplyToChat: false }))).toEqual([]);
    expect(rules(msg(NIGHT, 'buyer_replied'), [], { doNotContact: true })).toEqual([]);
  });

  it('has an English line for every warning', () => {
    const all = rulesBrokenBy(call(NIGHT), [call(NIGHT - 60_000, 'wrong_number'), call(NIGHT - 120_000), call(NIGHT - 180_000)], S, { doNotContact: true });
    expect(all.map((r) => r.rule)).toEqual(['do_not_contact', 'quiet_hours', 'call_gap', 'call_cap', 'wrong_number']);
    for (const r of all) expect(r.explanation.en).toMatch(/^[\x20-\x7e–]+$/);
  });
});
