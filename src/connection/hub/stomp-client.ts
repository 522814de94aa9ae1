import { TickerStrategy, type IFrame, type IMessage, type StompHeaders } from '@stomp/stompjs';
import type { ResolvedConfig } from '../config.js';

/** The handle `StompClientLike.subscribe()` returns (a stompjs `StompSubscription` satisfies it). */
export interface StompSubscriptionLike {
  /** The subscription id. */
  readonly id: string;
  /** Sends UNSUBSCRIBE; only valid while the client is connected. */
  unsubscribe(headers?: StompHeaders): void;
}

/**
 * The part of the `@stomp/stompjs` `Client` that `StompHub` uses; a real `Client` satisfies it, and tests inject a
 * fake (`test/support/fake-stomp-client.ts`). The hub writes every property listed here.
 */
export interface StompClientLike {
  /** WebSocket URL; set from `ResolvedConfig.socketUrl` when that is not empty. */
  brokerURL?: string;
  /** CONNECT headers; the hub sets `{ login: <fresh token> }` in `beforeConnect` before every attempt. */
  connectHeaders: StompHeaders;
  /** The hub sets 0: stompjs's own reconnect loop is off, the hub schedules attempts itself. */
  reconnectDelay: number;
  /** Set to `ResolvedConfig.heartbeatMs`. */
  heartbeatIncoming: number;
  /** Set to `ResolvedConfig.heartbeatMs`. */
  heartbeatOutgoing: number;
  /** Set before each socket opens: the ticker probe's answer (the first socket: only if it is in, else `Interval`). */
  heartbeatStrategy: TickerStrategy;
  /** Set to `ResolvedConfig.connectionTimeoutMs`. */
  connectionTimeout: number;
  /** Set to `true`. */
  discardWebsocketOnCommFailure: boolean;
  /** True between CONNECTED and the socket's close. */
  readonly connected: boolean;
  /** True from `activate()` until `deactivate()` (stays true after an unexpected close, as reconnects are off). */
  readonly active: boolean;
  /** Awaited before each socket is opened. (`never` only so that `Client`'s `(client: Client) => …` fits.) */
  beforeConnect: (client: never) => void | Promise<void>;
  /** CONNECTED received. */
  onConnect: (frame: IFrame) => void;
  /** ERROR received. */
  onStompError: (frame: IFrame) => void;
  /** The socket closed (also after `deactivate()`). */
  onWebSocketClose: (event: unknown) => void;
  /** Starts connecting. */
  activate(): void;
  /** Stops; `force` discards the socket at once. */
  deactivate(options?: { force?: boolean }): Promise<void>;
  /** SUBSCRIBE; throws when not connected. */
  subscribe(destination: string, callback: (message: IMessage) => void, headers?: StompHeaders): StompSubscriptionLike;
}

/**
 * Sets the client up for the hub: the broker URL (when configured), stompjs's own reconnects off, heart-beats and
 * the connection timeout from `config`, the interval ticker until the first attempt picks one, and sockets
 * discarded on a communication failure.
 */
export function setUpClient(client: StompClientLike, config: ResolvedConfig): void {
  if (config.socketUrl) client.brokerURL = config.socketUrl;
  client.reconnectDelay = 0;
  client.heartbeatIncoming = config.heartbeatMs;
  client.heartbeatOutgoing = config.heartbeatMs;
  client.heartbeatStrategy = TickerStrategy.Interval;
  client.connectionTimeout = config.connectionTimeoutMs;
  client.discardWebsocketOnCommFailure = true;
}

/** True when the client has somewhere to connect to: a `webSocketFactory`, or a `ws(s)://host…` broker URL. */
export function hasSocketTarget(client: StompClientLike): boolean {
  const url = client.brokerURL;
  const factory = (client as { webSocketFactory?: unknown }).webSocketFactory;
  return Boolean(factory) || Boolean(url && /^wss?:\/\/[^\s/]+/i.test(url));
}

/** The text of an ERROR frame (its `message` header, else its body), trimmed and cut to 200 characters. */
export function errorFrameText(frame: IFrame): string {
  return String(frame?.headers?.message || frame?.body || 'STOMP ERROR')
    .trim()
    .slice(0, 200);
}
