// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit by hand.
// React 19 sets a prop as a property when the element has it, else as an attribute, and passes `on<event-name>`
// props to addEventListener. React 18 does neither: use the components of `os-widgets/react` there.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { OsConnectionStatus } from '../components/connection-status/connection-status.js';
import type { OsOrderStatus } from '../components/order-status/order-status.js';
import type { OsUserToasts } from '../components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../components/venue-queue/venue-queue.js';
import type { OsVenueWatch } from '../components/venue-watch/venue-watch.js';

/**
 * What React 19 JSX accepts on a custom element `E`: React's HTML attributes, the properties `P` (set as
 * properties), their attribute forms `A` (attribute name → property, e.g. `'order-id': 'orderId'`) and one
 * `on<event-name>` listener per event `V`, typed from `HTMLElementEventMap`.
 */
type OsJsxProps<
  E extends HTMLElement,
  P extends keyof E,
  A extends Record<string, P>,
  V extends keyof HTMLElementEventMap
> = HTMLAttributes<E> &
  RefAttributes<E> &
  Partial<Pick<E, P>> & { [K in keyof A]?: E[A[K]] } & {
    [K in V as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
  };

/** JSX props of `<os-connection-status>`: A small badge for staff screens showing the state of the page's shared live connection (live, reconnecting with a countdown, offline since, signed out), with a "Retry now" button. */
export type OsConnectionStatusJsxProps = OsJsxProps<
  OsConnectionStatus,
  'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings',
  { 'api-url': 'apiUrl'; 'socket-url': 'socketUrl' },
  'os-connection-change'
>;

/** JSX props of `<os-order-status>`: Shows a guest the live status of one order: the pickup number, a progress timeline and the time of the last update, kept current over the shared STOMP connection. */
export type OsOrderStatusJsxProps = OsJsxProps<
  OsOrderStatus,
  'orderId' | 'userId' | 'destinations' | 'destination' | 'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings',
  { 'order-id': 'orderId'; 'user-id': 'userId'; 'api-url': 'apiUrl'; 'socket-url': 'socketUrl' },
  'os-order-update' | 'os-order-error' | 'os-auth-error' | 'os-connection-change'
>;

/** JSX props of `<os-user-toasts>`: Shows the guest's live notifications (errors, basket updates, receipts, upsell offers) as toasts, over the shared STOMP connection. */
export type OsUserToastsJsxProps = OsJsxProps<
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
  {
    'user-id': 'userId';
    'max-visible': 'maxVisible';
    'error-duration': 'errorDuration';
    'api-url': 'apiUrl';
    'socket-url': 'socketUrl';
  },
  | 'os-toast-show'
  | 'os-toast-hide'
  | 'os-upsell-accept'
  | 'os-upsell-dismiss'
  | 'os-auth-error'
  | 'os-connection-change'
>;

/** JSX props of `<os-venue-queue>`: A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the shared STOMP connection, readable across a room from a phone to a 1080p TV. */
export type OsVenueQueueJsxProps = OsJsxProps<
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
  {
    'number-source': 'numberSource';
    'show-names': 'showNames';
    'highlight-seconds': 'highlightSeconds';
    'ready-timeout': 'readyTimeout';
    'page-seconds': 'pageSeconds';
    'api-url': 'apiUrl';
    'socket-url': 'socketUrl';
  },
  'os-queue-update' | 'os-order-ready' | 'os-auth-error' | 'os-connection-change'
>;

/** JSX props of `<os-venue-watch>`: Watches one venue's configuration over the shared STOMP connection: fires `os-venue-update` on every change, optionally shows an open / closed badge and reloads the page after a change. */
export type OsVenueWatchJsxProps = OsJsxProps<
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
  {
    'snapshot-path': 'snapshotPath';
    'reload-on-change': 'reloadOnChange';
    'reload-delay': 'reloadDelay';
    'api-url': 'apiUrl';
    'socket-url': 'socketUrl';
  },
  'os-venue-update' | 'os-auth-error' | 'os-connection-change'
>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'os-connection-status': OsConnectionStatusJsxProps;
      'os-order-status': OsOrderStatusJsxProps;
      'os-user-toasts': OsUserToastsJsxProps;
      'os-venue-queue': OsVenueQueueJsxProps;
      'os-venue-watch': OsVenueWatchJsxProps;
    }
  }
}
