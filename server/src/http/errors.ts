import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every message the server answers with: Chinese first, then English (the agents read Chinese). */
export const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

export interface Issue { path: string; message: string }

/** An answer with a 4xx status; thrown by handlers, turned into a JSON body by the app's error handler. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly extra: { issues?: Issue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, bilingual('未登录或登录已失效', 'Not signed in, or the session has ended'));
export const forbidden = (zh: string, en: string) => new HttpError(403, bilingual(zh, en));
export const leadOnly = () => forbidden('只有组长可以这样做', 'Only the shop lead can do this');
