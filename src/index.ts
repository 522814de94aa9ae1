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
