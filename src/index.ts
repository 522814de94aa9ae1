/**
 * os-widgets: every element plus the shared connection. Importing this module defines the elements.
 * @packageDocumentation
 */
export * from './connection/index.js';
export { StompTopicController, type StompTopicOptions } from './controllers/stomp-topic-controller.js';
export * from './models/order.js';
export * from './i18n/index.js';
export type * from './events/os-connection-change.js';
export type * from './events/os-auth-error.js';
export type * from './events/os-order-update.js';
export type * from './events/os-order-error.js';
export type * from './events/os-queue-update.js';
export type * from './events/os-order-ready.js';
export { OsOrderStatus } from './components/order-status/order-status.js';
export { OsVenueQueue } from './components/venue-queue/venue-queue.js';
export { OsUserToasts, type ToastPosition, type UserToastInit } from './components/user-toasts/user-toasts.js';
export { OsVenueWatch } from './components/venue-watch/venue-watch.js';
export { OsConnectionStatus } from './components/connection-status/connection-status.js';
export * from './components/venue-watch/venue-config.js';
export type * from './components/user-toasts/user-notification.js';
export * from './models/toast-queue.js';
export * from './models/order-board.js';
export type * from './events/os-toast-show.js';
export type * from './events/os-toast-hide.js';
export type * from './events/os-upsell-accept.js';
export type * from './events/os-upsell-dismiss.js';
export type * from './events/os-venue-update.js';
