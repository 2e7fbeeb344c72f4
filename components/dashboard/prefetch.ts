import { request, type ResponseMap } from '@/lib/messaging/protocol';
import type { PeriodRange } from '@/lib/insight/period';

/**
 * The first figures are asked for as the page's script starts, before React draws anything: the background computes
 * while the page renders its frame. The app takes this answer for its first period, or asks again.
 */
let first: { range: PeriodRange; reply: Promise<ResponseMap['dashboard']> } | null = null;

export function prefetchDashboard(range: PeriodRange): void {
  const reply = request({ type: 'dashboard', range });
  reply.catch(() => undefined); // the app reports a failure when it takes the answer
  first = { range, reply };
}

export function takePrefetched(range: PeriodRange): Promise<ResponseMap['dashboard']> | null {
  if (!first || first.range.from !== range.from || first.range.to !== range.to) return null;
  const { reply } = first;
  first = null;
  return reply;
}
