/**
 * ISO timestamps with milliseconds that strictly increase across every call: when the wall clock has not moved
 * (or went back), the next value is the previous one plus 1 ms. Orders use it for `lastChanged`, so clients that
 * compare `lastChanged` always see a newer value for a newer change.
 */
export class MonotonicClock {
  private last = 0;

  /** @param now the wall clock (epoch ms); a simulation passes its own */
  constructor(private readonly now: () => number = Date.now) {}

  /** The next timestamp, e.g. `2025-01-31T12:00:00.123Z`. */
  next(): string {
    this.last = Math.max(this.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}
