/** What a {@link WarningSummary} prints. */
export interface WarningSummaryOptions {
  /** The line for the first message skipped on `key`, e.g. `os-widgets: skipped a message on /kds/t1/v1: …`. */
  first(key: string, reason: string): string;
  /**
   * The line for the `count` messages skipped on `key` since the last line (within a minute), `reason` being
   * the last one's, e.g. `os-widgets: skipped 37 more messages on /kds/t1/v1 in the last minute (…)`.
   */
  summary(key: string, count: number, reason: string): string;
}

/** The shortest time between two lines for one key, in ms. */
const WINDOW_MS = 60_000;

/** @internal What a summary knows of one key. */
interface KeyState {
  /** Messages skipped since the last line. */
  count: number;
  /** The reason of the last of them (a function is called only when the summary is printed). */
  reason: string | (() => string);
  /** The window's timer; while it runs, skipped messages are counted, not printed. */
  timer?: ReturnType<typeof setTimeout>;
  /** The last message reported (the same body handed to several elements counts once). */
  last?: object;
}

/**
 * A rate-limited console report of skipped messages, per key (a destination): the first skipped message is printed
 * at once with its reason (`console.warn`); the ones after it are counted, and at most one summary line a minute says
 * how many were skipped ("skipped 37 more … in the last minute"). Pure: no DOM and no Lit (only `setTimeout` and the
 * console), so both the connection (bodies that are not JSON) and the elements (bodies that fail a guard) use it.
 *
 * Typical lifecycle:
 * - one instance per reporter (the hub's subscriptions; all elements of a page share another);
 * - `report(destination, reason, body)` for each message skipped; `reason` may be a function, called only when a
 *   line is printed;
 * - `dispose()` cancels pending summaries (they are dropped, not printed).
 */
export class WarningSummary {
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly options: WarningSummaryOptions) {}

  /**
   * A message on `key` was skipped. Printed at once when it is the first on `key`; otherwise counted for the next
   * summary. `body`, when given, is the message's parsed body: reporting the same body again (several elements on
   * one destination) does nothing.
   */
  report(key: string, reason: string | (() => string), body?: object): void {
    let state = this.keys.get(key);
    if (body !== undefined && state?.last === body) return;
    if (!state) {
      state = { count: 0, reason: '' };
      this.keys.set(key, state);
      this.print(() => this.options.first(key, textOf(reason)));
      this.startWindow(key, state);
    } else {
      state.count++;
      state.reason = reason;
      if (state.timer === undefined) this.startWindow(key, state);
    }
    state.last = body;
  }

  /** Cancels the pending summaries; what they counted is not printed. */
  dispose(): void {
    for (const state of this.keys.values()) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    this.keys.clear();
  }

  /** Counts until the window ends, then prints what was counted (if anything) and waits for the next message. */
  private startWindow(key: string, state: KeyState): void {
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (state.count === 0) return;
      const count = state.count;
      state.count = 0;
      const reason = state.reason;
      state.reason = '';
      this.print(() => this.options.summary(key, count, textOf(reason)));
      this.startWindow(key, state); // the next line no sooner than a window after this one
    }, WINDOW_MS);
  }

  private print(line: () => string): void {
    try {
      console.warn(line());
    } catch {
      // a reason or a console that throws must not break the caller
    }
  }
}

function textOf(reason: string | (() => string)): string {
  return typeof reason === 'function' ? reason() : reason;
}
