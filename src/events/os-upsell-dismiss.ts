import type { UpsellOffer } from '../models/user-notification.js';

/**
 * Fired by `<os-user-toasts>` when the guest declines an upsell offer ("No thanks"); the toast closes.
 */
export type OsUpsellDismissEvent = CustomEvent<UpsellOffer>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-upsell-dismiss': UpsellOffer;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-upsell-dismiss': OsUpsellDismissEvent;
  }
}
