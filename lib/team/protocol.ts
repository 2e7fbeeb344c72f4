import * as z from 'zod/mini';
import { StoredReview } from '../reviews/schema';
import { CaseEvent, CaseRecord } from '../cases/schema';
import { PromiseRecord } from '../cases/promises';
import { BuyerNote } from '../cases/buyer-notes';

/**
 * The team sync protocol: every request and response body between the extension and the team server.
 * The server validates with these very schemas, so the extension's sync client and the server cannot drift apart.
 */

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_CHANGES_PER_PULL = 5000;
export const DEFAULT_CHANGES_PER_PULL = 1000;
/** A held pull answers at the latest after this many seconds (below common proxy idle timeouts of 30 s+). */
export const MAX_WAIT_SECONDS = 25;
export const MIN_PASSWORD_LENGTH = 6;

const Uuid = z.uuid();
/** Milliseconds since the epoch, as the extension stores every time. */
const Time = z.number().check(z.int(), z.nonnegative());

/**
 * An account name: what the team sees as the holder of a case (小李). No ':' (the CLI reads NAME:PASSWORD),
 * no '/' or '\' (it travels in a URL path), no control characters, no blanks at either end.
 */
export const AccountName = z.string().check(
  z.minLength(1), z.maxLength(40),
  z.regex(/^[^\s:/\\\p{Cc}](?:[^:/\\\p{Cc}]*[^\s:/\\\p{Cc}])?$/u, '账号名不能含 : / \\ 或首尾空格 / no : / \\ or blanks at the ends'),
);
export const Password = z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(200));
export const Role = z.enum(['lead', 'agent']);
export type Role = z.infer<typeof Role>;

// ---- accounts and sessions

