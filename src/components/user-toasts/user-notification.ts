/**
 * The user notifications `<os-user-toasts>` understands (`INotificationMessage` and `IUpsellNotification`,
 * `ordering-stack.md` §4.3), with DOM-free helpers to read them.
 */

/** The notification types shown as toasts (`ENotificationType`). */
export type UserNotificationType = 'OrderMessage' | 'OrderEventError' | 'OrderAppliedEvents' | 'OrderEventFiscal' | 'OrderUpsell';

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
  details?: { literals?: Record<string, unknown> | string | null; media?: { url?: string; name?: string }[] | null } | null;
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

/** True for an object with one of the known notification `type`s. */
export function isUserNotification(value: unknown): value is UserNotification {
  return typeof value === 'object' && value !== null && KNOWN.has((value as { type?: unknown }).type as string);
}

/**
 * The product name of an upsell offer: `details.literals.name`, else `details.literals` when it is a string, else the
 * literal for `language`, else the first string literal, else the offered items joined with `, `.
 */
export function upsellProductName(notification: UserNotification, language = 'en'): string {
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
  return (notification.items ?? []).filter(i => typeof i === 'string' && i).join(', ');
}
