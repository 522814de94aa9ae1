import type { HubStatus } from '../connection/types.js';

/** Fired on an element whenever the shared connection behind it changes state (open, reconnecting, ...). */
export type OsConnectionChangeEvent = CustomEvent<HubStatus>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-connection-change': HubStatus;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-connection-change': OsConnectionChangeEvent;
  }
}
