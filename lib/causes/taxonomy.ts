/**
 * The cause taxonomy for neutral and negative reviews (see DOMAIN.md, section "Causes").
 * The zod enum is the single source of the cause codes; everything else derives from it.
 */
import * as z from 'zod/mini';

export const CAUSE_CODES = [
  'logistics_delay',
  'logistics_damage',
  'fulfillment_error',
  'quality',
  'not_as_described',
  'service_attitude',
  'service_response',
  'after_sales',
  'price_value',
  'subjective',
  'malicious',
  'other',
] as const;

export const CauseCodeSchema = z.enum(CAUSE_CODES);
export type CauseCode = z.infer<typeof CauseCodeSchema>;

export interface CauseInfo {
  /** Short Chinese label shown to agents. */
  zh: string;
  /** Short English label. */
  en: string;
  /** One line on what belongs in this cause. */
  meaning: string;
}

export const CAUSES: Readonly<Record<CauseCode, CauseInfo>> = {
  logistics_delay: {
    zh: '物流慢/快递服务',
    en: 'Slow or poor delivery',
    meaning: 'The carrier took too long, did not bring the parcel to the door, or the courier behaved badly.',
  },
  logistics_damage: {
    zh: '运输破损',
    en: 'Damaged in transit',
    meaning: 'The parcel arrived crushed, broken, leaking or squashed because of the journey, not the product itself.',
  },
  fulfillment_error: {
    zh: '发货问题',
    en: 'Shipping mistake',
    meaning: 'The shop sent the wrong item, size or colour, left out parts or gifts, or dispatched late or not at all.',
  },
  quality: {
    zh: '质量问题',
    en: 'Quality defect',
    meaning: 'The goods are faulty: poor material, loose threads, odour, breakdowns, counterfeits, rotten or expired food.',
  },
  not_as_described: {
    zh: '描述不符',
    en: 'Not as described',
    meaning: 'What arrived differs from the listing: colour cast, sizing that does not match the chart, photos or specs.',
  },
  service_attitude: {
    zh: '客服态度',
    en: 'Rude service',
    meaning: 'Customer service was impolite, impatient or brushed the buyer off.',
  },
  service_response: {
    zh: '回复慢',
    en: 'Slow replies',
    meaning: 'Customer service answered late or never answered at all.',
  },
  after_sales: {
    zh: '售后纠纷',
    en: 'After-sales dispute',
    meaning: 'Trouble with a return, exchange, refund, warranty repair, invoice or installation.',
  },
  price_value: {
    zh: '性价比',
    en: 'Price and value',
    meaning: 'The buyer finds it overpriced, saw the price fall after buying, or feels it is not worth the money.',
  },
  subjective: {
    zh: '主观不满',
    en: 'Personal dislike',
    meaning: 'Taste, disappointed expectations or mood, with no concrete fault named.',
  },
  malicious: {
    zh: '恶意评价',
    en: 'Malicious review',
    meaning: 'Extortion, a competitor, abuse, spam or text that has nothing to do with the purchase.',
  },
  other: {
    zh: '其他',
    en: 'Other',
    meaning: 'A concrete complaint that fits none of the causes above.',
  },
};

export function causeLabel(code: CauseCode, lang: 'zh' | 'en' = 'zh'): string {
  return CAUSES[code][lang];
}
