/**
 * The shop's own cause model, kept and retrained in the background worker. Every agent's click on a cause is a
 * record (./corrections.ts); once RETRAIN_EVERY new records have come in (or an agent asks), the model is fitted
 * again on the shipped training data plus the shop's labels (./shop-training.ts), giving the thread back between
 * steps so the worker keeps answering the panel, and new cases are classified with it (./active-model.ts). Open
 * cases it would read differently are offered the new reading. A reset goes back to the shipped model and learns
 * only from records made after it. Records from other browsers of the shop come in through importRecords.
 */
import { setShopCauseModel, whileCauseModelLoads } from './active-model';
import { baseExamples } from './base-examples';
import { shippedModel } from './classify';
import { CorrectionRecord, labelsFrom, newRecord, type RecordInput } from './corrections';
import { LearningStorage, OFFERS_MAX, type LearningState, type StorageArea } from './learning-storage';
import type { CauseModel } from './model';
import { SHOP_LEARNING, shopExamples, trainShopModel, type ShopLearningOptions } from './shop-training';
import { prepareExample, type PreparedExample, type TrainExample } from './train';
import { reportError } from '../errors/report';

/** New records that start a retraining by themselves. */
export const RETRAIN_EVERY = 25;

/** What the panel shows about the shop's model. */
export interface LearningView {
  model: 'shipped' | 'shop';
  /** Labels (one per case) the shop model learnt from; 0 with the shipped model. */
  labels: number;
  /** Of those, corrections (the rest are confirmations). */
  corrections: number;
  /** Records not yet learnt from. */
  pending: number;
  /** Records that start the next retraining by themselves. */
  retrainEvery: number;
  training: boolean;
  trainedAt: number | null;
  /** How long the last training took (ms). */
  trainMs: number | null;
  resetAt: number | null;
  /** Open cases the shop model reads differently. */
  offers: number;
}

