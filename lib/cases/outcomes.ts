import * as z from 'zod/mini';
import type { CaseStatus } from './schema';
import type { ContactAttempt } from '../contact-timing/policy';

/** One-click contact outcomes: what each records, where the case moves, and its keyboard key. */
export const OutcomeCode = z.enum([
  'no_answer', 'rejected', 'wrong_number', 'talked_follow_up', 'talked_agreed', 'buyer_refused',
  'message_sent', 'buyer_replied', 'agreed_time',
]);
export type OutcomeCode = z.infer<typeof OutcomeCode>;

export const Channel = z.enum(['phone', 'chat']);
export type Channel = z.infer<typeof Channel>;

export interface OutcomeInfo {
  code: OutcomeCode;
  channel: Channel;
  zh: string;
  en: string;
  key: string;
  /** Where the case goes; null keeps its status. */
  next: CaseStatus | null;
  /** How the call-timing learner sees it (a phone outcome is answered or not). */
  timing: ContactAttempt['outcome'];
}

export const OUTCOMES: readonly OutcomeInfo[] = [
  { code: 'no_answer', channel: 'phone', zh: '未接通', en: 'No answer', key: '1', next: 'contacting', timing: 'no_answer' },
  { code: 'rejected', channel: 'phone', zh: '拒接/挂断', en: 'Declined / hung up', key: '2', next: 'contacting', timing: 'rejected' },
  { code: 'wrong_number', channel: 'phone', zh: '号码错误', en: 'Wrong number', key: '3', next: 'contacting', timing: 'wrong_number' },
  { code: 'talked_follow_up', channel: 'phone', zh: '已沟通·需跟进', en: 'Talked · follow up', key: '4', next: 'contacting', timing: 'answered' },
  { code: 'talked_agreed', channel: 'phone', zh: '已沟通·同意修改', en: 'Talked · agreed to revise', key: '5', next: 'agreed', timing: 'answered' },
  { code: 'buyer_refused', channel: 'phone', zh: '买家拒绝', en: 'Buyer refused', key: '6', next: 'unresolvable', timing: 'answered' },
  { code: 'message_sent', channel: 'chat', zh: '已发消息', en: 'Message sent', key: '7', next: 'contacting', timing: 'message_sent' },
  { code: 'buyer_replied', channel: 'chat', zh: '买家已回复', en: 'Buyer replied', key: '8', next: 'contacting', timing: 'buyer_replied' },
  { code: 'agreed_time', channel: 'chat', zh: '约定时间', en: 'Agreed a time', key: '9', next: 'agreed', timing: 'buyer_replied' },
];

export const outcomeInfo = (code: OutcomeCode): OutcomeInfo => OUTCOMES.find((o) => o.code === code)!;

/** A status the agent set by hand never moves backwards by a routine log: only forward from new. */
export function statusAfter(current: CaseStatus, outcome: OutcomeCode): CaseStatus {
  const next = outcomeInfo(outcome).next;
  if (!next) return current;
  if (next === 'contacting' && current !== 'new') return current;
  return next;
}
