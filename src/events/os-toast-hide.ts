import type { UserToastData } from '../models/user-notification.js';
import type { Toast, ToastHideReason } from '../models/toast-queue.js';

/** Detail of `os-toast-hide`. */
export interface OsToastHideDetail {
  /** The toast that was hidden. */
  toast: Toast<UserToastData>;
  /** `timeout`, `dismiss` (close button, Escape, an upsell answer) or `clear`. */
  reason: ToastHideReason;
}

/** Fired by `<os-user-toasts>` when a visible toast was hidden. */
export type OsToastHideEvent = CustomEvent<OsToastHideDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-toast-hide': OsToastHideDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-toast-hide': OsToastHideEvent;
  }
}
