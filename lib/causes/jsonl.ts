/**
 * JSON Lines input for the cause scripts: one record per line, each validated with zod, bad lines reported
 * with their line number instead of stopping the run.
 */
import * as z from 'zod/mini';
import { CauseCodeSchema } from './taxonomy';

export const ReviewLineSchema = z.object({
  id: z.union([z.string().check(z.minLength(1)), z.number()]),
  text: z.string(),
});
export type ReviewLine = z.infer<typeof ReviewLineSchema>;

export const LabelledLineSchema = z.object({
  id: z.union([z.string().check(z.minLength(1)), z.number()]),
  category: z.optional(z.string()),
  text: z.string(),
  primary: CauseCodeSchema,
  causes: z.array(CauseCodeSchema),
});
export type LabelledLine = z.infer<typeof LabelledLineSchema>;

export type LineResult<T> = { ok: true; line: number; value: T } | { ok: false; line: number; error: string };

/** Parses JSON Lines text; blank lines are skipped, line numbers are 1-based. */
export function* parseJsonLines<T>(
  content: string,
  schema: z.ZodMiniType<T>,
): Generator<LineResult<T>> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]?.trim() ?? '';
    if (raw === '') continue;
    const line = i + 1;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      yield { ok: false, line, error: `not valid JSON (${(err as Error).message})` };
      continue;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) yield { ok: true, line, value: parsed.data };
    else yield { ok: false, line, error: describeIssues(parsed.error.issues) };
  }
}

/** Plain words for validation problems, e.g. `"text" is missing or not a string`. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the line';
      if (issue.code === 'invalid_type') {
        const expected = String(issue.expected);
        return `${field} is missing or not ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`;
      }
      if (issue.code === 'invalid_value') return `${field} is not one of the known values`;
      if (issue.code === 'too_small') return `${field} is empty`;
      if (issue.code === 'invalid_union') return `${field} is missing or has the wrong type`;
      return `${field} is invalid (${issue.code})`;
    })
    .join('; ');
}
