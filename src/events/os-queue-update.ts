/** Detail of `os-queue-update`: the ids of the orders shown, per column, in display order. */
export interface OsQueueUpdateDetail {
  /** Ids of the orders in Preparing, oldest first. */
  preparing: string[];
  /** Ids of the orders in Ready, newest first. */
  ready: string[];
}

/** Fired by `<os-venue-queue>` after each render that changed which orders are shown, or where. */
export type OsQueueUpdateEvent = CustomEvent<OsQueueUpdateDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-queue-update': OsQueueUpdateDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-queue-update': OsQueueUpdateEvent;
  }
}
