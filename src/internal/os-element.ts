import { LitElement } from 'lit';
// Every element fires these two: their types (HTMLElementEventMap entries) come with every element's module.
import '../events/os-auth-error.js';
import '../events/os-connection-change.js';

/**
 * Base class of every os-widgets element: a LitElement with a typed `emit()` for the public `os-*` events.
 * Events bubble and are composed, so a host app can listen above shadow roots.
 */
export class OsElement extends LitElement {
  private missingReported = false;

  /**
   * Logs one `console.error` per element, the first time required attributes are missing; the element itself shows
   * the same in its own message. `consequence` completes the sentence, e.g. `'nothing is shown'`.
   */
  protected reportMissing(missing: readonly string[], consequence = 'nothing is shown'): void {
    if (missing.length === 0 || this.missingReported) return;
    this.missingReported = true;
    const plural = missing.length > 1;
    console.error(
      `<${this.localName}> is missing the ${missing.map(n => `"${n}"`).join(' and ')} attribute${plural ? 's' : ''}; ` +
        `${consequence} until ${plural ? 'they are' : 'it is'} set.`,
      this
    );
  }

  /** Dispatches a bubbling, composed, optionally cancelable `CustomEvent`; returns the event. */
  emit<K extends keyof OsEventDetails>(
    name: K,
    init: { detail: OsEventDetails[K]; cancelable?: boolean }
  ): CustomEvent<OsEventDetails[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, ...init });
    this.dispatchEvent(event);
    return event;
  }
}

/** Maps every public event name to its `detail` type; each `src/events/*.ts` file adds its entry. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface OsEventDetails {}
