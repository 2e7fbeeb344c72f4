import * as z from 'zod/mini';

/** The agent's own preferences, kept in extension storage. */
export const Preferences = z.object({
  language: z._default(z.enum(['zh-CN', 'en']), 'zh-CN'),
  agentName: z._default(z.string().check(z.maxLength(40)), '客服'),
});
export type Preferences = z.infer<typeof Preferences>;

const KEY = 'preferences';

/**
 * Reads preferences; a stored value that fails validation is left untouched in storage (never reset)
 * and the defaults are used until the agent saves again.
 */
export async function loadPreferences(): Promise<Preferences> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Preferences.safeParse(stored ?? {});
  return parsed.success ? parsed.data : Preferences.parse({});
}

export async function savePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = Preferences.parse({ ...(await loadPreferences()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
