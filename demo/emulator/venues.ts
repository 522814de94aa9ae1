/** A venue, shaped like Ordering Stack's `IVenueConfig` (the fields the emulator fills). */
export interface VenueConfig {
  id: string;
  name: string;
  timeZone: string;
  active: boolean;
  tempDisabled: boolean;
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
