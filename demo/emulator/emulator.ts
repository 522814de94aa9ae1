import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeviceFlow } from './auth/device-flow.js';
import { tokenRoutes } from './auth/token-endpoint.js';
import { TokenStore } from './auth/token-store.js';
import type { EmulatorContext, EmulatorControl, ScenarioSettings } from './context.js';
import { buildNotification, type NotificationInput } from './domain/notifications.js';
import type { Order } from './domain/order-model.js';
import type { OrderStage } from './domain/order-stages.js';
import { OrderStore, type CreateOrderInput } from './domain/orders.js';
import { seedDemo } from './domain/seed.js';
import { DEMO_VENUES, VenueStore, type VenueConfig, type VenuePatch } from './domain/venues.js';
import { EmulatorError } from './errors.js';
import { controlRoutes } from './http/control-api.js';
import { createHttpServer } from './http/http-server.js';
import { restRoutes } from './http/rest-api.js';
import { LogBuffer, type LogLine } from './log-buffer.js';
import type { Logger } from './logger.js';
import { isValidTtl, type ResolvedOptions } from './options.js';
import { Random } from './simulation/random.js';
import { emptyCounts, type RestaurantPorts } from './simulation/restaurant.js';
import type { ScenarioName } from './simulation/scenarios.js';
import { Simulation, type ScenarioState } from './simulation/simulation.js';
import { StatsCounter, type EmulatorStats } from './stats.js';
import { canSubscribe, orderDestinations } from './transport/destinations.js';
import { StompServer } from './transport/stomp-server.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * A running Ordering Stack emulator: the token endpoint, the Ordering API reads, STOMP over WebSocket at
 * `/websocket` and `/ws`, the control API under `/__emulator/` and the demo's static files, on one port.
 * The methods mirror the control API for tests that run the emulator in-process.
 *
 * Typical lifecycle: `const emulator = await startEmulator({ port: 0, seed: false, quiet: true })` → clients
 * connect to `emulator.url` → `createOrder()` / `setOrderStatus()` / `publish()` → `await emulator.close()`.
 */
export class Emulator implements EmulatorControl {
  private readonly counters = new StatsCounter();
  private readonly logBuffer = new LogBuffer();
  private readonly log: Logger;
  private readonly context: EmulatorContext;
  /** False while orders are made that nobody may see yet (the seed, a warm-up): nothing is published. */
  private live = false;
  private simulation?: Simulation;
  private scenarioSettings: { name: ScenarioName; seed: number; speed: number };
  private notificationSerial = 0;
  private readonly stomp: StompServer;
  private readonly http: Server;
  private address = { url: '', port: 0 };
  private closing?: Promise<void>;

