import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext } from './context.js';
import { controlRoutes } from './control-api.js';
import { DeviceFlow } from './device-flow.js';
import { canSubscribe, orderDestinations } from './destinations.js';
import { EmulatorError } from './errors.js';
import { isValidTtl, type ResolvedOptions } from './options.js';
import type { Order } from './order-model.js';
import type { OrderStage } from './order-stages.js';
import { OrderStore, type CreateOrderInput } from './orders.js';
import { restRoutes } from './rest-api.js';
import { seedDemo } from './seed.js';
import { createHttpServer } from './server.js';
import { StatsCounter, type EmulatorStats } from './stats.js';
import { StompServer } from './stomp-server.js';
import { TokenStore } from './token-store.js';
import { tokenRoutes } from './token-endpoint.js';
import { DEMO_VENUES, type VenueConfig } from './venues.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * A running Ordering Stack emulator: the token endpoint, the Ordering API reads, STOMP over WebSocket at
 * `/websocket` and `/ws`, the control API under `/__emulator/` and the demo's static files, on one port.
 * The methods mirror the control API for tests that run the emulator in-process.
 *
 * Typical lifecycle: `const emulator = await startEmulator({ port: 0, seed: false, quiet: true })` → clients
 * connect to `emulator.url` → `createOrder()` / `setOrderStatus()` / `publish()` → `await emulator.close()`.
 */
export class Emulator {
  private readonly counters = new StatsCounter();
  private readonly context: EmulatorContext;
  private readonly stomp: StompServer;
  private readonly http: Server;
  private address = { url: '', port: 0 };
  private closing?: Promise<void>;

  /** @internal Use `startEmulator()`, which also starts listening. */
  constructor(private readonly options: ResolvedOptions) {
    const { tenant, log } = options;
    const venueIds = new Set(DEMO_VENUES.map(venue => venue.id));
    const tokens = new TokenStore(tenant);
    this.stomp = new StompServer({
      heartbeatMs: options.heartbeatMs,
      stats: this.counters,
      log,
      checkToken: token => tokens.check(token),
      mayAccess: (principal, destination) => canSubscribe(principal, destination, { tenant, venueIds })
    });
    let live = false; // seeding publishes nothing: nobody can be connected yet
    const orders = new OrderStore(tenant, DEMO_VENUES, order => live && this.publishOrder(order));
    this.context = {
      tenant,
      users: options.users,
      venues: DEMO_VENUES,
      tokens,
      devices: new DeviceFlow(),
      orders,
      config: { tokenTtlSeconds: options.tokenTtlSeconds },
      log
    };
    if (options.seed) seedDemo(orders);
    live = true;
    this.http = createHttpServer(
      [...tokenRoutes(this.context), ...restRoutes(this.context), ...controlRoutes(this)],
      options.staticRoot,
      log
    );
    this.stomp.attach(this.http);
  }

  /** Base URL, e.g. `http://127.0.0.1:8080`; STOMP is at `ws://…/websocket` (or `/ws`). */
  get url(): string {
    return this.address.url;
  }

  /** The port listened on (the chosen one when started with port 0). */
  get port(): number {
    return this.address.port;
  }

  /** The single tenant. */
  get tenant(): string {
    return this.options.tenant;
  }

  /** @internal Starts listening; `startEmulator()` calls it. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const { port } = this.http.address() as AddressInfo;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    this.address = { url: `http://${host}:${port}`, port };
  }

  /**
   * Publishes a JSON-serialised body to every subscription of exactly `destination`.
   * @returns the number of MESSAGE frames sent (0 without subscribers)
   */
  publish(destination: string, body: unknown): number {
    const json = JSON.stringify(body);
    if (json === undefined) throw new EmulatorError(400, 'body must be JSON-serialisable');
    return this.stomp.publish(checkDestination(destination), Buffer.from(json, 'utf8'), JSON_HEADERS);
  }

  /**
   * Publishes a body verbatim (for malformed-message tests), with a `content-type` header only when given.
   * @returns the number of MESSAGE frames sent
   */
  publishRaw(destination: string, raw: string, contentType?: string): number {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    return this.stomp.publish(checkDestination(destination), Buffer.from(raw, 'utf8'), headers);
  }

  /** Creates an order and publishes it; see `CreateOrderInput` for the defaults. */
  createOrder(input: CreateOrderInput = {}): Order {
    return this.context.orders.create(input);
  }

  /** A copy of an order, or undefined. */
  getOrder(id: string): Order | undefined {
    return this.context.orders.get(id);
  }

  /** Copies of all orders, oldest first. */
  listOrders(): Order[] {
    return this.context.orders.list();
  }

  /** Moves an order to a stage (see `ORDER_STAGES`) and publishes it. */
  setOrderStatus(id: string, stage: OrderStage | string): Order {
    return this.context.orders.setStage(id, stage);
  }

  /** The demo venues. */
  venues(): VenueConfig[] {
    return structuredClone([...this.context.venues]);
  }
  /** Approves a device's user code (the device-code flow); false when no such code is pending. */
  approveDevice(userCode: string): boolean {
    return this.context.devices.approve(userCode);
  }

  /** The device codes waiting for approval. */
  pendingDevices(): { userCode: string; module?: string; expiresAt: string }[] {
    return this.context.devices.pending();
  }


  /**
   * Terminates every WebSocket abruptly, without a close handshake.
   * @returns how many were dropped
   */
  dropConnections(): number {
    return this.stomp.dropConnections();
  }

  /**
   * Revokes access and refresh tokens of one user, or everyone's; open connections stay open.
   * @returns how many tokens were revoked
   */
  revokeTokens(userId?: string): number {
    return this.context.tokens.revoke(userId);
  }

  /**
   * Expires the access tokens of one user, or everyone's: they fail at the next CONNECT or REST call. Refresh
   * tokens keep working.
   * @returns how many access tokens expired
   */
  expireTokens(userId?: string): number {
    return this.context.tokens.expire(userId);
  }

  /** The `expires_in` of tokens issued from now on. */
  get tokenTtlSeconds(): number {
    return this.context.config.tokenTtlSeconds;
  }

  set tokenTtlSeconds(seconds: number) {
    if (!isValidTtl(seconds)) throw new EmulatorError(400, 'tokenTtlSeconds must be a positive integer');
    this.context.config.tokenTtlSeconds = seconds;
  }

  /** Connection, frame, subscription and message counters. */
  stats(): EmulatorStats {
    return this.counters.snapshot(this.stomp.subscriptions.counts());
  }

  /** Zeroes the frame and message counters and `connections.total`. */
  resetStats(): void {
    this.counters.reset();
  }

  /**
   * Resolves `true` as soon as at least one subscription to exactly `destination` exists (at once if one does),
   * or `false` after `timeoutMs` (default 5000). Use it instead of sleeping before a publish.
   */
  waitForSubscription(destination: string, timeoutMs = 5000): Promise<boolean> {
    return this.stomp.subscriptions.waitFor(destination, timeoutMs);
  }

  /** Terminates every socket and stops the server; calling it again returns the same promise. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>(resolve => {
      this.stomp.close();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    return this.closing;
  }

  private publishOrder(order: Order): void {
    const body = Buffer.from(JSON.stringify(order), 'utf8');
    for (const destination of orderDestinations(order, this.options.tenant)) {
      this.stomp.publish(destination, body, JSON_HEADERS);
    }
  }
}

function checkDestination(destination: unknown): string {
  if (typeof destination !== 'string' || !destination.startsWith('/')) {
    throw new EmulatorError(400, 'destination must be a string starting with /');
  }
  return destination;
}
