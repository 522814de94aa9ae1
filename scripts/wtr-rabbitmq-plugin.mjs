// @ts-check
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';

const run = promisify(execFile);

/**
 * @typedef {object} RabbitmqPluginOptions
 * @property {string} [wsUrl] Web-STOMP endpoint. Default `ws://127.0.0.1:15674/ws` (what scripts/rabbitmq.sh starts).
 * @property {string} [authUrl] The test auth endpoint, scripts/rabbitmq-auth.mjs. Default `http://127.0.0.1:18001`.
 * @property {boolean} [required] A missing broker fails the suite instead of skipping it. Default: when `CI` is set
 *   (and not `0`/`false`).
 * @property {string} [nodeName] For `rabbitmqctl -n`. Default `RABBITMQ_NODENAME`, else `rabbit@localhost`.
 */

/** What the `rabbitmq` command answers. @typedef {{ wsUrl: string, available: boolean, required: boolean, reason?: string }} BrokerInfo */

/**
 * The real RabbitMQ broker for test/connection/rabbitmq.e2e.test.ts, as server commands
 * (`executeServerCommand(name, payload)` from `@web/test-runner-commands`):
 *
 * - `rabbitmq` → {@link BrokerInfo}: whether Web-STOMP and the auth endpoint answer. When not, prints one line
 *   (once) saying the suite is skipped, or, when `required` (CI), that it fails;
 * - `rabbitmq-publish` `{ destination, body }` → `true` once the broker sent the RECEIPT of the SEND, made by this
 *   plugin's own STOMP client (the Node `ws` package, login `e2e-publisher`);
 * - `rabbitmq-bindings` `{ expected: { [routingKey]: count }, timeoutMs? }` → `{ [routingKey]: count }`: how many
 *   queues are bound to `amq.topic` with each routing key (one per live STOMP SUBSCRIBE to `/topic/<routingKey>`),
 *   from `rabbitmqctl list_bindings` (~0.3 s a call), once every count is the expected one or after `timeoutMs`
 *   (default 5000);
 * - `rabbitmq-close-connections` → `rabbitmqctl close_all_connections`: the broker closes every connection;
 * - `rabbitmq-auth-calls` → what the auth endpoint was asked (`/__test/calls`); `rabbitmq-auth-reset` forgets it.
 *
 * @param {RabbitmqPluginOptions} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function rabbitmqPlugin(options = {}) {
  const wsUrl = options.wsUrl || 'ws://127.0.0.1:15674/ws';
  const authUrl = (options.authUrl || 'http://127.0.0.1:18001').replace(/\/$/, '');
  const ci = process.env.CI;
  const required = options.required ?? (ci !== undefined && !['', '0', 'false'].includes(ci.toLowerCase()));
  const nodeName = options.nodeName || process.env.RABBITMQ_NODENAME || 'rabbit@localhost';
  let told = false;
  /** @type {Promise<Client> | undefined} */
  let publisher;
  let receipts = 0;

  /** @returns {Promise<BrokerInfo>} */
  async function probe() {
    const missing = [];
    if (!(await reachable(wsUrl))) missing.push(`no RabbitMQ Web-STOMP at ${wsUrl}`);
    else if (!(await reachable(authUrl))) missing.push(`no test auth endpoint at ${authUrl}`);
    if (missing.length === 0) return { wsUrl, available: true, required };
    const reason = `RabbitMQ e2e tests: ${missing[0]} (start one with \`bash scripts/rabbitmq.sh start\`, or set RABBITMQ_WS_URL)`;
    if (!told) {
      told = true;
      console.log(required ? `${reason}: FAILING, CI needs the broker` : `${reason}: skipped`);
    }
    return { wsUrl, available: false, required, reason };
  }

  /** @param {string[]} args */
  async function rabbitmqctl(args) {
    const env = { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin` };
    const { stdout } = await run(process.env.RABBITMQ_CTL || 'rabbitmqctl', ['-n', nodeName, ...args], {
      env,
      timeout: 20000
    });
    return stdout;
  }

  /** @param {Record<string, number>} expected @param {number} timeoutMs @returns {Promise<Record<string, number>>} */
  async function bindings(expected, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const out = await rabbitmqctl(['list_bindings', '-q', '--no-table-headers', 'source_name', 'routing_key']);
      const lines = out.split('\n');
      const counts = Object.fromEntries(
        Object.keys(expected).map(key => [key, lines.filter(line => line === `amq.topic\t${key}`).length])
      );
      if (Object.keys(expected).every(key => counts[key] === expected[key]) || Date.now() > deadline) return counts;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  function connectPublisher() {
    return new Promise((resolve, reject) => {
      const client = new Client({
        webSocketFactory: () => new WebSocket(wsUrl, ['v12.stomp', 'v11.stomp', 'v10.stomp']),
        connectHeaders: { login: 'e2e-publisher' },
        reconnectDelay: 0,
        heartbeatIncoming: 0,
        heartbeatOutgoing: 0
      });
      client.onConnect = () => resolve(client);
      client.onStompError = frame => reject(new Error(`publisher: ${frame.headers.message}`));
      client.onWebSocketClose = () => {
        publisher = undefined;
        reject(new Error(`publisher: could not connect to ${wsUrl}`));
      };
      client.activate();
    });
  }

  /** @param {{ destination: string, body: string }} payload */
  async function publish({ destination, body }) {
    publisher ??= connectPublisher();
    const client = await publisher;
    const receipt = `publish-${++receipts}`;
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no RECEIPT for a SEND to ${destination}`)), 5000);
      client.watchForReceipt(receipt, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    client.publish({ destination, body, headers: { receipt, 'content-type': 'application/json' } });
    return done;
  }

  /** @param {string} path @param {RequestInit} [init] */
  async function auth(path, init) {
    const response = await fetch(`${authUrl}${path}`, init);
    if (!response.ok) throw new Error(`${authUrl}${path}: HTTP ${response.status}`);
    return response.json();
  }

  return {
    name: 'os-rabbitmq',
    async serverStop() {
      const client = await publisher?.catch(() => undefined);
      await client?.deactivate();
    },
    async executeCommand({ command, payload }) {
      const args = /** @type {any} */ (payload ?? {});
      switch (command) {
        case 'rabbitmq':
          return probe();
        case 'rabbitmq-publish':
          return publish(args);
        case 'rabbitmq-bindings':
          return bindings(args.expected, args.timeoutMs ?? 5000);
        case 'rabbitmq-close-connections': {
          // close_all_user_connections misses Web-STOMP connections in 3.10 ("no running cluster node reported it
          // as an active connection"), so close all of them, the publisher's too: it reconnects on the next publish.
          const old = publisher;
          publisher = undefined;
          await rabbitmqctl(['close_all_connections', 'os-widgets e2e test']);
          await (await old?.catch(() => undefined))?.deactivate();
          return true;
        }
        case 'rabbitmq-auth-calls':
          return auth('/__test/calls');
        case 'rabbitmq-auth-reset':
          return auth('/__test/reset', { method: 'POST' });
        default:
          return undefined;
      }
    }
  };
}

/** True when something accepts a TCP connection at the URL's host and port within 1 s. @param {string} url */
function reachable(url) {
  const { hostname, port, protocol } = new URL(url);
  const secure = protocol === 'wss:' || protocol === 'https:';
  return new Promise(resolve => {
    const socket = connect({ host: hostname, port: Number(port) || (secure ? 443 : 80) });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
