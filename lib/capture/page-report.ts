import type { PageReport } from '../messaging/protocol';
import type { SkipCounts } from '../console/api-body';
import { errorCounts, reportError } from '../errors/report';

/**
 * What this page view skipped, by reason. An API item the reader cannot use usually shows up again as a row it
 * cannot read (the same review), so the two sources count by the larger, not the sum.
 */
export function skippedCounts(apiSkips: SkipCounts, rowSkips: SkipCounts, refused: number): SkipCounts {
  const all: SkipCounts = { ...apiSkips };
  for (const [reason, n] of Object.entries(rowSkips) as Array<[keyof SkipCounts, number]>) all[reason] = Math.max(all[reason] ?? 0, n);
  if (refused) all.rejected = refused;
  return all;
}

/** Sends the page's state to the background, with the error counts, only when it changed since the last one sent. */
export class PageReporter {
  private last = '';

  constructor(private readonly send: (report: PageReport) => Promise<unknown>) {}

  report(r: PageReport): void {
    const errors = errorCounts().slice(0, 50).map(({ place, count }) => ({ place: place.slice(0, 60), count }));
    const full: PageReport = errors.length ? { ...r, errors } : r;
    const key = JSON.stringify(full);
    if (key === this.last) return;
    this.last = key;
    void this.send(full).catch((error: unknown) => {
      this.last = ''; // sent again with the next scan
      reportError('reportPage', error);
    });
  }
}
