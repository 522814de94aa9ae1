import { EmulatorError } from '../errors.js';

/** A venue, shaped like Ordering Stack's `IVenueConfig` (the fields the emulator fills). */
export interface VenueConfig {
  id: string;
  name: string;
  timeZone: string;
  active: boolean;
  tempDisabled: boolean;
  tempDisabledReason?: string | null;
  address: { street: string; number: string; postal: string; city: string; country: string };
  phone?: string;
  email?: string;
  description?: string;
}

/** The demo tenant's venues: `v1` "Centrum" and `v2` "Galeria", both in Warsaw. */
export const DEMO_VENUES: readonly VenueConfig[] = [
  {
    id: 'v1',
    name: 'Centrum',
    timeZone: 'Europe/Warsaw',
    active: true,
    tempDisabled: false,
    address: { street: 'Marszałkowska', number: '100', postal: '00-026', city: 'Warszawa', country: 'PL' },
    phone: '+48 22 000 00 01',
    description: 'Demo venue in the city centre'
  },
  {
    id: 'v2',
    name: 'Galeria',
    timeZone: 'Europe/Warsaw',
    active: true,
    tempDisabled: false,
    address: { street: 'Złota', number: '59', postal: '00-120', city: 'Warszawa', country: 'PL' },
    phone: '+48 22 000 00 02',
    description: 'Demo venue in a shopping mall'
  }
];

/** The fields of a venue that `POST /__emulator/venues/{id}` and the simulation change. */
export type VenuePatch = Partial<Pick<VenueConfig, 'name' | 'active' | 'tempDisabled' | 'tempDisabledReason'>>;

/** The tenant's venues, changeable at run time (opening and closing). */
export class VenueStore {
  private venues: VenueConfig[];

  constructor(private readonly initial: readonly VenueConfig[]) {
    this.venues = structuredClone([...initial]);
  }

  /** Copies of every venue. */
  list(): VenueConfig[] {
    return structuredClone(this.venues);
  }

  /** True for a known venue id. */
  has(id: string): boolean {
    return this.venues.some(venue => venue.id === id);
  }

  /** A copy of the venue; throws {@link EmulatorError} 404 for an unknown id. */
  get(id: string): VenueConfig {
    return structuredClone(this.find(id));
  }

  /** True when the venue takes orders: active and not temporarily disabled. */
  isOpen(id: string): boolean {
    const venue = this.venues.find(candidate => candidate.id === id);
    return !!venue && venue.active && !venue.tempDisabled;
  }

  /**
   * Changes a venue and returns a copy. Re-opening (`tempDisabled: false`) drops the reason. Throws
   * {@link EmulatorError} 404 for an unknown id.
   */
  update(id: string, patch: VenuePatch): VenueConfig {
    const venue = this.find(id);
    Object.assign(venue, patch);
    if (!venue.tempDisabled) delete venue.tempDisabledReason;
    return structuredClone(venue);
  }

  /** Back to the venues the store started with. */
  reset(): void {
    this.venues = structuredClone([...this.initial]);
  }

  private find(id: string): VenueConfig {
    const venue = this.venues.find(candidate => candidate.id === id);
    if (!venue) throw new EmulatorError(404, `Venue ${id} not found`);
    return venue;
  }
}
