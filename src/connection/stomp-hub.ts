import { Client, TickerStrategy, type IFrame, type IMessage, type StompHeaders } from '@stomp/stompjs';
import { Backoff } from './backoff.js';
import type { ResolvedConfig } from './config.js';
import { ConnectionState } from './connection-state.js';
import { fillTemplate, hasPlaceholders } from './destinations.js';
import { fetchJson, HttpError } from './snapshot.js';
import { detectTickerStrategy, type TickerEnvironment } from './ticker.js';
import {
  AuthError,
  normalizeToken,
  passwordGrantSource,
  refreshTokenSource,
  sharedDeviceCodeSource
} from './tokens.js';
import type {
  AuthErrorDetail,
  HubMessage,
  HubStatus,
  MessageListener,
  ResyncContext,
  SubscribeOptions,
  TokenInfo,
  TokenProvider
} from './types.js';

/** The handle `StompClientLike.subscribe()` returns (a stompjs `StompSubscription` satisfies it). */
export interface StompSubscriptionLike {
  /** The subscription id. */
  readonly id: string;
  /** Sends UNSUBSCRIBE; only valid while the client is connected. */
  unsubscribe(headers?: StompHeaders): void;
}

/**
 * The part of the `@stomp/stompjs` `Client` that `StompHub` uses; a real `Client` satisfies it, and tests inject a
 * fake (`test/support/fake-stomp-client.ts`). The hub writes every property listed here.
 */
export interface StompClientLike {
  /** WebSocket URL; set from `ResolvedConfig.socketUrl` when that is not empty. */
  brokerURL?: string;
  /** CONNECT headers; the hub sets `{ login: <fresh token> }` in `beforeConnect` before every attempt. */
  connectHeaders: StompHeaders;
  /** The hub sets 0: stompjs's own reconnect loop is off, the hub schedules attempts itself. */
  reconnectDelay: number;
  /** Set to `ResolvedConfig.heartbeatMs`. */
  heartbeatIncoming: number;
  /** Set to `ResolvedConfig.heartbeatMs`. */
  heartbeatOutgoing: number;
  /** Set before each attempt from {@link detectTickerStrategy}. */
  heartbeatStrategy: TickerStrategy;
  /** Set to `ResolvedConfig.connectionTimeoutMs`. */
  connectionTimeout: number;
  /** Set to `true`. */
  discardWebsocketOnCommFailure: boolean;
  /** True between CONNECTED and the socket's close. */
  readonly connected: boolean;
  /** True from `activate()` until `deactivate()` (stays true after an unexpected close, as reconnects are off). */
  readonly active: boolean;
  /** Awaited before each socket is opened. (`never` only so that `Client`'s `(client: Client) => …` fits.) */
  beforeConnect: (client: never) => void | Promise<void>;
  /** CONNECTED received. */
  onConnect: (frame: IFrame) => void;
  /** ERROR received. */
  onStompError: (frame: IFrame) => void;
  /** The socket closed (also after `deactivate()`). */
  onWebSocketClose: (event: unknown) => void;
  /** Starts connecting. */
  activate(): void;
  /** Stops; `force` discards the socket at once. */
  deactivate(options?: { force?: boolean }): Promise<void>;
  /** SUBSCRIBE; throws when not connected. */
  subscribe(destination: string, callback: (message: IMessage) => void, headers?: StompHeaders): StompSubscriptionLike;
}

/**
 * What the hub takes from its surroundings; `globalThis` by default. Tests pass a plain object.
 * Nothing here is touched before the first `subscribe()`.
 */
export interface HubEnvironment extends TickerEnvironment {
  /** For `online`, `offline`, `pagehide` and `pageshow`. Without it those events are not followed. */
  addEventListener?(type: string, listener: (event: Event) => void): void;
  /** Pairs with `addEventListener`. */
  removeEventListener?(type: string, listener: (event: Event) => void): void;
  /** `navigator.onLine === false` means offline: no attempts until `online`. */
  navigator?: { onLine?: boolean };
  /** Used for REST snapshots and the built-in token sources. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Jitter source for the reconnect backoff. Default `Math.random`. */
  random?: () => number;
}

