/**
 * The shipped reply templates: every cause × every channel × at least two variants, plus generic ('any')
 * ones. The wording lives in `templates/*.ts` by cause; here it is parsed once at module load, so a broken
 * template throws with a readable message (and fails the tests) instead of reaching a buyer.
 */
import type { CauseCode } from '../causes/taxonomy';
import { TemplateList, type Channel, type ReplyTemplate } from './schema';
import { LOGISTICS_TEMPLATES } from './templates/logistics';
import { FULFILLMENT_TEMPLATES } from './templates/fulfillment';
import { PRODUCT_TEMPLATES } from './templates/product';
import { SERVICE_TEMPLATES } from './templates/service';
import { VALUE_TEMPLATES } from './templates/value';
import { MALICIOUS_TEMPLATES } from './templates/malicious';
import { GENERAL_TEMPLATES } from './templates/general';

/** Parses raw templates; throws with every problem listed, naming the template ids involved. */
export function parseTemplates(raw: unknown): ReplyTemplate[] {
  const parsed = TemplateList.safeParse(raw);
  if (parsed.success) return parsed.data;
  const ids = Array.isArray(raw) ? raw.map((t: { id?: unknown }) => t?.id) : [];
  const lines = parsed.error.issues.map((issue) => {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
    const where = index === undefined ? '' : `${String(ids[index] ?? `#${index}`)} `;
    return `${where}${issue.path.slice(1).join('.')}: ${issue.message}`;
  });
  throw new Error(`Invalid reply templates:\n${lines.join('\n')}`);
}

export const TEMPLATES: readonly ReplyTemplate[] = Object.freeze(
  parseTemplates([
    ...LOGISTICS_TEMPLATES,
    ...FULFILLMENT_TEMPLATES,
    ...PRODUCT_TEMPLATES,
    ...SERVICE_TEMPLATES,
    ...VALUE_TEMPLATES,
    ...MALICIOUS_TEMPLATES,
    ...GENERAL_TEMPLATES,
  ]),
);

/** The variants written for one cause (or 'any') and channel, in their shipped order. */
export function templatesFor(cause: CauseCode | 'any', channel: Channel): ReplyTemplate[] {
  return TEMPLATES.filter((t) => t.cause === cause && t.channel === channel);
}

export function templateById(id: string): ReplyTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
