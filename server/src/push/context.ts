import type { Queryable } from '../db/types';
import type { Actor } from '../auth/sessions';
import type { Mutation, MutationKind, PushStatus } from '../../../lib/team/protocol';
import type { Stamp } from './lww';

/** What a handler needs: the open transaction (shop lock held, mutation recorded), who acts, and when. */
export interface MutationContext {
  tx: Queryable;
  actor: Actor;
  mutationId: string;
  /** The client's time, capped a little past the server's clock so a wrong clock cannot win every field for ever. */
  at: number;
  now: number;
  stamp: Stamp;
  /** Caps any client-given time the same way as `at`. */
  clampTime(t: number): number;
}

export interface Outcome {
  status: Exclude<PushStatus, 'duplicate'>;
  error?: string;
  holder?: string | null;
  /** Whether a shared row changed (then waiting pulls are woken). */
  changed: boolean;
}

export type PayloadOf<K extends MutationKind> = Extract<Mutation, { kind: K }>['payload'];
export type Handler<K extends MutationKind> = (ctx: MutationContext, payload: PayloadOf<K>) => Promise<Outcome>;

export const applied = (changed: boolean): Outcome => ({ status: 'applied', changed });
export const rejected = (error: string): Outcome => ({ status: 'rejected', error, changed: false });
