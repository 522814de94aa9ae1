import { TickerStrategy } from '@stomp/stompjs';
import { AuthError } from '../auth/errors.js';
import type { TokenSession } from '../auth/token-session.js';
import { detectTickerStrategy, knownTickerStrategy, type TickerEnvironment } from '../ticker.js';
import type { StompClientLike } from './stomp-client.js';

/** What {@link ConnectAttempts} asks of its hub. */
export interface AttemptHooks {
  /** False while no attempt may go ahead (the hub is disposed, the page hidden, or the hub unauthorized). */
  mayActivate(): boolean;
  /** True once the hub is disposed. */
  disposed(): boolean;
  /** The token source refused the credentials (an `AuthError`) for the newest attempt, now cancelled. */
  rejected(reason: string): void;
  /** Getting the token failed otherwise for the newest attempt, now cancelled. */
  failed(reason: string): void;
}

/**
 * Runs connect attempts on the stompjs client one at a time. {@link start} discards the current socket and
 * activates the client; {@link prepare} (the client's `beforeConnect`) sets the CONNECT headers from a fresh token
 * and picks the heart-beat ticker (the first socket does not wait for the Worker probe, see {@link prepareOnce});
 * {@link cancel} makes every attempt and preparation under way stand down, so a late token or a late `deactivate()`
 * never acts on a newer attempt.
 */
export class ConnectAttempts {
  private readonly client: StompClientLike;
  private readonly env: TickerEnvironment;
  private readonly tokens: Pick<TokenSession, 'nextConnectToken' | 'connectTokenUsed' | 'redact'>;
  private readonly hooks: AttemptHooks;
  private attemptNumber = 0;
  private prepareNumber = 0;
  /** Preparations that went through to a socket (the first one does not wait for the ticker probe). */
  private socketsPrepared = 0;
  private latestPrepare?: Promise<void>;

  constructor(
    client: StompClientLike,
    env: TickerEnvironment,
    tokens: Pick<TokenSession, 'nextConnectToken' | 'connectTokenUsed' | 'redact'>,
    hooks: AttemptHooks
  ) {
    this.client = client;
    this.env = env;
    this.tokens = tokens;
    this.hooks = hooks;
  }

  /** Starts an attempt: closes the current socket, if any, then activates the client unless superseded meanwhile. */
  async start(): Promise<void> {
    const attempt = ++this.attemptNumber;
    if (this.client.active) {
      try {
        await this.client.deactivate({ force: true });
      } catch {
        // already gone
      }
    }
    if (attempt !== this.attemptNumber || !this.hooks.mayActivate()) return;
    this.client.activate();
  }

  /**
   * `beforeConnect`: gets a token and sets the CONNECT headers. When several attempts overlap (a new attempt
   * started while an older one was still fetching its token), each waits for the newest preparation, so whichever
   * stompjs `_connect()` opens the socket does so with the newest headers (stompjs opens at most one).
   */
  async prepare(): Promise<void> {
    const work = this.prepareOnce(++this.prepareNumber);
    this.latestPrepare = work;
    let current: Promise<void> | undefined;
    while (current !== this.latestPrepare) {
      current = this.latestPrepare;
      await current;
    }
  }

  /** Makes every attempt and preparation under way stand down. */
  cancel(): void {
    this.attemptNumber++;
    this.prepareNumber++;
  }

  /** Discards the socket at once, if the client is active (never waits for a DISCONNECT receipt). */
  discard(): void {
    if (this.client.active) void this.client.deactivate({ force: true }).catch(() => {});
  }

  /**
   * The first socket opens as soon as the token is in: the heart-beat ticker probe (a blob Worker, tens of
   * milliseconds at start) starts in a task of its own (after the elements' first render) and is not waited for.
   * That attempt takes the probe's answer if it is in by then, else the interval ticker, which works everywhere;
   * every later attempt (a reconnect) takes the answer, so background tabs tick in a Worker from the next connection
   * on at the latest. (Not the Worker optimistically:
   * where a Content-Security-Policy blocks blob workers, stompjs's Worker ticker sends no heart-beats, or throws while
   * handling CONNECTED, and the server drops the connection. Nor a switch of the live socket: stompjs reads
   * `heartbeatStrategy` when it opens the socket and has no public way to change the ticker of a live one.)
   */
  private async prepareOnce(number: number): Promise<void> {
    try {
      // Starting the probe's Worker costs the main thread ~10 ms: the first time, in a task of its own, so that the
      // elements' first render (in this task's microtasks) does not wait for it; it runs while the token is fetched.
      const probe =
        this.socketsPrepared === 0 && knownTickerStrategy(this.env) === undefined
          ? new Promise<TickerStrategy>(resolve => setTimeout(() => resolve(detectTickerStrategy(this.env))))
          : detectTickerStrategy(this.env);
      const info = await this.tokens.nextConnectToken();
      const strategy = this.socketsPrepared > 0 ? await probe : knownTickerStrategy(this.env);
      if (number !== this.prepareNumber) return;
      this.socketsPrepared++;
      this.client.heartbeatStrategy = strategy ?? TickerStrategy.Interval;
      this.tokens.connectTokenUsed();
      this.client.connectHeaders = info.token ? { login: info.token } : {};
    } catch (error) {
      if (number !== this.prepareNumber || !this.client.active || this.hooks.disposed()) return;
      // No socket exists yet: deactivating makes stompjs's _connect() stop after beforeConnect.
      void this.client.deactivate({ force: true }).catch(() => {});
      const reason = this.tokens.redact(error instanceof Error ? error.message : String(error));
      if (error instanceof AuthError) this.hooks.rejected(reason);
      else this.hooks.failed(`Could not get a token: ${reason}`);
    }
  }
}
