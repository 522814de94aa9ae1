/**
 * `os-widgets/react`: React components for the five elements, made with `@lit/react`, for React 18 and 19. Props set
 * the element's properties; events are camel-case props (`onOrderUpdate` for `os-order-update`). Importing this
 * module defines the elements. Needs `react` and `@lit/react` (optional peer dependencies of os-widgets).
 *
 * ```tsx
 * import { OsOrderStatus } from 'os-widgets/react';
 * <OsOrderStatus apiUrl="https://api.example.com" tenant="t1" orderId={id} onOrderUpdate={e => setStage(e.detail.stage)} />
 * ```
 * @packageDocumentation
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { OsConnectionStatus as OsConnectionStatusElement } from '../components/connection-status/connection-status.js';
import { OsOrderStatus as OsOrderStatusElement } from '../components/order-status/order-status.js';
import { OsUserToasts as OsUserToastsElement } from '../components/user-toasts/user-toasts.js';
import { OsVenueQueue as OsVenueQueueElement } from '../components/venue-queue/venue-queue.js';
import { OsVenueWatch as OsVenueWatchElement } from '../components/venue-watch/venue-watch.js';
// Also types the plain tags for React 19 JSX (see jsx.ts).
import './jsx.js';

type Constructor<T> = new () => T;
type EventNames = Record<string, EventName | string>;

/** The event prop for a public `os-*` event, typed with the event from `HTMLElementEventMap`. */
const on = <K extends keyof HTMLElementEventMap>(name: K) => name as EventName<HTMLElementEventMap[K]>;

/** Every element that uses the connection fires these two. */
const connectionEvents = {
  onConnectionChange: on('os-connection-change'),
  onAuthError: on('os-auth-error'),
  onSubscriptionError: on('os-subscription-error')
};

/** A React component for one element: props set its properties, `events` maps camel-case props to `os-*` events. */
function wrap<I extends HTMLElement, E extends EventNames>(
  tagName: string,
  elementClass: Constructor<I>,
  displayName: string,
  events: E
) {
  return createComponent({ react: React, tagName, elementClass, displayName, events });
}

/** `<os-order-status>`: the live status of one order. */
export const OsOrderStatus = wrap('os-order-status', OsOrderStatusElement, 'OsOrderStatus', {
  ...connectionEvents,
  onOrderUpdate: on('os-order-update'),
  onOrderError: on('os-order-error')
});

/** `<os-venue-queue>`: the pickup board of one venue. */
export const OsVenueQueue = wrap('os-venue-queue', OsVenueQueueElement, 'OsVenueQueue', {
  ...connectionEvents,
  onQueueUpdate: on('os-queue-update'),
  onOrderReady: on('os-order-ready')
});

/** `<os-user-toasts>`: the signed-in user's messages as toasts. */
export const OsUserToasts = wrap('os-user-toasts', OsUserToastsElement, 'OsUserToasts', {
  ...connectionEvents,
  onToastShow: on('os-toast-show'),
  onToastHide: on('os-toast-hide'),
  onUpsellAccept: on('os-upsell-accept'),
  onUpsellDismiss: on('os-upsell-dismiss')
});

/** `<os-venue-watch>`: a venue's open / closed state and configuration changes. */
export const OsVenueWatch = wrap('os-venue-watch', OsVenueWatchElement, 'OsVenueWatch', {
  ...connectionEvents,
  onVenueUpdate: on('os-venue-update')
});

/** `<os-connection-status>`: a badge for the shared connection. */
export const OsConnectionStatus = wrap('os-connection-status', OsConnectionStatusElement, 'OsConnectionStatus', {
  onConnectionChange: on('os-connection-change')
});
