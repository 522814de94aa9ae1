import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorControl } from '../context.js';
import type { Order } from '../domain/order-model.js';
import type { CreateOrderInput, OrderItemInput } from '../domain/orders.js';
import type { VenuePatch } from '../domain/venues.js';
import { EmulatorError } from '../errors.js';
import { isValidSeed, isValidSpeed } from '../options.js';
import { isScenarioName } from '../simulation/scenarios.js';
import { readJson, sendJson } from './io.js';
import { asObject, optionalNumber, optionalString, requiredString, type JsonObject } from './json-input.js';
import type { Route } from './router.js';

/** Longest `timeoutMs` accepted by `wait-subscribed`. */
const MAX_WAIT_MS = 60_000;

/**
 * The control API under `/__emulator/` (no auth): tests and the demo page steer the emulator with it. Every
 * answer is JSON; bad JSON or fields give 400 `{error}`. See README.md for the list.
 */
export function controlRoutes(emulator: EmulatorControl): Route[] {
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
    // A stable handle on what the demo tracker follows: the user's newest open order (else their newest order).
    post(/^\/__emulator\/users\/([^/]+)\/orders\/latest\/status$/, (input, [userId = '']) => {
      const order = latestOrderOf(emulator.listOrders(), userId);
      if (!order) throw new EmulatorError(404, `User ${userId} has no order`);
      return emulator.setOrderStatus(order.id, requiredString(input, 'status'));
    }),
    post(/^\/__emulator\/faults\/drop-connections$/, () => ({ dropped: emulator.dropConnections() })),
    post(/^\/__emulator\/faults\/freeze-connections$/, () => ({ frozen: emulator.freezeConnections() })),
    post(/^\/__emulator\/tokens\/revoke$/, input => ({
      revoked: emulator.revokeTokens(optionalString(input, 'userId'))
    })),
    post(/^\/__emulator\/tokens\/expire$/, input => ({
      expired: emulator.expireTokens(optionalString(input, 'userId'))
    })),
    get(/^\/__emulator\/config$/, () => ({
      tokenTtlSeconds: emulator.tokenTtlSeconds,
      heartbeatMs: emulator.heartbeatMs
    })),
    post(/^\/__emulator\/config$/, input => {
      const ttl = optionalNumber(input, 'tokenTtlSeconds', value => Number.isInteger(value) && value > 0);
      if (ttl !== undefined) emulator.tokenTtlSeconds = ttl;
      const heartbeat = optionalNumber(
        input,
        'heartbeatMs',
        value => Number.isInteger(value) && value >= 0 && value <= 60_000
      );
      if (heartbeat !== undefined) emulator.heartbeatMs = heartbeat;
      return { tokenTtlSeconds: emulator.tokenTtlSeconds, heartbeatMs: emulator.heartbeatMs };
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
    get(/^\/__emulator\/venues\/([^/]+)$/, ([id = '']) => emulator.venue(id)),
    post(/^\/__emulator\/venues\/([^/]+)$/, (input, [id = '']) => emulator.updateVenue(id, venuePatch(input))),
    post(/^\/__emulator\/users\/([^/]+)\/notify$/, (input, [userId = '']) =>
      emulator.notify(userId, {
        kind: requiredString(input, 'kind'),
        orderId: optionalString(input, 'orderId'),
        message: optionalString(input, 'message'),
        correlationId: optionalString(input, 'correlationId')
      })
    ),
    get(/^\/__emulator\/scenario$/, () => emulator.scenario()),
    post(/^\/__emulator\/scenario$/, input => {
      const name = optionalString(input, 'name');
      if (name !== undefined && !isScenarioName(name)) {
        throw new EmulatorError(400, 'name must be one of none, quiet, rush-hour, chaos');
      }
      return emulator.restartScenario({
        name,
        seed: optionalNumber(input, 'seed', isValidSeed),
        speed: optionalNumber(input, 'speed', isValidSpeed),
        paused: optionalBoolean(input, 'paused')
      });
    }),
    post(/^\/__emulator\/scenario\/pause$/, () => emulator.pauseScenario()),
    post(/^\/__emulator\/scenario\/resume$/, () => emulator.resumeScenario()),
    post(/^\/__emulator\/scenario\/advance$/, input => {
      const seconds = optionalNumber(input, 'seconds', value => value > 0 && value <= 24 * 3600);
      if (seconds === undefined) throw new EmulatorError(400, 'seconds is required');
      return emulator.advanceScenario(seconds);
    }),
    {
      method: 'GET',
      path: /^\/__emulator\/log$/,
      handler: (request, response) => {
        const after = new URL(request.url ?? '/', 'http://localhost').searchParams.get('after');
        if (after !== null && !/^\d+$/.test(after)) throw new EmulatorError(400, 'after must be a whole number');
        sendJson(response, 200, emulator.logLines(after === null ? undefined : Number(after)));
      }
    },
    get(/^\/__emulator\/device$/, () => emulator.pendingDevices()),
    post(/^\/__emulator\/device\/approve$/, input => {
      const userCode = requiredString(input, 'userCode');
      if (!emulator.approveDevice(userCode)) throw new EmulatorError(404, `No pending device code ${userCode}`);
      return { approved: true };
    })
  ];
}

/** Statuses after which an order is over for its guest. */
const FINISHED = new Set(['PICKED', 'PICKED_UP', 'DELIVERED', 'CLOSED', 'CANCELLED', 'ABANDONED']);

/** The user's newest (by `created`) order that is not finished, else their newest order; as the demo tracker picks. */
function latestOrderOf(orders: Order[], userId: string): Order | undefined {
  const newestFirst = orders
    .filter(order => order.users.some(user => user.userId === userId))
    .sort((a, b) => (Date.parse(b.created) || 0) - (Date.parse(a.created) || 0));
  return newestFirst.find(order => !order.closed && !FINISHED.has(order.status)) ?? newestFirst[0];
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

function optionalBoolean(input: JsonObject, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new EmulatorError(400, `${field} must be true or false`);
  return value;
}

function venuePatch(input: JsonObject): VenuePatch {
  const patch: VenuePatch = {};
  const name = optionalString(input, 'name');
  if (name !== undefined) patch.name = name;
  for (const field of ['active', 'tempDisabled'] as const) {
    const value = optionalBoolean(input, field);
    if (value !== undefined) patch[field] = value;
  }
  if ('tempDisabledReason' in input) patch.tempDisabledReason = optionalString(input, 'tempDisabledReason') ?? null;
  if (!Object.keys(patch).length) {
    throw new EmulatorError(400, 'Give at least one of active, tempDisabled, tempDisabledReason, name');
  }
  return patch;
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
