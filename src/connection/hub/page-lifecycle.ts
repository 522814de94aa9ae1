import type { TickerEnvironment } from '../ticker.js';

/**
 * What the hub takes from its surroundings; `globalThis` by default. Tests pass a plain object.
 * Nothing here is touched before the first `subscribe()`.
 */
export interface HubEnvironment extends TickerEnvironment {
  /** For `online`, `offline`, `pagehide` and `pageshow`. Without it those events are not followed. */
  addEventListener?(type: string, listener: (event: Event) => void): void;
  /** Pairs with `addEventListener`. */
  removeEventListener?(type: string, listener: (event: Event) => void): void;
  /** `navigator.onLine === false` means offline: no attempts until `online`. */
  navigator?: { onLine?: boolean };
  /** Used for REST snapshots and the built-in token sources. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Jitter source for the reconnect backoff. Default `Math.random`. */
  random?: () => number;
}

/** The page events a hub follows: the network coming and going, and the page entering and leaving the bfcache. */
export type PageEvent = 'online' | 'offline' | 'pagehide' | 'pageshow';

const PAGE_EVENTS: readonly PageEvent[] = ['online', 'offline', 'pagehide', 'pageshow'];

/**
 * Wires a hub to its page: hands `online`, `offline`, `pagehide` and `pageshow` to the hub's handler while
 * attached, and answers whether the browser says it is offline. The hub decides what each event means.
 *
 * Typical lifecycle:
 * ```ts
 * const page = new PageLifecycle(env, event => hub.handlePageEvent(event));
 * page.attach();  // first subscribe
 * page.offline;   // before each attempt
 * page.detach();  // dispose
 * ```
 */
export class PageLifecycle {
  private readonly env: HubEnvironment;
  private readonly onEvent: (event: PageEvent) => void;
  private attached = false;

  constructor(env: HubEnvironment, onEvent: (event: PageEvent) => void) {
    this.env = env;
    this.onEvent = onEvent;
  }

  /** `navigator.onLine === false`: the browser knows it has no network. */
  get offline(): boolean {
    return this.env.navigator?.onLine === false;
  }

  /** Starts following the page's events (once; nothing happens without `env.addEventListener`). */
  attach(): void {
    if (this.attached || typeof this.env.addEventListener !== 'function') return;
    this.attached = true;
    for (const type of PAGE_EVENTS) this.env.addEventListener(type, this.handleEvent);
  }

  /** Stops following them. */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    for (const type of PAGE_EVENTS) this.env.removeEventListener?.(type, this.handleEvent);
  }

  private readonly handleEvent = (event: Event): void => {
    this.onEvent(event.type as PageEvent);
  };
}