export interface LearnerOptions {
  area: StorageArea;
  now?: () => number;
  /** Awaited between training steps (default: a zero timeout, so queued messages are answered in between). */
  pause?: () => Promise<void>;
  shipped?: CauseModel;
  base?: () => readonly TrainExample[];
  /** Open cases the new model would give another main cause (their ids): they are offered its reading. */
  offersFor?: (model: CauseModel) => Promise<string[]>;
  learning?: ShopLearningOptions;
  retrainEvery?: number;
  /** Called after a model was trained and stored, or reset (the panel is told). */
  onChange?: () => void;
}

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ShopLearner {
  private storage: LearningStorage;
  private now: () => number;
  private loaded: Promise<void> | null = null;
  /** State changes run one after another (read, change, write). */
  private turn: Promise<unknown> = Promise.resolve();
  private training: Promise<void> | null = null;
  private again = false;
  /** A reset while a training runs makes its result stale. */
  private generation = 0;
  private base: PreparedExample[] | null = null;
  /** Shop examples prepared by an earlier training, by record id (a retraining prepares only the new ones). */
  private prepared = new Map<string, PreparedExample>();
  private retrainEvery: number;
  /** The shop model in use (null: the shipped one). */
  private current: CauseModel | null = null;

  constructor(private opts: LearnerOptions) {
    this.storage = new LearningStorage(opts.area);
    this.now = opts.now ?? Date.now;
    this.retrainEvery = opts.retrainEvery ?? RETRAIN_EVERY;
  }

  /** Reads the stored shop model and puts it in use (once; every other call waits for it). */
  load(): Promise<void> {
    if (!this.loaded) {
      this.loaded = this.exclusive(async () => {
        const state = await this.storage.state();
        const model = state.model ? await this.storage.model() : null;
        this.current = model;
        setShopCauseModel(model);
        // A model that was trained but could not be read back is learnt again from the records.
        if (state.model && !model) {
          await this.storage.saveState({ ...state, seen: 0, model: null, offers: [] });
          this.schedule();
        } else if (state.records - state.seen >= this.retrainEvery) this.schedule();
      }).catch((error: unknown) => {
        // Storage could not be read: the shipped model goes on classifying, and the next request tries again.
        this.loaded = null;
        throw error;
      });
      whileCauseModelLoads(this.loaded);
    }
    return this.loaded;
  }

  /** Records an agent's choice; a retraining starts in the background once enough new records have come in. */
  async record(input: RecordInput): Promise<{ record: CorrectionRecord; view: LearningView }> {
    await this.load();
    const record = newRecord(input, this.now());
    const state = await this.exclusive(async () => {
      const before = await this.storage.state();
      // The agent has decided on this case: it is no longer waiting for the shop model's offer.
      return this.storage.append({ ...before, offers: before.offers.filter((id) => id !== input.caseId) }, [record]);
    });
    if (state.records - state.seen >= this.retrainEvery) this.schedule();
    return { record, view: this.viewOf(state) };
  }

  /**
   * Records made in other browsers of the shop (the team server's copy): each is checked, the ones already here
   * (same id) are skipped, and the rest count as new records like the agent's own.
   */
  async importRecords(items: readonly unknown[]): Promise<{ added: number; rejected: number; view: LearningView }> {
    await this.load();
    let rejected = 0;
    const incoming: CorrectionRecord[] = [];
    for (const item of items) {
      const parsed = CorrectionRecord.safeParse(item);
      if (parsed.success) incoming.push(parsed.data);
      else rejected++;
    }
    const { added, state } = await this.exclusive(async () => {
      const before = await this.storage.state();
      const known = new Set((await this.storage.records(before.records)).map((r) => r.id));
      const fresh = incoming.filter((r) => !known.has(r.id) && (known.add(r.id), true));
      return { added: fresh.length, state: await this.storage.append(before, fresh) };
    });
    if (state.records - state.seen >= this.retrainEvery) this.schedule();
    return { added, rejected, view: this.viewOf(state) };
  }

  /** The records made at or after `at` (what this browser has to send to the team server). */
  async recordsSince(at: number): Promise<CorrectionRecord[]> {
    await this.load();
    return (await this.storage.records()).filter((r) => r.at >= at);
  }

  /** Starts a retraining now if anything is new (or the shop has labels but no model); resolves at once. */
  async learnNow(): Promise<LearningView> {
    await this.load();
    const state = await this.storage.state();
    if (state.records > state.seen) this.schedule();
    return this.view();
  }

  /** Back to the shipped model; only records made from now on are learnt from. */
  async reset(): Promise<LearningView> {
    await this.load();
    this.generation++;
    await this.exclusive(async () => {
      const state = await this.storage.state();
      await this.storage.removeModel({ ...state, seen: state.records, resetAt: this.now(), model: null, offers: [] });
      this.current = null;
      setShopCauseModel(null);
    });
    this.opts.onChange?.();
    return this.view();
  }

  async view(): Promise<LearningView> {
    await this.load();
    return this.viewOf(await this.storage.state());
  }

  /** Resolves when no training is running (tests, and the command line). */
  async idle(): Promise<void> {
    while (this.training) await this.training;
  }

  private viewOf(state: LearningState): LearningView {
    return {
      model: state.model ? 'shop' : 'shipped',
      labels: state.model?.labels ?? 0,
      corrections: state.model?.corrections ?? 0,
      pending: state.records - state.seen,
      retrainEvery: this.retrainEvery,
      training: this.training !== null,
      trainedAt: state.model?.trainedAt ?? null,
      trainMs: state.model?.ms ?? null,
      resetAt: state.resetAt,
      offers: state.offers.length,
    };
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.turn.then(job);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Runs trainings one at a time; a request during one runs another after it. */
  private schedule(): void {
    if (this.training) {
      this.again = true;
      return;
    }
    this.training = (async () => {
      do {
        this.again = false;
        try {
          await this.trainOnce();
        } catch (error) {
          reportError('causes.learning.train', error);
          return;
        }
      } while (this.again);
    })().finally(() => (this.training = null));
  }

  private async trainOnce(): Promise<void> {
    const generation = this.generation;
    const pause = this.opts.pause ?? yieldToEvents;
    const learning = this.opts.learning ?? SHOP_LEARNING;
    const state = await this.storage.state();
    const labels = labelsFrom(await this.storage.records(state.records), state.resetAt);
    if (labels.length === 0) return;
    const started = performance.now();
    const base = await this.preparedBase(pause);
    const examples = shopExamples(labels, learning);
    const shop: PreparedExample[] = [];
    for (let i = 0; i < examples.length; i++) {
      const id = labels[i]!.id;
      let e = this.prepared.get(id);
      if (!e) {
        e = prepareExample(examples[i]!, shippedModelOf(this.opts).options.maxN);
        this.prepared.set(id, e);
        if (this.prepared.size % 100 === 0) await pause();
      }
      shop.push(e);
    }
    // Fitted from the model in use: a few new labels move it a little, so the optimiser has little to do.
    const init = this.current ?? shippedModelOf(this.opts);
    const model = await trainShopModel(base, shop, init, { pause, learning, trainedOn: { files: shippedModelOf(this.opts).trainedOn.files, examples: base.length + shop.length } });
    const ms = Math.round(performance.now() - started);
    const offers = ((await this.opts.offersFor?.(model)) ?? []).slice(0, OFFERS_MAX);
    const committed = await this.exclusive(async () => {
      if (generation !== this.generation) return false; // reset meanwhile: this model is no longer wanted
      const now = await this.storage.state();
      const corrections = labels.filter((l) => l.kind === 'correction').length;
      await this.storage.saveModel(model, { ...now, seen: Math.max(now.seen, state.records), model: { trainedAt: this.now(), labels: labels.length, corrections, ms }, offers });
      this.current = model;
      setShopCauseModel(model);
      return true;
    });
    if (committed) this.opts.onChange?.();
  }

  private async preparedBase(pause: () => Promise<void>): Promise<PreparedExample[]> {
    if (this.base) return this.base;
    const maxN = shippedModelOf(this.opts).options.maxN;
    const out: PreparedExample[] = [];
    for (const e of (this.opts.base ?? baseExamples)()) {
      out.push(prepareExample(e, maxN));
      if (out.length % 100 === 0) await pause();
    }
    this.base = out;
    return out;
  }
}

const shippedModelOf = (opts: LearnerOptions): CauseModel => opts.shipped ?? shippedModel();

