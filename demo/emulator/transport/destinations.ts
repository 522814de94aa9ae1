import type { Principal } from '../auth/users.js';
import type { Order } from '../domain/order-model.js';

/** What destination authorization needs to know besides the principal. */
export interface DestinationScope {
  tenant: string;
  venueIds: ReadonlySet<string>;
}

/**
 * Whether a principal may subscribe (or SEND) to a destination; matching is exact, without wildcards.
 * A user U of tenant T may use:
 * - `/order-changes/{U}/{orderId}` and `/order-changes/{T}/{U}`;
 * - `/kds/{T}/{U}` and `/notifications/{T}/{U}`;
 * - `/kds/{T}/{venue}`, `/venue/{T}/{venue}` and `/venues/{T}/{venue}` for a known venue (public boards).
 *
 * Staff may use any `/{kind}/{T}/...` destination and any `/order-changes/{user}/{orderId}`.
 */
export function canSubscribe(principal: Principal, destination: string, scope: DestinationScope): boolean {
  const parts = destination.split('/');
  if (parts[0] !== '' || parts.length < 3 || parts.slice(1).some(part => part === '')) return false;
  const [kind = '', first = '', second, ...rest] = parts.slice(1);
  const user = principal.userId;
  if (principal.role === 'staff') {
    return (first === scope.tenant && second !== undefined) || (kind === 'order-changes' && parts.length === 4);
  }
  if (second === undefined || rest.length) return false;
  if (kind === 'order-changes') return first === user || (first === scope.tenant && second === user);
  if (first !== scope.tenant) return false;
  if ((kind === 'kds' || kind === 'notifications') && second === user) return true;
  return (kind === 'kds' || kind === 'venue' || kind === 'venues') && scope.venueIds.has(second);
}

/**
 * Where a change of an order is published: `/order-changes/{U}/{orderId}` and `/order-changes/{T}/{U}` for each
 * user U of the order, and `/kds/{T}/{venue}` for each bucket venue once the order is `completed`.
 */
export function orderDestinations(order: Order, tenant: string): string[] {
  const destinations = order.users.flatMap(({ userId }) => [
    `/order-changes/${userId}/${order.id}`,
    `/order-changes/${tenant}/${userId}`
  ]);
  if (order.completed) destinations.push(...order.buckets.map(bucket => `/kds/${tenant}/${bucket.venue}`));
  return [...new Set(destinations)];
}
