import { describe, expect, it } from 'vitest';
import { emptyAnswerRates, estimateSlot, recordCallOutcome, type SlotEstimate } from '../../lib/contact-timing/answer-rates';
import { beijingInstant, DAY_MS, HOUR_MS } from '../../lib/time/beijing';
import { explainBlock, explainDecision, explainWindow, type DecisionFacts } from '../../lib/contact-timing/explain';
import { hintsFor } from '../../lib/contact-timing/hints';
import { DEFAULT_CONTACT_TIMING_SETTINGS, parseContactTimingSettings } from '../../lib/contact-timing/policy';
import { seededRandom } from '../../lib/random/seeded';
import { recommendContact } from '../../lib/contact-timing/recommend';

const learning = DEFAULT_CONTACT_TIMING_SETTINGS.learning;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

function estimate(over: Partial<SlotEstimate>): SlotEstimate {
  return {
    rate: 0.4,
    hourRate: 0.4,
    hourCalls: 0,
    hourAnswered: 0,
    weekdayCalls: 0,
    weekdayAnswered: 0,
    fromStartingBelief: true,
    ...over,
  };
}

const base = { startHour: 18, weekday: 0, hints: [], explored: false, startingGood: true, trustAfterCalls: 10 };

describe('window explanations', () => {
  it('quote the shop’s own answer rate and number of calls', () => {
    const e = explainWindow({ ...base, estimate: estimate({ hourCalls: 31, hourAnswered: 14.3, fromStartingBelief: false }) });
    expect(e.zh).toBe('18:00–19:00：本店该时段接通率 46%（31 次）');
    expect(e.en).toBe('18:00–19:00: this shop answers 46% of calls at this hour (31 calls)');
  });

  it('quote the weekday’s own rate once that weekday has enough calls', () => {
    const e = explainWindow({
      ...base,
      weekday: 5,
      estimate: estimate({ hourCalls: 60, hourAnswered: 20, weekdayCalls: 12, weekdayAnswered: 7, fromStartingBelief: false }),
    });
    expect(e.zh).toBe('18:00–19:00：本店周六该时段接通率 58%（12 次）');
    expect(e.en).toContain('on Sat');
  });

  it('say the window comes from the starting belief while the shop has little data', () => {
    const good = explainWindow({ ...base, estimate: estimate({ hourCalls: 3, hourAnswered: 1 }) });
    expect(good.zh).toBe('18:00–19:00：通常比较好打（午休、傍晚较空），本店记录还少（3 次）');
    expect(good.en).toContain('starting belief');
    const other = explainWindow({ ...base, startHour: 15, startingGood: false, estimate: estimate({ rate: 0.25, hourRate: 0.25 }) });
    expect(other.zh).toBe('15:00–16:00：按一般情况估计，本店还没有记录');
  });

  it('flag a try-out and say why', () => {
    const e = explainWindow({ ...base, startHour: 10, explored: true, startingGood: false, estimate: estimate({ hourCalls: 2 }) });
    expect(e.zh).toBe('10:00–11:00：试一试：本店该时段只有 2 次记录，偶尔安排一次，以免错过好时段');
  });

  it('add personal hints: review hour, landline, routine', () => {
    const reviewTime = beijingInstant(2026, 3, 2, 10, 40);
    const hints = hintsFor({ reviewTime, phoneKind: 'landline' }, 0, 10, 1.15);
    expect(hints.map((h) => h.kind)).toEqual(['review_hour', 'landline']);
    const e = explainWindow({ ...base, startHour: 10, startingGood: false, hints, estimate: estimate({ hourCalls: 0 }) });
    expect(e.zh).toBe('10:00–11:00：按一般情况估计，本店还没有记录；买家在 10 点左右写的评价，这时多半有空；座机：上班时间较易接通');
    const student = hintsFor({ reviewTime, routine: 'student' }, 2, 15, 1);
    expect(student).toEqual([expect.objectContaining({ kind: 'routine', factor: 0.7, zh: '学生：上课时间' })]);
    // A review-hour factor the shop's data reduced to ~1 is not mentioned.
    expect(hintsFor({ reviewTime }, 0, 10, 1)).toEqual([]);
  });
});

