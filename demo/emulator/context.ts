import type { DeviceFlow } from './auth/device-flow.js';
import type { TokenStore } from './auth/token-store.js';
import type { EmulatorUser } from './auth/users.js';
import type { NotificationInput } from './domain/notifications.js';
import type { Order } from './domain/order-model.js';
import type { OrderStage } from './domain/order-stages.js';
import type { CreateOrderInput, OrderStore } from './domain/orders.js';
import type { VenueConfig, VenuePatch, VenueStore } from './domain/venues.js';
import type { LogLine } from './log-buffer.js';
import type { Logger } from './logger.js';
import type { ScenarioName } from './simulation/scenarios.js';
import type { ScenarioState } from './simulation/simulation.js';
import type { EmulatorStats } from './stats.js';

/** The emulator's state, shared by the HTTP handlers (token endpoint, REST reads). */
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

/** What `POST /__emulator/scenario` may change; a missing field keeps its current value. */
export interface ScenarioSettings {
  name?: ScenarioName;
  seed?: number;
  speed?: number;
  paused?: boolean;
}

/**
 * What the control API (`http/control-api.ts`) does to a running emulator. The {@link Emulator} class implements it
 * (each method is documented there); the control API sees only this, so it never imports `emulator.ts`.
 */
export interface EmulatorControl {
  publish(destination: string, body: unknown): number;
  publishRaw(destination: string, raw: string, contentType?: string): number;
  createOrder(input?: CreateOrderInput): Order;
  getOrder(id: string): Order | undefined;
  listOrders(): Order[];
  setOrderStatus(id: string, stage: OrderStage | string): Order;
  venues(): VenueConfig[];
  venue(id: string): VenueConfig;
  updateVenue(id: string, patch: VenuePatch): VenueConfig;
  notify(userId: string, input: NotificationInput): { delivered: number; body: Record<string, unknown> };
  scenario(): ScenarioState;
  restartScenario(settings: ScenarioSettings): ScenarioState;
  pauseScenario(): ScenarioState;
  resumeScenario(): ScenarioState;
  advanceScenario(seconds: number): ScenarioState;
  logLines(after?: number): { lines: LogLine[]; next: number };
  approveDevice(userCode: string): boolean;
  pendingDevices(): { userCode: string; module?: string; expiresAt: string }[];
  dropConnections(): number;
  freezeConnections(): number;
  revokeTokens(userId?: string): number;
  expireTokens(userId?: string): number;
  tokenTtlSeconds: number;
  heartbeatMs: number;
  stats(): EmulatorStats;
  resetStats(): void;
  waitForSubscription(destination: string, timeoutMs?: number): Promise<boolean>;
}
