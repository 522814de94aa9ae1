/**
 * os-widgets: the five elements and the shared connection. Importing this module defines every element (each only
 * once per page). Every export is named here on purpose: this list is the public API, and nothing else is.
 * For one element only, import `os-widgets/order-status` (and so on); for the connection alone, `os-widgets/connection`.
 * @packageDocumentation
 */
export * from './connection/index.js';
export { StompTopicController, type StompTopicOptions } from './controllers/stomp-topic-controller.js';
export { registerTranslation } from './i18n/localize.js';
export type { PartialTranslation, Translation, TranslationKey } from './i18n/translation.js';
export type { PluralForms } from './i18n/plural.js';
export type { NumberSource, Order, OrderBucket, OrderEventError, OrderStage } from './models/order.js';
export type { BoardColumn, BoardEntry } from './models/order-board.js';

export { OsOrderStatus } from './components/order-status/order-status.js';
export { OsVenueQueue } from './components/venue-queue/venue-queue.js';
export { OsUserToasts, type ToastPosition, type UserToastInit } from './components/user-toasts/user-toasts.js';
export { OsVenueWatch } from './components/venue-watch/venue-watch.js';
export { OsConnectionStatus } from './components/connection-status/connection-status.js';
export type { VenueConfig, VenueState } from './models/venue.js';
export type { UpsellOffer, UserNotification, UserNotificationType, UserToastData } from './models/user-notification.js';

export type { OsAuthErrorEvent } from './events/os-auth-error.js';
export type { OsConnectionChangeEvent } from './events/os-connection-change.js';
export type { OsOrderErrorEvent } from './events/os-order-error.js';
export type { OsOrderReadyDetail, OsOrderReadyEvent } from './events/os-order-ready.js';
export type { OsOrderUpdateDetail, OsOrderUpdateEvent } from './events/os-order-update.js';
export type { OsQueueUpdateDetail, OsQueueUpdateEvent } from './events/os-queue-update.js';
export type { OsSubscriptionErrorEvent } from './events/os-subscription-error.js';
export type { OsToastHideDetail, OsToastHideEvent } from './events/os-toast-hide.js';
export type { OsToastShowDetail, OsToastShowEvent } from './events/os-toast-show.js';
export type { OsUpsellAcceptEvent } from './events/os-upsell-accept.js';
export type { OsUpsellDismissEvent } from './events/os-upsell-dismiss.js';
export type { OsVenueUpdateDetail, OsVenueUpdateEvent } from './events/os-venue-update.js';
