/**
 * Fills reply templates with a case's data. A placeholder with no value (or an unknown one) stays visible
 * as `{name}` and is reported, so the compliance check blocks copying until the agent fills it in.
 */
import type { CauseCode } from '../causes/taxonomy';
import {
  type Channel,
  type FillData,
  type FillValue,
  type Lang,
  type PhoneStage,
  type PhoneTemplate,
  type ReplyTemplate,
} from './schema';
import { problemFor, type CauseEvidence, type Problem } from './problems';
import { TEMPLATES } from './templates';

export interface FillResult {
  text: string;
  /** Placeholder names left unfilled, in order of first appearance, each once. */
  missing: string[];
}

function valueFor(value: FillValue | undefined, lang: Lang): string {
  if (value === undefined) return '';
  return (typeof value === 'string' ? value : value[lang]).trim();
}

export function fillTemplate(text: string, data: FillData, lang: Lang): FillResult {
  const missing: string[] = [];
  const filled = text.replace(/\{([^{}\s]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(data, name) ? valueFor(data[name as keyof FillData], lang) : '';
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text: filled, missing };
}

export const STAGE_LABELS: Record<PhoneStage, { zh: string; en: string }> = {
  identify: { zh: '确认身份', en: 'Confirm identity' },
  apologise: { zh: '致歉', en: 'Apologise' },
  remedy: { zh: '解决方案', en: 'Remedy' },
  agree: { zh: '约定下一步', en: 'Agree the next step' },
};

/** The call script as numbered lines: `1. 确认身份：…（提示：…）`. */
export function phoneScriptText(template: PhoneTemplate, data: FillData, lang: Lang): FillResult {
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = template.steps.map((step, i) => {
    const note = step.note ? (lang === 'zh' ? `（提示：${step.note.zh}）` : ` (Note: ${step.note.en})`) : '';
    return `${i + 1}. ${STAGE_LABELS[step.stage][lang]}${colon}${step[lang]}${note}`;
  });
  return fillTemplate(lines.join('\n'), data, lang);
}

/** The copyable text of any template: the text itself, or the numbered call script. */
export function renderTemplate(template: ReplyTemplate, data: FillData, lang: Lang): FillResult {
  return template.channel === 'phone' ? phoneScriptText(template, data, lang) : fillTemplate(template.text[lang], data, lang);
}

export interface Suggestion {
  template: ReplyTemplate;
  /** Why it ranks here: the cause it was written for ('any' = fits every cause). */
  cause: CauseCode | 'any';
  /** 0 = the primary cause; 1, 2… = further causes; causes.length = generic fallbacks. */
  rank: number;
  /** The problem the wording names (kind 'neutral' when the triggers said nothing specific); none for 'any'. */
  problem?: Problem;
  text: string;
  missing: string[];
}

/**
 * Ranked, filled variants for a case: the primary cause's variants first (in their shipped order, except that a
 * problem kind may lead with the variant written for it), then those of the further causes, then the generic
 * ('any') ones. Each cause's variants name its problem as its trigger words tell it (./problems.ts); a cause
 * given by code alone gets the neutral wording. With no causes at all, 'other' stands in.
 */
export function suggestionsFor(
  causes: readonly (CauseCode | CauseEvidence)[],
  channel: Channel,
  data: FillData,
  lang: Lang,
  templates: readonly ReplyTemplate[] = TEMPLATES,
): Suggestion[] {
  const evidence = new Map<CauseCode, CauseEvidence>();
  for (const c of causes.length ? causes : (['other'] as const)) {
    const e = typeof c === 'string' ? { code: c } : c;
    if (!evidence.has(e.code)) evidence.set(e.code, e);
  }
  const order: (CauseEvidence | 'any')[] = [...evidence.values(), 'any'];
  const result: Suggestion[] = [];
  order.forEach((entry, rank) => {
    const cause = entry === 'any' ? 'any' : entry.code;
    const problem = entry === 'any' ? undefined : problemFor(entry);
    const filled: FillData = problem ? { ...data, problem: problem.problem, fix: problem.fix } : data;
    const own = templates.filter((t) => t.channel === channel && t.cause === cause);
    const leads = problem?.lead ?? [];
    const ordered = [...own.filter((t) => leads.includes(t.id)), ...own.filter((t) => !leads.includes(t.id))];
    for (const template of ordered) {
      result.push({ template, cause, rank, ...(problem ? { problem } : {}), ...renderTemplate(template, filled, lang) });
    }
  });
  return result;
}
