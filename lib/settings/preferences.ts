import * as z from 'zod/mini';
import { DEFAULT_PAY_SCHEME, PayScheme } from './pay-scheme';

export const AGENT_NAME_MAX = 40;
export const SHOP_NAME_MAX = 60;

/** Each setting's own rule, without a default: a patch names only the settings it changes. */
const FIELDS = {
  language: z.enum(['zh-CN', 'en']),
  agentName: z.string().check(z.maxLength(AGENT_NAME_MAX)),
  shopName: z.string().check(z.maxLength(SHOP_NAME_MAX)),
  /** Default time to keep a promise (the issue: 24 hours, configurable). */
  promiseDueHours: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 30)),
  /** Phone numbers of buyers whose cases have all been closed this long are erased (PIPL: keep no longer than needed). */
  contactRetentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  /** How long "undo" stays on screen after a one-click log. */
  undoSeconds: z.number().check(z.int(), z.minimum(3), z.maximum(60)),
  /** The shop's overrides of the contact-timing policy (quiet hours, caps, gaps…); see lib/contact-timing/policy.ts. */
  contactTiming: z.record(z.string(), z.unknown()),
  /** The shop's bonus per revised review (dashboard, agents' amounts); off by default. */
  payScheme: PayScheme,
};

/**
 * The agent's name is empty until the agent gives one: wording then reads naturally without a name, history says
 * 我/me, and the panel asks for it. ('客服', the old default, counts as not given: see loadPreferences.)
 */
const DEFAULTS = {
  language: 'zh-CN', agentName: '', shopName: '', promiseDueHours: 24, contactRetentionDays: 90, undoSeconds: 8, contactTiming: {},
  payScheme: DEFAULT_PAY_SCHEME,
} as const;

/** Settings kept in extension storage: the agent's own and the shop's (rules that vary by shop). */
export const Preferences = z.object({
  language: z._default(FIELDS.language, DEFAULTS.language),
  agentName: z._default(FIELDS.agentName, DEFAULTS.agentName),
  shopName: z._default(FIELDS.shopName, DEFAULTS.shopName),
  promiseDueHours: z._default(FIELDS.promiseDueHours, DEFAULTS.promiseDueHours),
  contactRetentionDays: z._default(FIELDS.contactRetentionDays, DEFAULTS.contactRetentionDays),
  undoSeconds: z._default(FIELDS.undoSeconds, DEFAULTS.undoSeconds),
  contactTiming: z._default(FIELDS.contactTiming, DEFAULTS.contactTiming),
  payScheme: z._default(FIELDS.payScheme, DEFAULTS.payScheme),
});
export type Preferences = z.infer<typeof Preferences>;

/**
 * A change to some settings. Not `z.partial(Preferences)`: a partial of fields with defaults fills every missing
 * field with its default, so switching the language used to reset the name, the shop and the contact rules.
 */
export const PreferencesPatch = z.partial(z.object(FIELDS));
export type PreferencesPatch = z.infer<typeof PreferencesPatch>;

/** The name every earlier version stored by default; it was never the agent's own. */
const OLD_DEFAULT_AGENT_NAME = '客服';

const KEY = 'preferences';

/**
 * Reads settings; a stored value that fails validation is left untouched in storage (never reset)
 * and the defaults fill only what is missing or broken, field by field.
 */
export async function loadPreferences(): Promise<Preferences> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const kept = Object.fromEntries(
    (Object.keys(FIELDS) as Array<keyof typeof FIELDS>).map((k) => {
      const one = FIELDS[k].safeParse(fields[k]);
      return [k, one.success ? one.data : DEFAULTS[k]];
    }),
  );
  const prefs = Preferences.parse(kept);
  return prefs.agentName === OLD_DEFAULT_AGENT_NAME ? { ...prefs, agentName: '' } : prefs;
}

/** The settings object exactly as stored (for a backup): nothing filled in, nothing dropped. */
export async function storedPreferences(): Promise<Record<string, unknown>> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
}

/**
 * Settings from a backup, for the ones this browser has never stored: a setting the shop set here is newer than the
 * file and stays. Each field is checked on its own; returns the names of the settings taken from the file.
 */
export async function restorePreferences(fromBackup: Record<string, unknown>): Promise<string[]> {
  const mine = await storedPreferences();
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(FIELDS) as Array<keyof typeof FIELDS>) {
    if (k in mine || !(k in fromBackup)) continue;
    if (FIELDS[k].safeParse(fromBackup[k]).success) patch[k] = fromBackup[k];
  }
  if (Object.keys(patch).length) await savePreferences(patch as PreferencesPatch);
  return Object.keys(patch);
}

/** Changes only the settings named in the patch; every other stored setting stays exactly as it was. */
export async function savePreferences(patch: PreferencesPatch): Promise<Preferences> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const changes = Object.fromEntries(Object.entries(PreferencesPatch.parse(patch)).filter(([, v]) => v !== undefined));
  const next = Preferences.parse({ ...(await loadPreferences()), ...changes });
  // What was stored and is broken is kept as it was (loadPreferences reads its default); only the patch is written.
  const base = typeof stored === 'object' && stored !== null ? stored : {};
  await browser.storage.local.set({ [KEY]: { ...base, ...changes } });
  return next;
}
