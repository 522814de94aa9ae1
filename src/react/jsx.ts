// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit by hand.
// React 19 sets a prop as a property when the element has it, else as an attribute, and passes `on<event-name>`
// props to addEventListener. React 18 does neither: use the components of `os-widgets/react` there.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { OsConnectionStatus } from '../components/connection-status/connection-status.js';
import type { OsOrderStatus } from '../components/order-status/order-status.js';
import type { OsUserToasts } from '../components/user-toasts/user-toasts.js';
import type { OsVenueQueue } from '../components/venue-queue/venue-queue.js';
import type { OsVenueWatch } from '../components/venue-watch/venue-watch.js';

/** JSX props of `<os-connection-status>`: A small badge for staff screens showing the state of the page's shared live connection (live, reconnecting with a countdown, offline since, signed out), with a "Retry now" button. */
export interface OsConnectionStatusJsxProps extends HTMLAttributes<OsConnectionStatus>, RefAttributes<OsConnectionStatus> {
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  apiUrl?: OsConnectionStatus['apiUrl'];
  /** Attribute form of `apiUrl`. */
  'api-url'?: OsConnectionStatus['apiUrl'];
  /** Tenant id. Falls back to `configure({ tenant })`. */
  tenant?: OsConnectionStatus['tenant'];
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  socketUrl?: OsConnectionStatus['socketUrl'];
  /** Attribute form of `socketUrl`. */
  'socket-url'?: OsConnectionStatus['socketUrl'];
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  locale?: OsConnectionStatus['locale'];
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  strings?: OsConnectionStatus['strings'];
  /** Listener for `os-connection-change` (React 19 passes it to addEventListener). */
  'onos-connection-change'?: (event: HTMLElementEventMap['os-connection-change']) => void;
}

/** JSX props of `<os-order-status>`: Shows a guest the live status of one order: the pickup number, a progress timeline and the time of the last update, kept current over the shared STOMP connection. */
export interface OsOrderStatusJsxProps extends HTMLAttributes<OsOrderStatus>, RefAttributes<OsOrderStatus> {
  /** Id of the order to follow. Required. */
  orderId?: OsOrderStatus['orderId'];
  /** Attribute form of `orderId`. */
  'order-id'?: OsOrderStatus['orderId'];
  /** The guest's user id, filling `{userId}` in the destination; by default it comes from the token. */
  userId?: OsOrderStatus['userId'];
  /** Attribute form of `userId`. */
  'user-id'?: OsOrderStatus['userId'];
  /** Destination preset: `documented` or `ordering-core` (the official client's forms); see the README's Destinations. */
  destinations?: OsOrderStatus['destinations'];
  /** Overrides this element's destination template, e.g. `/order-changes/{tenant}/{userId}`. */
  destination?: OsOrderStatus['destination'];
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  apiUrl?: OsOrderStatus['apiUrl'];
  /** Attribute form of `apiUrl`. */
  'api-url'?: OsOrderStatus['apiUrl'];
  /** Tenant id. Falls back to `configure({ tenant })`. */
  tenant?: OsOrderStatus['tenant'];
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  socketUrl?: OsOrderStatus['socketUrl'];
  /** Attribute form of `socketUrl`. */
  'socket-url'?: OsOrderStatus['socketUrl'];
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  locale?: OsOrderStatus['locale'];
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  strings?: OsOrderStatus['strings'];
  /** Listener for `os-order-update` (React 19 passes it to addEventListener). */
  'onos-order-update'?: (event: HTMLElementEventMap['os-order-update']) => void;
  /** Listener for `os-order-error` (React 19 passes it to addEventListener). */
  'onos-order-error'?: (event: HTMLElementEventMap['os-order-error']) => void;
  /** Listener for `os-connection-change` (React 19 passes it to addEventListener). */
  'onos-connection-change'?: (event: HTMLElementEventMap['os-connection-change']) => void;
  /** Listener for `os-auth-error` (React 19 passes it to addEventListener). */
  'onos-auth-error'?: (event: HTMLElementEventMap['os-auth-error']) => void;
}

