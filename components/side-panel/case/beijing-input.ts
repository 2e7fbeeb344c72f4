import { formatBeijing, parseBeijing } from '@/lib/time/beijing';

/** datetime-local fields show Beijing time whatever the computer's zone: these convert both ways. */
export const toInputValue = (epochMs: number) => formatBeijing(epochMs).replace(' ', 'T');
export const fromInputValue = (value: string) => parseBeijing(value.replace('T', ' '));