interface Registration {
  readonly listener: MessageListener;
  readonly onResync?: SubscribeOptions['onResync'];
  released: boolean;
  /** Aborts the running resync of this subscriber. */
  resync?: AbortController;
  /** The connection number of the last resync started. */
  resyncedOn?: number;
}

interface Entry {
  /** The destination as subscribers asked for it (the map key), possibly with `{userId}` / `{tenant}` unresolved. */
  readonly destination: string;
  readonly registrations: Set<Registration>;
  /** SUBSCRIBE headers (from the first subscriber that gave any). */
  headers?: Record<string, string>;
  /** The broker subscription on the current socket, if any. */
  subscription?: StompSubscriptionLike;
  /** A warning about unresolved placeholders was already printed. */
  warned?: boolean;
}

type StatusListener = (status: HubStatus) => void;
type StateListener = (state: ConnectionState) => void;
type AuthErrorListener = (detail: AuthErrorDetail) => void;

const LOG_PREFIX = 'os-widgets:';
const ENV_EVENTS = ['online', 'offline', 'pagehide', 'pageshow'] as const;

/**
 * One shared STOMP connection: many subscribers, one socket, one broker subscription per destination, fresh tokens
 * on every connect, reconnects with jittered backoff, and a REST resync after every (re)connect.
 *
 * Typical lifecycle:
 * ```ts
 * const hub = getStompHub();                      // or new StompHub(resolveConfig({...}), client, env) in tests
 * const stop = hub.onStatusChange(s => render(s)); // idle → connecting → open …
 * const release = hub.subscribe('/kds/t1/v1', m => show(m.body), {
 *   onResync: async ({ fetchJson, signal }) => reconcile(await fetchJson('/ordering-api/api/orders/venue/v1')),
 * });                                             // first subscribe: activates the socket
 * // … the socket drops: state 'reconnecting', retried with backoff; on CONNECTED every destination is
 * //   subscribed again and every onResync called again
 * release();                                      // last release: UNSUBSCRIBE, socket closed after releaseGraceMs
 * stop();
 * ```
 *
 * Connection rules (ordering-stack.md §1, §9):
 * - Before every attempt (`beforeConnect`) a token is taken from the token source and set as
 *   `client.connectHeaders = { login }`: `config.token` string as is; a provider called with `{ forceRefresh }`;
 *   else `refreshToken` → {@link refreshTokenSource}; else `auth: 'anonymous'` → anonymous
 *   {@link passwordGrantSource}; `auth: 'device'` → the page's {@link sharedDeviceCodeSource}; `auth: 'none'` → no
 *   login header.
 * - stompjs's reconnect is off (`reconnectDelay = 0`); after an unexpected close the hub waits
 *   `random() * min(reconnectMaxMs, reconnectMinMs * 2^n)` and activates the client again. The backoff resets once a
 *   connection stayed open `stableAfterMs`.
 * - A STOMP ERROR before CONNECTED (or one starting with "Access refused") is a rejection: the first is retried
 *   after at most `reconnectMinMs` with `{ forceRefresh: true }`; the second stops all attempts (`unauthorized`,
 *   `onAuthError` listeners called once) until {@link StompHub.setToken}, a new page-wide token or
 *   {@link StompHub.retryNow}.
 * - `offline` (or `navigator.onLine === false`) closes the socket and waits for `online`; `pagehide` closes it
 *   (so the page can enter the back/forward cache) and `pageshow` reconnects.
 * - Sockets are always closed with `deactivate({ force: true })`, so closing never waits on a DISCONNECT receipt.
 */
