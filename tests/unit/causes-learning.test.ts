// @vitest-environment node
// Issue 12: the shop's cause model learns from the agents' clicks. The real learner, trainer and storage layout
// (over an in-memory storage area); the shipped model and training data as they ship.
import { afterEach, describe, expect, it } from 'vitest';
import { activeCauseModel, classifyActive, setShopCauseModel } from '../../lib/causes/active-model';
import { baseExamples } from '../../lib/causes/base-examples';
import { shippedModel } from '../../lib/causes/classify';
import { CorrectionRecord, labelsFrom, newRecord } from '../../lib/causes/corrections';
import { CHUNK_SIZE, memoryArea } from '../../lib/causes/learning-storage';
import { ShopLearner, RETRAIN_EVERY } from '../../lib/causes/shop-learner';
import { SHOP_LEARNING, shopExamples, trainShopModel } from '../../lib/causes/shop-training';
import { classifyWith } from '../../lib/causes/classify';
import { prepareExample } from '../../lib/causes/train';
import type { CauseCode } from '../../lib/causes/taxonomy';

const T0 = Date.UTC(2026, 11, 3, 2, 0); // 10:00 Beijing

function learner(area = memoryArea(), clock = { now: T0 }) {
  return new ShopLearner({ area, now: () => clock.now, pause: async () => undefined });
}

const input = (caseId: string, text: string, causes: CauseCode[], was: CauseCode | null = 'subjective') => ({ caseId, text, causes, was, wasBy: 'auto' as const, agent: '小王' });

afterEach(() => setShopCauseModel(null));

describe('correction records (what a click leaves behind, ready to sync)', () => {
  it('have a global id, the agent, the time, the words, and say whether the main cause changed', () => {
    const correction = newRecord(input('qianniu:1', '包装真是醉了', ['logistics_damage', 'subjective']), T0);
    expect(correction).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at: T0,
      agent: '小王',
      kind: 'correction',
      caseId: 'qianniu:1',
      text: '包装真是醉了',
      primary: 'logistics_damage',
      causes: ['logistics_damage', 'subjective'],
      was: 'subjective',
      wasBy: 'auto',
    });
    const confirmation = newRecord(input('qianniu:2', '快递太慢了', ['logistics_delay'], 'logistics_delay'), T0);
    expect(confirmation.kind).toBe('confirmation');
    expect(confirmation.id).not.toBe(correction.id);
    // The schema is the boundary for records from storage or from another browser.
    expect(CorrectionRecord.safeParse({ ...correction, primary: 'nonsense' }).success).toBe(false);
    expect(CorrectionRecord.safeParse({ ...correction, text: '' }).success).toBe(false);
    expect(() => newRecord(input('qianniu:3', 'x', []), T0)).toThrow();
  });

  it('teach one label per case (the latest), and only those made after a reset', () => {
    const records = [
      newRecord(input('a', '甲', ['quality']), T0, 'id-0001-a'),
      newRecord(input('b', '乙', ['logistics_delay']), T0 + 1, 'id-0002-b'),
      newRecord(input('a', '甲', ['not_as_described']), T0 + 2, 'id-0003-a'),
    ];
    expect(labelsFrom(records).map((l) => [l.text, l.primary])).toEqual([['乙', 'logistics_delay'], ['甲', 'not_as_described']]);
    expect(labelsFrom(records, T0 + 1).map((l) => l.primary)).toEqual(['not_as_described']);
  });
});

describe('weighting', () => {
  it('a correction counts as many base reviews, a confirmation as fewer; the weight decides whether it moves the model', async () => {
    const [correction, confirmation] = shopExamples([
      { text: '包装真是醉了', primary: 'logistics_damage', causes: [], kind: 'correction' },
      { text: '快递太慢', primary: 'logistics_delay', causes: ['logistics_delay'], kind: 'confirmation' },
    ]);
    expect(correction).toMatchObject({ shop: true, weight: SHOP_LEARNING.correctionWeight, causes: ['logistics_damage'] });
    expect(confirmation).toMatchObject({ shop: true, weight: SHOP_LEARNING.confirmationWeight });
    expect(SHOP_LEARNING.correctionWeight).toBeGreaterThan(SHOP_LEARNING.confirmationWeight);
    expect(SHOP_LEARNING.confirmationWeight).toBeGreaterThan(1); // both above one shipped training review

    const shipped = shippedModel();
    const base = baseExamples().map((e) => prepareExample(e, shipped.options.maxN));
    const label = [{ text: '这个包装 我也是醉了', primary: 'logistics_damage' as const, causes: [], kind: 'correction' as const }];
    expect(classifyWith(shipped, '包装真是醉了').primary).toBe('subjective');
    const weighted = await trainShopModel(base, shopExamples(label), shipped);
    expect(classifyWith(weighted, '包装真是醉了').primary).toBe('logistics_damage');
    // The same review weighing as little as one shipped review is outvoted by the 420 it is trained with.
    const light = await trainShopModel(base, shopExamples(label, { ...SHOP_LEARNING, correctionWeight: 1 }), shipped);
    expect(classifyWith(light, '包装真是醉了').primary).toBe('subjective');
  });
});

