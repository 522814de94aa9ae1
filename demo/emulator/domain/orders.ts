import { createHash, randomInt } from 'node:crypto';
import { EmulatorError } from '../errors.js';
import { MonotonicClock } from './monotonic-clock.js';
import type { Order, OrderLine } from './order-model.js';
import { applyStage, isOrderStage, ORDER_STAGES, type OrderStage } from './order-stages.js';
import type { VenueStore } from './venues.js';

/** One item of a new order. */
export interface OrderItemInput {
  name: string;
  /** Default 1. */
  quantity?: number;
  /** Unit price, e.g. `24.5` or `"24.50"`; default `"10.00"`. */
  price?: number | string;
}

/** Input of {@link OrderStore.create} and `POST /__emulator/orders`. */
export interface CreateOrderInput {
  /** Default: the next free number from 1001. */
  id?: string;
  /** The customer; default `guest-1`. */
  userId?: string;
  /** Default `v1`. */
  venue?: string;
  /** Default `COMPLETED`. */
  status?: OrderStage | string;
  /** Default: a per-venue counter from 1. */
  queuePos?: string;
  /** Default: 6 random upper-case letters and digits. */
  claimCode?: string;
  /** Stored as `users[0].name` and `extra['customer-name']`. */
  customerName?: string;
  /** Default: one "Pierogi ruskie". */
  items?: OrderItemInput[];
}

const DEFAULT_ITEMS: OrderItemInput[] = [{ name: 'Pierogi ruskie', quantity: 1, price: '24.00' }];
const CLAIM_CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * In-memory orders of the single tenant. Every change stamps a strictly increasing `lastChanged` and is
 * reported to `onChange` with the order (a copy), so the caller can publish it.
 */
export class OrderStore {
  private readonly orders = new Map<string, Order>();
  private readonly queueCounters = new Map<string, number>();
  private readonly clock: MonotonicClock;
  private readonly randomInt: (max: number) => number;
  private nextId = 1001;

  /**
   * @param options.now the wall clock for timestamps (a simulation's warm-up dates its orders in the past)
   * @param options.random a generator in [0, 1) for claim codes (a seeded one makes them repeatable)
   */
  constructor(
    private readonly tenant: string,
    private readonly venues: VenueStore,
    private readonly onChange: (order: Order) => void,
    options: { now?: () => number; random?: () => number } = {}
  ) {
    this.clock = new MonotonicClock(options.now);
    const { random } = options;
    this.randomInt = random ? max => Math.floor(random() * max) : max => randomInt(max);
  }

  /** Forgets every order and restarts ids at 1001 and queue numbers at 1. */
  clear(): void {
    this.orders.clear();
    this.queueCounters.clear();
    this.nextId = 1001;
  }

  /** Creates an order; throws {@link EmulatorError} 400 for bad input and 409 for a taken id. */
  create(input: CreateOrderInput = {}): Order {
    checkOrderInput(input);
    const id = input.id ?? this.freeId();
    if (this.orders.has(id)) throw new EmulatorError(409, `Order ${id} already exists`);
    const venueId = input.venue ?? 'v1';
    if (!this.venues.has(venueId)) throw new EmulatorError(400, `Unknown venue ${input.venue}`);
    const venue = this.venues.get(venueId);
    const stage = input.status ?? 'COMPLETED';
    if (!isOrderStage(stage)) throw unknownStage(stage);
    const now = this.clock.next();
    const lines = (input.items?.length ? input.items : DEFAULT_ITEMS).map((item, index) =>
      createLine(id, index, item, now)
    );
    const total = formatPrice(lines.reduce((sum, line) => sum + Number(line.total), 0));
    const name = input.customerName;
    const order: Order = {
      tenant: this.tenant,
      id,
      source: 'WEB',
      orderType: 'TAKE_AWAY',
      created: now,
      lastChanged: now,
      status: 'NEW',
      total,
      editTotal: total,
      users: [{ userId: input.userId ?? 'guest-1', roles: ['CUSTOMER'], ...(name ? { name } : {}) }],
      buckets: [
        {
          venue: venue.id,
          name: venue.name,
          menu: `menu-${venue.id}`,
          lines,
          queuePos: input.queuePos ?? this.nextQueuePos(venue.id)
        }
      ],
      claimCode: input.claimCode ?? this.claimCode(),
      completed: false,
      verified: false,
      closed: false,
      ...(name ? { extra: { 'customer-name': name } } : {})
    };
    applyStage(order, stage, now);
    this.orders.set(id, order);
    return this.changed(order);
  }

