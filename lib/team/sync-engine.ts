import { MAX_MUTATIONS_PER_PUSH, MAX_WAIT_SECONDS, type Change, type Mutation, type PushResult } from './protocol';
import { TeamError, type TeamTransport } from './transport';

/** What the panel shows: 已同步 / 同步中 / 离线 / 登录已失效, with how much waits to be sent. */
export interface SyncState {
  status: 'synced' | 'syncing' | 'offline' | 'signed-out';
  pending: number;
  lastSyncedAt: number | null;
  /** The server's own words for the last failure (Chinese / English), if any. */
  error: string | null;
}

/** Where the engine reads and writes the browser's side: the outbox, the local store, the pull position. */
export interface SyncPorts {
  /** Oldest first; what was queued while offline stays here until the server has answered for it. */
  pendingMutations(limit: number): Promise<Mutation[]>;
  pendingCount(): Promise<number>;
  /** Every mutation the server answered for leaves the outbox; refusals and lost claims are the app's to show. */
  settle(results: PushResult[]): Promise<void>;
  /** Full current records: applying one twice, or an older one after a newer, must be harmless. */
  applyChanges(changes: Change[]): Promise<void>;
  loadCursor(): Promise<string>;
  saveCursor(cursor: string): Promise<void>;
  onState(state: SyncState): void;
}

export interface SyncOptions {
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Seconds a live pull is held by the server (below the idle limit of common proxies). */
  waitSeconds?: number;
}

const BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000];

const defaultSleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/**
 * Local-first sync: the agent's changes are applied locally at once and queued; this engine pushes the queue, pulls
 * what the team changed since the last position, and (live) keeps one held request open so a colleague's claim
 * arrives within a second. Offline it waits and retries; a revoked session stops it and keeps the queue.
 */
export class SyncEngine {
  private state: SyncState = { status: 'syncing', pending: 0, lastSyncedAt: null, error: null };
  private held: AbortController | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly waitSeconds: number;

  constructor(private readonly transport: TeamTransport, private readonly ports: SyncPorts, opts: SyncOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.waitSeconds = Math.min(opts.waitSeconds ?? 20, MAX_WAIT_SECONDS);
  }

  get current(): SyncState {
    return this.state;
  }

  /** Pushes everything queued, then pulls until up to date. Never throws: the outcome is the state it returns. */
  async syncOnce(): Promise<SyncState> {
    await this.report({ status: 'syncing' });
    try {
      await this.pushAll();
      await this.pullAll(0);
      return await this.report({ status: 'synced', lastSyncedAt: this.now(), error: null });
    } catch (error) {
      return this.failed(error);
    }
  }

  /** A local change was queued: cut the held pull short so it is pushed now. */
  nudge(): void {
    this.held?.abort();
  }

  /** Syncs, then holds a pull open, again and again, until `stop` aborts or the session ends. */
  async runLive(stop: AbortSignal): Promise<void> {
    let failures = 0;
    while (!stop.aborted) {
      const state = await this.syncOnce();
      if (state.status === 'signed-out') return;
      if (state.status === 'offline') {
        await this.sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!, stop);
        continue;
      }
      failures = 0;
      if ((await this.ports.pendingCount()) > 0) continue;
      this.held = new AbortController();
      const onStop = () => this.held?.abort();
      stop.addEventListener('abort', onStop, { once: true });
      try {
        await this.pullAll(this.waitSeconds, this.held.signal);
      } catch (error) {
        // An abort is a nudge or the stop; anything else is said in the state and retried by the loop.
        if (!this.held.signal.aborted) {
          const failedState = this.failed(error);
          if (failedState.status === 'signed-out') return;
          if (failedState.status === 'offline') await this.sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!, stop);
        }
      } finally {
        stop.removeEventListener('abort', onStop);
        this.held = null;
      }
    }
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const batch = await this.ports.pendingMutations(MAX_MUTATIONS_PER_PUSH);
      if (!batch.length) return;
      await this.ports.settle(await this.transport.push(batch));
      await this.report({});
    }
  }

  /** Pages through the changes; only the first request is held (`wait`), the rest of a backlog comes at once. */
  private async pullAll(wait: number, signal?: AbortSignal): Promise<void> {
    let since = await this.ports.loadCursor();
    for (let first = true; ; first = false) {
      const page = await this.transport.changes(since, { wait: first ? wait : 0, signal });
      if (page.changes.length) await this.ports.applyChanges(page.changes);
      // Saved after applying: a crash in between pulls the page again, which full records make harmless.
      const moved = page.cursor !== since;
      if (moved) await this.ports.saveCursor(page.cursor);
      since = page.cursor;
      // A server that says "more" without moving on would keep this loop busy forever: stop and try next time.
      if (!page.more || !moved) return;
    }
  }

  private failed(error: unknown): SyncState {
    const kind = error instanceof TeamError ? error.kind : 'server';
    const message = error instanceof Error ? error.message : String(error);
    const status: SyncState['status'] = kind === 'signed-out' ? 'signed-out' : 'offline';
    this.state = { ...this.state, status, error: kind === 'offline' ? null : message };
    this.ports.onState(this.state);
    return this.state;
  }

  private async report(patch: Partial<SyncState>): Promise<SyncState> {
    this.state = { ...this.state, ...patch, pending: await this.ports.pendingCount() };
    this.ports.onState(this.state);
    return this.state;
  }
}
