import * as z from 'zod/mini';

/** ¥1,000 per revised review is far beyond any shop's bonus: a larger figure is a typo. */
export const PAY_FEN_MAX = 100_000;

const fen = z.number().check(z.int(), z.nonnegative(), z.maximum(PAY_FEN_MAX));

/**
 * How the shop pays its agents for this work (DOMAIN.md: a bonus per revised review, e.g. ¥3 per 中评 and ¥5 per
 * 差评, or no bonus and the unresolved count as the measure). Amounts in fen, as every amount in the store.
 */
export const PayScheme = z.object({
  /** false: no bonus; the dashboard shows no amounts. */
  enabled: z.boolean(),
  perRevisedNeutralFen: fen,
  perRevisedNegativeFen: fen,
});
export type PayScheme = z.infer<typeof PayScheme>;

/** Off, with the seeds' example amounts ready for when a shop turns it on. */
export const DEFAULT_PAY_SCHEME: PayScheme = { enabled: false, perRevisedNeutralFen: 300, perRevisedNegativeFen: 500 };

/** An agent's amount for reviews revised in a period: nothing when the shop pays no bonus. */
export function payFen(scheme: PayScheme, revisedNeutral: number, revisedNegative: number): number | null {
  if (!scheme.enabled) return null;
  return revisedNeutral * scheme.perRevisedNeutralFen + revisedNegative * scheme.perRevisedNegativeFen;
}
