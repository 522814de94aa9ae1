import type { NotificationInput } from '../domain/notifications.js';
import type { Order } from '../domain/order-model.js';
import type { OrderStage } from '../domain/order-stages.js';
import type { CreateOrderInput } from '../domain/orders.js';
import type { VenuePatch } from '../domain/venues.js';
import { CLOSURE_REASONS, GUEST_NAMES, MENU } from './menu.js';
import type { Random } from './random.js';
import type { FaultKind, Range, ScenarioDefinition } from './scenarios.js';
import type { Scheduler } from './scheduler.js';

/** What the simulated restaurant may do to the emulator. */
export interface RestaurantPorts {
  tenant: string;
  createOrder(input: CreateOrderInput): Order;
  setOrderStatus(id: string, stage: OrderStage): Order;
  getOrder(id: string): Order | undefined;
  listOpenOrders(): Order[];
  /** Publishes an order as it is given (for stale and duplicate messages). */
  republishOrder(order: Order): void;
  notify(userId: string, input: NotificationInput): void;
  isVenueOpen(id: string): boolean;
  updateVenue(id: string, patch: VenuePatch): void;
  publishRaw(destination: string, raw: string): number;
  publish(destination: string, body: unknown): number;
  dropConnections(): number;
  expireTokens(): number;
  log(line: string): void;
}

/** How many of each event the simulation produced; answered by `GET /__emulator/scenario`. */
export interface ScenarioCounts {
  ordersPlaced: number;
  abandoned: number;
  cancelled: number;
  pickedUp: number;
  errors: number;
  upsells: number;
  basketUpdates: number;
  receipts: number;
  venueClosures: number;
  drops: number;
  tokenExpiries: number;
  malformed: number;
  stale: number;
  duplicates: number;
  unknownTypes: number;
}

/** Every count at zero. */
export function emptyCounts(): ScenarioCounts {
  return {
    ordersPlaced: 0,
    abandoned: 0,
    cancelled: 0,
    pickedUp: 0,
    errors: 0,
    upsells: 0,
    basketUpdates: 0,
    receipts: 0,
    venueClosures: 0,
    drops: 0,
    tokenExpiries: 0,
    malformed: 0,
    stale: 0,
    duplicates: 0,
    unknownTypes: 0
  };
}

/** The demo guest whose orders the tracker page follows. */
export const DEMO_GUEST = { userId: 'guest-1', name: 'Anna' } as const;

/** One step of an order's way: after `delayMs`, move it to `stage`, then run `then`. */
type Step = [delayMs: number, stage: OrderStage, then?: () => void];

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * A simulated restaurant: guests order at random (seeded) times, each order goes basket → paid → preparing → ready →
 * picked up → closed with realistic delays, some are abandoned or cancelled, guests get errors, upsell offers, basket
 * updates and receipts, venues close for a while, and (in `chaos`) faults are injected. Everything runs on the
 * {@link Scheduler}'s simulated time, so one seed gives the same restaurant on every run.
 *
 * An order someone else changed (the control API, a test) is left alone from then on.
 */
export class Restaurant {
  readonly counts = emptyCounts();

  /** `lastChanged` of each order as the simulation last left it, to notice changes made by others. */
  private readonly driven = new Map<string, string>();
  /** The previous version of each driven order, for stale messages. */
  private readonly previous = new Map<string, Order>();
  private customers = 0;
  /** Anna's orders: a new round supersedes a waiting one. */
  private demoGuestRound = 0;
  private demoGuestBusy = false;

  constructor(
    private readonly scenario: ScenarioDefinition,
    private readonly random: Random,
    private readonly scheduler: Scheduler,
    private readonly ports: RestaurantPorts
  ) {}

  /** Schedules the first guests, the demo guest, closures and (after the warm-up) faults. */
  start(): void {
    for (const [venue, mean] of Object.entries(this.scenario.arrivals)) this.nextArrival(venue, mean);
    this.scheduler.after(this.seconds([5, 30]), () => this.demoGuestOrders());
    const closures = this.scenario.venueClosures;
    if (closures) this.scheduler.after(this.random.between(closures.everyMinutes) * MINUTE, () => this.closeVenue());
    const faults = this.scenario.faults;
    if (faults) {
      this.scheduler.after(this.scenario.warmupMinutes * MINUTE + this.seconds(faults.every), () => this.injectFault());
    }
  }

