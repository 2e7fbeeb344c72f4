import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { bilingual, HttpError, type Issue } from './errors';

const issuesOf = (error: z.core.$ZodError): Issue[] =>
  error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** Validates with a protocol schema; a failure is a 400 that names each wrong field. */
export function validate<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<S>;
  const issues = issuesOf(parsed.error);
  const first = issues[0];
  const where = first ? `${first.path || '(body)'}: ${first.message}` : '';
  throw new HttpError(400, bilingual(`${what}格式不对`, `malformed ${what === '请求' ? 'request' : what}`) + (where ? ` (${where})` : ''), { issues });
}

/** Reads a JSON request body (size already capped by the body limit) and validates it. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, bilingual('请求内容须为 JSON（Content-Type: application/json）', 'The body must be JSON (Content-Type: application/json)'));
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message can quote the body (review text), so it is not passed on.
    throw new HttpError(400, bilingual('请求内容不是有效的 JSON', 'The request body is not valid JSON'));
  }
  return validate(schema, value, '请求');
}
