import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits; only its SHA-256 is stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  return m?.[1];
}
