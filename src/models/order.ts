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
export type OrderStage = 'received' | 'paid' | 'preparing' | 'ready' | 'picked-up' | 'delivered' | 'cancelled' | 'abandoned';

/** The stages of the normal path, in order. */
export const ORDER_TIMELINE: readonly OrderStage[] = ['received', 'paid', 'preparing', 'ready', 'picked-up'];

const IGNORED_LINE_STATUSES = new Set(['VOID', 'WASTE', 'TECHNICAL']);

/** True when the value looks like an order: an object with a string `id` and no notification `type`. */
export function isOrder(value: unknown): value is Order {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Order).id === 'string' &&
    (value as { type?: unknown }).type === undefined
  );
}

/** True when the value is an `OrderEventError` notification. */
export function isOrderEventError(value: unknown): value is OrderEventError {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'OrderEventError';
}

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
  const lines = (order.buckets ?? []).flatMap(b => b.lines ?? []).filter(l => !IGNORED_LINE_STATUSES.has(l.status ?? ''));
  if (paid && lines.length > 0) {
    const processed = lines.filter(l => l.status === 'PROCESSED').length;
    if (processed === lines.length) return 'ready';
    if (processed > 0 || lines.some(l => l.status === 'PROCESSING')) return 'preparing';
  }
  return paid ? 'paid' : 'received';
}

/** True for stages after which nothing more happens. */
export function isFinalStage(stage: OrderStage): boolean {
  return stage === 'picked-up' || stage === 'delivered' || stage === 'cancelled' || stage === 'abandoned';
}

/** Which number to show a guest: `queuePos`, `claimCode` or a short id. */
export type NumberSource = 'auto' | 'queue-pos' | 'claim-code' | 'id';

/**
 * The number a guest listens for. `auto`: the bucket's `queuePos` (of `venue` when given), else `claimCode`, else the
 * last 4 characters of the id, upper-cased.
 */
export function pickupNumber(order: Order, source: NumberSource = 'auto', venue?: string): string {
  const shortId = order.id.replace(/-/g, '').slice(-4).toUpperCase();
  const buckets = order.buckets ?? [];
  const queuePos = (buckets.find(b => b.venue === venue && b.queuePos) ?? buckets.find(b => b.queuePos))?.queuePos;
  switch (source) {
    case 'queue-pos':
      return queuePos ?? shortId;
    case 'claim-code':
      return order.claimCode || shortId;
    case 'id':
      return shortId;
    default:
      return queuePos || order.claimCode || shortId;
  }
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
