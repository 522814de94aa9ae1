// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit by hand.
// Follows Vue's guide for typing non-Vue custom elements: properties as props, `os-*` events as emits, so
// `:order-id="id"` and `@os-order-update="onUpdate"` are checked in templates by vue-tsc.
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { OsConnectionStatus } from '../components/connection-status/connection-status.js';
import type { OsOrderStatus } from '../components/order-status/order-status.js';
import type { OsUserToasts } from '../components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../components/venue-queue/venue-queue.js';
import type { OsVenueWatch } from '../components/venue-watch/venue-watch.js';

/** A custom element as Vue's template type-checker sees it. */
type OsVueElement<E extends HTMLElement, P extends keyof E, V extends keyof HTMLElementEventMap> = new () => E & {
  $props: HTMLAttributes & Partial<Pick<E, P>> & PublicProps;
  $emit: EmitFn<{ [K in V]: (event: HTMLElementEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    /** `<os-connection-status>`: A small badge for staff screens showing the state of the page's shared live connection (live, reconnecting with a countdown, offline since, signed out), with a "Retry now" button. */
    'os-connection-status': OsVueElement<
      OsConnectionStatus,
      'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings',
      'os-connection-change'
    >;
    /** `<os-order-status>`: Shows a guest the live status of one order: the pickup number, a progress timeline and the time of the last update, kept current over the shared STOMP connection. */
    'os-order-status': OsVueElement<
      OsOrderStatus,
      'orderId' | 'userId' | 'destinations' | 'destination' | 'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings',
      'os-order-update' | 'os-order-error' | 'os-auth-error' | 'os-connection-change'
    >;
    /** `<os-user-toasts>`: Shows the guest's live notifications (errors, basket updates, receipts, upsell offers) as toasts, over the shared STOMP connection. */
    'os-user-toasts': OsVueElement<
      OsUserToasts,
      | 'userId'
      | 'maxVisible'
      | 'duration'
      | 'errorDuration'
      | 'position'
      | 'destinations'
      | 'destination'
      | 'apiUrl'
      | 'tenant'
      | 'socketUrl'
      | 'locale'
      | 'strings',
      | 'os-toast-show'
      | 'os-toast-hide'
      | 'os-upsell-accept'
      | 'os-upsell-dismiss'
      | 'os-auth-error'
      | 'os-connection-change'
    >;
    /** `<os-venue-queue>`: A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the shared STOMP connection, readable across a room from a phone to a 1080p TV. */
    'os-venue-queue': OsVueElement<
      OsVenueQueue,
      | 'venue'
      | 'columns'
      | 'numberSource'
      | 'showNames'
      | 'highlightSeconds'
      | 'readyTimeout'
      | 'pageSeconds'
      | 'sound'
      | 'announce'
      | 'kiosk'
      | 'auth'
      | 'destinations'
      | 'destination'
      | 'apiUrl'
      | 'tenant'
      | 'socketUrl'
      | 'locale'
      | 'strings',
      'os-queue-update' | 'os-order-ready' | 'os-auth-error' | 'os-connection-change'
    >;
    /** `<os-venue-watch>`: Watches one venue's configuration over the shared STOMP connection: fires `os-venue-update` on every change, optionally shows an open / closed badge and reloads the page after a change. */
    'os-venue-watch': OsVueElement<
      OsVenueWatch,
      | 'venue'
      | 'snapshotPath'
      | 'display'
      | 'reloadOnChange'
      | 'reloadDelay'
      | 'destinations'
      | 'destination'
      | 'apiUrl'
      | 'tenant'
      | 'socketUrl'
      | 'locale'
      | 'strings',
      'os-venue-update' | 'os-auth-error' | 'os-connection-change'
    >;
  }
}

export {};
