import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): the OWASP minimum, ~30 ms on this machine.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  return verify(stored, password);
}

/** Hash of a password nobody has, checked when the account does not exist so that the answer takes as long. */
let decoy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  decoy ??= hash('reviewdesk-no-such-account');
  await verify(await decoy, password);
}
