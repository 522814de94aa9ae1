/**
 * The user notifications `<os-user-toasts>` understands (`INotificationMessage` and `IUpsellNotification`,
 * `ordering-stack.md` §4.3), with DOM-free helpers to read them and to turn them into toasts.
 */
import {
  accept,
  clip,
  isRecord,
  kindOf,
  malformed,
  MAX_DEPTH,
  nestedDeeperThan,
  NOT_MINE,
  recordsOf,
  stringOr,
  stringsOf,
  TEXT_LIMITS,
  withFields,
  type Checked
} from './guard.js';
import { errorMessage, textOf } from './order.js';
import { notificationFields } from './order-guard.js';
import { toastKey, type ToastInit } from './toast-queue.js';

/** The notification types shown as toasts (`ENotificationType`). */
export type UserNotificationType =
  'OrderMessage' | 'OrderEventError' | 'OrderAppliedEvents' | 'OrderEventFiscal' | 'OrderUpsell';

/** A message on the user's destination. Every field but `type` may be missing. */
export interface UserNotification {
  type: UserNotificationType | (string & {});
  orderId?: string;
  users?: string[];
  correlationId?: string | null;
  event?: { correlationId?: string | null; user?: string; orderId?: string } | null;
  events?: string[] | null;
  message?: string | null;
  codes?: { code?: string; message?: string; args?: unknown }[] | null;
  fiscal?: unknown;
  /** `OrderUpsell`: the product ids offered. */
  items?: string[];
  /** `OrderUpsell`: how the offer should be shown (`POPUP`, `SIDE`, `BASKET`...). */
  showAs?: string;
  /** `OrderUpsell`: texts and pictures of the offer. */
  details?: {
    literals?: Record<string, unknown> | string | null;
    media?: { url?: string; name?: string }[] | null;
  } | null;
  extra?: unknown;
}

/** Detail of `os-upsell-accept` and `os-upsell-dismiss`: what the host needs to change the order. */
export interface UpsellOffer {
  /** The order the offer is about. */
  orderId: string;
  /** The product ids offered (as the server sent them). */
  items: string[];
  /** The whole `OrderUpsell` notification. */
  notification: UserNotification;
}

/** What a toast of `<os-user-toasts>` carries besides its text. */
export interface UserToastData {
  /** The notification the toast was made from (absent for toasts from `show()`). */
  notification?: UserNotification;
  /** The offer, for `upsell` toasts. */
  upsell?: UpsellOffer;
}

const KNOWN = new Set(['OrderMessage', 'OrderEventError', 'OrderAppliedEvents', 'OrderEventFiscal', 'OrderUpsell']);

/**
 * A user notification from a server body, normalised once: `codes`, `media` arrays of objects, `items`, `users` and
 * `events` arrays of strings, `event` and `details` objects, the ids and texts strings (each absent when the server
 * sent something else). Rejected as malformed: anything but an object with a string `type`, and bodies nested deeper
 * than 64 levels. Quietly rejected: types not shown as toasts, and notifications whose `users` list leaves out
 * `userId` (when both are known).
 */
export function checkUserNotification(body: unknown, userId?: string): Checked<UserNotification> {
  if (!isRecord(body)) return malformed(`the notification is ${kindOf(body)}`);
  if (typeof body.type !== 'string') return malformed(`the notification's type is ${kindOf(body.type)}`);
  if (!KNOWN.has(body.type)) return NOT_MINE;
  const users = stringsOf(body.users);
  if (userId && users && users.length > 0 && !users.includes(userId)) return NOT_MINE;
  if (nestedDeeperThan(body, MAX_DEPTH)) return malformed(`the notification is nested deeper than ${MAX_DEPTH} levels`);
  const event = isRecord(body.event) ? body.event : undefined;
  const details = isRecord(body.details) ? body.details : undefined;
  const literals = details?.literals;
  return accept(
    withFields<UserNotification>(body, {
      ...notificationFields(body),
      users,
      event:
        event &&
        withFields(event, {
          correlationId: stringOr(event.correlationId),
          user: stringOr(event.user),
          orderId: stringOr(event.orderId)
        }),
      events: stringsOf(body.events),
      items: stringsOf(body.items),
      showAs: stringOr(body.showAs),
      details:
        details &&
        withFields(details, {
          literals: isRecord(literals) || typeof literals === 'string' ? literals : undefined,
          media: recordsOf(details.media, media => media)
        })
    })
  );
}

/**
 * The product name of an upsell offer: `details.literals.name`, else `details.literals` when it is a string, else the
 * literal for `language`, else the first string literal, else the offered items joined with `, `; at most
 * `TEXT_LIMITS.product` characters.
 */
export function upsellProductName(notification: UserNotification, language = 'en'): string {
  return clip(productName(notification, language), TEXT_LIMITS.product);
}

function productName(notification: UserNotification, language: string): string {
  const literals = notification.details?.literals;
  if (typeof literals === 'string' && literals.trim()) return literals.trim();
  if (literals && typeof literals === 'object') {
    for (const key of ['name', language]) {
      const value = literals[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    const first = Object.values(literals).find(v => typeof v === 'string' && v.trim());
    if (typeof first === 'string') return first.trim();
  }
  const items = Array.isArray(notification.items) ? notification.items : [];
  return items.filter(i => typeof i === 'string' && i).join(', ');
}

/** The localized texts that notification toasts are made of (the element's translations). */
export interface NotificationTexts {
  /** The language for product names of upsell offers, e.g. `pl`. */
  language: string;
  /** The localized text for an error code, when there is one. */
  errorForCode(code: string): string | undefined;
  /** Said when an error has neither a known code nor a message. */
  genericError: string;
  /** Heading of an upsell toast. */
  upsellTitle: string;
  /** Text of an upsell toast for a product name. */
  upsellOffer(product: string): string;
  /** Said for a basket update without a message. */
  basketUpdated: string;
  /** Said when a receipt is ready. */
  receiptReady: string;
}

/**
 * What a notification looks like as a toast (without its duration, which the element decides by kind):
 * `OrderEventError` → error (localized by code), `OrderUpsell` → upsell with the offer, `OrderAppliedEvents` and
 * `OrderMessage` → info, `OrderEventFiscal` → success; `undefined` for other types. Notifications with the same
 * correlation id share a key, so a later one updates the toast in place.
 */
export function notificationToast(
  notification: UserNotification,
  texts: NotificationTexts
): ToastInit<UserToastData> | undefined {
  const key = toastKey(notification);
  const data: UserToastData = { notification };
  switch (notification.type) {
    case 'OrderEventError':
      return { kind: 'error', message: errorMessage(notification, texts.errorForCode, texts.genericError), key, data };
    case 'OrderUpsell': {
      const upsell: UpsellOffer = {
        orderId: notification.orderId ?? '',
        items: Array.isArray(notification.items) ? [...notification.items] : [],
        notification
      };
      return {
        kind: 'upsell',
        title: texts.upsellTitle,
        message: texts.upsellOffer(upsellProductName(notification, texts.language)),
        key: key ?? `upsell:${upsell.orderId}:${upsell.items.join(',')}`,
        data: { notification, upsell }
      };
    }
    case 'OrderAppliedEvents':
    case 'OrderMessage':
      return {
        kind: 'info',
        message: clip(textOf(notification.message) || texts.basketUpdated, TEXT_LIMITS.message),
        key,
        data
      };
    case 'OrderEventFiscal':
      return { kind: 'success', message: texts.receiptReady, key, data };
    default:
      return undefined;
  }
}