export class StompHub {
  private _config: ResolvedConfig;
  private readonly client: StompClientLike;
  private readonly env: HubEnvironment;
  private readonly backoff: Backoff;
  private readonly entries = new Map<string, Entry>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly stateListeners = new Set<StateListener>();
  private readonly authErrorListeners = new Set<AuthErrorListener>();
  private _status: HubStatus;
  private tokenSource: TokenProvider | undefined;
  /** The token of the current (or last) connection. */
  private token?: string;
  private identityUserId?: string;
  private rejections = 0;
  private forceRefreshNext = false;
  private unauthorized = false;
  private suspended = false;
  private disposed = false;
  private envAttached = false;
  /** CONNECTED was received on the current socket. */
  private socketConnected = false;
  private connectionNumber = 0;
  private attemptNumber = 0;
  private prepareNumber = 0;
  private latestPrepare?: Promise<void>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private graceTimer?: ReturnType<typeof setTimeout>;
  private stableTimer?: ReturnType<typeof setTimeout>;

  /**
   * @param config The resolved configuration (see `resolveConfig()`).
   * @param client The stompjs client to drive. Default: a new `Client`. The hub configures it; do not share it.
   * @param env Window-level services (events, `navigator.onLine`, `fetch`, `Worker`). Default: `globalThis`.
   */
  constructor(
    config: ResolvedConfig,
    client: StompClientLike = new Client(),
    env: HubEnvironment = globalThis as unknown as HubEnvironment
  ) {
    this._config = config;
    this.client = client;
    this.env = env;
    this.backoff = new Backoff({ minMs: config.reconnectMinMs, maxMs: config.reconnectMaxMs, random: env.random });
    this.tokenSource = this.createTokenSource(config);
    this._status = { state: ConnectionState.Idle, since: Date.now(), attempt: 0 };

    if (config.socketUrl) client.brokerURL = config.socketUrl;
    client.reconnectDelay = 0;
    client.heartbeatIncoming = config.heartbeatMs;
    client.heartbeatOutgoing = config.heartbeatMs;
    client.heartbeatStrategy = TickerStrategy.Interval;
    client.connectionTimeout = config.connectionTimeoutMs;
    client.discardWebsocketOnCommFailure = true;
    client.beforeConnect = () => this.prepare();
    client.onConnect = () => this.handleConnect();
    client.onStompError = frame => this.handleStompError(frame);
    client.onWebSocketClose = event => this.handleSocketClose(event);
  }

  /** The configuration this hub was created with (with any token set later). */
  get config(): Readonly<ResolvedConfig> {
    return this._config;
  }

  /** The connection state (shorthand for `status.state`). */
  get state(): ConnectionState {
    return this._status.state;
  }

  /** A copy of the connection's status. */
  get status(): HubStatus {
    return { ...this._status };
  }

  /** When the last message arrived on any destination (`Date.now()`), if any. */
  get lastMessageAt(): number | undefined {
    return this._status.lastMessageAt;
  }

  /** The user id used for `{userId}`: `config.userId`, else the one the token source reported. */
  get userId(): string | undefined {
    return this._config.userId ?? this.identityUserId;
  }

  /**
   * Listens to `destination`. The first subscriber of a destination makes the hub SUBSCRIBE at the broker (once
   * connected; every reconnect subscribes again); later subscribers share that subscription. The first
   * subscriber of all activates the socket.
   *
   * `{userId}` and `{tenant}` left in `destination` are filled in when subscribing at the broker, from the token
   * source's user id and `config.tenant`; while one is unknown the destination is skipped (one `console.warn`).
   *
   * Messages are JSON-parsed once and handed to every subscriber of the destination as a {@link HubMessage}
   * (treat it as read-only); a body that is not JSON is skipped with a warning; a subscriber that throws is
   * reported with `console.error` and does not affect the others.
   *
   * `options.onResync` is called after every (re)connect once every destination is subscribed (a function shared
   * by several subscribers of one destination runs once), and right after subscribing when the connection is
   * already open. `options.headers` are sent with SUBSCRIBE (the first subscriber's headers win).
   *
   * @returns `release`: stops this subscription; calling it again does nothing. The last release of a destination
   *   sends UNSUBSCRIBE; the last release of all closes the socket after `releaseGraceMs`.
   */
  subscribe(destination: string, listener: MessageListener, options: SubscribeOptions = {}): () => void {
    if (this.disposed) return () => {};
    this.attachEnvironment();
    this.clearGraceTimer();
    let entry = this.entries.get(destination);
    if (!entry) {
      entry = { destination, registrations: new Set() };
      this.entries.set(destination, entry);
    }
    if (!entry.headers && options.headers) entry.headers = { ...options.headers };
    const registration: Registration = { listener, onResync: options.onResync, released: false };
    entry.registrations.add(registration);

    if (this.isConnected()) {
      if (!entry.subscription) this.subscribeAtBroker(entry);
      if (entry.subscription && registration.onResync) this.runResync(registration);
    } else if (this._status.state === ConnectionState.Idle && !this.suspended && !this.unauthorized) {
      this.connectNow();
    }
    const owner = entry;
    return () => this.release(owner, registration);
  }

