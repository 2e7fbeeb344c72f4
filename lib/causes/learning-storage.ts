/**
 * Where the shop's cause learning lives in the browser (browser.storage.local): the agents' correction records in
 * numbered chunks (appending one rewrites only the last chunk), a small state record, and the shop's model. Every
 * read goes through a schema: a damaged chunk costs only its own bad records, a damaged model falls back to the
 * shipped one (and is learnt again from the records), and nothing the agents recorded is ever dropped silently.
 */
import * as z from 'zod/mini';
import { CorrectionRecord } from './corrections';
import { asCauseModel, MODEL_FORMAT, type CauseModel } from './model';
import { reportError } from '../errors/report';

/** The part of browser.storage.local used here (tests pass WXT's fake browser, or a Map). */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** A storage area in memory that copies values in and out as browser.storage does (command line, benchmark, tests). */
export function memoryArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (keys) => {
      for (const k of keys) data.delete(k);
    },
  };
}

const STATE_KEY = 'causeLearning.state';
const MODEL_KEY = 'causeLearning.model';
const chunkKey = (n: number) => `causeLearning.records.${n}`;
/** Records per chunk: small enough that an append stays cheap, few enough keys for 10,000 records. */
export const CHUNK_SIZE = 200;
/** Open cases offered a new main cause, at most (the panel shows their count; each case shows its offer). */
export const OFFERS_MAX = 5000;

export const LearningState = z.object({
  version: z.literal(1),
  /** Records stored, all chunks together. */
  records: z.number().check(z.int(), z.nonnegative()),
  /** How many of them the current shop model (or the last reset) has taken in: the rest are new. */
  seen: z.number().check(z.int(), z.nonnegative()),
  /** Records made before this time are no longer learnt from (the agent reset the model); null = never reset. */
  resetAt: z.nullable(z.number()),
  /** The shop model in use: when it was trained, from how many labels, and how long the training took. */
  model: z.nullable(
    z.object({
      trainedAt: z.number(),
      labels: z.number().check(z.int(), z.nonnegative()),
      corrections: z.number().check(z.int(), z.nonnegative()),
      ms: z.number().check(z.nonnegative()),
    }),
  ),
  /** Open cases whose main cause the shop model reads differently from the case (see shop-learner.ts). */
  offers: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(OFFERS_MAX)),
});
export type LearningState = z.infer<typeof LearningState>;

export const EMPTY_STATE: LearningState = { version: 1, records: 0, seen: 0, resetAt: null, model: null, offers: [] };

/** The model as stored: checked field by field, then by asCauseModel for the shapes zod does not see. */
const StoredModel = z.looseObject({
  format: z.literal(MODEL_FORMAT),
  bias: z.array(z.number()),
  shared: z.array(z.number()),
  lexicon: z.array(z.array(z.number())),
  classWeights: z.optional(z.array(z.number())),
  ngrams: z.record(z.string().check(z.maxLength(12)), z.array(z.number())),
});

export class LearningStorage {
  constructor(private area: StorageArea) {}

  async state(): Promise<LearningState> {
    const raw = (await this.area.get([STATE_KEY]))[STATE_KEY];
    if (raw === undefined) return EMPTY_STATE;
    const parsed = LearningState.safeParse(raw);
    if (parsed.success) return parsed.data;
    // The records are still there: count them again rather than start from nothing.
    reportError('causes.learning.state', new Error('stored learning state failed its schema'));
    const records = (await this.records()).length;
    return { ...EMPTY_STATE, records, seen: 0 };
  }

  async saveState(state: LearningState): Promise<void> {
    await this.area.set({ [STATE_KEY]: state });
  }

  /** Appends records (already checked) and the state that counts them, in one write. */
  async append(state: LearningState, added: readonly CorrectionRecord[]): Promise<LearningState> {
    if (added.length === 0) return state;
    const items: Record<string, unknown> = {};
    let chunkNo = Math.floor(state.records / CHUNK_SIZE);
    let chunk = state.records % CHUNK_SIZE === 0 ? [] : await this.chunk(chunkNo);
    for (const r of added) {
      chunk.push(r);
      items[chunkKey(chunkNo)] = chunk;
      if (chunk.length === CHUNK_SIZE) {
        chunkNo++;
        chunk = [];
      }
    }
    const next = { ...state, records: state.records + added.length };
    items[STATE_KEY] = next;
    await this.area.set(items);
    return next;
  }

  /** Every stored record that passes its schema, oldest first. */
  async records(count?: number): Promise<CorrectionRecord[]> {
    const total = count ?? (await this.state()).records;
    const chunks = Math.ceil(total / CHUNK_SIZE);
    const keys = Array.from({ length: chunks }, (_, n) => chunkKey(n));
    if (keys.length === 0) return [];
    const got = await this.area.get(keys);
    const out: CorrectionRecord[] = [];
    let bad = 0;
    for (const key of keys) {
      const list = got[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const parsed = CorrectionRecord.safeParse(item);
        if (parsed.success) out.push(parsed.data);
        else bad++;
      }
    }
    if (bad > 0) reportError('causes.learning.records', new Error(`${bad} stored correction record(s) failed their schema`));
    return out;
  }

  private async chunk(n: number): Promise<unknown[]> {
    const list = (await this.area.get([chunkKey(n)]))[chunkKey(n)];
    return Array.isArray(list) ? [...list] : [];
  }

  /** The stored shop model, or null when there is none or it does not pass its checks. */
  async model(): Promise<CauseModel | null> {
    const raw = (await this.area.get([MODEL_KEY]))[MODEL_KEY];
    if (raw === undefined) return null;
    try {
      const parsed = StoredModel.safeParse(raw);
      if (!parsed.success) throw new Error('stored shop model failed its schema');
      return asCauseModel(parsed.data);
    } catch (error) {
      reportError('causes.learning.model', error);
      return null;
    }
  }

  async saveModel(model: CauseModel, state: LearningState): Promise<void> {
    await this.area.set({ [MODEL_KEY]: model, [STATE_KEY]: state });
  }

  async removeModel(state: LearningState): Promise<void> {
    await this.area.remove([MODEL_KEY]);
    await this.area.set({ [STATE_KEY]: state });
  }
}