export const LoginRequest = z.strictObject({
  user: z.string().check(z.minLength(1), z.maxLength(40)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The shop's id or name; needed only when the same account name exists in several shops on one server. */
  shop: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const AccountRef = z.object({ name: z.string(), role: Role });
export const ShopRef = z.object({ id: z.string(), name: z.string() });

export const LoginResponse = z.object({ token: z.string(), account: AccountRef, shop: ShopRef });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateAccountRequest = z.strictObject({ name: AccountName, password: Password, role: Role });
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;

export const AccountSummary = z.object({ name: z.string(), role: Role, active: z.boolean(), createdAt: Time });
export type AccountSummary = z.infer<typeof AccountSummary>;
export const AccountList = z.object({ accounts: z.array(AccountSummary) });

// ---- shared records as the team keeps them (global ids instead of the browser's auto-increment keys)

/** A case event with a client-made uuid; `undone` is the tombstone an undo sets (never a delete). */
export const TeamEvent = z.extend(z.omit(CaseEvent, { seq: true, uid: true, promiseId: true }), {
  id: Uuid,
  promiseId: z.optional(Uuid),
  undone: z.optional(z.boolean()),
});
export type TeamEvent = z.infer<typeof TeamEvent>;

export const TeamPromise = z.extend(z.omit(PromiseRecord, { id: true, uid: true }), { id: Uuid });
export type TeamPromise = z.infer<typeof TeamPromise>;
/** Fields of a promise an edit may change; id, case, creator and creation time are fixed at creation. */
export const PromiseField = z.enum(['kind', 'amountFen', 'dueAt', 'fulfilledAt', 'fulfilledRef', 'note', 'cancelledAt', 'cancelReason']);
export type PromiseField = z.infer<typeof PromiseField>;

/** Case fields a `case.set` may change: all but the key (id, platform, review id) and the holder (claims only). */
export const CaseFields = z.partial(z.strictObject(z.omit(CaseRecord, {
  id: true, platform: true, platformReviewId: true, assignee: true,
}).shape));
export type CaseFields = z.infer<typeof CaseFields>;

export const BuyerNoteFields = z.partial(z.strictObject(z.pick(BuyerNote, {
  temperament: true, whatWorked: true, doNotContact: true, phone: true, routine: true,
}).shape));
export type BuyerNoteFields = z.infer<typeof BuyerNoteFields>;

/** The shop's shared settings (the lead's); the same limits as lib/settings/preferences.ts. Personal ones stay local. */
export const ShopSettings = z.object({
  shopName: z.string().check(z.maxLength(60)),
  promiseDueHours: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 30)),
  contactRetentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  contactTiming: z.record(z.string(), z.unknown()),
});
export type ShopSettings = z.infer<typeof ShopSettings>;
export const ShopSettingsFields = z.partial(z.strictObject(ShopSettings.shape));
export type ShopSettingsFields = z.infer<typeof ShopSettingsFields>;
export const DEFAULT_CONTACT_RETENTION_DAYS = 90;

// ---- push

const mutation = <K extends string, P extends z.ZodMiniType>(kind: K, payload: P) =>
  z.strictObject({ id: Uuid, at: Time, kind: z.literal(kind), payload });

const CaseId = z.string().check(z.minLength(1), z.maxLength(200));
const BuyerKey = z.string().check(z.minLength(1), z.maxLength(200));

export const Mutation = z.discriminatedUnion('kind', [
  /** Fields merged; per field the newest observation (its lastSeenAt) wins. */
  mutation('review.observe', z.strictObject({ review: StoredReview })),
  /** Keyed by the review key; a case that already exists is never overwritten. */
  mutation('case.create', z.strictObject({ case: CaseRecord })),
  /** Last writer wins per field, by (at, mutation id). */
  mutation('case.set', z.strictObject({ caseId: CaseId, fields: CaseFields })),
  /** Compare-and-set on the holder: applies only while the holder is still `from`. */
  mutation('case.claim', z.strictObject({ caseId: CaseId, from: z.nullable(z.string().check(z.maxLength(40))), to: z.nullable(AccountName) })),
  mutation('event.append', z.strictObject({ event: TeamEvent })),
  mutation('event.set', z.strictObject({ id: Uuid, undone: z.literal(true) })),
  /** Creates the promise, or edits it by id: last writer wins per field (`fields` names the edited ones; all when absent). */
  mutation('promise.put', z.strictObject({ promise: TeamPromise, fields: z.optional(z.array(PromiseField)) })),
  mutation('buyerNote.set', z.strictObject({ buyerKey: BuyerKey, fields: BuyerNoteFields })),
  /** Lead only. */
  mutation('settings.set', z.strictObject({ fields: ShopSettingsFields })),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationKind = Mutation['kind'];

export const PushRequest = z.strictObject({
  mutations: z.array(Mutation).check(z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushStatus = z.enum(['applied', 'duplicate', 'rejected', 'conflict']);
export type PushStatus = z.infer<typeof PushStatus>;
export const PushResult = z.object({
  id: z.string(),
  status: PushStatus,
  /** Why it was rejected or lost the claim, Chinese / English. */
  error: z.optional(z.string()),
  /** On a lost claim: who holds the case now. */
  holder: z.optional(z.nullable(z.string())),
});
export type PushResult = z.infer<typeof PushResult>;
export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull

/** An opaque position in the shop's change order; '0' is the beginning. */
export const Cursor = z.string().check(z.regex(/^\d{1,19}$/));
export const ChangesQuery = z.object({
  since: z._default(Cursor, '0'),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_CHANGES_PER_PULL)), DEFAULT_CHANGES_PER_PULL),
  wait: z._default(z.coerce.number().check(z.minimum(0), z.maximum(MAX_WAIT_SECONDS)), 0),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

const change = <E extends string, S extends Record<string, z.ZodMiniType>>(entity: E, shape: S) =>
  z.object({ seq: Cursor, entity: z.literal(entity), ...shape });

/** One changed record in its full current state. A case carries its holder (also as `assignee`). */
export const Change = z.discriminatedUnion('entity', [
  change('review', { review: StoredReview }),
  change('case', { case: CaseRecord, holder: z.nullable(z.string()) }),
  change('event', { event: TeamEvent }),
  change('promise', { promise: TeamPromise }),
  change('buyerNote', { buyerNote: BuyerNote }),
  change('settings', { settings: ShopSettings }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeEntity = Change['entity'];

export const ChangesResponse = z.object({ changes: z.array(Change), cursor: Cursor, more: z.boolean() });
export type ChangesResponse = z.infer<typeof ChangesResponse>;

// ---- misc

export const HealthResponse = z.object({ ok: z.boolean(), version: z.string(), database: z.enum(['pglite', 'postgres']) });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Every 4xx/5xx body: one message, Chinese first then English. */
export const ErrorResponse = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  retryAfterSeconds: z.optional(z.number()),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
