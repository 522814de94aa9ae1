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