  /** A copy of the order, or undefined. */
  get(id: string): Order | undefined {
    const order = this.orders.get(id);
    return order && structuredClone(order);
  }

  /** Moves an order to a stage; throws {@link EmulatorError} 404 for an unknown order, 400 for an unknown stage. */
  setStage(id: string, stage: string): Order {
    const order = this.orders.get(id);
    if (!order) throw new EmulatorError(404, `Order ${id} not found`);
    if (!isOrderStage(stage)) throw unknownStage(stage);
    applyStage(order, stage, this.clock.next());
    return this.changed(order);
  }

  /** Copies of all orders, oldest first. */
  list(): Order[] {
    return [...this.orders.values()].map(order => structuredClone(order));
  }

  /** Not-closed orders with a bucket in the venue. */
  openAtVenue(venue: string): Order[] {
    return this.list().filter(order => !order.closed && order.buckets.some(bucket => bucket.venue === venue));
  }

  /** Not-closed orders of a user. */
  openForUser(userId: string): Order[] {
    return this.list().filter(order => !order.closed && order.users.some(user => user.userId === userId));
  }

  private changed(order: Order): Order {
    const copy = structuredClone(order);
    this.onChange(structuredClone(order));
    return copy;
  }

  private freeId(): string {
    while (this.orders.has(String(this.nextId))) this.nextId += 1;
    return String(this.nextId++);
  }

  private claimCode(): string {
    return Array.from({ length: 6 }, () => CLAIM_CODE_CHARS[this.randomInt(CLAIM_CODE_CHARS.length)]).join('');
  }

  private nextQueuePos(venue: string): string {
    const next = (this.queueCounters.get(venue) ?? 0) + 1;
    this.queueCounters.set(venue, next);
    return String(next);
  }
}

function createLine(orderId: string, index: number, item: OrderItemInput, now: string): OrderLine {
  const quantity = item.quantity ?? 1;
  const price = formatPrice(Number(item.price ?? 10));
  const productId = `p-${slug(item.name)}`;
  return {
    id: `${orderId}-${index + 1}`,
    quantity,
    price,
    total: formatPrice(Number(price) * quantity),
    productId,
    product: { id: productId, kind: 'product', literals: { name: item.name }, quantity: '1', price },
    status: 'NEW',
    created: now,
    updated: now,
    source: 'WEB',
    hash: createHash('sha1').update(`${productId}:${price}`).digest('hex').slice(0, 16)
  };
}

const ID = /^[\w.@-]{1,100}$/;

function checkOrderInput(input: CreateOrderInput): void {
  for (const field of ['id', 'userId'] as const) {
    const value = input[field];
    if (value !== undefined && !ID.test(value)) {
      throw new EmulatorError(400, `${field} must be 1-100 of: A-Z a-z 0-9 _ . @ -`);
    }
  }
  for (const item of input.items ?? []) {
    if (typeof item.name !== 'string' || !item.name.trim()) throw new EmulatorError(400, 'Every item needs a name');
    if (item.quantity !== undefined && !(Number.isInteger(item.quantity) && item.quantity > 0)) {
      throw new EmulatorError(400, 'Item quantity must be a positive integer');
    }
    const price = Number(item.price ?? 0);
    if (!Number.isFinite(price) || price < 0) throw new EmulatorError(400, 'Item price must be a non-negative number');
  }
}

function unknownStage(stage: unknown): EmulatorError {
  return new EmulatorError(400, `Unknown status ${JSON.stringify(stage)}; expected one of ${ORDER_STAGES.join(', ')}`);
}

function formatPrice(value: number): string {
  return value.toFixed(2);
}

function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'item'
  );
}
