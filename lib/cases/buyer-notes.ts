import * as z from 'zod/mini';
import { BUYER_ROUTINES } from '../contact-timing/policy';

/** The longest text each buyer-note field keeps (the panel shows them as counters). */
export const BUYER_NOTE_LIMITS = { temperament: 200, whatWorked: 500, phone: 40 } as const;

/** What agents learned about a buyer, kept per buyer key and shown on that buyer's later cases. */
export const BuyerNote = z.object({
  buyerKey: z.string(),
  temperament: z.string().check(z.maxLength(BUYER_NOTE_LIMITS.temperament)),
  whatWorked: z.string().check(z.maxLength(BUYER_NOTE_LIMITS.whatWorked)),
  doNotContact: z.boolean(),
  /** Personal data under PIPL: shown masked, purged after the retention period once the buyer's cases are closed. */
  phone: z.string().check(z.maxLength(BUYER_NOTE_LIMITS.phone)),
  routine: z.enum(BUYER_ROUTINES),
  updatedAt: z.number(),
  updatedBy: z.string(),
});
export type BuyerNote = z.infer<typeof BuyerNote>;

export const emptyBuyerNote = (buyerKey: string): BuyerNote => ({
  buyerKey, temperament: '', whatWorked: '', doNotContact: false, phone: '', routine: 'unknown', updatedAt: 0, updatedBy: '',
});

/** 138****5678 / 021-****1234: enough to recognise the number, not enough to copy it off a screen. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return phone ? '****' : '';
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  // Landline: keep the area code (010/02x are three digits, the rest four) and the last four digits.
  const area = digits.startsWith('0') ? digits.slice(0, /^0[12]/.test(digits) ? 3 : 4) : '';
  return `${area ? `${area}-` : ''}****${digits.slice(-4)}`;
}

/** Chinese mobile numbers are 11 digits starting with 1; anything else with an area code is a landline. */
export function phoneKind(phone: string): 'mobile' | 'landline' | undefined {
  const digits = phone.replace(/\D/g, '').replace(/^86/, '');
  if (!digits) return undefined;
  return /^1\d{10}$/.test(digits) ? 'mobile' : 'landline';
}
