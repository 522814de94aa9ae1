/** An opaque handle of a timer made by {@link Timers}. */
export type TimerHandle = unknown;

/**
 * The clock and timers a STOMP session runs on (CONNECT timeout, heart-beats, silence detection). The server uses
 * {@link realTimers}; tests pass a fake whose time only moves when they say so.
 */
export interface Timers {
  /** Milliseconds on a clock that the timers below follow. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  setInterval(callback: () => void, ms: number): TimerHandle;
  /** Stops a timer of either kind; unknown or already stopped handles are ignored. */
  clear(timer: TimerHandle): void;
}

/** `Date.now()` and Node's own timers. */
export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clear: timer => clearTimeout(timer as NodeJS.Timeout)
};
