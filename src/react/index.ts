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

/** The event prop for a public `os-*` event, typed with the event from `HTMLElementEventMap`. */
const on = <K extends keyof HTMLElementEventMap>(name: K) => name as EventName<HTMLElementEventMap[K]>;

/** Every element that uses the connection fires these two. */
const connectionEvents = {
  onConnectionChange: on('os-connection-change'),
  onAuthError: on('os-auth-error')
};

/** `<os-order-status>`: the live status of one order. */
export const OsOrderStatus = createComponent({
  react: React,
  tagName: 'os-order-status',
  elementClass: OsOrderStatusElement,
  displayName: 'OsOrderStatus',
  events: { ...connectionEvents, onOrderUpdate: on('os-order-update'), onOrderError: on('os-order-error') }
});

/** `<os-venue-queue>`: the pickup board of one venue. */
export const OsVenueQueue = createComponent({
  react: React,
  tagName: 'os-venue-queue',
  elementClass: OsVenueQueueElement,
  displayName: 'OsVenueQueue',
  events: { ...connectionEvents, onQueueUpdate: on('os-queue-update'), onOrderReady: on('os-order-ready') }
});

/** `<os-user-toasts>`: the signed-in user's messages as toasts. */
export const OsUserToasts = createComponent({
  react: React,
  tagName: 'os-user-toasts',
  elementClass: OsUserToastsElement,
  displayName: 'OsUserToasts',
  events: {
    ...connectionEvents,
    onToastShow: on('os-toast-show'),
    onToastHide: on('os-toast-hide'),
    onUpsellAccept: on('os-upsell-accept'),
    onUpsellDismiss: on('os-upsell-dismiss')
  }
});

/** `<os-venue-watch>`: a venue's open / closed state and configuration changes. */
export const OsVenueWatch = createComponent({
  react: React,
  tagName: 'os-venue-watch',
  elementClass: OsVenueWatchElement,
  displayName: 'OsVenueWatch',
  events: { ...connectionEvents, onVenueUpdate: on('os-venue-update') }
});

/** `<os-connection-status>`: a badge for the shared connection. */
export const OsConnectionStatus = createComponent({
  react: React,
  tagName: 'os-connection-status',
  elementClass: OsConnectionStatusElement,
  displayName: 'OsConnectionStatus',
  events: { onConnectionChange: on('os-connection-change') }
});
