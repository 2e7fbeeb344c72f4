import { TeamConnection, type ConnectRequest, type TeamView } from './connection';
import { SyncEngine, type SyncPorts, type SyncState } from './sync-engine';
import { TeamError, TeamTransport, type FetchLike } from './transport';

/** Where the connection is kept between service-worker restarts (browser.storage.local in the extension). */
export interface ConnectionStore {
  load(): Promise<unknown>;
  save(connection: TeamConnection): Promise<void>;
  clear(): Promise<void>;
}

/** The browser's side of one connection: sync ports, and recording local writes for the team while connected. */
export interface LocalSide extends Omit<SyncPorts, 'onState'> {
  /** From now on local writes are queued; the first time for this shop, what was stored before is queued too. */
  startRecording(account: string): Promise<void>;
  /** Solo again: nothing more is queued (a later connect uploads everything again; the server merges it). */
  stopRecording(): Promise<void>;
}

export interface TeamServiceDeps {
  store: ConnectionStore;
  /** The browser side of sync for a connection's shop (LocalSync on the Dexie store in the extension). */
  local: (connection: TeamConnection) => LocalSide;
  /** Told on every change of the connection or of the sync state (the panel shows it). */
  onView: (view: TeamView) => void;
  fetchFn?: FetchLike;
  now?: () => number;
}

/**
 * The background's one owner of the team connection: signs in, keeps the session token, runs the sync engine while
 * connected, and signs out. Solo (never connected) it does nothing at all: no request leaves the browser.
 */
export class TeamService {
  private connection: TeamConnection | null = null;
  private local: LocalSide | null = null;
  private engine: SyncEngine | null = null;
  private live: AbortController | null = null;
  private sync: SyncState | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly deps: TeamServiceDeps) {}

  async view(): Promise<TeamView> {
    await this.load();
    if (!this.connection) return { connection: null, sync: null };
    const { token: _token, ...shown } = this.connection;
    return { connection: shown, sync: this.sync };
  }

  /** Signs in; resolves to the failure in the server's words (null once connected and the first sync has started). */
  async connect(req: ConnectRequest): Promise<string | null> {
    await this.load();
    this.stop();
    const transport = new TeamTransport(req.origin, null, this.deps.fetchFn);
    let login;
    try {
      login = await transport.login(req.user, req.password);
    } catch (error) {
      return error instanceof TeamError ? error.message : String(error);
    }
    this.connection = TeamConnection.parse({
      origin: req.origin, allowLanHttp: req.allowLanHttp, account: login.account, shop: login.shop, token: login.token,
      connectedAt: (this.deps.now ?? Date.now)(),
    });
    await this.deps.store.save(this.connection);
    this.local = this.deps.local(this.connection);
    await this.local.startRecording(login.account.name);
    this.startLive();
    return null;
  }

  async disconnect(): Promise<void> {
    await this.load();
    const connection = this.connection;
    this.stop();
    await this.local?.stopRecording();
    this.local = null;
    this.connection = null;
    this.sync = null;
    await this.deps.store.clear();
    // Ending the session on the server is a courtesy: offline, the token simply stays unused until it expires.
    if (connection) await new TeamTransport(connection.origin, connection.token, this.deps.fetchFn).logout().catch(() => undefined);
    await this.emit();
  }

  /** On worker start and on the periodic alarm: resume a stored connection (no-op solo or while already live). */
  async resume(): Promise<void> {
    await this.load();
    if (!this.connection || this.live || this.sync?.status === 'signed-out') return;
    this.local ??= this.deps.local(this.connection);
    await this.local.startRecording(this.connection.account.name);
    if (!this.live) this.startLive();
  }

  /** The signed-in account's name (who holds cases and is written in the history), null solo. */
  async account(): Promise<{ name: string; role: 'lead' | 'agent' } | null> {
    await this.load();
    return this.connection?.account ?? null;
  }

  /** A local change was queued: push it now instead of at the end of the held pull. */
  nudge(): void {
    this.engine?.nudge();
  }

  /** Stops syncing (worker shutting down, or before reconnecting). */
  stop(): void {
    this.live?.abort();
    this.live = null;
    this.engine = null;
  }

  private startLive(): void {
    const connection = this.connection!;
    const transport = new TeamTransport(connection.origin, connection.token, this.deps.fetchFn);
    const local = this.local!;
    const ports: SyncPorts = {
      pendingMutations: (n) => local.pendingMutations(n),
      pendingCount: () => local.pendingCount(),
      settle: (results) => local.settle(results),
      applyChanges: (changes) => local.applyChanges(changes),
      loadCursor: () => local.loadCursor(),
      saveCursor: (cursor) => local.saveCursor(cursor),
      onState: (s) => { this.sync = s; void this.emit(); },
    };
    this.engine = new SyncEngine(transport, ports, { now: this.deps.now });
    const live = new AbortController();
    this.live = live;
    void this.engine.runLive(live.signal).finally(() => {
      if (this.live === live) this.live = null;
    });
  }

  private async emit(): Promise<void> {
    this.deps.onView(await this.view());
  }

  private load(): Promise<void> {
    this.loaded ??= this.deps.store.load().then((raw) => {
      const parsed = TeamConnection.safeParse(raw);
      // A stored value that does not read back is not a connection: solo until the agent connects again.
      this.connection = parsed.success ? parsed.data : null;
    });
    return this.loaded;
  }
}
