import { clip, TEXT_LIMITS } from './guard.js';

/**
 * The parts of Ordering Stack's order model that the widgets read (see `IOrder` in @orderingstack/ordering-types).
 * Every field the server may omit is optional: the widgets must cope with partial objects.
 */
export interface Order {
  id: string;
  tenant?: string;
  status?: string;
  orderType?: string;
  created?: string;
  lastChanged?: string;
  completedTime?: string;
  closedDate?: string;
  completed?: boolean;
  verified?: boolean;
  closed?: boolean;
  claimCode?: string;
  extId?: string;
  users?: { userId?: string; name?: string; roles?: string[] }[];
  buckets?: OrderBucket[];
  extra?: Record<string, string | undefined>;
}

export interface OrderBucket {
  venue?: string;
  /** The venue's name. */
  name?: string;
  queuePos?: string;
  lines?: { id?: string; status?: string; quantity?: number; product?: { literals?: { name?: string } } }[];
}

/** An `OrderEventError` notification (`type: 'OrderEventError'`). */
export interface OrderEventError {
  type: 'OrderEventError';
  orderId?: string;
  correlationId?: string;
  message?: string;
  codes?: { code?: string; message?: string; args?: unknown }[] | null;
}

/**
 * Where an order stands from the guest's point of view.
 * `received` → `paid` → `preparing` → `ready` → `picked-up` | `delivered`; `cancelled` and `abandoned` are terminal.
 */
export type OrderStage =
  'received' | 'paid' | 'preparing' | 'ready' | 'picked-up' | 'delivered' | 'cancelled' | 'abandoned';

/** The stages of the normal path, in order. */
export const ORDER_TIMELINE: readonly OrderStage[] = ['received', 'paid', 'preparing', 'ready', 'picked-up'];

const IGNORED_LINE_STATUSES = new Set(['VOID', 'WASTE', 'TECHNICAL']);

/** True for delivery order types (`DELIVERY`, `GLOVO_DELIVERY`, ...). */
export function isDeliveryOrder(order: Order): boolean {
  return typeof order.orderType === 'string' && order.orderType.endsWith('DELIVERY');
}

/**
 * Maps an order's status, flags and line statuses to a guest-facing stage.
 *
 * | order                                                            | stage                      |
 * |------------------------------------------------------------------|----------------------------|
 * | `CANCELLED`                                                      | cancelled                  |
 * | `ABANDONED`, or `CLOSED` without ever being paid                 | abandoned                  |
 * | `DELIVERED`                                                      | delivered                  |
 * | `PICKED` / `PICKED_UP`, or `CLOSED` after payment                | picked-up (delivered for delivery types) |
 * | `DELIVER`, or every live line `PROCESSED`                        | ready                      |
 * | any live line `PROCESSING` (or some `PROCESSED`)                 | preparing                  |
 * | `COMPLETED` / `VERIFIED` (paid)                                  | paid                       |
 * | otherwise (`NEW`)                                                | received                   |
 *
 * Live lines are those not `VOID`, `WASTE` or `TECHNICAL`.
 */
export function orderStage(order: Order): OrderStage {
  const status = (order.status ?? '').toUpperCase();
  const paid = order.completed === true || status === 'COMPLETED' || status === 'VERIFIED' || status === 'DELIVER';
  const done: OrderStage = isDeliveryOrder(order) ? 'delivered' : 'picked-up';
  switch (status) {
    case 'CANCELLED':
      return 'cancelled';
    case 'ABANDONED':
      return 'abandoned';
    case 'DELIVERED':
      return 'delivered';
    case 'PICKED':
    case 'PICKED_UP':
      return done;
    case 'CLOSED':
      return paid || order.completedTime ? done : 'abandoned';
    case 'DELIVER':
      return 'ready';
  }
  const lines = liveLines(order);
  if (paid && lines.length > 0) {
    const processed = lines.filter(l => l.status === 'PROCESSED').length;
    if (processed === lines.length) return 'ready';
    if (processed > 0 || lines.some(l => l.status === 'PROCESSING')) return 'preparing';
  }
  return paid ? 'paid' : 'received';
}

/** The order's lines that count for the guest: not `VOID`, `WASTE` or `TECHNICAL`. */
function liveLines(order: Order): NonNullable<OrderBucket['lines']> {
  return (order.buckets ?? []).flatMap(b => b.lines ?? []).filter(l => !IGNORED_LINE_STATUSES.has(l.status ?? ''));
}

/** How many items the guest ordered: the quantities of the live lines (a line without one counts as 1). */
export function itemCount(order: Order): number {
  return liveLines(order).reduce((sum, line) => sum + (line.quantity ?? 1), 0);
}

/** One step of the timeline a guest sees. */
export interface TimelineStep {
  stage: OrderStage;
  /** The step is behind the order (the current one too, once the order is finished). */
  done: boolean;
  /** The step the order is at. */
  current: boolean;
  /** The current step ends the order without it being picked up (`cancelled`, `abandoned`). */
  terminal: boolean;
}

/**
 * The timeline for an order at `stage`: the normal path (with `delivered` instead of `picked-up` for delivery types),
 * or, for a cancelled or abandoned order, the steps that did happen (received, paid when it was) and the terminal one.
 */
