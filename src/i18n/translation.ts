import type { OrderStage } from '../models/order.js';

/**
 * Every user-facing string of every element, keyed. Values are plain strings or functions for parameters and plurals.
 *
 * Error codes of `OrderEventError` notifications are looked up as `error.<code>` (e.g. `error.cannotAbandon`); a
 * catalogue, `registerTranslation()` or an element's `strings` may add codes the built-in catalogues don't know.
 */
export interface Translation {
  /** The catalogue's language tag, e.g. `en`. */
  $code: string;
  /** The language's own name, e.g. `English`. */
  $name: string;

  // <os-order-status>
  /** Shown before the first data arrives. */
  loading: string;
  /** The label above the big pickup number. */
  yourNumber: string;
  /** Accessible name of the timeline list. */
  progress: string;
  /** Short label of a timeline step. */
  stage: (stage: OrderStage) => string;
  /** The sentence under the number describing the current stage. */
  headline: (stage: OrderStage) => string;
  /** Announced in the live region when the stage changes. */
  announceStage: (number: string, stage: string) => string;
  /** Screen-reader-only suffix of a completed step. */
  stepDone: string;
  /** Footer: how long ago the last update was (`relative` is e.g. "2 minutes ago"), followed by its clock time. */
  updatedRelative: (relative: string) => string;
  /** Used instead of a relative time for anything under a minute. */
  justNow: string;
  /** The number of live lines in the order. */
  itemCount: (count: number) => string;
  /** Banner while the connection is being re-established; `age` is relative, e.g. "2 minutes ago". */
  reconnecting: (age?: string) => string;
  /** Banner while the browser is offline. */
  offline: (age?: string) => string;
  /** Banner when the server rejected the credentials. */
  unauthorized: (age?: string) => string;
  /** Banner when the server refused the element's destination (no updates until the next connection). */
  subscriptionRefused: string;
  /** Title of the "order not found" state. */
  notFound: string;
  /** Hint under the "order not found" title. */
  notFoundHint: string;
  /** Shown in place of the element when a required attribute is missing. */
  missingAttribute: (names: string[]) => string;
  /** Accessible label of the button that dismisses an error. */
  dismiss: string;
  /** Fallback when an error carries no usable text at all. */
  errorGeneric: string;

  // <os-venue-queue>
  /** Shown before the first list of orders arrives. */
  queueLoading: string;
  /** Header of the column of orders being prepared. */
  queuePreparing: string;
  /** Header of the column of orders ready for pickup. */
  queueReady: string;
  /** Shown in an empty column. */
  queueEmpty: (column: 'preparing' | 'ready') => string;
  /** Accessible name of a column: its title and the venue (`venue-name`, else the venue's id), e.g. "Ready, Centrum". */
  queueColumnLabel: (title: string, venue: string) => string;
  /** Accessible text of a page indicator such as "1 / 3". */
  queuePage: (page: number, pages: number) => string;
  /** Label of the button that unblocks the chime (browsers block audio until a user gesture). */
  queueEnableSound: string;
  /** Announced in the live region when orders become ready. */
  queueAnnounceReady: (numbers: string[]) => string;
  /** Spoken aloud (`announce`) for one order that became ready. */
  queueSpokenReady: (number: string) => string;
  /** Accessible label of the fullscreen button (`kiosk`). */
  queueFullscreen: string;
  /** Screen-reader-only suffix of a tile that just became ready. */
  queueNew: string;
  /** Shown in place of the board when a required attribute is missing. */
  queueMissingAttribute: (names: string[]) => string;
  /** Title of the panel a board shows while it waits for a person to approve its device code (`auth="device"`). */
  queueActivateTitle: string;
  /** The instruction above the device code; `address` is the verification page. */
  queueActivateSteps: (address: string) => string;

  // Shared by <os-user-toasts>, <os-venue-watch>, <os-connection-status>
  /** Shown in place of an element when a required attribute is missing; `tag` is e.g. `<os-user-toasts>`. */
  widgetMissingAttribute: (tag: string, names: string[]) => string;

  // <os-user-toasts>
  /** Accessible name of the notification stack. */
  toastRegion: string;
  /** Accessible label of a toast's close button. */
  toastClose: string;
  /** An `OrderAppliedEvents` / `OrderMessage` notification without text of its own. */
  toastBasketUpdated: string;
  /** An `OrderEventFiscal` notification. */
  toastReceiptReady: string;
  /** Heading of an upsell offer. */
  toastUpsellTitle: string;
  /** The upsell offer; `name` is the product's name (empty when unknown). */
  toastUpsellOffer: (name: string) => string;
  /** The button that accepts an upsell offer. */
  toastUpsellAccept: string;
  /** The button that declines an upsell offer. */
  toastUpsellDismiss: string;

  // <os-venue-watch>
  /** Badge: the venue is open. */
  venueWatchOpen: string;
  /** Badge: the venue is temporarily disabled; `reason` is the server's text, if any. */
  venueWatchTempClosed: (reason?: string) => string;
  /** Badge: the venue is not active. */
  venueWatchClosed: string;
  /** Badge: no configuration has arrived yet. */

  // <os-connection-status>
  /** Connected and live. */
  connectionLive: string;
  /** The first connection attempt is under way. */
  connectionConnecting: string;
  /** Waiting to reconnect; `seconds` until the next attempt (undefined: not known, or for screen readers). */
  connectionReconnecting: (seconds?: number) => string;
  /** The browser is offline; `time` is when the connection was lost, e.g. `12:41`. */
  connectionOffline: (time?: string) => string;
  /** The server rejected the credentials. */
  connectionUnauthorized: string;
  /** Nothing on the page uses the connection yet. */
  connectionIdle: string;
  /** The button that reconnects at once. */
  connectionRetry: string;

  /** Messages for `OrderEventError` codes. */
  [code: `error.${string}`]: string | undefined;
}

/** A partial catalogue: what `registerTranslation()` and an element's `strings` property accept. */
export type PartialTranslation = Partial<Translation>;

/** The keys of a {@link Translation} that hold strings or functions (not the `$` metadata). */
export type TranslationKey = Exclude<keyof Translation, `$${string}`>;

/** The arguments a key's function takes (none for plain strings). */
export type TranslationArgs<K extends keyof Translation> = Translation[K] extends (...args: infer A) => string ? A : [];