describe('the shop learner', () => {
  it('a correction changes the next prediction on a similar text, and leaves unrelated reviews alone', async () => {
    const shop = learner();
    await shop.load();
    expect(classifyActive('感觉卜像正品').primary).toBe('subjective');
    const unrelated = classifyActive('快递太慢了，一个星期才到').primary;
    const { record, view } = await shop.record(input('qianniu:1', '卜太好，感觉卜像正品，好亏', ['quality']));
    expect(record.kind).toBe('correction');
    expect(view).toMatchObject({ model: 'shipped', pending: 1, training: false });
    await shop.learnNow();
    await shop.idle();
    expect(activeCauseModel().source).toBe('shop');
    expect(classifyActive('感觉卜像正品').primary).toBe('quality');
    expect(classifyActive('快递太慢了，一个星期才到').primary).toBe(unrelated);
    expect(await shop.view()).toMatchObject({ model: 'shop', labels: 1, corrections: 1, pending: 0, trainedAt: T0 });
  });

  it(`retrains by itself once ${RETRAIN_EVERY} new choices have come in, not before`, async () => {
    const shop = learner();
    for (let i = 1; i < RETRAIN_EVERY; i++) {
      const { view } = await shop.record(input(`qianniu:${i}`, `第${i}件衣服起球了`, ['quality'], 'quality'));
      expect(view.training).toBe(false);
    }
    expect((await shop.view()).pending).toBe(RETRAIN_EVERY - 1);
    const { view } = await shop.record(input('qianniu:last', '包装真是醉了', ['logistics_damage']));
    expect(view.training).toBe(true);
    await shop.idle();
    expect(await shop.view()).toMatchObject({ model: 'shop', labels: RETRAIN_EVERY, corrections: 1, pending: 0 });
  });

  it('reset goes back to the shipped model, keeps the records, and learns only from later ones', async () => {
    const area = memoryArea();
    const clock = { now: T0 };
    const shop = learner(area, clock);
    await shop.record(input('qianniu:1', '这个包装 我也是醉了', ['logistics_damage']));
    await shop.learnNow();
    await shop.idle();
    expect(classifyActive('包装真是醉了').primary).toBe('logistics_damage');

    clock.now = T0 + 60_000;
    const view = await shop.reset();
    expect(view).toMatchObject({ model: 'shipped', resetAt: T0 + 60_000, pending: 0, labels: 0 });
    expect(activeCauseModel().source).toBe('shipped');
    expect(classifyActive('包装真是醉了').primary).toBe('subjective');
    expect(area.data.has('causeLearning.model')).toBe(false);
    expect(await shop.recordsSince(0)).toHaveLength(1); // kept (they are the team's history)

    clock.now = T0 + 120_000;
    await shop.record(input('qianniu:2', '快递太慢了', ['logistics_delay'], 'logistics_delay'));
    await shop.learnNow();
    await shop.idle();
    expect(await shop.view()).toMatchObject({ model: 'shop', labels: 1, corrections: 0 });
    expect(classifyActive('包装真是醉了').primary).toBe('subjective'); // the record before the reset is not learnt again
  });

  it('after a restart, puts the stored shop model back in use', async () => {
    const area = memoryArea();
    const first = learner(area);
    await first.record(input('qianniu:1', '这个包装 我也是醉了', ['logistics_damage']));
    await first.learnNow();
    await first.idle();
    setShopCauseModel(null); // the worker stopped

    const again = learner(area);
    await again.load();
    expect(activeCauseModel().source).toBe('shop');
    expect(classifyActive('包装真是醉了').primary).toBe('logistics_damage');
  });

  it('keeps the records when a chunk or the model is damaged: a bad record costs itself, a bad model is learnt again', async () => {
    const area = memoryArea();
    const shop = learner(area);
    for (let i = 0; i < CHUNK_SIZE + 2; i++) await shop.record(input(`qianniu:${i}`, `评价${i}：包装真是醉了`, ['logistics_damage']));
    expect(area.data.has('causeLearning.records.1')).toBe(true);
    await shop.idle();
    const chunk = area.data.get('causeLearning.records.0') as unknown[];
    chunk[3] = { id: 'broken' };
    area.data.set('causeLearning.model', { format: 'reviewdesk-causes/2', bias: 'not numbers' });
    setShopCauseModel(null);

    const again = learner(area);
    await again.load();
    expect(activeCauseModel().source).toBe('shipped');
    expect(await again.recordsSince(0)).toHaveLength(CHUNK_SIZE + 1);
    await again.idle(); // the model is learnt again from the records that are left
    expect(await again.view()).toMatchObject({ model: 'shop', labels: CHUNK_SIZE + 1 });
  });
});

describe('sharing between the browsers of a shop (the team server carries the records)', () => {
  it('imports another browser’s records once, rejects malformed ones, and both browsers learn the same model', async () => {
    const mine = learner(memoryArea());
    const theirs = learner(memoryArea());
    await mine.record(input('qianniu:1', '这个包装 我也是醉了', ['logistics_damage']));
    await mine.record(input('qianniu:2', '卜太好，感觉卜像正品，好亏', ['quality']));
    const outgoing = await mine.recordsSince(T0);
    expect(outgoing).toHaveLength(2);

    const first = await theirs.importRecords([...outgoing, { id: 'x', text: 'no cause' }]);
    expect(first).toMatchObject({ added: 2, rejected: 1, view: { pending: 2 } });
    expect((await theirs.importRecords(outgoing)).added).toBe(0);

    await mine.learnNow();
    await mine.idle();
    const mineSays = ['包装真是醉了', '感觉卜像正品'].map((t) => classifyActive(t).primary);
    await theirs.learnNow();
    await theirs.idle();
    expect(['包装真是醉了', '感觉卜像正品'].map((t) => classifyActive(t).primary)).toEqual(mineSays);
    expect(mineSays).toEqual(['logistics_damage', 'quality']);
  });
});
