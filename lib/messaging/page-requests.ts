import type { Reply, Request, ResponseMap } from './protocol';

/** The requests a console page may send (handlers.ts lets content scripts send no others). */
export type PageRequestType = 'ingest' | 'reportPage' | 'openCase' | 'badges';

/**
 * The content script's way to the background: the same typed requests as protocol.ts's `request`, but with
 * type-only imports, so the protocol's schemas for every panel request stay out of the page's bundle (the
 * background checks every message anyway).
 */
export async function askBackground<T extends PageRequestType>(req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
  if (!reply) throw new Error('ReviewDesk background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
