// The second chip: after the main cause, causes are ranked by their chance on the real mix of reviews. The model is
// trained with rare causes weighted up (classBalance), records those weights, and the ranking divides them out again.
import { describe, expect, it } from 'vitest';
import { classifyWith, shippedModel } from '@/lib/causes/classify';
import { asCauseModel, predictWithModel, type CauseModel } from '@/lib/causes/model';
import { classifyByLexicon } from '@/lib/causes/rules';
import { CAUSE_CODES, type CauseCode } from '@/lib/causes/taxonomy';
import { trainCauseModel, type TrainExample } from '@/lib/causes/train';

const ex = (text: string, primary: CauseCode): TrainExample => ({ text, primary, causes: [primary] });

describe('class weights recorded by the training', () => {
  it('are (reviews / (classes present × reviews of the class)) ^ classBalance, 1 for a class with no review', () => {
    const examples = [
      ...Array.from({ length: 6 }, (_, i) => ex(`衣服起球了第${i}件`, 'quality')),
      ex('快递太慢了', 'logistics_delay'),
      ex('物流一个星期才到', 'logistics_delay'),
    ];
    const model = trainCauseModel(examples, { classBalance: 0.5, iterations: 5 });
    const w = (code: CauseCode) => model.classWeights![CAUSE_CODES.indexOf(code)]!;
    expect(w('quality')).toBeCloseTo(Math.sqrt(8 / (2 * 6)), 4);
    expect(w('logistics_delay')).toBeCloseTo(Math.sqrt(8 / (2 * 2)), 4);
    expect(w('malicious')).toBe(1);
    expect(trainCauseModel(examples, { classBalance: 0, iterations: 5 }).classWeights).toEqual(CAUSE_CODES.map(() => 1));
  });

  it('are the shipped data’s balancing only: a shop’s labels (its real mix) leave them as they are', () => {
    const base = [ex('衣服起球了', 'quality'), ex('质量太差', 'quality'), ex('衣服开线了', 'quality'), ex('快递太慢了', 'logistics_delay')];
    const shop: TrainExample[] = [
      ...Array.from({ length: 8 }, (_, i) => ({ ...ex(`线头很多第${i}件`, 'quality'), shop: true, weight: 8 })),
      ...Array.from({ length: 2 }, (_, i) => ({ ...ex(`没送到家门口${i}`, 'logistics_delay'), shop: true, weight: 20 })),
    ];
    const alone = trainCauseModel(base, { classBalance: 0.5, iterations: 5 });
    expect(trainCauseModel([...base, ...shop], { classBalance: 0.5, iterations: 5 }).classWeights).toEqual(alone.classWeights);
  });

  it('are shipped with the model, one positive number per cause', () => {
    const weights = shippedModel().classWeights!;
    expect(weights).toHaveLength(CAUSE_CODES.length);
    expect(weights.every((x) => x > 0)).toBe(true);
    // quality is the commonest main cause of the training reviews: the one weighted down most.
    expect(Math.min(...weights)).toBe(weights[CAUSE_CODES.indexOf('quality')]);
  });

  it('are checked when a model is read', () => {
    const raw = JSON.parse(JSON.stringify(shippedModel())) as CauseModel;
    expect(() => asCauseModel({ ...raw, classWeights: [1, 2] })).toThrow(/classWeights/);
    expect(() => asCauseModel({ ...raw, classWeights: CAUSE_CODES.map(() => 0) })).toThrow(/classWeights/);
    const { classWeights: _dropped, ...older } = raw;
    expect(asCauseModel(older).classWeights).toBeUndefined(); // a shop model stored before them still reads
  });
});

describe('the second chip', () => {
  it('is the commonest cause a vague review usually is, not a rare one its few n-grams lean to', () => {
    const shipped = shippedModel();
    const { classWeights: _dropped, ...unweighted } = shipped;
    const text = '差评';
    const withWeights = classifyWith(shipped, text);
    expect(withWeights.ranked.slice(0, 2)).toEqual(['subjective', 'quality']);
    expect(withWeights.chips.map((c) => c.code)).toEqual(['subjective', 'quality']);
    // The balanced probabilities alone would offer a shipping mistake: the ranking by them differs.
    expect(classifyWith(unweighted as CauseModel, text).ranked.slice(0, 2)).toEqual(['subjective', 'fulfillment_error']);
  });

  it('never changes the main cause, and ranks the rest by probability over class weight', () => {
    const shipped = shippedModel();
    const { classWeights: _dropped, ...unweighted } = shipped;
    for (const text of ['快递太慢了，一个星期才到，客服也不回消息', '衣服有色差，和图片不一样', '在逗我吗？', '买贵了，刚买就降价']) {
      const a = classifyWith(shipped, text);
      expect(a.primary).toBe(classifyWith(unweighted as CauseModel, text).primary);
      const { probs } = predictWithModel(shipped, text, classifyByLexicon(text));
      const expected = CAUSE_CODES.filter((code) => code !== a.primary).sort(
        (x, y) => probs[CAUSE_CODES.indexOf(y)]! / shipped.classWeights![CAUSE_CODES.indexOf(y)]! - probs[CAUSE_CODES.indexOf(x)]! / shipped.classWeights![CAUSE_CODES.indexOf(x)]!,
      );
      expect(a.ranked).toEqual([a.primary, ...expected]);
    }
  });
});