  /** @internal Use `startEmulator()`, which also starts listening. */
  constructor(private readonly options: ResolvedOptions) {
    const { tenant } = options;
    const log: Logger = (this.log = line => {
      this.logBuffer.add(line);
      options.log(line);
    });
    const venues = new VenueStore(DEMO_VENUES);
    const venueIds = new Set(DEMO_VENUES.map(venue => venue.id));
    const tokens = new TokenStore(tenant);
    this.stomp = new StompServer({
      heartbeatMs: options.heartbeatMs,
      stats: this.counters,
      log,
      checkToken: token => tokens.check(token),
      mayAccess: (principal, destination) => canSubscribe(principal, destination, { tenant, venueIds })
    });
    const orders = new OrderStore(tenant, venues, order => this.live && this.publishOrder(order), {
      now: () => this.simulation?.wallTime() ?? Date.now(),
      random: options.scenario === 'none' ? undefined : seededRandom(options.randomSeed + 1)
    });
    this.context = {
      tenant,
      users: options.users,
      venues,
      tokens,
      devices: new DeviceFlow(),
      orders,
      config: { tokenTtlSeconds: options.tokenTtlSeconds },
      log
    };
    this.scenarioSettings = { name: options.scenario, seed: options.randomSeed, speed: options.speed };
    this.populate(options.paused);
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

  /** The venues, with their current state. */
  venues(): VenueConfig[] {
    return this.context.venues.list();
  }

  /** One venue; throws {@link EmulatorError} 404 for an unknown id. */
  venue(id: string): VenueConfig {
    return this.context.venues.get(id);
  }

  /**
   * Changes a venue (e.g. `{tempDisabled: true, tempDisabledReason: 'Back at 14:00'}` closes it for a while) and
   * publishes its configuration to `/venue/{T}/{id}` and `/venues/{T}/{id}`.
   */
  updateVenue(id: string, patch: VenuePatch): VenueConfig {
    const venue = this.context.venues.update(id, patch);
    if (this.live) {
      const state = !venue.active ? 'closed' : venue.tempDisabled ? 'temporarily closed' : 'open';
      this.publishTo([`/venue/${this.tenant}/${id}`, `/venues/${this.tenant}/${id}`], venue, `venue ${id} ${state}`);
    }
    return venue;
  }

  /**
   * Sends a user notification (see `buildNotification()` for the kinds) to `/kds/{T}/{U}` and `/notifications/{T}/{U}`,
   * and an error also to `/order-changes/{U}/{orderId}`.
   * @returns the message and how many MESSAGE frames were sent
   */
  notify(userId: string, input: NotificationInput): { delivered: number; body: Record<string, unknown> } {
    const body = buildNotification(input, ++this.notificationSerial, [userId]);
    const destinations = [`/kds/${this.tenant}/${userId}`, `/notifications/${this.tenant}/${userId}`];
    if (body.type === 'OrderEventError') destinations.push(`/order-changes/${userId}/${body.orderId}`);
    const delivered = this.publishTo(destinations, body, `${body.type} to ${userId} (order ${body.orderId})`);
    return { delivered, body };
  }

  /** The simulated restaurant: scenario, seed, speed, whether paused, simulated time and counts. */
  scenario(): ScenarioState {
    if (this.simulation) return this.simulation.state();
    const { name, seed, speed } = this.scenarioSettings;
    return {
      name,
      description: 'no simulation: the static demo orders only',
      seed,
      speed,
      paused: true,
      simulatedSeconds: 0,
      counts: emptyCounts()
    };
  }

  /**
   * Starts over with another scenario (or the same with another seed or speed): forgets every order, re-opens the
   * venues, runs the new warm-up without publishing, then drops every connection so clients re-sync.
   */
  restartScenario(settings: ScenarioSettings): ScenarioState {
    this.simulation?.stop();
    this.simulation = undefined;
    this.scenarioSettings = {
      name: settings.name ?? this.scenarioSettings.name,
      seed: settings.seed ?? this.scenarioSettings.seed,
      speed: settings.speed ?? this.scenarioSettings.speed
    };
    this.context.orders.clear();
    this.context.venues.reset();
    this.populate(settings.paused ?? false);
    const { name, seed, speed } = this.scenarioSettings;
    this.log(`scenario ${name} (seed ${seed}, speed ${speed}) restarted`);
    this.dropConnections();
    return this.scenario();
  }

  /** Stops the simulated clock. */
  pauseScenario(): ScenarioState {
    this.simulation?.pause();
    return this.scenario();
  }

  /** Lets the simulated clock run again. */
  resumeScenario(): ScenarioState {
    this.simulation?.resume();
    return this.scenario();
  }

  /** Runs `seconds` of simulated time at once. */
  advanceScenario(seconds: number): ScenarioState {
    this.simulation?.advance(seconds * 1000);
    return this.scenario();
  }

  /** Log lines after `after` (the last 500 are kept, even with `quiet`). */
  logLines(after?: number): { lines: LogLine[]; next: number } {
    return this.logBuffer.since(after);
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
   * Freezes every open connection: its socket stays open, but the server sends nothing on it any more (no
   * heart-beats, no messages), as over a dead link. New connections are not frozen.
   * @returns how many were frozen
   */
  freezeConnections(): number {
    return this.stomp.freezeConnections();
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
  /** The STOMP heart-beat offered to new connections, in ms (0: none). */
  get heartbeatMs(): number {
    return this.stomp.heartbeatMs;
  }

  set heartbeatMs(ms: number) {
    if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new EmulatorError(400, 'heartbeatMs must be 0 to 60000');
    this.stomp.heartbeatMs = ms;
  }

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
      this.simulation?.stop();
      this.stomp.close();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    return this.closing;
  }

  /** Publishes an order to its destinations (see `orderDestinations()`), logging one line. */
  private publishOrder(order: Order): void {
    const destinations = orderDestinations(order, this.options.tenant);
    const venues = order.buckets.map(bucket => bucket.venue).join(',');
    this.publishTo(
      destinations,
      order,
      `order ${order.id} ${order.status} (${venues}) to ${destinations.length} destinations`
    );
  }

  /**
   * Publishes one JSON body to several destinations and logs one line, `publish <what>: N delivered`.
   * @returns the number of MESSAGE frames sent
   */
  private publishTo(destinations: readonly string[], body: unknown, what: string): number {
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    let delivered = 0;
    for (const destination of destinations) delivered += this.stomp.publish(destination, bytes, JSON_HEADERS, false);
    this.log(`publish ${what}: ${delivered} delivered`);
    return delivered;
  }

  /** Fills the store without publishing: the static demo orders, or the scenario's warm-up (then it runs on). */
  private populate(paused: boolean): void {
    this.live = false;
    try {
      const { name, seed, speed } = this.scenarioSettings;
      if (name === 'none') {
        if (this.options.seed) seedDemo(this.context.orders);
        return;
      }
      this.simulation = new Simulation({ scenario: name, seed, speed, paused }, this.restaurantPorts());
      this.simulation.start();
    } finally {
      this.live = true;
    }
  }

  private restaurantPorts(): RestaurantPorts {
    const { orders, venues, tokens } = this.context;
    return {
      tenant: this.tenant,
      createOrder: input => orders.create(input),
      setOrderStatus: (id, stage) => orders.setStage(id, stage),
      getOrder: id => orders.get(id),
      listOpenOrders: () => orders.list().filter(order => !order.closed),
      republishOrder: order => this.live && this.publishOrder(order),
      notify: (userId, input) => this.live && this.notify(userId, input),
      isVenueOpen: id => venues.isOpen(id),
      updateVenue: (id, patch) => this.updateVenue(id, patch),
      publishRaw: (destination, raw) => this.publishRaw(destination, raw),
      publish: (destination, body) => this.publish(destination, body),
      dropConnections: () => this.dropConnections(),
      expireTokens: () => tokens.expire(),
      log: line => this.live && this.log(line)
    };
  }
}

function checkDestination(destination: unknown): string {
  if (typeof destination !== 'string' || !destination.startsWith('/')) {
    throw new EmulatorError(400, 'destination must be a string starting with /');
  }
  return destination;
}

function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