  /**
   * Calls `listener` with a copy of the status after every change of it: state, `nextRetryAt`, `attempt`,
   * `error`, `lastOpenAt`. (`lastMessageAt` is kept current on `status` but does not trigger a call by itself.)
   * @returns A function that removes the listener.
   */
  onStatusChange(listener: (status: HubStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /**
   * Calls `listener` with the new state whenever the state changes.
   * @returns A function that removes the listener.
   */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /**
   * Calls `listener` once each time the hub gives up on its credentials and enters `unauthorized`.
   * @returns A function that removes the listener.
   */
  onAuthError(listener: (detail: AuthErrorDetail) => void): () => void {
    this.authErrorListeners.add(listener);
    return () => {
      this.authErrorListeners.delete(listener);
    };
  }

  /**
   * Replaces the token source with an access token or a provider. An open connection is kept (the new source is
   * used from the next connect); an `unauthorized` hub starts connecting again.
   */
  setToken(token: string | TokenProvider): void {
    if (this.disposed) return;
    this.applyConfig({ ...this._config, token });
  }

  /** @internal Takes over a new configuration (used by the hub registry when `configure()` changes the token). */
  updateConfig(config: ResolvedConfig): void {
    if (this.disposed) return;
    this.applyConfig(config);
  }

  /**
   * Tries to connect now instead of waiting for the scheduled retry; also leaves `offline` and `unauthorized`
   * (one attempt with a forced token refresh; a rejection returns to `unauthorized`). Does nothing while open or
   * connecting, or when nobody is subscribed.
   */
  retryNow(): void {
    if (this.disposed || this.isConnected() || this._status.state === ConnectionState.Connecting) return;
    if (this.entries.size === 0) return;
    if (this.unauthorized) {
      this.unauthorized = false;
      this.rejections = 1;
      this.forceRefreshNext = true;
    }
    this.suspended = false;
    this.connectNow(true);
  }

  /**
   * GET `{apiUrl}{path}` with the current token as `Authorization: Bearer`; on HTTP 401 the token is refreshed
   * (`forceRefresh`) and the request repeated once. Rejects with `HttpError` on other non-2xx statuses.
   */
  async fetchJson<T = unknown>(path: string, signal?: AbortSignal): Promise<T> {
    const token = this.token ?? (await this.currentToken(false));
    try {
      return await fetchJson<T>(this._config.apiUrl, path, token, this.fetchImpl, { signal });
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 401 || !this.tokenSource || signal?.aborted) throw error;
      if (typeof this._config.token === 'string') throw error;
      const fresh = await this.currentToken(true);
      if (!fresh || fresh === token) throw error;
      return fetchJson<T>(this._config.apiUrl, path, fresh, this.fetchImpl, { signal });
    }
  }

  /** Closes the socket for good, cancels timers and forgets every subscriber and listener. */
  dispose(): void {
    if (this.disposed) return;
    this.clearRetryTimer();
    this.clearGraceTimer();
    this.clearStableTimer();
    this.closeSocket();
    this.disposed = true;
    for (const entry of this.entries.values()) {
      for (const registration of entry.registrations) registration.released = true;
    }
    this.entries.clear();
    this.detachEnvironment();
    this.update({ state: ConnectionState.Idle, nextRetryAt: undefined });
    this.statusListeners.clear();
    this.stateListeners.clear();
    this.authErrorListeners.clear();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Subscriptions

  private release(entry: Entry, registration: Registration): void {
    if (registration.released) return;
    registration.released = true;
    registration.resync?.abort();
    registration.resync = undefined;
    entry.registrations.delete(registration);
    if (entry.registrations.size > 0) return;
    if (this.entries.get(entry.destination) === entry) this.entries.delete(entry.destination);
    this.unsubscribeAtBroker(entry);
    if (this.entries.size === 0 && !this.disposed) this.startGraceTimer();
  }

  private isConnected(): boolean {
    return this.socketConnected && this.client.connected;
  }

  private subscribeAtBroker(entry: Entry): void {
    const resolved = fillTemplate(entry.destination, { userId: this.userId, tenant: this._config.tenant });
    if (hasPlaceholders(resolved)) {
      if (!entry.warned) {
        entry.warned = true;
        const missing = resolved.match(/\{[^}]+\}/g)?.join(', ');
        console.warn(`${LOG_PREFIX} not subscribing to ${entry.destination} yet: ${missing} unknown`);
      }
      return;
    }
    try {
      entry.subscription = this.client.subscribe(resolved, message => this.handleMessage(entry, message), {
        ...entry.headers
      });
    } catch (error) {
      console.error(`${LOG_PREFIX} could not subscribe to ${entry.destination}`, error);
    }
  }

  private unsubscribeAtBroker(entry: Entry): void {
    const subscription = entry.subscription;
    entry.subscription = undefined;
    if (!subscription || !this.isConnected()) return;
    try {
      subscription.unsubscribe();
    } catch {
      // the socket went away meanwhile: nothing to unsubscribe
    }
  }

  private handleMessage(entry: Entry, message: IMessage): void {
    const receivedAt = Date.now();
    this._status.lastMessageAt = receivedAt;
    if (this.entries.get(entry.destination) !== entry) return;
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      const text = String(message.body ?? '');
      const preview = this.redact(text.slice(0, 80)).replace(/\s+/g, ' ');
      console.warn(
        `${LOG_PREFIX} skipped a message on ${entry.destination} that is not JSON (${text.length} chars: "${preview}${
          text.length > 80 ? '…' : ''
        }")`
      );
      return;
    }
    const hubMessage: HubMessage = {
      destination: entry.destination,
      body,
      headers: { ...message.headers },
      receivedAt
    };
    for (const registration of [...entry.registrations]) {
      if (registration.released) continue;
      try {
        registration.listener(hubMessage);
      } catch (error) {
        console.error(`${LOG_PREFIX} a listener of ${entry.destination} threw`, error);
      }
    }
  }

