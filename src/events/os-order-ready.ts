import type { Order } from '../models/order.js';

/** Detail of `os-order-ready`: the order that just became ready for pickup. */
export interface OsOrderReadyDetail {
  /** The order's id. */
  id: string;
  /** The number shown on the board (per the element's `number-source`). */
  number: string;
  /** The order as last received. */
  order: Order;
}

/**
 * Fired by `<os-venue-queue>` once per order that becomes ready while the board is live; never for orders that were
 * already ready in the initial list.
 */
export type OsOrderReadyEvent = CustomEvent<OsOrderReadyDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-order-ready': OsOrderReadyDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-order-ready': OsOrderReadyEvent;
  }
}
