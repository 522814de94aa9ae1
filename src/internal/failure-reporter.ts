import type { HubMessage } from '../connection/types.js';
import type { Checked } from '../models/guard.js';
import { WarningSummary } from './warning-summary.js';

const LOG_PREFIX = 'os-widgets:';

/** The elements' report of bodies that fail a guard: one page-wide summary, keyed by destination. */
let malformed: WarningSummary | undefined;

function malformedMessages(): WarningSummary {
  return (malformed ??= new WarningSummary({
    first: (destination, reason) => `${LOG_PREFIX} skipped a malformed message on ${destination}: ${reason}`,
    summary: (destination, count, reason) =>
      `${LOG_PREFIX} skipped ${count} more malformed message${count === 1 ? '' : 's'} on ${destination} in the ` +
      `last minute (the last: ${reason})`
  }));
}

/**
 * Forgets what was reported about malformed messages (pending summaries are dropped), so that the next one on each
 * destination is printed again.
 * @internal For tests.
 */
export function resetMalformedReports(): void {
  malformed?.dispose();
  malformed = undefined;
}

/**
 * Keeps one element working when a message or a render fails: what throws is skipped and reported with
 * `console.error` once per element and kind of failure; the rest of the element goes on. Bodies that fail a guard are
 * skipped with a rate-limited warning, shared by all elements of the page (see {@link WarningSummary}): the first on
 * a destination with its reason, then at most one summary line a minute.
 *
 * Typical lifecycle: `new FailureReporter(this)` in an element; `parse: this.failures.parser(body => check(body))`
 * in its topic controller; `this.failures.run('render a tile', () => renderTile(entry), nothing)` around each item
 * it renders and around its message handling.
 */
export class FailureReporter {
  private readonly reported = new Set<string>();

  constructor(private readonly host: Element) {}

  /** `work()`, or `fallback` when it throws (reported once per `what`, e.g. `'render a toast'`). */
  run<T>(what: string, work: () => T, fallback: T): T {
    try {
      return work();
    } catch (error) {
      this.report(what, error);
      return fallback;
    }
  }

  /** Reports a failure with `console.error`, the first time for `what` only. */
  report(what: string, error: unknown): void {
    if (this.reported.has(what)) return;
    this.reported.add(what);
    console.error(`${LOG_PREFIX} <${this.host.localName}> could not ${what}; skipped it (reported once)`, error);
  }

  /**
   * A topic controller's `parse` from a guard: the guard's value when it accepts the body; `undefined` (the message is
   * skipped) when it rejects it, with a rate-limited warning when the body is malformed.
   */
  parser<T>(
    check: (body: unknown, message: HubMessage) => Checked<T>
  ): (body: unknown, message: HubMessage) => T | undefined {
    return (body, message) => {
      const checked = this.run('check a message', () => check(body, message), {
        ok: false,
        reason: 'the guard failed'
      });
      if (checked.ok) return checked.value;
      if (checked.reason !== undefined) {
        const reason = `${checked.reason} (<${this.host.localName}>)`;
        malformedMessages().report(message.destination, reason, typeof body === 'object' && body ? body : undefined);
      }
      return undefined;
    };
  }
}
