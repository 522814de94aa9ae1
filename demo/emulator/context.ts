import type { EmulatorUser } from './auth.js';
import type { DeviceFlow } from './device-flow.js';
import type { Logger } from './logger.js';
import type { OrderStore } from './orders.js';
import type { TokenStore } from './token-store.js';
import type { VenueStore } from './venues.js';

/** The emulator's state, shared by the HTTP handlers. */
export interface EmulatorContext {
  tenant: string;
  users: readonly EmulatorUser[];
  venues: VenueStore;
  tokens: TokenStore;
  /** Pending device-code authorizations. */
  devices: DeviceFlow;
  orders: OrderStore;
  /** Settings changeable at run time with `POST /__emulator/config`. */
  config: { tokenTtlSeconds: number };
  log: Logger;
}
