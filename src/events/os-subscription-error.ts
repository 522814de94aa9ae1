import type { SubscriptionErrorDetail } from '../connection/types.js';

/**
 * Fired on an element when the server refused its destination with an ERROR frame while the connection stayed up
 * (RabbitMQ answers an unknown destination so): no update arrives until the next connection. Check the destination
 * templates.
 */
export type OsSubscriptionErrorEvent = CustomEvent<SubscriptionErrorDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-subscription-error': SubscriptionErrorDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-subscription-error': OsSubscriptionErrorEvent;
  }
}
