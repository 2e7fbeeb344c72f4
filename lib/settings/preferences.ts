import * as z from 'zod/mini';

/** Settings kept in extension storage: the agent's own and the shop's (rules that vary by shop). */
export const Preferences = z.object({
  language: z._default(z.enum(['zh-CN', 'en']), 'zh-CN'),
  agentName: z._default(z.string().check(z.maxLength(40)), '客服'),
  shopName: z._default(z.string().check(z.maxLength(60)), ''),
  /** Default time to keep a promise (the issue: 24 hours, configurable). */
  promiseDueHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(24 * 30)), 24),
  /** Phone numbers of buyers whose cases have all been closed this long are erased (PIPL: keep no longer than needed). */
  contactRetentionDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(3650)), 90),
  /** How long "undo" stays on screen after a one-click log. */
  undoSeconds: z._default(z.number().check(z.int(), z.minimum(3), z.maximum(60)), 8),
  /** The shop's overrides of the contact-timing policy (quiet hours, caps, gaps…); see lib/contact-timing/policy.ts. */
  contactTiming: z._default(z.record(z.string(), z.unknown()), {}),
});
export type Preferences = z.infer<typeof Preferences>;

const KEY = 'preferences';

/**
 * Reads settings; a stored value that fails validation is left untouched in storage (never reset)
 * and the defaults fill only what is missing or broken, field by field.
 */
export async function loadPreferences(): Promise<Preferences> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const whole = Preferences.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const defaults = Preferences.parse({});
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const kept = Object.fromEntries(
    Object.entries(defaults).map(([k, v]) => {
      const one = z.partial(Preferences).safeParse({ [k]: fields[k] });
      return [k, one.success && one.data[k as keyof Preferences] !== undefined ? one.data[k as keyof Preferences] : v];
    }),
  );
  return Preferences.parse(kept);
}

export async function savePreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = Preferences.parse({ ...(await loadPreferences()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