  private runResync(registration: Registration): void {
    const onResync = registration.onResync;
    if (!onResync) return;
    registration.resync?.abort();
    const controller = new AbortController();
    registration.resync = controller;
    registration.resyncedOn = this.connectionNumber;
    const { signal } = controller;
    const context: ResyncContext = {
      fetchJson: <T = unknown>(path: string) => this.fetchJson<T>(path, signal),
      userId: this.userId,
      signal
    };
    const report = (error: unknown): void => {
      if (signal.aborted || (error as { name?: string } | undefined)?.name === 'AbortError') return;
      console.error(`${LOG_PREFIX} a resync failed`, error);
    };
    try {
      const result = onResync(context);
      if (result && typeof (result as Promise<void>).then === 'function')
        (result as Promise<void>).then(undefined, report);
    } catch (error) {
      report(error);
    }
  }

  private abortResyncs(): void {
    for (const entry of this.entries.values()) {
      for (const registration of entry.registrations) {
        registration.resync?.abort();
        registration.resync = undefined;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Connection

  /** Starts an attempt now, unless something forbids it. */
  private connectNow(ignoreOffline = false): void {
    this.clearRetryTimer();
    if (this.disposed || this.suspended || this.unauthorized) return;
    if (this.entries.size === 0) {
      this.shutdown();
      return;
    }
    if (!ignoreOffline && this.isOffline()) {
      this.goOffline();
      return;
    }
    const url = this.client.brokerURL;
    const factory = (this.client as { webSocketFactory?: unknown }).webSocketFactory;
    if (!factory && !(url && /^wss?:\/\/[^\s/]+/i.test(url))) {
      this.update({ error: 'No valid socketUrl or apiUrl is configured' });
      return;
    }
    const first = this.backoff.attempt === 0 && this._status.attempt === 0;
    this.update({
      state:
        first && (this._status.state === ConnectionState.Idle || this._status.state === ConnectionState.Connecting)
          ? ConnectionState.Connecting
          : ConnectionState.Reconnecting,
      nextRetryAt: undefined
    });
    void this.startClient();
  }

  private async startClient(): Promise<void> {
    const attempt = ++this.attemptNumber;
    this.socketConnected = false;
    if (this.client.active) {
      try {
        await this.client.deactivate({ force: true });
      } catch {
        // already gone
      }
    }
    if (attempt !== this.attemptNumber || this.disposed || this.suspended || this.unauthorized) return;
    this.client.activate();
  }

  /**
   * `beforeConnect`: gets a token and sets the CONNECT headers. When several attempts overlap (a new attempt
   * started while an older one was still fetching its token), each waits for the newest preparation, so whichever
   * stompjs `_connect()` opens the socket does so with the newest headers (stompjs opens at most one).
   */
  private async prepare(): Promise<void> {
    const work = this.prepareOnce(++this.prepareNumber);
    this.latestPrepare = work;
    let current: Promise<void> | undefined;
    while (current !== this.latestPrepare) {
      current = this.latestPrepare;
      await current;
    }
  }

  private async prepareOnce(number: number): Promise<void> {
    try {
      this.client.heartbeatStrategy = await detectTickerStrategy(this.env);
      const forceRefresh = this.forceRefreshNext;
      const info = await this.obtainToken(forceRefresh);
      if (number !== this.prepareNumber) return;
      this.forceRefreshNext = false;
      this.client.connectHeaders = info.token ? { login: info.token } : {};
    } catch (error) {
      if (number !== this.prepareNumber || !this.client.active || this.disposed) return;
      // No socket exists yet: deactivating makes stompjs's _connect() stop after beforeConnect.
      void this.client.deactivate({ force: true }).catch(() => {});
      const reason = this.redact(error instanceof Error ? error.message : String(error));
      if (error instanceof AuthError) this.handleRejection(reason);
      else this.handleFailure(`Could not get a token: ${reason}`);
    }
  }

  private async obtainToken(forceRefresh: boolean): Promise<TokenInfo> {
    if (!this.tokenSource) {
      this.token = undefined;
      return { token: '' };
    }
    const info = normalizeToken(await this.tokenSource({ forceRefresh }));
    if (!info.token) throw new Error('the token source returned no token');
    this.token = info.token;
    if (info.userId) this.identityUserId = info.userId;
    return info;
  }

  private async currentToken(forceRefresh: boolean): Promise<string | undefined> {
    if (!this.tokenSource) return undefined;
    const info = normalizeToken(await this.tokenSource({ forceRefresh }));
    if (info.token) this.token = info.token;
    if (info.userId) this.identityUserId = info.userId;
    return info.token || undefined;
  }

  private handleConnect(): void {
    if (this.disposed) return;
    this.socketConnected = true;
    this.rejections = 0;
    this.connectionNumber++;
    for (const entry of this.entries.values()) {
      if (!entry.subscription) this.subscribeAtBroker(entry);
    }
    for (const entry of [...this.entries.values()]) {
      if (!entry.subscription) continue;
      const called = new Set<unknown>();
      for (const registration of [...entry.registrations]) {
        if (!registration.onResync || registration.released) continue;
        if (called.has(registration.onResync) || registration.resyncedOn === this.connectionNumber) continue;
        called.add(registration.onResync);
        this.runResync(registration);
      }
    }
    this.clearStableTimer();
    this.stableTimer = setTimeout(() => {
      this.stableTimer = undefined;
      this.backoff.reset();
      this.update({ attempt: 0 });
    }, this._config.stableAfterMs);
    this.update({ state: ConnectionState.Open, lastOpenAt: Date.now(), nextRetryAt: undefined, error: undefined });
    if (this.entries.size === 0 && !this.graceTimer) this.startGraceTimer();
  }

  private handleStompError(frame: IFrame): void {
    if (this.disposed) return;
    const raw = String(frame?.headers?.message || frame?.body || 'STOMP ERROR').trim();
    const message = this.redact(raw.slice(0, 200));
    const rejected = !this.socketConnected || /^access refused/i.test(message);
    if (!rejected) {
      // The server closes the socket after an ERROR; the close starts the reconnect.
      this.update({ error: message });
      return;
    }
    this.closeSocket();
    this.handleRejection(message);
  }

  private handleSocketClose(event: unknown): void {
    const wasConnected = this.socketConnected;
    this.socketConnected = false;
    this.clearStableTimer();
    this.dropSubscriptions();
    if (this.disposed || !this.client.active) return; // closed by us
    const code = (event as { code?: number } | undefined)?.code;
    this.handleFailure(`${wasConnected ? 'Connection lost' : 'Could not connect'}${code ? ` (code ${code})` : ''}`);
  }

  private handleRejection(message: string): void {
    this.rejections++;
    if (this.rejections >= 2) {
      this.enterUnauthorized(message);
      return;
    }
    this.forceRefreshNext = true;
    this.scheduleRetry(this.backoff.delayFor(0), message);
  }

  private handleFailure(reason: string): void {
    if (this.disposed || this.suspended || this.unauthorized) return;
    if (this.entries.size === 0) {
      this.shutdown();
      return;
    }
    if (this.isOffline()) {
      this.goOffline(reason);
      return;
    }
    this.scheduleRetry(this.backoff.next(), reason);
  }

  private scheduleRetry(delay: number, reason: string): void {
    this.clearRetryTimer();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connectNow();
    }, delay);
    this.update({
      state: ConnectionState.Reconnecting,
      nextRetryAt: Date.now() + delay,
      attempt: this._status.attempt + 1,
      error: reason
    });
  }

  private enterUnauthorized(message: string): void {
    this.unauthorized = true;
    this.clearRetryTimer();
    this.clearStableTimer();
    this.closeSocket();
    this.update({ state: ConnectionState.Unauthorized, nextRetryAt: undefined, error: message });
    for (const listener of [...this.authErrorListeners]) {
      try {
        listener({ message });
      } catch (error) {
        console.error(`${LOG_PREFIX} an auth-error listener threw`, error);
      }
    }
  }

  private goOffline(reason?: string): void {
    this.clearRetryTimer();
    this.clearStableTimer();
    this.closeSocket();
    this.update({ state: ConnectionState.Offline, nextRetryAt: undefined, ...(reason ? { error: reason } : {}) });
  }

  /** No subscribers left (or page hidden): close and rest. */
  private shutdown(): void {
    this.clearRetryTimer();
    this.clearStableTimer();
    this.clearGraceTimer();
    this.closeSocket();
    this.backoff.reset();
    if (!this.unauthorized) this.update({ state: ConnectionState.Idle, nextRetryAt: undefined, attempt: 0 });
  }

  private closeSocket(): void {
    this.attemptNumber++;
    this.prepareNumber++;
    this.socketConnected = false;
    this.dropSubscriptions();
    if (this.client.active) void this.client.deactivate({ force: true }).catch(() => {});
  }

  private dropSubscriptions(): void {
    for (const entry of this.entries.values()) entry.subscription = undefined;
    this.abortResyncs();
  }

  private applyConfig(config: ResolvedConfig): void {
    const sourceChanged =
      config.token !== this._config.token ||
      config.refreshToken !== this._config.refreshToken ||
      config.auth !== this._config.auth;
    this._config = config;
    if (!sourceChanged) return;
    this.tokenSource = this.createTokenSource(config);
    this.rejections = 0;
    this.forceRefreshNext = false;
    if (!this.unauthorized) return;
    this.unauthorized = false;
    this.backoff.reset();
    this.update({ error: undefined, attempt: 0 });
    if (this.entries.size > 0 && !this.suspended) this.connectNow();
    else this.update({ state: ConnectionState.Idle });
  }

  private createTokenSource(config: ResolvedConfig): TokenProvider | undefined {
    const { token } = config;
    if (typeof token === 'string') return () => Promise.resolve(token);
    if (typeof token === 'function') return token;
    const base = { apiUrl: config.apiUrl, tenant: config.tenant, basicAuth: config.basicAuth, fetch: this.fetchImpl };
    if (config.refreshToken) return refreshTokenSource({ ...base, refreshToken: config.refreshToken });
    if (config.auth === 'none') return undefined;
    if (config.auth === 'device') return sharedDeviceCodeSource(base);
    return passwordGrantSource(base);
  }

  private readonly fetchImpl: typeof fetch = (input, init) =>
    (this.env.fetch ?? globalThis.fetch).call(globalThis, input, init);

  // ---------------------------------------------------------------------------------------------------------------
  // Environment

  private isOffline(): boolean {
    return this.env.navigator?.onLine === false;
  }

  private readonly handleEnvironmentEvent = (event: Event): void => {
    if (this.disposed) return;
    switch (event.type) {
      case 'online':
        if (this._status.state === ConnectionState.Offline || this._status.state === ConnectionState.Reconnecting) {
          this.connectNow(true);
        }
        break;
      case 'offline':
        if (this.entries.size > 0 && !this.unauthorized && !this.suspended) this.goOffline('The browser is offline');
        break;
      case 'pagehide':
        this.suspended = true;
        this.shutdown();
        break;
      case 'pageshow':
        if (!this.suspended) break;
        this.suspended = false;
        if (this.entries.size > 0) this.connectNow();
        break;
    }
  };

  private attachEnvironment(): void {
    if (this.envAttached || typeof this.env.addEventListener !== 'function') return;
    this.envAttached = true;
    for (const type of ENV_EVENTS) this.env.addEventListener(type, this.handleEnvironmentEvent);
  }

  private detachEnvironment(): void {
    if (!this.envAttached) return;
    this.envAttached = false;
    for (const type of ENV_EVENTS) this.env.removeEventListener?.(type, this.handleEnvironmentEvent);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Status and timers

  private update(patch: Partial<HubStatus>): void {
    const previous = this._status;
    const next: HubStatus = { ...previous, ...patch };
    if (next.state !== previous.state) next.since = Date.now();
    const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof HubStatus>;
    let changed = false;
    for (const key of keys) if (key !== 'lastMessageAt' && previous[key] !== next[key]) changed = true;
    if (!changed) return;
    this._status = next;
    for (const listener of [...this.statusListeners]) {
      try {
        listener({ ...next });
      } catch (error) {
        console.error(`${LOG_PREFIX} a status listener threw`, error);
      }
    }
    if (next.state !== previous.state) {
      for (const listener of [...this.stateListeners]) {
        try {
          listener(next.state);
        } catch (error) {
          console.error(`${LOG_PREFIX} a state listener threw`, error);
        }
      }
    }
  }

  /** Removes anything that looks like a token from a text meant for status, errors or the console. */
  private redact(text: string): string {
    let result = text;
    for (const secret of [this.token, typeof this._config.token === 'string' ? this._config.token : undefined]) {
      if (secret && secret.length >= 6) result = result.split(secret).join('***');
    }
    return result.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '***');
  }

  private startGraceTimer(): void {
    this.clearGraceTimer();
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.entries.size === 0) this.shutdown();
    }, this._config.releaseGraceMs);
  }

  private clearGraceTimer(): void {
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private clearStableTimer(): void {
    if (this.stableTimer !== undefined) clearTimeout(this.stableTimer);
    this.stableTimer = undefined;
  }
}
