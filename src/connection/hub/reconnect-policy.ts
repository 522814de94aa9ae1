import { ConnectionState } from '../connection-state.js';
import type { HubStatus } from '../types.js';
import { Timer } from './timer.js';

/** Options of {@link Backoff}. */
export interface BackoffOptions {
  /** The cap of the first delay, in ms. Default 1000. */
  minMs?: number;
  /** The largest cap, in ms. Default 30000. */
  maxMs?: number;
  /** A source of numbers in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/**
 * Exponential backoff with full jitter: the n-th consecutive failure (n from 0) waits
 * `random() * min(maxMs, minMs * 2^n)`, so clients that lost the same server spread their retries out instead of
 * returning in lockstep. `reset()` after a connection proved stable.
 *
 * Typical lifecycle:
 * ```ts
 * const backoff = new Backoff({ minMs: 1000, maxMs: 30000 });
 * setTimeout(retry, backoff.next()); // after each failure: 0–1 s, 0–2 s, 0–4 s … 0–30 s
 * backoff.reset();                   // once connected long enough
 * ```
 */
export class Backoff {
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;
  private failures = 0;

  constructor(options: BackoffOptions = {}) {
    this.minMs = Math.max(0, options.minMs ?? 1000);
    this.maxMs = Math.max(0, options.maxMs ?? 30000);
    this.random = options.random ?? Math.random;
  }

  /** How many delays `next()` has handed out since the last `reset()`. */
  get attempt(): number {
    return this.failures;
  }

  /** The cap for the n-th attempt: `min(maxMs, minMs * 2^n)`. */
  capFor(attempt: number): number {
    return Math.min(this.maxMs, this.minMs * 2 ** Math.min(Math.max(0, attempt), 52));
  }

  /** A jittered delay for the n-th attempt without advancing: `random() * capFor(n)`. */
  delayFor(attempt: number): number {
    const r = Math.min(Math.max(this.random(), 0), 1);
    return Math.floor(r * this.capFor(attempt));
  }

  /** The delay before the next attempt; advances the attempt counter. */
  next(): number {
    return this.delayFor(this.failures++);
  }

  /** Starts over from the first (shortest) delay. */
  reset(): void {
    this.failures = 0;
  }
}

/** Options of {@link ReconnectPolicy}: the backoff's (`minMs` / `maxMs` from `reconnectMinMs` / `reconnectMaxMs`). */
export type ReconnectPolicyOptions = BackoffOptions;

/**
 * When the hub tries again. It owns the {@link Backoff}, the pending retry and the timer that decides a connection
 * was stable:
 * - an attempt runs as `connecting` only when it is the first since the hub was idle, else as `reconnecting`;
 * - after a failure or a lost connection the next attempt waits `random() * min(maxMs, minMs * 2^n)`, n growing with
 *   each failure ({@link afterFailure});
 * - after a first rejection it waits at most `minMs`, without growing the backoff ({@link afterRejection});
 * - a connection that stays open `stableAfterMs` resets the backoff ({@link opened}).
 */
export class ReconnectPolicy {
  private readonly backoff: Backoff;
  private readonly retry = new Timer();
  private readonly stable = new Timer();

  constructor(options: ReconnectPolicyOptions) {
    this.backoff = new Backoff(options);
  }

  /** The state an attempt starting now runs in, given the hub's status. */
  attemptState(status: Pick<HubStatus, 'state' | 'attempt'>): ConnectionState {
    const first = this.backoff.attempt === 0 && status.attempt === 0;
    return first && (status.state === ConnectionState.Idle || status.state === ConnectionState.Connecting)
      ? ConnectionState.Connecting
      : ConnectionState.Reconnecting;
  }

  /** The delay after a failed attempt or a lost connection; each call makes the next one longer. */
  afterFailure(): number {
    return this.backoff.next();
  }

  /** The delay after a first rejection: below `minMs`. */
  afterRejection(): number {
    return this.backoff.delayFor(0);
  }

  /** Runs `attempt` after `delay` ms, replacing any retry already scheduled. */
  schedule(delay: number, attempt: () => void): void {
    this.retry.start(delay, attempt);
  }

  /** Cancels the scheduled retry. */
  cancel(): void {
    this.retry.clear();
  }

  /** CONNECTED: once the connection stays open `stableAfterMs`, the backoff resets and `onStable` runs. */
  opened(stableAfterMs: number, onStable: () => void): void {
    this.stable.start(stableAfterMs, () => {
      this.backoff.reset();
      onStable();
    });
  }

  /** The connection closed before it proved stable (or is being closed). */
  closed(): void {
    this.stable.clear();
  }

  /** No more attempts for now: cancels the scheduled retry and the stability timer. */
  stop(): void {
    this.cancel();
    this.closed();
  }

  /** Starts the backoff over from its shortest delay. */
  reset(): void {
    this.backoff.reset();
  }
}