export function orderTimeline(order: Order, stage: OrderStage = orderStage(order)): TimelineStep[] {
  const ended = stage === 'cancelled' || stage === 'abandoned';
  let stages: OrderStage[];
  if (ended) {
    const paid = order.completed === true || !!order.completedTime;
    stages = paid ? ['received', 'paid', stage] : ['received', stage];
  } else {
    stages = isDeliveryOrder(order)
      ? ORDER_TIMELINE.map(s => (s === 'picked-up' ? 'delivered' : s))
      : [...ORDER_TIMELINE];
  }
  const currentIndex = ended ? stages.length - 1 : Math.max(0, stages.indexOf(stage));
  const final = isFinalStage(stage);
  return stages.map((step, index) => {
    const current = index === currentIndex;
    return {
      stage: step,
      done: index < currentIndex || (final && current && !ended),
      current,
      terminal: current && ended
    };
  });
}

/** A server string, trimmed, or `''` when it is not a non-empty string. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * What to tell a guest about an error (`OrderEventError`): the text for the first code `localized` knows, else the
 * server's `message`, else the first code's `message`, else `generic`; at most `TEXT_LIMITS.message` characters.
 * Tolerates missing and malformed fields.
 */
export function errorMessage(
  error: { message?: unknown; codes?: unknown },
  localized: (code: string) => string | undefined,
  generic: string
): string {
  const codes = Array.isArray(error.codes) ? (error.codes as unknown[]) : [];
  const entries = codes.filter((c): c is { code?: unknown; message?: unknown } => typeof c === 'object' && c !== null);
  for (const entry of entries) {
    const text = typeof entry.code === 'string' && entry.code ? localized(entry.code) : undefined;
    if (text) return text;
  }
  const text = textOf(error.message) || textOf(entries.find(c => textOf(c.message))?.message) || generic;
  return clip(text, TEXT_LIMITS.message);
}

/** True for stages after which nothing more happens. */
export function isFinalStage(stage: OrderStage): boolean {
  return stage === 'picked-up' || stage === 'delivered' || stage === 'cancelled' || stage === 'abandoned';
}

/** Which number to show a guest: `queuePos`, `claimCode` or a short id. */
export type NumberSource = 'auto' | 'queue-pos' | 'claim-code' | 'id';

/**
 * The number a guest listens for. `auto`: the bucket's `queuePos` (of `venue` when given), else `claimCode`, else the
 * last 4 characters of the id, upper-cased. At most `TEXT_LIMITS.number` characters.
 */
export function pickupNumber(order: Order, source: NumberSource = 'auto', venue?: string): string {
  const shortId = order.id.replace(/-/g, '').slice(-4).toUpperCase();
  const buckets = order.buckets ?? [];
  const queuePos = (buckets.find(b => b.venue === venue && b.queuePos) ?? buckets.find(b => b.queuePos))?.queuePos;
  let number: string;
  switch (source) {
    case 'queue-pos':
      number = queuePos || shortId;
      break;
    case 'claim-code':
      number = order.claimCode || shortId;
      break;
    case 'id':
      number = shortId;
      break;
    default:
      number = queuePos || order.claimCode || shortId;
  }
  return clip(number, TEXT_LIMITS.number);
}

/**
 * The reconcile guard of ordering-stack.md §6: an incoming copy replaces the held one unless its `lastChanged` is
 * strictly older. Copies without `lastChanged` always replace (nothing to compare).
 */
export function isNotOlder(incoming: Order, held: Order | undefined): boolean {
  if (!held?.lastChanged || !incoming.lastChanged) return true;
  const a = Date.parse(incoming.lastChanged);
  const b = Date.parse(held.lastChanged);
  if (Number.isNaN(a) || Number.isNaN(b)) return true;
  return a >= b;
}

/**
 * True when two copies are the same revision: the same object, or the same `lastChanged` and the same content
 * (compared only then, so the cost is paid by duplicates alone).
 */
export function isSameRevision(a: Order, b: Order): boolean {
  if (a === b) return true;
  if (!a.lastChanged || a.lastChanged !== b.lastChanged) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Milliseconds since the epoch for an ISO time string, or `undefined` when it is missing or not a time. */
export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The short display name of an order's customer: first name plus the initial of the last name (`'Anna K.'`), or the
 * single name as is, at most `TEXT_LIMITS.name` characters. Read from `extra['customer-name']`, else
 * `extra['x-customer-name']`, else `users[0].name`.
 */
export function shortCustomerName(order: Order): string | undefined {
  const full = [order.extra?.['customer-name'], order.extra?.['x-customer-name'], order.users?.[0]?.name].find(
    n => typeof n === 'string' && n.trim() !== ''
  );
  if (!full) return undefined;
  const words = full.trim().split(/\s+/);
  if (words.length === 1) return clip(words[0], TEXT_LIMITS.name);
  const first = clip(words[0], TEXT_LIMITS.name - 3);
  const initial = String.fromCodePoint(words[words.length - 1].codePointAt(0)!).toLocaleUpperCase();
  return `${first} ${initial}.`;
}
