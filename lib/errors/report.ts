/**
 * Failures that mean lost work or a wrong screen are reported here instead of being swallowed:
 * each place is logged once (a broken selector would otherwise log on every scan), counted, and
 * the counts travel to the panel's page status. "Extension context invalidated" is not a failure of
 * ours: it only means the extension was reloaded under an open page, whose old script is retiring.
 */
export interface ErrorCount {
  place: string;
  count: number;
  /** The first message seen at that place, cut short; never review text (callers pass errors, not data). */
  message: string;
}

const counts = new Map<string, ErrorCount>();
const listeners = new Set<(counts: ErrorCount[]) => void>();

export function isContextInvalidated(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|Receiving end does not exist|message port closed/i.test(message);
}

/** Records a failure at a named place (e.g. 'ingest', 'badges.refresh'); logs only its first occurrence. */
export function reportError(place: string, error: unknown): void {
  if (isContextInvalidated(error)) return;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  const known = counts.get(place);
  if (known) known.count++;
  else {
    counts.set(place, { place, count: 1, message });
    console.warn(`[ReviewDesk] ${place}: ${message}`);
  }
  const all = errorCounts();
  for (const listener of listeners) listener(all);
}

/** A `.catch()` handler that reports under a place name: `promise.catch(reportingTo('toolbar'))`. */
export const reportingTo = (place: string) => (error: unknown): undefined => {
  reportError(place, error);
  return undefined;
};

export function errorCounts(): ErrorCount[] {
  return [...counts.values()].map((c) => ({ ...c }));
}

export function onErrorsChanged(listener: (counts: ErrorCount[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For tests: forget everything recorded so far. */
export function resetErrors(): void {
  counts.clear();
}
