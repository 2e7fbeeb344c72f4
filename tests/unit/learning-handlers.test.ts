// Issue 12 through the background's handlers: the agent's click saves the case (history and case agree) and is
// recorded for the shop's model; the retrained model classifies new reviews and offers its reading on open cases.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReviewDeskDB } from '@/lib/db/database';
import { CaseStore } from '@/lib/cases/case-store';
import { WorkflowStore } from '@/lib/cases/workflow-store';
import { ContactAdvisor } from '@/lib/contact-timing/case-advice';
import type { BackgroundPorts } from '@/lib/messaging/handlers';
import { createLearningHandlers, shopLearner } from '@/lib/messaging/learning-handlers';
import { Request, type PageReport } from '@/lib/messaging/protocol';
import { setShopCauseModel } from '@/lib/causes/active-model';
import { observation } from './helpers';
import { problemFor } from '@/lib/replies/problems';

const T0 = Date.UTC(2026, 11, 3, 2, 0);
const page = 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC';

function setUp(options: Partial<Parameters<typeof createLearningHandlers>[1]> = {}) {
  const db = new ReviewDeskDB(`learn-${Math.random()}`);
  const p: BackgroundPorts = {
    db, store: new CaseStore(db), workflow: new WorkflowStore(db, () => T0), advisor: new ContactAdvisor(db),
    reschedule: vi.fn(async () => undefined), language: async () => 'zh-CN', agentName: async () => '小王',
    openSidePanel: vi.fn(async () => true), focusCase: vi.fn(async () => undefined), pageReports: new Map<number, PageReport>(),
    lastConsoleTab: { id: null }, changed: vi.fn(),
  };
  const h = createLearningHandlers(p, { now: () => T0, pause: async () => undefined, ...options });
  return { db, p, h };
}

/** Every request used here is one the protocol accepts. */
const req = <T extends Request['type']>(r: Extract<Request, { type: T }>) => Request.parse(r) as Extract<Request, { type: T }>;

afterEach(() => setShopCauseModel(null));

