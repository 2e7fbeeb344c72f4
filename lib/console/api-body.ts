import type * as z from 'zod/mini';
import type { Platform, ReviewObservation } from '../reviews/schema';
import type { SkipReason } from '../messaging/protocol';

/** Reviews an API response carried that could not be used, counted by reason (never with their content). */
export type SkipCounts = Partial<Record<SkipReason, number>>;

export type ParseResult =
  | { ok: true; reviews: ReviewObservation[]; skipped: SkipCounts }
  | { ok: false; reason: 'not-json' | 'unexpected-shape' | 'api-error'; detail?: string };

/**
 * A list response whose envelope was checked, its items not yet read: the reader reads them in slices (a page of
 * 5,000 reviews is no single long task), and the first rows' reviews go to the store while the rest is read.
 */
export type OpenedList =
  | {
    ok: true;
    items: readonly unknown[];
    read: (raw: unknown) => Array<ReviewObservation | SkipReason>;
    platform: Platform;
    /**
     * The ids of the reviews an item's reading will carry, picked out without reading the item: the badges of a
     * whole list can be asked for before its items are read. The id of an item that will not read is harmless
     * (the store has no case under it).
     */
    reviewIdsOf: (raw: unknown) => string[];
  }
  | Extract<ParseResult, { ok: false }>;

/** The value at `path` inside an untrusted JSON value, or undefined where any step is not an object. */
export function pick(raw: unknown, ...path: string[]): unknown {
  let at = raw;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** Reads every item of an opened list at once. */
export function readAll(opened: OpenedList): ParseResult {
  if (!opened.ok) return opened;
  const reviews: ReviewObservation[] = [];
  const skipped: SkipCounts = {};
  for (const raw of opened.items) {
    for (const got of opened.read(raw)) {
      if (typeof got === 'string') countSkip(skipped, got);
      else reviews.push(got);
    }
  }
  return { ok: true, reviews, skipped };
}

export const countSkip = (counts: SkipCounts, reason: SkipReason) => {
  counts[reason] = (counts[reason] ?? 0) + 1;
};

/** Parses an API body as JSON and checks its envelope; the body is untrusted and may be anything. */
export function readEnvelope<S extends z.ZodMiniType>(body: string, envelope: S): { ok: true; data: z.infer<S> } | Extract<ParseResult, { ok: false }> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' }; // counted as a failed response in the diagnostic
  }
  const env = envelope.safeParse(json);
  return env.success ? { ok: true, data: env.data as z.infer<S> } : { ok: false, reason: 'unexpected-shape' };
}