  private nextArrival(venue: string, meanSeconds: number): void {
    this.scheduler.after(this.random.exponential(meanSeconds * SECOND), () => {
      if (this.ports.isVenueOpen(venue)) {
        const customer = { userId: `customer-${++this.customers}`, name: this.random.pick(GUEST_NAMES) };
        this.placeOrder(venue, customer, () => {});
      }
      this.nextArrival(venue, meanSeconds);
    });
  }

  /**
   * Anna (`guest-1`) orders at Centrum again a while after her last order was picked up (or dropped), so the demo's
   * order tracker always has something to follow.
   */
  private demoGuestOrders(): void {
    const round = ++this.demoGuestRound;
    this.demoGuestBusy = true;
    const again = () => {
      if (round !== this.demoGuestRound) return;
      this.demoGuestBusy = false;
      this.scheduler.after(this.seconds(this.scenario.guestOrderEvery), () => {
        if (round === this.demoGuestRound) this.demoGuestOrders();
      });
    };
    if (this.ports.isVenueOpen('v1')) this.placeOrder('v1', DEMO_GUEST, again);
    else again();
  }

  /** Called when the warm-up is over: Anna should have an order on the way when the first page opens. */
  warmedUp(): void {
    if (!this.demoGuestBusy) this.demoGuestOrders();
  }

  private placeOrder(venue: string, guest: { userId: string; name: string }, done: () => void): void {
    const { scenario, random } = this;
    const items = Array.from({ length: random.int(1, 3) }, () => {
      const dish = random.pick(MENU);
      return { name: dish.name, price: dish.price, quantity: random.chance(0.2) ? 2 : 1 };
    });
    const order = this.ports.createOrder({
      userId: guest.userId,
      venue,
      status: 'NEW',
      customerName: guest.name,
      items: [...new Map(items.map(item => [item.name, item])).values()]
    });
    this.counts.ordersPlaced += 1;
    this.driven.set(order.id, order.lastChanged);
    const { id } = order;
    const notify = (input: NotificationInput, counter: keyof ScenarioCounts) => {
      this.counts[counter] += 1;
      this.ports.notify(guest.userId, { orderId: id, ...input });
    };

    if (random.chance(scenario.rates.basketUpdate)) {
      this.scheduler.after(this.seconds([2, 6]), () => notify({ kind: 'basket' }, 'basketUpdates'));
    }
    if (random.chance(scenario.rates.upsell)) {
      const offer = random.pick(MENU.filter(dish => !items.some(item => item.name === dish.name)));
      this.scheduler.after(this.seconds([3, 8]), () => notify({ kind: 'upsell', message: offer.name }, 'upsells'));
    }
    const checkout = this.seconds(scenario.steps.checkout);
    if (random.chance(scenario.rates.abandon)) {
      this.follow(id, [[checkout, 'ABANDONED', () => (this.counts.abandoned += 1)]], done);
      return;
    }
    const queue = this.seconds(scenario.steps.queue);
    if (random.chance(scenario.rates.cancel)) {
      this.scheduler.after(checkout + queue / 2, () => notify({ kind: 'error' }, 'errors'));
      this.follow(
        id,
        [
          [checkout, 'COMPLETED'],
          [queue / 2 + 5 * SECOND, 'CANCELLED', () => (this.counts.cancelled += 1)]
        ],
        done
      );
      return;
    }
    if (random.chance(scenario.rates.lateCancel)) {
      this.scheduler.after(checkout + this.seconds([10, 30]), () => notify({ kind: 'cannot-abandon' }, 'errors'));
    }
    const receipt = random.chance(scenario.rates.receipt);
    const pickedUp = () => {
      this.counts.pickedUp += 1;
      if (receipt) this.scheduler.after(this.seconds([1, 4]), () => notify({ kind: 'fiscal' }, 'receipts'));
    };
    this.follow(
      id,
      [
        [checkout, 'COMPLETED'],
        [queue, 'PREPARING'],
        [this.seconds(scenario.steps.cooking), 'READY'],
        [this.seconds(scenario.steps.pickup), 'PICKED', pickedUp],
        [this.seconds(scenario.steps.closing), 'CLOSED']
      ],
      done
    );
  }

