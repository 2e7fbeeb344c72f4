import { t, type Language, type MessageKey } from '@/lib/i18n';
import { zhCN } from '@/lib/i18n/zh-CN';
import { NO_ANSWER } from '@/lib/messaging/protocol';
import { RequestRefused, type RequestProblem } from '@/lib/errors/refused';
import { isContextInvalidated } from '@/lib/errors/report';

const DATE_FIELDS = new Set(['dueAt', 'agreedAt']);

const isKey = (key: string): key is MessageKey => key in zhCN;

/** The field's name as the agent knows it from the panel: per request first (a note of a promise), then in general. */
export function fieldLabel(lang: Language, problem: Pick<RequestProblem, 'request' | 'field'>): string {
  const last = problem.field.split('.').pop() ?? '';
  if (!last) return t(lang, 'field.request');
  const own = `field.${problem.request}.${last}`;
  if (isKey(own)) return t(lang, own);
  const general = `field.${last}`;
  return isKey(general) ? t(lang, general) : last;
}

/** "有效的沟通方式太长了：最多 500 个字。": the field and the rule, in the agent's language. */
export function describeProblem(lang: Language, problem: RequestProblem): string {
  const field = fieldLabel(lang, problem);
  const limit = problem.limit ?? '';
  if (DATE_FIELDS.has(problem.field.split('.').pop() ?? '') && problem.rule !== 'empty') return t(lang, 'error.dateRange', { field });
  switch (problem.rule) {
    case 'too_long': return t(lang, 'error.tooLong', { field, limit });
    case 'empty': return t(lang, 'error.empty', { field });
    case 'too_big': return t(lang, 'error.tooBig', { field, limit });
    case 'too_small': return t(lang, 'error.tooSmall', { field, limit });
    case 'not_found': return t(lang, 'error.notFound', { field });
    case 'closed': return t(lang, 'error.closed');
    case 'held': return t(lang, 'error.held');
    default: return t(lang, 'error.invalid', { field });
  }
}

/** What went wrong with something the agent did, in the agent's language, for the place that asked. */
export function describeFailure(lang: Language, error: unknown): string {
  if (error instanceof RequestRefused) return describeProblem(lang, error.problem);
  const message = error instanceof Error ? error.message : String(error);
  if (message === NO_ANSWER || isContextInvalidated(error)) return t(lang, 'error.noAnswer');
  return t(lang, 'panel.failure', { error: message });
}
