/** The parts of a venue configuration (`IVenueConfig`, `ordering-stack.md` §4.4) that `<os-venue-watch>` reads. */
export interface VenueConfig {
  id: string;
  name?: string;
  timeZone?: string;
  /** `false`: the venue is closed. */
  active?: boolean;
  /** `true`: the venue is temporarily closed (see `tempDisabledReason`). */
  tempDisabled?: boolean;
  tempDisabledReason?: string | null;
  /** Per-device settings. */
  device?: Record<string, Record<string, string>>;
  [field: string]: unknown;
}

/** What a venue badge shows. */
export type VenueState = 'unknown' | 'open' | 'temp-closed' | 'closed';

/** True for an object with a string `id`. */
export function isVenueConfig(value: unknown): value is VenueConfig {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** `closed` when `active === false`, `temp-closed` when `tempDisabled`, otherwise `open`; `unknown` without a config. */
export function venueState(venue: VenueConfig | undefined): VenueState {
  if (!venue) return 'unknown';
  if (venue.active === false) return 'closed';
  if (venue.tempDisabled === true) return 'temp-closed';
  return 'open';
}

/**
 * The names of the top-level fields whose values differ between `previous` and `next` (compared as JSON; a field
 * present in only one of them counts), in `next`'s order, then removed ones. Every field of `next` when there is no
 * `previous`.
 */
export function changedFields(previous: VenueConfig | undefined, next: VenueConfig): string[] {
  if (!previous) return Object.keys(next);
  const keys = [...new Set([...Object.keys(next), ...Object.keys(previous)])];
  return keys.filter(key => JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
}
