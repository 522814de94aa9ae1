import type { OrderEventError } from '../models/order.js';

/** Fired on an element when the server reported an `OrderEventError` for its order; `detail` is the notification. */
export type OsOrderErrorEvent = CustomEvent<OrderEventError>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-order-error': OrderEventError;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-order-error': OsOrderErrorEvent;
  }
}
