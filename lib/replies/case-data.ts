import type { CaseDetail } from '../cases/case-store';
import { formatYuan, type PromiseRecord, type RemedyKind } from '../cases/promises';
import { formatBeijing } from '../time/beijing';
import type { FillData } from './schema';

/** Remedies as phrases that read well after "为您安排…" / "arrange …". */
const REMEDY_PHRASES: Record<RemedyKind, { zh: string; en: string }> = {
  reship: { zh: '补发一件新的', en: 'a free replacement' },
  exchange: { zh: '免费换货', en: 'a free exchange' },
  postage_refund: { zh: '退还运费', en: 'a refund of the postage' },
  partial_refund: { zh: '部分退款', en: 'a partial refund' },
  coupon: { zh: '一张优惠券', en: 'a coupon' },
  gift: { zh: '一份小礼物', en: 'a small gift' },
  cash: { zh: '一笔补偿', en: 'some compensation' },
};

export function remedyPhrase(p: Pick<PromiseRecord, 'kind' | 'amountFen'>): { zh: string; en: string } {
  const base = REMEDY_PHRASES[p.kind];
  if (p.amountFen === null) return base;
  const amount = formatYuan(p.amountFen);
  return { zh: `${base.zh}（${amount}）`, en: `${base.en} of ${amount}` };
}

/**
 * How the agent introduces themself: 售后客服小李 / "Xiao Li from the after-sales team", or just the role while no
 * name is set. The old default name 客服 (and a name that starts with the role, 客服小李) would otherwise read
 * "售后客服客服"; such a name counts for what follows the role, or as no name at all.
 */
export function agentIntro(agentName: string): { zh: string; en: string } {
  const name = agentName.trim().replace(/^(售后)?(客服)?/, '').trim();
  return name ? { zh: `售后客服${name}`, en: `${name} from the after-sales team` } : { zh: '售后客服', en: 'the after-sales team' };
}

/** What a template is filled with for one case: the latest promise is the remedy, the agreed time the time. */
export function fillDataFor(detail: CaseDetail, shopName: string, agentName: string): FillData {
  const promise = [...detail.promises].sort((a, b) => b.createdAt - a.createdAt)[0];
  const agreed = detail.case.agreedAt;
  return {
    // The console shows nicks masked (w**): a message that greets "w**" reads oddly, so it greets 亲 instead.
    buyerNick: detail.review.buyerNick.includes('*') ? { zh: '亲', en: 'there' } : detail.review.buyerNick,
    itemTitle: detail.review.itemTitle ?? '',
    // Until the shop sets its name, wording says 本店 / our shop rather than leaving a blank.
    shopName: shopName.trim() || { zh: '本店', en: 'our shop' },
    agent: agentIntro(agentName),
    remedy: promise ? remedyPhrase(promise) : undefined,
    agreedTime: agreed !== null ? { zh: formatBeijing(agreed).slice(5).replace('-', '月').replace(' ', '日 '), en: formatBeijing(agreed) } : undefined,
  } as FillData;
}
