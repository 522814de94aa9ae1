/**
 * The guards of order messages: a body from the order and venue-orders destinations (or a REST snapshot) becomes an
 * `Order` or an `OrderEventError` whose fields have the types the models expect, or a rejection. Fields the widgets
 * don't read are kept as the server sent them (hosts get the whole order in events).
 */
import {
  accept,
  booleanOr,
  isRecord,
  kindOf,
  malformed,
  MAX_DEPTH,
  MAX_ID_LENGTH,
  MAX_QUANTITY,
  nestedDeeperThan,
  notInFuture,
  recordsOf,
  sample,
  stringOr,
  stringsOf,
  withFields,
  type Checked
} from './guard.js';
import type { Order, OrderBucket, OrderEventError } from './order.js';

type Line = NonNullable<OrderBucket['lines']>[number];

/** The order's fields that are strings (anything else there is dropped). */
const STRING_FIELDS = [
  'tenant',
  'status',
  'orderType',
  'created',
  'lastChanged',
  'completedTime',
  'closedDate',
  'claimCode',
  'extId'
] as const;
const BOOLEAN_FIELDS = ['completed', 'verified', 'closed'] as const;

/** Why an id is not usable, or `undefined` when it is a non-empty string of a sane length. */
function badId(id: unknown, field: string): string | undefined {
  if (typeof id !== 'string' || id === '') return `${field} is ${typeof id === 'string' ? 'empty' : kindOf(id)}`;
  if (id.length > MAX_ID_LENGTH) return `${field} is ${id.length} characters long`;
  return undefined;
}

/** A `queuePos` as text: strings as they are, finite numbers written out; anything else is no queue position. */
function queuePosOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function normaliseLine(line: Record<string, unknown>): Line {
  const quantity = line.quantity;
  const product = isRecord(line.product) ? line.product : undefined;
  return withFields<Line>(line, {
    id: stringOr(line.id),
    status: stringOr(line.status),
    quantity:
      typeof quantity === 'number' && Number.isFinite(quantity) && quantity >= 0 && quantity <= MAX_QUANTITY
        ? quantity
        : undefined,
    product: product && withFields(product, { literals: isRecord(product.literals) ? product.literals : undefined })
  });
}

function normaliseBucket(bucket: Record<string, unknown>): OrderBucket {
  return withFields<OrderBucket>(bucket, {
    venue: stringOr(bucket.venue),
    name: stringOr(bucket.name),
    queuePos: queuePosOf(bucket.queuePos),
    lines: recordsOf(bucket.lines, normaliseLine)
  });
}

function normaliseUser(user: Record<string, unknown>): NonNullable<Order['users']>[number] {
  return withFields(user, { userId: stringOr(user.userId), name: stringOr(user.name), roles: stringsOf(user.roles) });
}

/** The string entries of `extra` (`IOrderExtra` is a map of strings). */
function extraOf(value: unknown): Order['extra'] {
  if (!isRecord(value)) return undefined;
  const extra: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') extra[key] = entry;
  return extra;
}

/**
 * An order from a server body, normalised once so that the models and the render code never meet `null` or a wrong
 * type where they expect an object: `buckets`, `lines` and `users` are arrays of objects (other entries dropped),
 * string fields are strings or absent, flags booleans or absent, `quantity` a number from 0 to 9999 or absent,
 * `queuePos` a string, `extra` a map of strings, and a `lastChanged` more than 5 minutes ahead of `now` is `now`.
 *
 * Rejected as malformed: anything but an object, an id that is not a non-empty string of at most 256 characters,
 * and bodies nested deeper than 64 levels. Quietly rejected: notifications (a `type` field).
 */
export function checkOrder(body: unknown, now: number = Date.now()): Checked<Order> {
  if (!isRecord(body)) return malformed(`the order is ${kindOf(body)}`);
  if (body.type !== undefined) return { ok: false };
  const bad = badId(body.id, 'the order id');
  if (bad) return malformed(bad);
  if (nestedDeeperThan(body, MAX_DEPTH)) return malformed(`the order is nested deeper than ${MAX_DEPTH} levels`);
  const fields: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) fields[key] = stringOr(body[key]);
  for (const key of BOOLEAN_FIELDS) fields[key] = booleanOr(body[key]);
  fields.lastChanged = notInFuture(fields.lastChanged as string | undefined, now);
  fields.buckets = recordsOf(body.buckets, normaliseBucket);
  fields.users = recordsOf(body.users, normaliseUser);
  fields.extra = extraOf(body.extra);
  return accept(withFields<Order>(body, fields));
}

/**
 * The fields every notification (`INotificationMessage`) may carry, normalised: `orderId`, `correlationId` and
 * `message` strings, `codes` an array of objects with string `code` and `message` (each absent when the server sent
 * something else).
 */
export function notificationFields(body: Record<string, unknown>): Record<string, unknown> {
  return {
    orderId: stringOr(body.orderId),
    correlationId: stringOr(body.correlationId),
    message: stringOr(body.message),
    codes: recordsOf(body.codes, code =>
      withFields(code, { code: stringOr(code.code), message: stringOr(code.message) })
    )
  };
}

/**
 * An `OrderEventError` from a server body: `codes` an array of objects with string `code` and `message` (or absent),
 * `orderId`, `correlationId` and `message` strings or absent. Rejected as malformed: anything but an object with
 * `type: 'OrderEventError'`, and bodies nested deeper than 64 levels.
 */
export function checkOrderEventError(body: unknown): Checked<OrderEventError> {
  if (!isRecord(body)) return malformed(`the notification is ${kindOf(body)}`);
  if (body.type !== 'OrderEventError') {
    return malformed(`the type is ${typeof body.type === 'string' ? sample(body.type) : kindOf(body.type)}`);
  }
  if (nestedDeeperThan(body, MAX_DEPTH)) return malformed(`the error is nested deeper than ${MAX_DEPTH} levels`);
  return accept(withFields<OrderEventError>(body, notificationFields(body)));
}

/**
 * The orders of a REST snapshot (`GET /orders/venue/{venue}`), each through {@link checkOrder}; what is not an order
 * is left out. Not an array: no orders.
 */
export function checkOrders(body: unknown, now: number = Date.now()): Order[] {
  if (!Array.isArray(body)) return [];
  const orders: Order[] = [];
  for (const item of body) {
    const checked = checkOrder(item, now);
    if (checked.ok) orders.push(checked.value);
  }
  return orders;
}
