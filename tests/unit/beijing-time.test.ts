import { describe, expect, it } from 'vitest';
import { formatBeijing, parseBeijing } from '@/lib/time/beijing';

describe('Beijing time', () => {
  it('formats and parses in UTC+8 whatever the machine zone', () => {
    const at = Date.UTC(2026, 2, 31, 8, 24, 4); // 16:24:04 in Beijing
    expect(formatBeijing(at)).toBe('2026-03-31 16:24');
    expect(formatBeijing(at, true)).toBe('2026-03-31 16:24:04');
    expect(parseBeijing('[2026-03-31 16:24:04]')).toBe(at);
    expect(parseBeijing('初次评价：2026-03-31 16:24')).toBe(at - 4000);
    expect(parseBeijing('昨天')).toBeNull();
  });
});
