/**
 * The Ordering Stack emulator: a Node-only stand-in for the Ordering Stack API that the widgets talk to
 * (tokens, order reads, STOMP over WebSocket) plus a control API for tests and demos. Never imported by `src/`.
 */
import { Emulator } from './emulator.js';
import { resolveOptions, type EmulatorOptions } from './options.js';

export type { EmulatorUser, Principal, UserRole } from './auth/users.js';
export { Emulator } from './emulator.js';
export { EmulatorError } from './errors.js';
export type { Logger } from './logger.js';
export type { EmulatorOptions } from './options.js';
export type { Order, OrderBucket, OrderLine, OrderStatus, OrderUser } from './domain/order-model.js';
export { ORDER_STAGES, type OrderStage } from './domain/order-stages.js';
export type { CreateOrderInput, OrderItemInput } from './domain/orders.js';
export type { EmulatorStats } from './stats.js';
export type { VenueConfig } from './domain/venues.js';

/**
 * Starts an emulator and resolves once it listens.
 * @example
 * const emulator = await startEmulator({ port: 0, seed: false, quiet: true });
 * // … emulator.url, emulator.createOrder({ id: 'o1' }) …
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(resolveOptions(options));
  try {
    await emulator.listen();
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return emulator;
}