/** JSX props of `<os-user-toasts>`: Shows the guest's live notifications (errors, basket updates, receipts, upsell offers) as toasts, over the shared STOMP connection. */
export interface OsUserToastsJsxProps extends HTMLAttributes<OsUserToasts>, RefAttributes<OsUserToasts> {
  /** The guest's user id, filling `{userId}` in the destination; by default it comes from the token. */
  userId?: OsUserToasts['userId'];
  /** Attribute form of `userId`. */
  'user-id'?: OsUserToasts['userId'];
  /** How many toasts are visible at once; the rest wait their turn. */
  maxVisible?: OsUserToasts['maxVisible'];
  /** Attribute form of `maxVisible`. */
  'max-visible'?: OsUserToasts['maxVisible'];
  /** How long info and success toasts stay, in ms. */
  duration?: OsUserToasts['duration'];
  /** How long error and upsell toasts stay, in ms; `0` = until dismissed. */
  errorDuration?: OsUserToasts['errorDuration'];
  /** Attribute form of `errorDuration`. */
  'error-duration'?: OsUserToasts['errorDuration'];
  /** Where the stack sits: `top-end`, `top-start`, `top-center`, `bottom-end`, `bottom-start` or `bottom-center`. */
  position?: OsUserToasts['position'];
  /** Destination preset: `documented` or `ordering-core` (the official client's forms); see the README's Destinations. */
  destinations?: OsUserToasts['destinations'];
  /** Overrides this element's destination template, e.g. `/order-changes/{tenant}/{userId}`. */
  destination?: OsUserToasts['destination'];
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  apiUrl?: OsUserToasts['apiUrl'];
  /** Attribute form of `apiUrl`. */
  'api-url'?: OsUserToasts['apiUrl'];
  /** Tenant id. Falls back to `configure({ tenant })`. */
  tenant?: OsUserToasts['tenant'];
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  socketUrl?: OsUserToasts['socketUrl'];
  /** Attribute form of `socketUrl`. */
  'socket-url'?: OsUserToasts['socketUrl'];
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  locale?: OsUserToasts['locale'];
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  strings?: OsUserToasts['strings'];
  /** Listener for `os-toast-show` (React 19 passes it to addEventListener). */
  'onos-toast-show'?: (event: HTMLElementEventMap['os-toast-show']) => void;
  /** Listener for `os-toast-hide` (React 19 passes it to addEventListener). */
  'onos-toast-hide'?: (event: HTMLElementEventMap['os-toast-hide']) => void;
  /** Listener for `os-upsell-accept` (React 19 passes it to addEventListener). */
  'onos-upsell-accept'?: (event: HTMLElementEventMap['os-upsell-accept']) => void;
  /** Listener for `os-upsell-dismiss` (React 19 passes it to addEventListener). */
  'onos-upsell-dismiss'?: (event: HTMLElementEventMap['os-upsell-dismiss']) => void;
  /** Listener for `os-connection-change` (React 19 passes it to addEventListener). */
  'onos-connection-change'?: (event: HTMLElementEventMap['os-connection-change']) => void;
  /** Listener for `os-auth-error` (React 19 passes it to addEventListener). */
  'onos-auth-error'?: (event: HTMLElementEventMap['os-auth-error']) => void;
}

