import { Client } from '@stomp/stompjs';
import { executeServerCommand } from '@web/test-runner-commands';
import { resetConfig } from '../../src/connection/config.js';
import { resetStompHubs } from '../../src/connection/hub/hub-registry.js';

/** What scripts/wtr-rabbitmq-plugin.mjs answers to `rabbitmq`. */
export interface BrokerInfo {
  /** The Web-STOMP endpoint, e.g. `ws://127.0.0.1:15674/ws`. */
  wsUrl: string;
  available: boolean;
  /** In CI a missing broker fails the suite instead of skipping it. */
  required: boolean;
  reason?: string;
}

/** What the test auth endpoint (scripts/rabbitmq-auth.mjs) was asked since its last reset. */
export interface AuthCalls {
  user: { username: string; allowed: boolean }[];
  topic: { username: string; permission: string; routingKey: string }[];
}

/** A STOMP frame the client sent: its command and headers. */
export interface SentFrame {
  command: string;
  headers: Record<string, string>;
}

/**
 * End-to-end tests against a real RabbitMQ (Web-STOMP, started by scripts/rabbitmq.sh, reached through
 * scripts/wtr-rabbitmq-plugin.mjs). `before` skips the block when no broker answers (the plugin prints one line
 * saying so), or fails it when the run requires one (CI); `beforeEach` forgets what the auth endpoint saw;
 * `afterEach` disposes every hub and forgets the page configuration.
 */
export function useRabbitmq(): { readonly wsUrl: string } {
  let wsUrl = '';
  before(async function () {
    const broker = (await executeServerCommand<BrokerInfo, undefined>('rabbitmq')) as BrokerInfo;
    if (!broker.available) {
      if (broker.required) throw new Error(broker.reason);
      this.skip();
    }
    wsUrl = broker.wsUrl;
  });
  beforeEach(() => executeServerCommand('rabbitmq-auth-reset'));
  afterEach(() => {
    resetStompHubs();
    resetConfig();
  });
  return {
    get wsUrl() {
      return wsUrl;
    }
  };
}

/** Publishes `body` (JSON unless a string) through the broker; resolves once RabbitMQ confirmed it (RECEIPT). */
export async function publish(destination: string, body: unknown): Promise<void> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  await executeServerCommand('rabbitmq-publish', { destination, body: text });
}

/**
 * The broker's own count of subscriptions: how many queues it has bound to `amq.topic` with each routing key, one
 * per live SUBSCRIBE to `/topic/<routingKey>`. Waits (up to 5 s) until every count is the expected one, so that
 * `expect(await bindings(expected)).to.deep.equal(expected)` also waits for SUBSCRIBEs to arrive.
 */
export async function bindings(expected: Record<string, number>): Promise<Record<string, number>> {
  return (await executeServerCommand<Record<string, number>, object>('rabbitmq-bindings', { expected })) ?? {};
}

/** Makes the broker close every connection (`rabbitmqctl close_all_connections`). */
export async function closeAllConnections(): Promise<void> {
  await executeServerCommand('rabbitmq-close-connections');
}

/** What the auth endpoint was asked since the last reset. */
export async function authCalls(): Promise<AuthCalls> {
  return (await executeServerCommand<AuthCalls, undefined>('rabbitmq-auth-calls')) as AuthCalls;
}

/**
 * A real stompjs `Client` whose WebSockets record every frame the client sends (heart-beats left out), to count
 * CONNECT and SUBSCRIBE frames on the wire.
 */
export function recordingClient(wsUrl: string): { client: Client; sent: SentFrame[]; count(command: string): number } {
  const sent: SentFrame[] = [];
  const client = new Client();
  client.webSocketFactory = () => {
    const socket = new WebSocket(wsUrl, ['v12.stomp', 'v11.stomp', 'v10.stomp']);
    const send = socket.send.bind(socket);
    socket.send = data => {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
      const [head = ''] = text.split('\n\n');
      const [command = '', ...lines] = head.replace(/^\n+/, '').split('\n');
      if (command) sent.push({ command, headers: Object.fromEntries(lines.map(line => splitHeader(line))) });
      send(data);
    };
    return socket;
  };
  return { client, sent, count: command => sent.filter(frame => frame.command === command).length };
}

function splitHeader(line: string): [string, string] {
  const at = line.indexOf(':');
  return [line.slice(0, at), line.slice(at + 1)];
}

/** A token the test auth endpoint accepts, unique to one test (so its logins and connections are its own). */
export function testToken(name: string): string {
  return `e2e-${name}-${Math.random().toString(36).slice(2, 8)}`;
}
