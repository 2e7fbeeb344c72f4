import { describe, expect, it } from 'vitest';
import { formatYuan, isOpenPromise, isOverdue, needsAmountCheck, parseYuan } from '@/lib/cases/promises';
import { maskPhone, phoneKind } from '@/lib/cases/buyer-notes';
import { OUTCOMES, statusAfter } from '@/lib/cases/outcomes';

describe('money in yuan', () => {
  it('parses exactly into fen, without floating point', () => {
    expect(['12', '12.3', '12.30', '¥0.1', '￥ 5 元', '0.29', '1234567.99'].map(parseYuan)).toEqual([1200, 1230, 1230, 10, 500, 29, 123456799]);
    expect(['', 'abc', '1.234', '-5', '1e3', '12,5'].map(parseYuan)).toEqual([null, null, null, null, null, null]);
    expect(formatYuan(1230)).toBe('¥12.30');
    expect(formatYuan(5)).toBe('¥0.05');
  });
  it('reads full-width digits and signs typed with a Chinese IME', () => {
    expect(['８', '１２．５', '￥８．８０', '１２。５', '　５元'].map(parseYuan)).toEqual([800, 1250, 880, 1250, 500]);
  });
  it('asks about a money remedy with no amount or ¥0, and only then', () => {
    expect(needsAmountCheck('postage_refund', null)).toBe(true);
    expect(needsAmountCheck('cash', 0)).toBe(true);
    expect(needsAmountCheck('postage_refund', 800)).toBe(false);
    expect(needsAmountCheck('reship', null)).toBe(false);
  });
  it('calls a promise overdue at its due time unless fulfilled', () => {
    const p = { id: 1, caseId: 'c', kind: 'reship' as const, amountFen: null, dueAt: 100, createdAt: 0, createdBy: 'a', fulfilledAt: null, fulfilledRef: null, note: '' };
    expect(isOverdue(p, 99)).toBe(false);
    expect(isOverdue(p, 100)).toBe(true);
    expect(isOverdue({ ...p, fulfilledAt: 50 }, 200)).toBe(false);
    // A cancelled promise is never overdue and never open; one stored before cancelling existed is open.
    expect(isOverdue({ ...p, cancelledAt: 60, cancelReason: '填错了' }, 200)).toBe(false);
    expect(isOpenPromise({ ...p, cancelledAt: 60 })).toBe(false);
    expect(isOpenPromise(p)).toBe(true);
  });
});

describe('phone numbers', () => {
  it('masks mobiles and landlines and tells them apart', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('021-62345678')).toBe('021-****5678');
    expect(maskPhone('0571-8765 4321')).toBe('0571-****4321');
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone('')).toBe('');
    expect(phoneKind('+86 13812345678')).toBe('mobile');
    expect(phoneKind('021-62345678')).toBe('landline');
    expect(phoneKind('')).toBeUndefined();
  });
});

describe('outcomes', () => {
  it('have unique keyboard keys and move statuses forward only', () => {
    expect(new Set(OUTCOMES.map((o) => o.key)).size).toBe(OUTCOMES.length);
    expect(statusAfter('new', 'no_answer')).toBe('contacting');
    expect(statusAfter('agreed', 'no_answer')).toBe('agreed');
    expect(statusAfter('contacting', 'talked_agreed')).toBe('agreed');
    expect(statusAfter('contacting', 'buyer_refused')).toBe('unresolvable');
  });
});