/** JSX props of `<os-venue-queue>`: A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the shared STOMP connection, readable across a room from a phone to a 1080p TV. */
export interface OsVenueQueueJsxProps extends HTMLAttributes<OsVenueQueue>, RefAttributes<OsVenueQueue> {
  /** Id of the venue whose orders are shown. Required. */
  venue?: OsVenueQueue['venue'];
  /** Which columns to show: `both` (Preparing and Ready) or `ready` (Ready only). */
  columns?: OsVenueQueue['columns'];
  /** Which number to show: `auto` (queue position, else claim code, else short id), `queue-pos`, `claim-code` or `id`. */
  numberSource?: OsVenueQueue['numberSource'];
  /** Attribute form of `numberSource`. */
  'number-source'?: OsVenueQueue['numberSource'];
  /** Shows the customer's short name ("Anna K.") under the number. */
  showNames?: OsVenueQueue['showNames'];
  /** Attribute form of `showNames`. */
  'show-names'?: OsVenueQueue['showNames'];
  /** How long a newly ready number stands out, in seconds; `0` turns the highlight off. */
  highlightSeconds?: OsVenueQueue['highlightSeconds'];
  /** Attribute form of `highlightSeconds`. */
  'highlight-seconds'?: OsVenueQueue['highlightSeconds'];
  /** Seconds after which a ready order leaves the board; `0` (the default) keeps it until it is closed. */
  readyTimeout?: OsVenueQueue['readyTimeout'];
  /** Attribute form of `readyTimeout`. */
  'ready-timeout'?: OsVenueQueue['readyTimeout'];
  /** Seconds each page is shown when a column has more numbers than fit. */
  pageSeconds?: OsVenueQueue['pageSeconds'];
  /** Attribute form of `pageSeconds`. */
  'page-seconds'?: OsVenueQueue['pageSeconds'];
  /** Plays a short chime for each order that becomes ready (never for the initial list). */
  sound?: OsVenueQueue['sound'];
  /** Speaks "Order 42 is ready" for each order that becomes ready (never for the initial list), after the chime. */
  announce?: OsVenueQueue['announce'];
  /** For wall screens: keeps the screen awake while the board is shown and offers a small fullscreen button. */
  kiosk?: OsVenueQueue['kiosk'];
  /** How the board signs in when the page configures no token: `anonymous` (default), or `device` for screens nobody types a password into: the board shows a code to approve (the device-code flow) and keeps the refresh token in localStorage under `orderingstack_{tenant}_refreshToken`, so it stays signed in across reloads. */
  auth?: OsVenueQueue['auth'];
  /** Destination preset: `documented` or `ordering-core` (the official client's forms); see the README's Destinations. */
  destinations?: OsVenueQueue['destinations'];
  /** Overrides this element's destination template, e.g. `/order-changes/{tenant}/{userId}`. */
  destination?: OsVenueQueue['destination'];
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  apiUrl?: OsVenueQueue['apiUrl'];
  /** Attribute form of `apiUrl`. */
  'api-url'?: OsVenueQueue['apiUrl'];
  /** Tenant id. Falls back to `configure({ tenant })`. */
  tenant?: OsVenueQueue['tenant'];
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  socketUrl?: OsVenueQueue['socketUrl'];
  /** Attribute form of `socketUrl`. */
  'socket-url'?: OsVenueQueue['socketUrl'];
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  locale?: OsVenueQueue['locale'];
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  strings?: OsVenueQueue['strings'];
  /** Listener for `os-queue-update` (React 19 passes it to addEventListener). */
  'onos-queue-update'?: (event: HTMLElementEventMap['os-queue-update']) => void;
  /** Listener for `os-order-ready` (React 19 passes it to addEventListener). */
  'onos-order-ready'?: (event: HTMLElementEventMap['os-order-ready']) => void;
  /** Listener for `os-connection-change` (React 19 passes it to addEventListener). */
  'onos-connection-change'?: (event: HTMLElementEventMap['os-connection-change']) => void;
  /** Listener for `os-auth-error` (React 19 passes it to addEventListener). */
  'onos-auth-error'?: (event: HTMLElementEventMap['os-auth-error']) => void;
}

/** JSX props of `<os-venue-watch>`: Watches one venue's configuration over the shared STOMP connection: fires `os-venue-update` on every change, optionally shows an open / closed badge and reloads the page after a change. */
export interface OsVenueWatchJsxProps extends HTMLAttributes<OsVenueWatch>, RefAttributes<OsVenueWatch> {
  /** Id of the venue to watch. Required. */
  venue?: OsVenueWatch['venue'];
  /** Shows the open / closed badge; without it the element is invisible. */
  display?: OsVenueWatch['display'];
  /** Reloads the page `reload-delay` ms after a configuration change (not after the first configuration). */
  reloadOnChange?: OsVenueWatch['reloadOnChange'];
  /** Attribute form of `reloadOnChange`. */
  'reload-on-change'?: OsVenueWatch['reloadOnChange'];
  /** Debounce of `reload-on-change`, in ms: further changes within it restart the wait. */
  reloadDelay?: OsVenueWatch['reloadDelay'];
  /** Attribute form of `reloadDelay`. */
  'reload-delay'?: OsVenueWatch['reloadDelay'];
  /** Destination preset: `documented` or `ordering-core` (the official client's forms); see the README's Destinations. */
  destinations?: OsVenueWatch['destinations'];
  /** Overrides this element's destination template, e.g. `/order-changes/{tenant}/{userId}`. */
  destination?: OsVenueWatch['destination'];
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  apiUrl?: OsVenueWatch['apiUrl'];
  /** Attribute form of `apiUrl`. */
  'api-url'?: OsVenueWatch['apiUrl'];
  /** Tenant id. Falls back to `configure({ tenant })`. */
  tenant?: OsVenueWatch['tenant'];
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  socketUrl?: OsVenueWatch['socketUrl'];
  /** Attribute form of `socketUrl`. */
  'socket-url'?: OsVenueWatch['socketUrl'];
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  locale?: OsVenueWatch['locale'];
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  strings?: OsVenueWatch['strings'];
  /** Listener for `os-venue-update` (React 19 passes it to addEventListener). */
  'onos-venue-update'?: (event: HTMLElementEventMap['os-venue-update']) => void;
  /** Listener for `os-connection-change` (React 19 passes it to addEventListener). */
  'onos-connection-change'?: (event: HTMLElementEventMap['os-connection-change']) => void;
  /** Listener for `os-auth-error` (React 19 passes it to addEventListener). */
  'onos-auth-error'?: (event: HTMLElementEventMap['os-auth-error']) => void;
}

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
