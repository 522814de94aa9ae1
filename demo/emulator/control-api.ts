import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from './emulator.js';
import { EmulatorError } from './errors.js';
import { readJson, sendJson } from './http.js';
import { asObject, optionalNumber, optionalString, requiredString, type JsonObject } from './json-input.js';
import type { CreateOrderInput, OrderItemInput } from './orders.js';
import type { Route } from './router.js';

/** Longest `timeoutMs` accepted by `wait-subscribed`. */
const MAX_WAIT_MS = 60_000;

/**
 * The control API under `/__emulator/` (no auth): tests and the demo page steer the emulator with it. Every
 * answer is JSON; bad JSON or fields give 400 `{error}`. See README.md for the list.
 */
export function controlRoutes(emulator: Emulator): Route[] {
  return [
    post(/^\/__emulator\/publish$/, input => {
      const destination = requiredString(input, 'destination');
      const raw = optionalString(input, 'raw');
      if (raw !== undefined) {
        return { delivered: emulator.publishRaw(destination, raw, optionalString(input, 'contentType')) };
      }
      if (!('body' in input)) throw new EmulatorError(400, 'body (or raw) is required');
      return { delivered: emulator.publish(destination, input.body) };
    }),
    post(/^\/__emulator\/orders$/, input => emulator.createOrder(orderInput(input)), 201),
    get(/^\/__emulator\/orders$/, () => emulator.listOrders()),
    get(/^\/__emulator\/orders\/([^/]+)$/, ([id = '']) => {
      const order = emulator.getOrder(id);
      if (!order) throw new EmulatorError(404, `Order ${id} not found`);
      return order;
    }),
    post(/^\/__emulator\/orders\/([^/]+)\/status$/, (input, [id = '']) =>
      emulator.setOrderStatus(id, requiredString(input, 'status'))
    ),
    post(/^\/__emulator\/faults\/drop-connections$/, () => ({ dropped: emulator.dropConnections() })),
    post(/^\/__emulator\/tokens\/revoke$/, input => ({
      revoked: emulator.revokeTokens(optionalString(input, 'userId'))
    })),
    post(/^\/__emulator\/tokens\/expire$/, input => ({
      expired: emulator.expireTokens(optionalString(input, 'userId'))
    })),
    get(/^\/__emulator\/config$/, () => ({ tokenTtlSeconds: emulator.tokenTtlSeconds })),
    post(/^\/__emulator\/config$/, input => {
      const ttl = optionalNumber(input, 'tokenTtlSeconds', value => Number.isInteger(value) && value > 0);
      if (ttl !== undefined) emulator.tokenTtlSeconds = ttl;
      return { tokenTtlSeconds: emulator.tokenTtlSeconds };
    }),
    get(/^\/__emulator\/stats$/, () => emulator.stats()),
    post(/^\/__emulator\/stats\/reset$/, () => {
      emulator.resetStats();
      return emulator.stats();
    }),
    {
      method: 'POST',
      path: /^\/__emulator\/wait-subscribed$/,
      handler: async (request, response) => {
        const input = await jsonInput(request);
        const destination = requiredString(input, 'destination');
        const timeoutMs = optionalNumber(input, 'timeoutMs', value => value >= 0 && value <= MAX_WAIT_MS) ?? 5000;
        if (await emulator.waitForSubscription(destination, timeoutMs)) sendJson(response, 200, { ok: true });
        else sendJson(response, 408, { ok: false, error: `No subscription to ${destination} within ${timeoutMs} ms` });
      }
    },
    get(/^\/__emulator\/venues$/, () => emulator.venues()),
    get(/^\/__emulator\/device$/, () => emulator.pendingDevices()),
    post(/^\/__emulator\/device\/approve$/, input => {
      const userCode = requiredString(input, 'userCode');
      if (!emulator.approveDevice(userCode)) throw new EmulatorError(404, `No pending device code ${userCode}`);
      return { approved: true };
    })
  ];
}

function post(path: RegExp, answer: (input: JsonObject, params: string[]) => unknown, status = 200): Route {
  return {
    method: 'POST',
    path,
    handler: async (request: IncomingMessage, response: ServerResponse, params: string[]) =>
      sendJson(response, status, answer(await jsonInput(request), params))
  };
}

function get(path: RegExp, answer: (params: string[]) => unknown): Route {
  return { method: 'GET', path, handler: (_, response, params) => sendJson(response, 200, answer(params)) };
}

async function jsonInput(request: IncomingMessage): Promise<JsonObject> {
  return asObject(await readJson(request));
}

function orderInput(input: JsonObject): CreateOrderInput {
  const { items, queuePos } = input;
  if (items !== undefined && !Array.isArray(items)) throw new EmulatorError(400, 'items must be an array');
  if (queuePos !== undefined && typeof queuePos !== 'string' && typeof queuePos !== 'number') {
    throw new EmulatorError(400, 'queuePos must be a string');
  }
  return {
    id: optionalString(input, 'id'),
    userId: optionalString(input, 'userId'),
    venue: optionalString(input, 'venue'),
    status: optionalString(input, 'status'),
    queuePos: queuePos === undefined ? undefined : String(queuePos),
    claimCode: optionalString(input, 'claimCode'),
    customerName: optionalString(input, 'customerName'),
    items: items?.map(itemInput)
  };
}

function itemInput(value: unknown): OrderItemInput {
  const item = asObject(value);
  const { price } = item;
  if (price !== undefined && typeof price !== 'number' && typeof price !== 'string') {
    throw new EmulatorError(400, 'item price must be a number or a numeric string');
  }
  return {
    name: requiredString(item, 'name'),
    quantity: optionalNumber(item, 'quantity', value => Number.isInteger(value) && value > 0),
    price
  };
}