describe('learning handlers', () => {
  it('offers the two most likely causes with their words, and the other ten a click further', async () => {
    const { p, h } = setUp();
    await p.store.ingest([observation({ content: '快递太慢了，一个星期才到，客服也不回消息' })], page);
    const choices = await h.causeChoices(req({ type: 'causeChoices', caseId: 'qianniu:1001' }));
    expect(choices?.chips.map((c) => c.code)).toEqual(['logistics_delay', 'service_response']);
    expect(choices?.chips[0]?.triggers.join()).toMatch(/慢/);
    expect(choices?.others).toHaveLength(10);
    expect(new Set([...choices!.chips.map((c) => c.code), ...choices!.others]).size).toBe(12);
    expect(choices).toMatchObject({ model: 'shipped', offer: null });
    expect(await h.causeChoices(req({ type: 'causeChoices', caseId: 'qianniu:nope' }))).toBeNull();
  });

  it('gives the causes further down the buyer’s words too, so a reply chosen from them names the problem', async () => {
    const { db, p, h } = setUp();
    // Four causes named: 物流 and 起球 (quality, the commonest cause) are the chips, the two 客服 ones further down.
    await p.store.ingest([observation({ content: '快递太慢了，一个星期才到，客服也不回消息，态度也差，衣服还有点起球' })], page);
    const choices = await h.causeChoices(req({ type: 'causeChoices', caseId: 'qianniu:1001' }));
    expect(choices?.chips.map((c) => c.code)).toEqual(['logistics_delay', 'quality']);
    const rude = choices?.others.find((c) => c.code === 'service_attitude');
    expect(rude).toEqual({ code: 'service_attitude', triggers: ['态度也差'] });
    await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [rude!] }));
    const saved = (await db.cases.get('qianniu:1001'))!.causes[0]!;
    expect(problemFor(saved).kind).not.toBe('neutral');
  });

  it('saves the choice on the case with a history event, and records a correction or confirmation with agent and time', async () => {
    const { db, p, h } = setUp();
    await p.store.ingest([observation({ content: '在逗我吗？' })], page);
    const wrong = await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [{ code: 'quality', triggers: [] }] }));
    expect(wrong).toMatchObject({ kind: 'correction', learning: { model: 'shipped', pending: 1 } });
    expect(await db.cases.get('qianniu:1001')).toMatchObject({ causesBy: 'agent', causes: [{ code: 'quality' }] });
    expect(await db.events.where('caseId').equals('qianniu:1001').filter((e) => e.kind === 'causes').toArray()).toEqual([
      expect.objectContaining({ by: '小王', at: T0, detail: 'quality' }),
    ]);
    expect(p.changed).toHaveBeenCalledWith('cases', ['qianniu:1001']);
    const again = await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [{ code: 'quality', triggers: [] }] }));
    expect(again.kind).toBe('confirmation');
    const records = await shopLearner()!.recordsSince(0);
    expect(records).toEqual([
      expect.objectContaining({ kind: 'correction', agent: '小王', at: T0, caseId: 'qianniu:1001', text: '在逗我吗？', primary: 'quality', was: 'subjective', wasBy: 'auto' }),
      expect.objectContaining({ kind: 'confirmation', was: 'quality', wasBy: 'agent' }),
    ]);
    // They live in the extension's storage, checked when read back.
    const stored = await fakeBrowser.storage.local.get('causeLearning.records.0');
    expect(stored['causeLearning.records.0']).toHaveLength(2);
  });

  it('after learning, a similar new review arrives with the corrected cause, and open cases are offered the new reading', async () => {
    const { db, p, h } = setUp();
    await p.store.ingest([
      observation({ content: '这个包装 我也是醉了' }),
      observation({ platformReviewId: '1002', content: '包装真是醉了，什么玩意' }),
    ], page);
    expect((await db.cases.get('qianniu:1002'))?.causes[0]?.code).toBe('subjective');
    await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [{ code: 'logistics_damage', triggers: ['包装'] }] }));
    expect((await h.learnCausesNow(req({ type: 'learnCausesNow' }))).training).toBe(true);
    await shopLearner()!.idle();

    const state = await h.causeModelState(req({ type: 'causeModelState' }));
    expect(state).toMatchObject({ model: 'shop', labels: 1, corrections: 1, pending: 0, offers: 1 });
    const offered = await h.causeChoices(req({ type: 'causeChoices', caseId: 'qianniu:1002' }));
    expect(offered).toMatchObject({ model: 'shop', offer: { code: 'logistics_damage' } });
    // Corrected by the agent: no offer, whatever the model says.
    expect((await h.causeChoices(req({ type: 'causeChoices', caseId: 'qianniu:1001' })))?.offer).toBeNull();

    await p.store.ingest([observation({ platformReviewId: '1003', content: '包装真是醉了' })], page);
    expect((await db.cases.get('qianniu:1003'))?.causes[0]?.code).toBe('logistics_damage');

    const back = await h.resetCauseModel(req({ type: 'resetCauseModel' }));
    expect(back).toMatchObject({ model: 'shipped', offers: 0, resetAt: T0 });
    await p.store.ingest([observation({ platformReviewId: '1004', content: '包装真是醉了' })], page);
    expect((await db.cases.get('qianniu:1004'))?.causes[0]?.code).toBe('subjective');
  });

  it('keeps the agent’s choice on the case when the record cannot be stored, and says nothing was learnt', async () => {
    const full = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), remove: async () => undefined };
    const { db, p, h } = setUp({ area: full });
    await p.store.ingest([observation({ content: '在逗我吗？' })], page);
    const reply = await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [{ code: 'quality', triggers: [] }] }));
    expect(reply).toMatchObject({ kind: null, learning: { model: 'shipped', pending: 0 } });
    expect(await db.cases.get('qianniu:1001')).toMatchObject({ causesBy: 'agent', causes: [{ code: 'quality' }] });
  });

  it('removing every cause saves the case but records nothing to learn from', async () => {
    const { db, p, h } = setUp();
    await p.store.ingest([observation({ content: '发错颜色了' })], page);
    expect(await h.correctCauses(req({ type: 'correctCauses', caseId: 'qianniu:1001', causes: [] }))).toMatchObject({ kind: null, learning: { pending: 0 } });
    expect(await db.cases.get('qianniu:1001')).toMatchObject({ causes: [], causesBy: 'agent' });
  });
});