describe('decision and block explanations', () => {
  const now = beijingInstant(2026, 3, 2, 22, 10);
  const facts: DecisionFacts = {
    reason: 'speed_first',
    wait: 'quiet_hours',
    notBefore: beijingInstant(2026, 3, 3, 9, 0),
    now,
    phoneAttempts: 0,
    maxPhoneAttempts: 3,
    phoneAfterUnansweredChatDays: 2,
    firstCallWithinHours: 24,
    minHoursBetweenCalls: 4,
    callsFrom: 9,
    callsUntil: 21,
    phoneNotBefore: beijingInstant(2026, 3, 3, 9, 0),
  };

  it('say why not now and from when', () => {
    const e = explainDecision(facts);
    expect(e.zh).toBe('问题具体、不大：尽早打电话，争取评价后 24 小时内联系上；现在是免打扰时段（21:00–09:00），明天 09:00 起');
    expect(e.en).toBe('A small, concrete complaint: call early, within 24 h of the review if possible; quiet hours now (21:00–09:00), from tomorrow at 09:00');
    const gap = explainDecision({ ...facts, reason: 'follow_up_call', phoneAttempts: 1, wait: 'call_gap', now: beijingInstant(2026, 3, 3, 10, 0), notBefore: beijingInstant(2026, 3, 3, 13, 0) });
    expect(gap.zh).toBe('第 2 次电话（每案最多 3 次）；两次电话至少间隔 4 小时，今天 13:00 起');
  });

  it('name the limit that blocks contact', () => {
    expect(explainBlock({ reason: 'do_not_contact' }).zh).toContain('勿扰');
    const used = explainBlock({ reason: 'attempts_exhausted', phoneAttempts: 3, maxPhoneAttempts: 3, unansweredChats: 3 });
    expect(used.zh).toBe('电话已打 3 次（上限 3 次），旺旺消息 3 条未回：不再主动联系，等买家回复，把时间留给其他评价');
    expect(explainBlock({ reason: 'no_contact_cause', causeLabels: [{ zh: '恶意评价', en: 'Malicious review' }] }).en).toMatch(/^Malicious review: do not contact/);
  });

  it('have an English line without Chinese characters for every recommendation', () => {
    const settings = parseContactTimingSettings({ windowsShown: 10 });
    const review = beijingInstant(2026, 3, 2, 9, 0);
    const cases = [
      { causes: ['quality' as const] },
      { causes: ['subjective' as const] },
      { causes: ['price_value' as const], attempts: [{ at: review + HOUR_MS, channel: 'chat' as const, outcome: 'message_sent' as const }] },
      { causes: ['malicious' as const] },
      { causes: ['quality' as const], phoneKind: 'landline' as const, routine: 'office_worker' as const },
    ];
    for (const over of cases) {
      const r = recommendContact(
        { case: { reviewTime: review, closed: false, doNotContact: false, attempts: [], ...over }, settings },
        review + 2 * HOUR_MS,
        seededRandom(1),
      );
      expect(r.explanation.zh).toMatch(CJK);
      expect(r.explanation.en).not.toMatch(CJK);
      if (r.kind === 'contact') {
        for (const w of r.windows) {
          expect(w.explanation.zh).toMatch(/^\d\d:00–\d\d:00：/);
          expect(w.explanation.en).not.toMatch(CJK);
        }
      }
    }
  });

  it('quote the numbers the learner holds', () => {
    let rates = emptyAnswerRates();
    const monday = beijingInstant(2026, 3, 2);
    for (let i = 0; i < 31; i++) {
      rates = recordCallOutcome(rates, { at: monday + i * DAY_MS + 18 * HOUR_MS, outcome: i < 14 ? 'answered' : 'no_answer' }, learning);
    }
    const now = beijingInstant(2026, 4, 6, 17, 0);
    const r = recommendContact(
      { case: { causes: ['quality'], reviewTime: now - HOUR_MS, closed: false, doNotContact: false, attempts: [] }, rates, settings: parseContactTimingSettings({ learning: { explore: false } }) },
      now,
    );
    expect(r.kind).toBe('contact');
    if (r.kind !== 'contact') return;
    const w = r.windows.find((x) => x.explanation.zh.startsWith('18:00'));
    expect(w?.explanation.zh).toBe('18:00–19:00：本店该时段接通率 45%（31 次）');
    expect(estimateSlot(rates, 0, 18, learning).hourCalls).toBe(31);
  });
});
