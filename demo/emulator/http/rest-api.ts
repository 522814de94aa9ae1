import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeRejection } from '../auth/token-store.js';
import type { Principal } from '../auth/users.js';
import type { EmulatorContext } from '../context.js';
import { EmulatorError } from '../errors.js';
import { header, sendJson } from './io.js';
import type { Route, RouteHandler } from './router.js';

/**
 * The Ordering API reads a widget needs, with `Authorization: Bearer <access token>` (401 without a valid one):
 * - `GET /ordering-api/api/orders/{id}`: one order, for its owner or staff (404 otherwise);
 * - `GET /ordering-api/api/orders/venue/{venue}`: not-closed orders with a bucket in the venue (404 for an
 *   unknown venue);
 * - `GET /ordering-api/api/orders/opened`: the caller's not-closed orders;
 * - `GET /ordering-api/api/venues/{venue}`: the venue's configuration (`IVenueConfig`), the snapshot behind
 *   `<os-venue-watch>` (Ordering Stack's own path for it is not documented; widgets make it configurable).
 */
export function restRoutes(context: EmulatorContext): Route[] {
  const { orders, venues } = context;
  const authorized =
    (answer: (principal: Principal, params: string[]) => unknown): RouteHandler =>
    (request, response, params) => {
      const principal = authenticate(context, request, response);
      if (principal) sendJson(response, 200, answer(principal, params));
    };
  return [
    {
      method: 'GET',
      path: /^\/ordering-api\/api\/orders\/opened$/,
      handler: authorized(principal => orders.openForUser(principal.userId))
    },
    {
      method: 'GET',
      path: /^\/ordering-api\/api\/orders\/venue\/([^/]+)$/,
      handler: authorized((_, [venue = '']) => {
        if (!venues.has(venue)) throw new EmulatorError(404, `Venue ${venue} not found`);
        return orders.openAtVenue(venue);
      })
    },
    {
      method: 'GET',
      path: /^\/ordering-api\/api\/venues\/([^/]+)$/,
      handler: authorized((_, [venue = '']) => venues.get(venue))
    },
    {
      method: 'GET',
      path: /^\/ordering-api\/api\/orders\/([^/]+)$/,
      handler: authorized((principal, [id = '']) => {
        const order = orders.get(id);
        const isOwner = order?.users.some(user => user.userId === principal.userId);
        if (!order || !(isOwner || principal.role === 'staff')) throw new EmulatorError(404, `Order ${id} not found`);
        return order;
      })
    }
  ];
}

/** The bearer token's principal, or undefined after answering 401. */
function authenticate(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse
): Principal | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header(request, 'authorization') ?? '')?.[1];
  const check = context.tokens.check(token);
  if (check.ok) return check.principal;
  const description = describeRejection(check.reason);
  sendJson(
    response,
    401,
    { error: 'invalid_token', error_description: description },
    { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` }
  );
  return undefined;
}
