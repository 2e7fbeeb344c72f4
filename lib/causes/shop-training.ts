/**
 * How a shop's own labels retrain the cause model: every agent's correction (a wrong main cause put right) and
 * confirmation (the main cause clicked as right) becomes a training example that weighs more than a review of the
 * shipped labelled data, and the model is fitted again on both, starting from the model it replaces. The same
 * function runs in the extension's background worker (with pauses, lib/causes/shop-learner.ts), in
 * `npm run -s classify -- --learn` and in `npm run bench:cause-learning`, so the figures are the browser's.
 */
import type { CauseModel, TrainedOn } from './model';
import type { CauseCode } from './taxonomy';
import { trainCauseModelAsync, type PreparedExample, type TrainExample } from './train';

/** One label from the shop: what the agent said the review's causes are. */
export interface ShopLabel {
  text: string;
  primary: CauseCode;
  /** Every cause the agent kept (the primary among them or not). */
  causes: readonly CauseCode[];
  /** 'correction': the agent changed the main cause; 'confirmation': the agent chose the one shown. */
  kind: 'correction' | 'confirmation';
}

export const SHOP_LEARNING = {
  /** A correction counts as this many reviews of the shipped training data. */
  correctionWeight: 20,
  /** A confirmation tells less (the model was already right) but keeps the shop's mix of causes. */
  confirmationWeight: 8,
  /** A word of the shop's becomes a feature once two of its labelled reviews contain it. */
  shopMinDf: 1,
  /** At most this many n-grams in a shop model (the commonest): retraining time stays bounded. */
  maxVocab: 12000,
  /** Optimiser iterations: the fit starts from the current model, so it needs fewer than the shipped one. */
  iterations: 25,
  /** L-BFGS memory: a warm start needs little curvature history, and each pair costs a pass over every weight. */
  memory: 5,
} as const;

export type ShopLearningOptions = { -readonly [K in keyof typeof SHOP_LEARNING]: number };

/** The shop's labels as weighted training examples. */
export function shopExamples(labels: readonly ShopLabel[], opts: ShopLearningOptions = SHOP_LEARNING): TrainExample[] {
  return labels.map((l) => ({
    text: l.text,
    primary: l.primary,
    causes: l.causes.length ? l.causes : [l.primary],
    shop: true,
    weight: l.kind === 'correction' ? opts.correctionWeight : opts.confirmationWeight,
  }));
}

const noPause = async (): Promise<void> => undefined;

/**
 * The shop model: the shipped model's training data (`base`, prepared once) and the shop's examples (from
 * shopExamples, prepared or not), fitted from `init` (the model in use: the shipped one, or the shop's last).
 */
export function trainShopModel(
  base: readonly PreparedExample[],
  shop: readonly (TrainExample | PreparedExample)[],
  init: CauseModel,
  options: { pause?: () => Promise<void>; learning?: ShopLearningOptions; trainedOn?: TrainedOn } = {},
): Promise<CauseModel> {
  const learning = options.learning ?? SHOP_LEARNING;
  const examples = [...base, ...shop];
  const trainedOn = options.trainedOn ?? { files: init.trainedOn.files, examples: examples.length };
  return trainCauseModelAsync(
    examples,
    { ...init.options, iterations: learning.iterations },
    trainedOn,
    { init, shopMinDf: learning.shopMinDf, maxVocab: learning.maxVocab, memory: learning.memory },
    options.pause ?? noPause,
  );
}
