import { WarningSummary } from '../../internal/warning-summary.js';
import { LOG_PREFIX } from './listeners.js';

/** How much of a body that is not JSON the console shows. */
const PREVIEW_CHARS = 80;

/**
 * The hub's console report of bodies that are not JSON, rate-limited per destination: the first is printed with its
 * length and a redacted preview, then at most one line a minute says how many more were skipped ("skipped 37 more
 * messages that are not JSON on /kds/… in the last minute"). A server that sends garbage all day costs one line a
 * minute per destination, not one per message.
 *
 * Typical lifecycle: one per `SubscriptionRegistry`; `notJson(destination, body)` where `JSON.parse` failed;
 * `dispose()` when the hub is disposed (pending summaries are dropped).
 */
export class MessageWarnings {
  private readonly summary: WarningSummary;

  /** @param redact Removes tokens from a text before it reaches the console. */
  constructor(private readonly redact: (text: string) => string) {
    this.summary = new WarningSummary({
      first: (destination, reason) => `${LOG_PREFIX} skipped a message on ${destination} that is not JSON ${reason}`,
      summary: (destination, count, reason) =>
        `${LOG_PREFIX} skipped ${count} more message${count === 1 ? '' : 's'} that ${count === 1 ? 'is' : 'are'} ` +
        `not JSON on ${destination} in the last minute (the last: ${reason})`
    });
  }

  /** A body on `destination` could not be parsed as JSON. */
  notJson(destination: string, body: unknown): void {
    this.summary.report(destination, () => this.describe(body));
  }

  /** Drops the pending summaries. */
  dispose(): void {
    this.summary.dispose();
  }

  /** `(523 chars: "not json xxxx…")`, tokens redacted, whitespace folded. */
  private describe(body: unknown): string {
    const text = typeof body === 'string' ? body : String(body ?? '');
    const preview = this.redact(text.slice(0, PREVIEW_CHARS)).replace(/\s+/g, ' ');
    return `(${text.length} chars: "${preview}${text.length > PREVIEW_CHARS ? '…' : ''}")`;
  }
}
