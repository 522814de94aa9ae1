// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit by hand.
import type { OsConnectionStatus } from '../components/connection-status/connection-status.js';
import type { OsOrderStatus } from '../components/order-status/order-status.js';
import type { OsUserToasts } from '../components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../components/venue-queue/venue-queue.js';
import type { OsVenueWatch } from '../components/venue-watch/venue-watch.js';

/**
 * Each element as a framework sees it: its class, the properties a template may set, the attribute form of each
 * (attribute name → property) and the events it fires (keys of `HTMLElementEventMap`).
 */
export interface OsElementTypes {
  /** `<os-connection-status>`: A small badge for staff screens showing the state of the page's shared live connection (live, reconnecting with a countdown, offline since, signed out), with a "Retry now" button. */
  'os-connection-status': {
    element: OsConnectionStatus;
    props: 'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings';
    attributes: { 'api-url': 'apiUrl'; 'socket-url': 'socketUrl' };
    events: 'os-connection-change';
  };
  /** `<os-order-status>`: Shows a guest the live status of one order: the pickup number, a progress timeline and the time of the last update, kept current over the shared STOMP connection. */
  'os-order-status': {
    element: OsOrderStatus;
    props:
      'orderId' | 'userId' | 'destinations' | 'destination' | 'apiUrl' | 'tenant' | 'socketUrl' | 'locale' | 'strings';
    attributes: { 'order-id': 'orderId'; 'user-id': 'userId'; 'api-url': 'apiUrl'; 'socket-url': 'socketUrl' };
    events: 'os-order-update' | 'os-order-error' | 'os-auth-error' | 'os-subscription-error' | 'os-connection-change';
  };
  /** `<os-user-toasts>`: Shows the guest's live notifications (errors, basket updates, receipts, upsell offers) as toasts, over the shared STOMP connection. */
  'os-user-toasts': {
    element: OsUserToasts;
    props:
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
      | 'strings';
    attributes: {
      'user-id': 'userId';
      'max-visible': 'maxVisible';
      'error-duration': 'errorDuration';
      'api-url': 'apiUrl';
      'socket-url': 'socketUrl';
    };
    events:
      | 'os-toast-show'
      | 'os-toast-hide'
      | 'os-upsell-accept'
      | 'os-upsell-dismiss'
      | 'os-auth-error'
      | 'os-subscription-error'
      | 'os-connection-change';
  };
  /** `<os-venue-queue>`: A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the shared STOMP connection, readable across a room from a phone to a 1080p TV. */
  'os-venue-queue': {
    element: OsVenueQueue;
    props:
      | 'venue'
      | 'venueName'
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
      | 'strings';
    attributes: {
      'venue-name': 'venueName';
      'number-source': 'numberSource';
      'show-names': 'showNames';
      'highlight-seconds': 'highlightSeconds';
      'ready-timeout': 'readyTimeout';
      'page-seconds': 'pageSeconds';
      'api-url': 'apiUrl';
      'socket-url': 'socketUrl';
    };
    events: 'os-queue-update' | 'os-order-ready' | 'os-auth-error' | 'os-subscription-error' | 'os-connection-change';
  };
  /** `<os-venue-watch>`: Watches one venue's configuration over the shared STOMP connection: fires `os-venue-update` on every change, optionally shows an open / closed badge and reloads the page after a change. */
  'os-venue-watch': {
    element: OsVenueWatch;
    props:
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
      | 'strings';
    attributes: {
      'snapshot-path': 'snapshotPath';
      'reload-on-change': 'reloadOnChange';
      'reload-delay': 'reloadDelay';
      'api-url': 'apiUrl';
      'socket-url': 'socketUrl';
    };
    events: 'os-venue-update' | 'os-auth-error' | 'os-subscription-error' | 'os-connection-change';
  };
}
