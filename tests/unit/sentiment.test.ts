import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSentimentOf, sentimentFromEmotionCode, sentimentFromLabel } from '@/lib/reviews/sentiment';
import { sentimentFromText } from '@/lib/reviews/text-sentiment';

describe('platform sentiment', () => {
  it('maps Qianniu codes, as numbers or strings', () => {
    expect([11, '12', 13, ' 13 ', 0, null, 'x'].map(sentimentFromEmotionCode)).toEqual(['positive', 'neutral', 'negative', 'negative', 'unknown', 'unknown', 'unknown']);
  });
  it('maps page labels', () => {
    expect(['差评', '负面评价', '中评', '中性评价', '好评', '正面评价', '情感识别中', ''].map(sentimentFromLabel))
      .toEqual(['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive', 'unknown', 'unknown']);
  });
  it('takes the worse of review and follow-up', () => {
    expect(caseSentimentOf('positive', 'negative')).toBe('negative');
    expect(caseSentimentOf('neutral', 'negative')).toBe('negative');
    expect(caseSentimentOf('neutral', 'positive')).toBe('neutral');
    expect(caseSentimentOf('positive', undefined)).toBeNull();
    expect(caseSentimentOf('unknown', 'unknown')).toBeNull();
  });
});

describe('text sentiment (Tmall fallback)', () => {
  it('reads clear cases and negation', () => {
    expect(sentimentFromText('质量太差了，非常失望')).toBe('negative');
    expect(sentimentFromText('很满意，物美价廉，推荐')).toBe('positive');
    expect(sentimentFromText('')).toBe('unknown');
    expect(sentimentFromText('不差')).not.toBe('negative');
  });

  it('flags most labelled negative sample reviews as cases and few positive ones', () => {
    const rows = readFileSync(path.resolve(__dirname, '../console-sim/data/reviews-sample.jsonl'), 'utf8')
      .trim().split('\n').map((l) => JSON.parse(l) as { sentiment: string; text: string });
    const isCase = (t: string) => ['negative', 'neutral'].includes(sentimentFromText(t));
    const neg = rows.filter((r) => r.sentiment === 'negative');
    const pos = rows.filter((r) => r.sentiment === 'positive');
    const recall = neg.filter((r) => isCase(r.text)).length / neg.length;
    const falseAlarm = pos.filter((r) => isCase(r.text)).length / pos.length;
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(falseAlarm).toBeLessThanOrEqual(0.2);
  });
});
