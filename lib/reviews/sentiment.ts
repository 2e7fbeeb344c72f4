import * as z from 'zod/mini';

export const Sentiment = z.enum(['negative', 'neutral', 'positive', 'unknown']);
export type Sentiment = z.infer<typeof Sentiment>;

/** The sentiments that make a review a case to handle (中差评). */
export type CaseSentiment = 'negative' | 'neutral';

export function isCaseSentiment(s: Sentiment | undefined): s is CaseSentiment {
  return s === 'negative' || s === 'neutral';
}

/** Qianniu emotion codes: 11 正面, 12 中性, 13 负面; anything else is still being classified. */
export function sentimentFromEmotionCode(code: unknown): Sentiment {
  switch (String(code ?? '').trim()) {
    case '11': return 'positive';
    case '12': return 'neutral';
    case '13': return 'negative';
    default: return 'unknown';
  }
}

const LABELS: Array<[RegExp, Sentiment]> = [
  [/差评|负面/, 'negative'],
  [/中评|中性/, 'neutral'],
  [/好评|正面/, 'positive'],
];

/** Page labels such as 负面评价, 中评, 好评; unknown when none matches (e.g. 情感识别中). */
export function sentimentFromLabel(label: string | null | undefined): Sentiment {
  if (!label) return 'unknown';
  for (const [re, s] of LABELS) if (re.test(label)) return s;
  return 'unknown';
}

/** The worse of two sentiments for case purposes: negative beats neutral beats the rest. */
export function caseSentimentOf(main: Sentiment, followUp?: Sentiment): CaseSentiment | null {
  if (main === 'negative' || followUp === 'negative') return 'negative';
  if (main === 'neutral' || followUp === 'neutral') return 'neutral';
  return null;
}
