import type * as z from 'zod/mini';
import type { ReviewObservation } from '../reviews/schema';

export type ParseResult =
  | { ok: true; reviews: ReviewObservation[]; skipped: number }
  | { ok: false; reason: 'not-json' | 'unexpected-shape' | 'api-error'; detail?: string };

/** Parses an API body as JSON and checks its envelope; the body is untrusted and may be anything. */
export function readEnvelope<S extends z.ZodMiniType>(body: string, envelope: S): { ok: true; data: z.infer<S> } | Extract<ParseResult, { ok: false }> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const env = envelope.safeParse(json);
  return env.success ? { ok: true, data: env.data as z.infer<S> } : { ok: false, reason: 'unexpected-shape' };
}
