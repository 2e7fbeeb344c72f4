/**
 * Reply templates are data: every shipped template is parsed through these schemas when the module loads,
 * so a broken template fails loudly (in tests and at start-up), never silently in front of a buyer.
 */
import * as z from 'zod/mini';
import { CauseCodeSchema } from '../causes/taxonomy';

/** explanation = 评价解释 (public, under the review); chat = 旺旺 message to the buyer; phone = call script. */
export const CHANNELS = ['explanation', 'chat', 'phone'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * The only placeholders a template may use; fill data uses the same names. `agent` is how the agent introduces
 * themself (售后客服小李 / 售后客服 until a name is set); `problem` and `fix` are the cause's own words for what went
 * wrong and what the shop does about it, chosen from the cause's trigger words (./problems.ts).
 */
export const PLACEHOLDERS = ['buyerNick', 'itemTitle', 'shopName', 'remedy', 'agent', 'agreedTime', 'problem', 'fix'] as const;
export const PlaceholderName = z.enum(PLACEHOLDERS);
export type PlaceholderName = z.infer<typeof PlaceholderName>;

/**
 * A public explanation is read by every future buyer: it never names the buyer, never states what this buyer
 * was given (a remedy may carry an amount) and never refers to a private arrangement with them.
 */
export const PUBLIC_FORBIDDEN_PLACEHOLDERS: readonly PlaceholderName[] = ['buyerNick', 'remedy', 'agreedTime'];

/** Taobao's limit for a seller explanation (评价解释), counted per character. */
export const EXPLANATION_MAX_CHARS = 500;

/**
 * Room a filled-in value may take in an explanation: Taobao item titles are at most 30 Chinese characters
 * (60 bytes), and shop names are shorter.
 */
export const PLACEHOLDER_BUDGET = 30;

/**
 * Room for the wording this module writes itself, per language (English needs more characters for the same
 * thing). Every problem and fix phrase is tested against these (tests/unit/replies-problems.test.ts).
 */
export const PHRASE_BUDGETS: Readonly<Record<'problem' | 'fix', Record<Lang, number>>> = {
  problem: { zh: 24, en: 70 },
  fix: { zh: 70, en: 170 },
};

function budgetOf(name: string, lang: Lang): number {
  return name === 'problem' || name === 'fix' ? PHRASE_BUDGETS[name][lang] : PLACEHOLDER_BUDGET;
}

/** Length of a template text once every placeholder is filled with a value as long as its budget allows. */
export function worstCaseLength(text: string, lang: Lang = 'zh'): number {
  return Array.from(text.replace(/\{([^{}\s]*)\}/g, (_, name: string) => 'x'.repeat(budgetOf(name, lang)))).length;
}

/** Every `{name}` in a text, in order of appearance (duplicates kept). */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(/\{([^{}\s]*)\}/g), (m) => m[1] ?? '');
}

