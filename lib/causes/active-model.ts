/**
 * Which cause model classifies new cases in this browser: the shipped one, or the shop's own once it has learnt
 * from the agents' corrections (./shop-learner.ts sets it). No storage here, so that every reader of causes
 * (the case store, the database upgrade) can use it without pulling in the learning machinery.
 */
import { classifyWith, shippedModel, type CauseResult } from './classify';
import type { CauseModel } from './model';

let shop: CauseModel | null = null;
let ready: Promise<void> = Promise.resolve();

export type ModelSource = 'shipped' | 'shop';

/** The shop's model from now on (null: the shipped one again). */
export function setShopCauseModel(model: CauseModel | null): void {
  shop = model;
}

/** The model new cases are classified with, and whose it is. */
export function activeCauseModel(): { model: CauseModel; source: ModelSource } {
  return shop ? { model: shop, source: 'shop' } : { model: shippedModel(), source: 'shipped' };
}

/** Classifies with the active model. */
export function classifyActive(text: string): CauseResult {
  return classifyWith(activeCauseModel().model, text);
}

/** Set by the learner while it reads the shop model at start; reviews stored before that would use the shipped one. */
export function whileCauseModelLoads(loading: Promise<void>): void {
  ready = loading.catch(() => undefined);
}

/** Resolves once the shop model (if any) is in use: the background awaits it before storing new reviews. */
export function causeModelReady(): Promise<void> {
  return ready;
}
