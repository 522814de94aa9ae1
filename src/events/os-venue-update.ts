import type { VenueConfig } from '../models/venue.js';

/** Detail of `os-venue-update`. */
export interface OsVenueUpdateDetail {
  /** The venue configuration as the server sent it. */
  venue: VenueConfig;
  /** Top-level fields that differ from the previous configuration (every field for the first one). */
  changes: string[];
}

/** Fired by `<os-venue-watch>` when a venue configuration arrives that differs from the previous one. */
export type OsVenueUpdateEvent = CustomEvent<OsVenueUpdateDetail>;

declare module '../internal/os-element.js' {
  interface OsEventDetails {
    'os-venue-update': OsVenueUpdateDetail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'os-venue-update': OsVenueUpdateEvent;
  }
}