const nonEmpty = z.string().check(
  z.refine((s) => s.trim().length > 0, 'must not be empty'),
  z.refine((s) => placeholdersIn(s).every((p) => (PLACEHOLDERS as readonly string[]).includes(p)), {
    message: `only these placeholders are allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
  }),
  z.refine((s) => !/【\s*】|\{\{|\}\}/.test(s), 'no blank 【】 or doubled braces'),
);

export const Bilingual = z.object({ zh: nonEmpty, en: nonEmpty });
export type Bilingual = z.infer<typeof Bilingual>;

/** Phone calls follow four stages in this order (DOMAIN.md, "Three channels"). */
export const PHONE_STAGES = ['identify', 'apologise', 'remedy', 'agree'] as const;
export const PhoneStage = z.enum(PHONE_STAGES);
export type PhoneStage = z.infer<typeof PhoneStage>;

export const PhoneStep = z.object({
  stage: PhoneStage,
  zh: nonEmpty,
  en: nonEmpty,
  /** A stage direction for the agent (not to be read out), e.g. "wait for the buyer to speak first". */
  note: z.optional(Bilingual),
});
export type PhoneStep = z.infer<typeof PhoneStep>;

export const TemplateCause = z.union([CauseCodeSchema, z.literal('any')]);
export type TemplateCause = z.infer<typeof TemplateCause>;

const templateId = z.string().check(z.regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/, 'ids look like cause.channel.name'));

export const TextTemplate = z.object({
  id: templateId,
  cause: TemplateCause,
  channel: z.enum(['explanation', 'chat']),
  /** Short label of the variant shown on its tab, e.g. 首次联系 / First contact. */
  variant: Bilingual,
  text: Bilingual,
});
export type TextTemplate = z.infer<typeof TextTemplate>;

export const PhoneTemplate = z.object({
  id: templateId,
  cause: TemplateCause,
  channel: z.literal('phone'),
  variant: Bilingual,
  steps: z.array(PhoneStep).check(
    z.minLength(4),
    z.refine((steps) => PHONE_STAGES.every((stage) => steps.some((s) => s.stage === stage)), 'a call script needs all four stages'),
    z.refine(
      (steps) => steps.every((s, i) => i === 0 || PHONE_STAGES.indexOf(s.stage) >= PHONE_STAGES.indexOf(steps[i - 1]!.stage)),
      'stages go in order: identify, apologise, remedy, agree',
    ),
  ),
});
export type PhoneTemplate = z.infer<typeof PhoneTemplate>;

export const ReplyTemplate = z
  .discriminatedUnion('channel', [TextTemplate, PhoneTemplate])
  .check(
    z.refine(
      (t) =>
        t.channel !== 'explanation' ||
        LANGS.every((lang) => placeholdersIn(t.text[lang]).every((p) => !PUBLIC_FORBIDDEN_PLACEHOLDERS.includes(p as PlaceholderName))),
      { message: `a public explanation may not use ${PUBLIC_FORBIDDEN_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}` },
    ),
    z.refine(
      // Leave room for the filled-in values: with every placeholder taken as PLACEHOLDER_BUDGET characters long,
      // the explanation must still fit Taobao's limit.
      (t) => t.channel !== 'explanation' || LANGS.every((lang) => worstCaseLength(t.text[lang], lang) <= EXPLANATION_MAX_CHARS),
      {
        message: `an explanation must fit ${EXPLANATION_MAX_CHARS} characters even with every placeholder filled as long as its budget allows`,
      },
    ),
  );
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

export const TemplateList = z
  .array(ReplyTemplate)
  .check(z.refine((list) => new Set(list.map((t) => t.id)).size === list.length, 'template ids must be unique'));

/**
 * What a template is filled with. A value is either one string for both languages (a nick, a shop name)
 * or a zh/en pair (an agreed remedy or time written in both languages). Empty values count as missing.
 */
export const FillValue = z.union([z.string(), z.object({ zh: z.string(), en: z.string() })]);
export type FillValue = z.infer<typeof FillValue>;

export const FillData = z.object({
  /** Buyer nickname as the console shows it (often masked, e.g. `w**`). Never used in public explanations. */
  buyerNick: z.optional(FillValue),
  itemTitle: z.optional(FillValue),
  shopName: z.optional(FillValue),
  /** The remedy agreed for the buyer's problem, a short phrase: 补发一件新的 / a free replacement. */
  remedy: z.optional(FillValue),
  /** How the agent introduces themself, after "我是{shopName}的" / "this is … at {shopName}" (see agentIntro). */
  agent: z.optional(FillValue),
  /** When the remedy or next contact happens: 今天18:00前 / by 6 pm today. */
  agreedTime: z.optional(FillValue),
  /** What went wrong, in the words of the case's cause (./problems.ts). */
  problem: z.optional(FillValue),
  /** What the shop does about that problem: one or two whole sentences. */
  fix: z.optional(FillValue),
});
export type FillData = z.infer<typeof FillData>;
