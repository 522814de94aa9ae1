// @ts-check
/**
 * A small client for the emulator's control API, `/__emulator/…` (every endpoint is listed in
 * demo/emulator/README.md). One file for every caller: the demo pages load it from the emulator's static server as
 * `/demo/emulator-client.js`, and the Node scripts (scripts/lib) and the tests (test/support) import it. So it is plain
 * JavaScript with JSDoc types, and uses nothing but `fetch`.
 *
 * Every function takes `base`, the emulator's URL (e.g. `http://127.0.0.1:8080`, or `''` for the page's own origin),
 * and a `path` below `/__emulator` (e.g. `/orders/1001/status`).
 *
 * @example
 * import { control, waitSubscribed } from '/demo/emulator-client.js';
 * const order = await control(base, '/orders', { userId: 'guest-1', status: 'COMPLETED' });
 * await waitSubscribed(base, `/order-changes/guest-1/${order.id}`);
 * await control(base, `/orders/${order.id}/status`, { status: 'READY' });
 */

/** @typedef {import('./emulator/stats.js').EmulatorStats} EmulatorStats */

/**
 * What {@link request} resolves to: `data` is the parsed JSON answer (the text when it is not JSON; `{error}` when
 * there was no answer at all, with `status` 0).
 * @typedef {{ ok: boolean, status: number, data: any }} ControlAnswer
 */

/** A control API call answered with an error status (or not at all); `status` is 0 when there was no answer. */
export class ControlError extends Error {
  /**
   * @param {string} message
   * @param {number} status
   * @param {any} data the answer, usually `{error}`
   */
  constructor(message, status, data) {
    super(message);
    this.name = 'ControlError';
    this.status = status;
    this.data = data;
  }
}

/**
 * Calls the control API and resolves to its answer; never throws. Sends `body` as JSON when given.
 * @param {string} base
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [options] `method` defaults to `'GET'`
 * @returns {Promise<ControlAnswer>}
 */
export async function request(base, path, { method = 'GET', body } = {}) {
  try {
    const response = await fetch(`${base}/__emulator${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    let data;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    return { ok: response.ok, status: response.status, data };
  } catch (error) {
    return { ok: false, status: 0, data: { error: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * POSTs `body` (default `{}`) as JSON and resolves to the answer.
 * @param {string} base
 * @param {string} path e.g. `/orders`, `/orders/1001/status`, `/faults/drop-connections`
 * @param {unknown} [body]
 * @returns {Promise<any>}
 * @throws {ControlError} on an error status, e.g. `POST /__emulator/orders: 409 Order 1001 already exists`
 */
export async function control(base, path, body = {}) {
  return answerOf('POST', path, await request(base, path, { method: 'POST', body }));
}

/**
 * GETs and resolves to the answer.
 * @param {string} base
 * @param {string} path e.g. `/orders`, `/scenario`, `/venues`
 * @returns {Promise<any>}
 * @throws {ControlError} on an error status
 */
export async function query(base, path) {
  return answerOf('GET', path, await request(base, path));
}

/**
 * The emulator's connection, frame, subscription and message counters.
 * @param {string} base
 * @returns {Promise<EmulatorStats>}
 */
export function stats(base) {
  return query(base, '/stats');
}

/**
 * Zeroes the frame and message counters and `connections.total`.
 * @param {string} base
 * @returns {Promise<EmulatorStats>} the counters after the reset
 */
export function resetStats(base) {
  return control(base, '/stats/reset');
}

/**
 * Resolves once a client has subscribed to exactly `destination` (at once if one has): wait on this before publishing,
 * never on a sleep.
 * @param {string} base
 * @param {string} destination
 * @param {number} [timeoutMs] how long the emulator waits; its default is 5000
 * @returns {Promise<{ ok: true }>}
 * @throws {ControlError} 408 when nobody subscribed in time
 */
export function waitSubscribed(base, destination, timeoutMs) {
  return control(base, '/wait-subscribed', timeoutMs === undefined ? { destination } : { destination, timeoutMs });
}

/**
 * Publishes a JSON body to every subscription of exactly `destination`.
 * @param {string} base
 * @param {string} destination
 * @param {unknown} body
 * @returns {Promise<{ delivered: number }>} how many MESSAGE frames were sent
 */
export function publish(base, destination, body) {
  return control(base, '/publish', { destination, body });
}

/**
 * @param {string} method
 * @param {string} path
 * @param {ControlAnswer} answer
 */
function answerOf(method, path, { ok, status, data }) {
  if (ok) return data;
  const reason = typeof data === 'string' ? data : (data?.error ?? '');
  throw new ControlError(`${method} /__emulator${path}: ${status || 'no answer'} ${reason}`.trim(), status, data);
}
