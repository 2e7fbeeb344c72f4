import type * as z from 'zod/mini';

/**
 * Why the background refused a request, in a form the panel can put in the agent's language: which field and
 * which rule (with its limit). Never the value itself: the agent still has it on screen.
 */
export interface RequestProblem {
  /** The request refused, e.g. 'addNote' (a field such as 'note' means different boxes in different requests). */
  request?: string;
  /** The field's path inside the request, e.g. 'note.whatWorked'; '' when the request as a whole is wrong. */
  field: string;
  rule: ProblemRule;
  /** The rule's bound: a length, a number, or an instant for a time. */
  limit?: number;
}

export type ProblemRule =
  | 'too_long' | 'empty' | 'too_big' | 'too_small' | 'wrong_type' | 'not_allowed' | 'invalid'
  /** The case or promise does not exist (any more). */
  | 'not_found'
  /** The promise was already kept or cancelled: it cannot be changed again. */
  | 'closed'
  /** A colleague holds the case (team): the agent takes it over first, knowingly. */
  | 'held';

/** The first thing wrong with a request, from zod's issue. */
export function problemOfIssue(issue: z.core.$ZodIssue | undefined, request?: string): RequestProblem {
  const field = (issue?.path ?? []).map(String).join('.');
  const base = { ...(request ? { request } : {}), field };
  if (!issue) return { ...base, rule: 'invalid' };
  switch (issue.code) {
    case 'too_big':
      return { ...base, rule: issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) <= 1) return { ...base, rule: 'empty' };
      return { ...base, rule: 'too_small', limit: Number(issue.minimum) };
    case 'invalid_type':
      return { ...base, rule: 'wrong_type' };
    case 'invalid_value':
    case 'invalid_union':
      return { ...base, rule: 'not_allowed' };
    default:
      return { ...base, rule: 'invalid' };
  }
}

/** The same problem in plain English, for logs and for callers without the panel's translations. */
export function describeProblem(p: RequestProblem): string {
  const where = `${p.request ? `${p.request}: ` : ''}${p.field || 'request'}`;
  const limit = p.limit !== undefined ? ` (${p.rule === 'too_long' ? 'at most' : p.rule === 'too_big' ? 'at most' : 'at least'} ${p.limit})` : '';
  return `invalid request: ${where} ${p.rule.replace('_', ' ')}${limit}`;
}

/** A refusal with its reason: thrown by the background's own checks, rebuilt by `request()` in the panel. */
export class RequestRefused extends Error {
  constructor(readonly problem: RequestProblem, message = describeProblem(problem)) {
    super(message);
    this.name = 'RequestRefused';
  }
}
