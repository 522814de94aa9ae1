import type { UserToastData } from '../models/user-notification.js';
import type { Toast } from '../models/toast-queue.js';

/** Detail of `os-toast-show`. */
export interface OsToastShowDetail {
  /** The toast about to become visible. */
  toast: Toast<UserToastData>;
}

/**
 * Fired by `<os-user-toasts>` when a toast is about to become visible (new, or promoted from the queue). Cancelable:
 * `preventDefault()` drops the toast without showing or announcing it.
 */
export type OsToastShowEvent = CustomEvent<OsToastShowDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-toast-show': OsToastShowDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-toast-show': OsToastShowEvent;
  }
}
