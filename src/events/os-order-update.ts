import type { Order, OrderStage } from '../models/order.js';

/** Detail of `os-order-update`: the accepted order and the guest-facing stage it maps to. */
export interface OsOrderUpdateDetail {
  /** The order as the server sent it (live message or REST snapshot). */
  order: Order;
  /** Where the order stands, from `orderStage(order)`. */
  stage: OrderStage;
}

/** Fired on an element when a new state of its order arrived from the server (not for stale copies or duplicates). */
export type OsOrderUpdateEvent = CustomEvent<OsOrderUpdateDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-order-update': OsOrderUpdateDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-order-update': OsOrderUpdateEvent;
  }
}
