import {
  accept,
  booleanOr,
  clip,
  isRecord,
  kindOf,
  malformed,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  nestedDeeperThan,
  sample,
  stringOr,
  TEXT_LIMITS,
  withFields,
  type Checked
} from './guard.js';

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

/**
 * The configuration of `venue` from a server body, normalised once: `name` a string, `active` and `tempDisabled`
 * booleans, `tempDisabledReason` a string or `null` (each absent when the server sent something else); the other
 * fields as sent. Rejected as malformed: anything but an object, an `id` that is not a string of at most 256
 * characters, a configuration of another venue than `venue` (published on this venue's destination), and bodies
 * nested deeper than 64 levels.
 */
export function checkVenueConfig(body: unknown, venue: string): Checked<VenueConfig> {
  if (!isRecord(body)) return malformed(`the venue configuration is ${kindOf(body)}`);
  const id = body.id;
  if (typeof id !== 'string') return malformed(`the venue id is ${kindOf(id)}`);
  if (id.length > MAX_ID_LENGTH) return malformed(`the venue id is ${id.length} characters long`);
  if (id !== venue) return malformed(`the configuration is of venue ${sample(id)}, not ${sample(venue)}`);
  if (nestedDeeperThan(body, MAX_DEPTH))
    return malformed(`the configuration is nested deeper than ${MAX_DEPTH} levels`);
  const reason = body.tempDisabledReason;
  return accept(
    withFields<VenueConfig>(body, {
      name: stringOr(body.name),
      timeZone: stringOr(body.timeZone),
      active: booleanOr(body.active),
      tempDisabled: booleanOr(body.tempDisabled),
      tempDisabledReason: typeof reason === 'string' || reason === null ? reason : undefined,
      device: isRecord(body.device) ? body.device : undefined
    })
  );
}

/** Why the venue is temporarily closed, trimmed, at most `TEXT_LIMITS.reason` characters; `''` when not said. */
export function closedReason(venue: VenueConfig | undefined): string {
  const reason = venue?.tempDisabledReason;
  return typeof reason === 'string' ? clip(reason.trim(), TEXT_LIMITS.reason) : '';
}

/** The venue's name, at most `TEXT_LIMITS.name` characters, or `undefined`. */
export function venueName(venue: VenueConfig | undefined): string | undefined {
  const name = venue?.name;
  return typeof name === 'string' && name.trim() ? clip(name.trim(), TEXT_LIMITS.name) : undefined;
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
  return keys.filter(key => previous[key] !== next[key] && jsonOf(previous[key]) !== jsonOf(next[key]));
}

/** JSON for comparing, or a value unequal to every other when the value cannot be written as JSON. */
function jsonOf(value: unknown): string | symbol {
  try {
    return JSON.stringify(value);
  } catch {
    return Symbol('not JSON');
  }
}
