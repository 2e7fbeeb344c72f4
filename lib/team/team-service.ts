import { TeamConnection, type ConnectRequest, type TeamView } from './connection';
import { SyncEngine, type SyncPorts, type SyncState } from './sync-engine';
import { TeamError, TeamTransport, type FetchLike } from './transport';

/** Where the connection is kept between service-worker restarts (browser.storage.local in the extension). */
export interface ConnectionStore {
  load(): Promise<unknown>;
  save(connection: TeamConnection): Promise<void>;
  clear(): Promise<void>;
}

export interface TeamServiceDeps {
  store: ConnectionStore;
  /** The browser side of sync: outbox, local apply, pull position (lib/team's Dexie ports in the extension). */
  ports: Omit<SyncPorts, 'onState'>;
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
    this.startLive();
    return null;
  }

  async disconnect(): Promise<void> {
    await this.load();
    const connection = this.connection;
    this.stop();
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
    if (this.connection && !this.live && this.sync?.status !== 'signed-out') this.startLive();
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
    this.engine = new SyncEngine(transport, { ...this.deps.ports, onState: (s) => { this.sync = s; void this.emit(); } }, { now: this.deps.now });
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
