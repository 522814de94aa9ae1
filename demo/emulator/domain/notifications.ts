import { EmulatorError } from '../errors.js';

/** Kinds accepted by `POST /__emulator/users/{userId}/notify`. */
export const NOTIFICATION_KINDS = ['error', 'cannot-abandon', 'upsell', 'basket', 'message', 'fiscal'] as const;

/** One of {@link NOTIFICATION_KINDS}. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Input of {@link buildNotification}. */
export interface NotificationInput {
  kind: NotificationKind | string;
  orderId?: string;
  /** Overrides the default text (`error`, `message`) or the offered product's name (`upsell`). */
  message?: string;
  /** Default: `{kind}-{orderId}-{n}`. */
  correlationId?: string;
}

/** A user notification as Ordering Stack sends it (`INotificationMessage` / `IUpsellNotification`). */
export type UserNotificationBody = Record<string, unknown> & { type: string; orderId: string };

/**
 * Builds a user notification the way Ordering Stack shapes it (`ordering-stack.md` §4.3):
 * - `error`: `OrderEventError` "Product is not available" (`codes: [{code: 'productNotAvailable'}]`);
 * - `cannot-abandon`: `OrderEventError` "Order cannot be abandoned" (`cannotAbandon`);
 * - `upsell`: `OrderUpsell` offering a Kompot (or `message` as the product name);
 * - `basket`: `OrderAppliedEvents` (the basket was updated);
 * - `message`: `OrderMessage` with `message`;
 * - `fiscal`: `OrderEventFiscal` (the receipt is ready).
 * Throws {@link EmulatorError} 400 for an unknown kind.
 */
export function buildNotification(input: NotificationInput, serial: number, users: string[]): UserNotificationBody {
  const orderId = input.orderId ?? '1001';
  const correlationId = input.correlationId ?? `${input.kind}-${orderId}-${serial}`;
  const base = { orderId, users, correlationId };
  switch (input.kind) {
    case 'error':
      return error(base, input.message ?? 'Product is not available', 'productNotAvailable');
    case 'cannot-abandon':
      return error(base, input.message ?? 'Order cannot be abandoned', 'cannotAbandon');
    case 'upsell': {
      const name = input.message ?? 'Kompot';
      return {
        type: 'OrderUpsell',
        ...base,
        items: [`p-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`],
        showAs: 'POPUP',
        details: { literals: { name }, media: [] }
      };
    }
    case 'basket':
      return { type: 'OrderAppliedEvents', ...base, events: [correlationId] };
    case 'message':
      return { type: 'OrderMessage', ...base, message: input.message ?? 'Thank you for your order!' };
    case 'fiscal':
      return { type: 'OrderEventFiscal', ...base, fiscal: { status: 'PRINTED' } };
    default:
      throw new EmulatorError(
        400,
        `Unknown kind ${JSON.stringify(input.kind)}; expected one of ${NOTIFICATION_KINDS.join(', ')}`
      );
  }
}

function error(base: { orderId: string; users: string[]; correlationId: string }, message: string, code: string) {
  return { type: 'OrderEventError', ...base, message, codes: [{ code, message, args: null }] };
}
