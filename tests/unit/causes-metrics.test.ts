import { evaluate, f1Score, macroF1, perClassStats, topConfusions, type LabelledPrediction } from '../../lib/causes/metrics';

const item = (gold: string, predicted: string, goldSet: string[] = [gold]): LabelledPrediction => ({
  gold,
  predicted,
  goldSet,
});

describe('cause metrics', () => {
  it('scores perfect predictions as 1 everywhere', () => {
    const report = evaluate([item('quality', 'quality'), item('subjective', 'subjective')]);
    expect(report).toMatchObject({ n: 2, accuracy: 1, inLabelledRate: 1, macroF1: 1, confusions: [] });
  });

  it('computes precision, recall and F1 per class by hand-checkable counts', () => {
    // quality: gold 3, predicted 2 (both right) → P 1, R 2/3, F1 0.8
    // subjective: gold 1, predicted 2 (1 right) → P 0.5, R 1, F1 2/3
    const items = [
      item('quality', 'quality'),
      item('quality', 'quality'),
      item('quality', 'subjective'),
      item('subjective', 'subjective'),
    ];
    const stats = perClassStats(items);
    const q = stats.find((s) => s.label === 'quality')!;
    const s = stats.find((s) => s.label === 'subjective')!;
    expect(q).toMatchObject({ precision: 1, support: 3, predicted: 2 });
    expect(q.recall).toBeCloseTo(2 / 3);
    expect(q.f1).toBeCloseTo(0.8);
    expect(s).toMatchObject({ precision: 0.5, recall: 1, support: 1, predicted: 2 });
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(macroF1(stats)).toBeCloseTo((0.8 + 2 / 3) / 2);
    expect(stats[0]?.label).toBe('quality'); // largest support first
  });

  it('averages macro-F1 over the classes present in the labels only', () => {
    // `malicious` is only ever predicted, never labelled: it lowers quality's precision but is no class of its own.
    const report = evaluate([item('quality', 'quality'), item('quality', 'malicious')]);
    expect(report.perClass.map((s) => s.label)).toEqual(['quality']);
    expect(report.macroF1).toBeCloseTo(f1Score(1, 0.5));
  });

  it('counts a primary among the labelled causes separately from an exact hit', () => {
    const report = evaluate([
      item('quality', 'subjective', ['quality', 'subjective']),
      item('quality', 'price_value', ['quality']),
      item('price_value', 'price_value'),
    ]);
    expect(report.inLabelledRate).toBeCloseTo(2 / 3);
    expect(report.accuracy).toBeCloseTo(1 / 3);
  });

  it('lists the commonest mistakes first', () => {
    const confusions = topConfusions([
      item('quality', 'subjective'),
      item('quality', 'subjective'),
      item('fulfillment_error', 'logistics_delay'),
      item('quality', 'quality'),
    ]);
    expect(confusions).toEqual([
      { gold: 'quality', predicted: 'subjective', count: 2 },
      { gold: 'fulfillment_error', predicted: 'logistics_delay', count: 1 },
    ]);
  });

  it('returns zeros rather than NaN on empty input', () => {
    expect(evaluate([])).toMatchObject({ n: 0, accuracy: 0, inLabelledRate: 0, macroF1: 0, perClass: [] });
    expect(f1Score(0, 0)).toBe(0);
  });
});
