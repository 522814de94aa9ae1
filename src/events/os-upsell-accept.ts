import type { UpsellOffer } from '../models/user-notification.js';

/**
 * Fired by `<os-user-toasts>` when the guest accepts an upsell offer ("Add"). The host adds `items` to the order; the toast closes.
 */
export type OsUpsellAcceptEvent = CustomEvent<UpsellOffer>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-upsell-accept': UpsellOffer;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-upsell-accept': OsUpsellAcceptEvent;
  }
}
