import type { AuthErrorDetail } from '../connection/types.js';

/** Fired on an element when the server rejected the token twice; the connection stops retrying until a new token. */
export type OsAuthErrorEvent = CustomEvent<AuthErrorDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-auth-error': AuthErrorDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-auth-error': OsAuthErrorEvent;
  }
}
