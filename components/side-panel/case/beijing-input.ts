import { formatBeijing, isSaneTime, parseBeijing, SANE_TIME_RANGE } from '@/lib/time/beijing';

/** datetime-local fields show Beijing time whatever the computer's zone: these convert both ways. */
export const toInputValue = (epochMs: number) => formatBeijing(epochMs).replace(' ', 'T');

/** The instant a field's text means, or null when it is no real time an agent could mean (empty, 0001, 02-31…). */
export const fromInputValue = (value: string): number | null => {
  const at = parseBeijing(value.replace('T', ' '));
  return at !== null && isSaneTime(at) ? at : null;
};

/** The field's own bounds (min/max attributes), the same range the protocol accepts. */
export const INPUT_MIN = toInputValue(SANE_TIME_RANGE.from);
export const INPUT_MAX = toInputValue(SANE_TIME_RANGE.until - 60_000);
