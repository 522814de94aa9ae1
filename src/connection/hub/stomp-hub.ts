import { Client, type IFrame } from '@stomp/stompjs';
import { TokenSession } from '../auth/token-session.js';
import type { ResolvedConfig } from '../config.js';
import { ConnectionState } from '../connection-state.js';
import type { AuthErrorDetail, HubStatus, MessageListener, SubscribeOptions, TokenProvider } from '../types.js';
import { ConnectAttempts } from './connect-attempts.js';
import { fetchJson, HttpError } from './http.js';
import { PageLifecycle, type HubEnvironment, type PageEvent } from './page-lifecycle.js';
import { ReconnectPolicy } from './reconnect-policy.js';
import { errorFrameText, hasSocketTarget, setUpClient, type StompClientLike } from './stomp-client.js';
import { StatusEmitter } from './status-emitter.js';
import { SubscriptionRegistry, type Registration } from './subscription-registry.js';
import { Timer } from './timer.js';

export type { HubEnvironment } from './page-lifecycle.js';
export type { StompClientLike, StompSubscriptionLike } from './stomp-client.js';

const { Idle, Connecting, Open, Reconnecting, Offline, Unauthorized } = ConnectionState;

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
 * This class is the connection's state machine. Its parts: `subscription-registry.ts` (who listens to what),
 * `connect-attempts.ts` (one attempt at a time, CONNECT headers), `reconnect-policy.ts` (when to try again),
 * `../auth/token-session.ts` (which token; rejections), `page-lifecycle.ts` (page events), `status-emitter.ts`.
 *
 * Connection rules (ordering-stack.md §1, §9):
 * - Every attempt CONNECTs with a fresh token (`{ login }`, none with `auth: 'none'`). stompjs's reconnect is off;
 *   after an unexpected close the hub waits `random() * min(reconnectMaxMs, reconnectMinMs * 2^n)`, and the backoff
 *   resets once a connection stayed open `stableAfterMs`.
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
  private readonly session: TokenSession;
  private readonly subscriptions: SubscriptionRegistry;
  private readonly reconnect: ReconnectPolicy;
  private readonly page: PageLifecycle;
  private readonly emitter: StatusEmitter;
  private readonly attempts: ConnectAttempts;
  private readonly graceTimer = new Timer();
  private unauthorized = false;
  /** The page is hidden (`pagehide`): no socket until `pageshow`. */
  private suspended = false;
  private disposed = false;
  /** CONNECTED was received on the current socket. */
  private socketConnected = false;

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
    const { reconnectMinMs: minMs, reconnectMaxMs: maxMs } = config;
    this.reconnect = new ReconnectPolicy({ minMs, maxMs, random: env.random });
    this.session = new TokenSession(config, this.fetchImpl);
    this.emitter = new StatusEmitter();
    this.subscriptions = new SubscriptionRegistry({
      subscribe: (destination, callback, headers) => client.subscribe(destination, callback, headers),
      isConnected: () => this.isConnected(),
      placeholders: () => ({ userId: this.userId, tenant: this._config.tenant }),
      redact: text => this.session.redact(text),
      fetchJson: (path, signal) => this.fetchJson(path, signal),
      messageArrived: receivedAt => this.emitter.messageArrived(receivedAt)
    });
    this.page = new PageLifecycle(env, event => this.handlePageEvent(event));
    this.attempts = new ConnectAttempts(client, env, this.session, {
      mayActivate: () => !this.disposed && !this.suspended && !this.unauthorized,
      disposed: () => this.disposed,
      rejected: reason => this.handleRejection(reason),
      failed: reason => this.handleFailure(reason)
    });

    setUpClient(client, config);
    client.beforeConnect = () => this.attempts.prepare();
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
    return this.emitter.current.state;
  }

  /** A copy of the connection's status. */
  get status(): HubStatus {
    return { ...this.emitter.current };
  }

  /** When the last message arrived on any destination (`Date.now()`), if any. */
  get lastMessageAt(): number | undefined {
    return this.emitter.current.lastMessageAt;
  }

  /** The user id used for `{userId}`: `config.userId`, else the one the token source reported. */
  get userId(): string | undefined {
    return this._config.userId ?? this.session.userId;
  }

  /** @internal The destinations with subscribers (for tests that check an element leaves none behind). */
  get entries(): ReadonlyMap<string, unknown> {
    return this.subscriptions.destinations;
  }

  /**
   * Listens to `destination`; the first subscriber of all activates the socket. Subscribers of one destination share
   * one broker subscription, made once connected and again after every reconnect; `{userId}` and `{tenant}` are
   * filled in then (from the token source's user id and `config.tenant`; while one is unknown the destination is
   * skipped with one `console.warn`). Each message is JSON-parsed once and handed to every subscriber as a read-only
   * `HubMessage`. `options.onResync` runs after every (re)connect, and at once when joining an open connection;
   * `options.headers` go with SUBSCRIBE (the first subscriber's win). Details: `SubscriptionRegistry`.
   *
   * @returns `release`: stops this subscription; calling it again does nothing. The last release of a destination
   *   sends UNSUBSCRIBE; the last release of all closes the socket after `releaseGraceMs`.
   */
  subscribe(destination: string, listener: MessageListener, options: SubscribeOptions = {}): () => void {
    if (this.disposed) return () => {};
    this.page.attach();
    this.graceTimer.clear();
    const registration = this.subscriptions.add(destination, listener, options);
    if (this.isConnected()) this.subscriptions.joinOpen(registration);
    else if (this.state === Idle && !this.suspended && !this.unauthorized) this.connectNow();
    return () => this.release(registration);
  }

  /**
   * Calls `listener` with a copy of the status after every change of it but one of `lastMessageAt` alone (that is
   * kept current on `status` silently). @returns A function that removes the listener.
   */
  onStatusChange(listener: (status: HubStatus) => void): () => void {
    return this.emitter.status.add(listener);
  }

  /** Calls `listener` with the new state whenever the state changes. @returns A function that removes it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void {
    return this.emitter.state.add(listener);
  }

  /** Calls `listener` each time the hub gives up on its credentials (`unauthorized`). @returns Its remover. */
  onAuthError(listener: (detail: AuthErrorDetail) => void): () => void {
    return this.emitter.authError.add(listener);
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
    if (this.disposed || this.isConnected() || this.state === Connecting || this.subscriptions.size === 0) return;
    if (this.unauthorized) {
      this.unauthorized = false;
      this.session.retryOnce();
    }
    this.suspended = false;
    this.connectNow(true);
  }

  /** GET `{apiUrl}{path}` with the current token; on HTTP 401 once more with a fresh one. Rejects with `HttpError`. */
  fetchJson<T = unknown>(path: string, signal?: AbortSignal): Promise<T> {
    return this.session.authorized(
      token => fetchJson<T>(this._config.apiUrl, path, token, this.fetchImpl, { signal }),
      error => error instanceof HttpError && error.status === 401 && !signal?.aborted
    );
  }

  /** Closes the socket for good, cancels timers and forgets every subscriber and listener. */
  dispose(): void {
    if (this.disposed) return;
    this.reconnect.stop();
    this.graceTimer.clear();
    this.closeSocket();
    this.disposed = true;
    this.subscriptions.clear();
    this.page.detach();
    this.emitter.update({ state: Idle, nextRetryAt: undefined });
    this.emitter.clear();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Attempts and the client's events

  /** Starts an attempt now, unless something forbids it. */
  private connectNow(ignoreOffline = false): void {
    this.reconnect.cancel();
    if (this.disposed || this.suspended || this.unauthorized) return;
    if (this.subscriptions.size === 0) {
      this.shutdown();
      return;
    }
    if (!ignoreOffline && this.page.offline) {
      this.goOffline();
      return;
    }
    if (!hasSocketTarget(this.client)) {
      this.emitter.update({ error: 'No valid socketUrl or apiUrl is configured' });
      return;
    }
    this.emitter.update({ state: this.reconnect.attemptState(this.emitter.current), nextRetryAt: undefined });
    this.socketConnected = false;
    void this.attempts.start();
  }

  private handleConnect(): void {
    if (this.disposed) return;
    this.socketConnected = true;
    this.session.accepted();
    this.subscriptions.connected();
    this.reconnect.opened(this._config.stableAfterMs, () => this.emitter.update({ attempt: 0 }));
    this.emitter.update({ state: Open, lastOpenAt: Date.now(), nextRetryAt: undefined, error: undefined });
    if (this.subscriptions.size === 0 && !this.graceTimer.pending) this.startGraceTimer();
  }

  private handleStompError(frame: IFrame): void {
    if (this.disposed) return;
    const message = this.session.redact(errorFrameText(frame));
    const rejected = !this.socketConnected || /^access refused/i.test(message);
    if (!rejected) {
      // A refused destination (its subscribers are told), or another error. If the server closes the socket after
      // it, the close starts the reconnect.
      const text = this.session.redact(`${frame.headers?.message ?? ''} ${frame.body ?? ''}`);
      if (!this.subscriptions.refused(text, message)) this.emitter.update({ error: message });
      return;
    }
    this.closeSocket();
    this.handleRejection(message);
  }

  private handleSocketClose(event: unknown): void {
    const wasConnected = this.socketConnected;
    this.socketConnected = false;
    this.reconnect.closed();
    this.subscriptions.dropSubscriptions();
    if (this.disposed || !this.client.active) return; // closed by us
    const code = (event as { code?: number } | undefined)?.code;
    this.handleFailure(`${wasConnected ? 'Connection lost' : 'Could not connect'}${code ? ` (code ${code})` : ''}`);
  }

  /** The credentials were refused: retry once with a fresh token, give up on the second refusal in a row. */
  private handleRejection(message: string): void {
    if (this.session.rejected()) this.enterUnauthorized(message);
    else this.scheduleRetry(this.reconnect.afterRejection(), message);
  }

  private handleFailure(reason: string): void {
    if (this.disposed || this.suspended || this.unauthorized) return;
    if (this.subscriptions.size === 0) {
      this.shutdown();
      return;
    }
    if (this.page.offline) {
      this.goOffline(reason);
      return;
    }
    this.scheduleRetry(this.reconnect.afterFailure(), reason);
  }

  private handlePageEvent(event: PageEvent): void {
    if (this.disposed) return;
    switch (event) {
      case 'online':
        if (this.state === Offline || this.state === Reconnecting) this.connectNow(true);
        break;
      case 'offline':
        if (this.subscriptions.size === 0 || this.unauthorized || this.suspended) break;
        this.goOffline('The browser is offline');
        break;
      case 'pagehide':
        this.suspended = true;
        this.shutdown();
        break;
      case 'pageshow':
        if (!this.suspended) break;
        this.suspended = false;
        if (this.subscriptions.size > 0) this.connectNow();
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Transitions

  private scheduleRetry(delay: number, reason: string): void {
    this.reconnect.schedule(delay, () => this.connectNow());
    this.emitter.update({
      state: Reconnecting,
      nextRetryAt: Date.now() + delay,
      attempt: this.emitter.current.attempt + 1,
      error: reason
    });
  }

  private enterUnauthorized(message: string): void {
    this.unauthorized = true;
    this.reconnect.stop();
    this.closeSocket();
    this.emitter.update({ state: Unauthorized, nextRetryAt: undefined, error: message });
    this.emitter.authError.emit({ message });
  }

  private goOffline(reason?: string): void {
    this.reconnect.stop();
    this.closeSocket();
    this.emitter.update({ state: Offline, nextRetryAt: undefined, ...(reason ? { error: reason } : {}) });
  }

  /** No subscribers left (or page hidden): close and rest. */
  private shutdown(): void {
    this.reconnect.stop();
    this.graceTimer.clear();
    this.closeSocket();
    this.reconnect.reset();
    if (!this.unauthorized) this.emitter.update({ state: Idle, nextRetryAt: undefined, attempt: 0 });
  }

  private closeSocket(): void {
    this.attempts.cancel();
    this.socketConnected = false;
    this.subscriptions.dropSubscriptions();
    this.attempts.discard();
  }

  private applyConfig(config: ResolvedConfig): void {
    this._config = config;
    if (!this.session.update(config) || !this.unauthorized) return;
    this.unauthorized = false;
    this.reconnect.reset();
    this.emitter.update({ error: undefined, attempt: 0 });
    if (this.subscriptions.size > 0 && !this.suspended) this.connectNow();
    else this.emitter.update({ state: Idle });
  }

  private release(registration: Registration): void {
    if (this.subscriptions.release(registration) && !this.disposed) this.startGraceTimer();
  }

  private isConnected(): boolean {
    return this.socketConnected && this.client.connected;
  }

  private startGraceTimer(): void {
    this.graceTimer.start(this._config.releaseGraceMs, () => {
      if (this.subscriptions.size === 0) this.shutdown();
    });
  }

  private readonly fetchImpl: typeof fetch = (input, init) =>
    (this.env.fetch ?? globalThis.fetch).call(globalThis, input, init);
}