  /**
   * Moves a driven order through `steps`, each `[delayMs, stage, then?]` after the previous one, and calls `done` at
   * the end. When someone else changed the order in the meantime, the order is left alone and `done` called at once.
   */
  private follow(id: string, steps: Step[], done: () => void): void {
    const [step, ...rest] = steps;
    if (!step) {
      done();
      return;
    }
    const [delayMs, stage, then] = step;
    this.scheduler.after(delayMs, () => {
      const current = this.ports.getOrder(id);
      if (!current || current.lastChanged !== this.driven.get(id)) {
        this.forget(id);
        done();
        return;
      }
      const order = this.ports.setOrderStatus(id, stage);
      if (order.closed) this.forget(id);
      else {
        this.previous.set(id, current);
        this.driven.set(id, order.lastChanged);
      }
      then?.();
      this.follow(id, rest, done);
    });
  }

  private forget(id: string): void {
    this.driven.delete(id);
    this.previous.delete(id);
  }

  private closeVenue(): void {
    const closures = this.scenario.venueClosures!;
    const venue = this.random.pick(closures.venues);
    const reason = this.random.pick(CLOSURE_REASONS);
    const minutes = this.random.between(closures.forMinutes);
    if (this.ports.isVenueOpen(venue)) {
      this.counts.venueClosures += 1;
      this.ports.log(`sim: venue ${venue} closes for ${minutes.toFixed(1)} min (${reason})`);
      this.ports.updateVenue(venue, { tempDisabled: true, tempDisabledReason: reason });
      this.scheduler.after(minutes * MINUTE, () => {
        this.ports.log(`sim: venue ${venue} re-opens`);
        this.ports.updateVenue(venue, { tempDisabled: false, tempDisabledReason: null });
      });
    }
    this.scheduler.after(this.random.between(closures.everyMinutes) * MINUTE, () => this.closeVenue());
  }

  private injectFault(): void {
    const faults = this.scenario.faults!;
    const kind = this.random.pick(faults.kinds);
    this.ports.log(`sim: fault ${kind}`);
    this.fault(kind);
    this.scheduler.after(this.seconds(faults.every), () => this.injectFault());
  }

  private fault(kind: FaultKind): void {
    const { tenant } = this.ports;
    const boards = Object.keys(this.scenario.arrivals).map(venue => `/kds/${tenant}/${venue}`);
    switch (kind) {
      case 'drop-connections':
        this.counts.drops += 1;
        this.ports.dropConnections();
        return;
      case 'expire-tokens':
        this.counts.tokenExpiries += 1;
        this.ports.expireTokens();
        return;
      case 'malformed': {
        this.counts.malformed += 1;
        const targets = [...boards, `/kds/${tenant}/${DEMO_GUEST.userId}`, `/venue/${tenant}/v1`];
        for (const destination of targets) this.ports.publishRaw(destination, '{"id": "10');
        return;
      }
      case 'stale': {
        const [id, old] = this.random.pick([...this.previous.entries()]) ?? [];
        if (!id || !old) return;
        this.counts.stale += 1;
        this.ports.republishOrder(old);
        return;
      }
      case 'duplicate': {
        const order = this.random.pick(this.ports.listOpenOrders());
        if (!order) return;
        this.counts.duplicates += 1;
        this.ports.republishOrder(order);
        return;
      }
      case 'unknown-type':
        this.counts.unknownTypes += 1;
        this.ports.publish(`/kds/${tenant}/${DEMO_GUEST.userId}`, { type: 'OrderSomethingNew', orderId: 'x' });
        for (const destination of boards) this.ports.publish(destination, { hello: 'not an order' });
        return;
    }
  }

  private seconds(range: Range): number {
    return this.random.between(range) * SECOND;
  }
}
