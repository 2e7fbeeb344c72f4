import * as z from 'zod/mini';
import { CaseCause } from '../cases/schema';
import type { LearningView } from '../causes/shop-learner';

/**
 * Requests about the shop's own cause model (extension pages only). Kept apart from protocol.ts so that the
 * learning feature owns its messages; protocol.ts joins them into the one Request union.
 */
const caseId = z.string().check(z.minLength(1), z.maxLength(200));

export const LEARNING_REQUESTS = [
  z.object({ type: z.literal('causeModelState') }),
  // The one-click choices for a case, read with the model in use.
  z.object({ type: z.literal('causeChoices'), caseId }),
  // The agent's choice of causes (main first): saved on the case and recorded for the shop's model to learn from.
  z.object({ type: z.literal('correctCauses'), caseId, causes: z.array(CaseCause).check(z.maxLength(12)) }),
  z.object({ type: z.literal('learnCausesNow') }),
  z.object({ type: z.literal('resetCauseModel') }),
] as const;

/** What the case view offers: the two most likely causes as chips, the others a click further. */
export interface CauseChoices {
  /** The two most likely causes with the review's words for them (guess: no cue word, the model's n-grams). */
  chips: CaseCause[];
  /** Every other cause, most likely first, with the review's cue words for it when it has any. */
  others: CaseCause[];
  model: 'shipped' | 'shop';
  /** An open case whose main cause the shop's model reads differently: its reading, to adopt with one click. */
  offer: CaseCause | null;
}

export interface LearningResponses {
  /** Which model classifies new cases: the shipped one, or the shop's retrained one and what it learnt from. */
  causeModelState: LearningView;
  causeChoices: CauseChoices | null;
  /** kind: what the click recorded (null: the agent removed every cause; nothing to learn from). */
  correctCauses: { kind: 'correction' | 'confirmation' | null; learning: LearningView };
  learnCausesNow: LearningView;
  resetCauseModel: LearningView;
}
