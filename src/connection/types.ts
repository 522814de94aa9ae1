import type { ConnectionState } from './connection-state.js';

/** What a token provider may return: the bare access token, or the token with the user it belongs to. */
export interface TokenInfo {
  /** The access token sent as the STOMP `login` header and as `Authorization: Bearer`. */
  token: string;
  /** The user's id (`UUID` in the token response), used to fill `{userId}` in destination templates. */
  userId?: string;
}

/** Context passed to a token provider on each call. */
export interface TokenRequest {
  /** True when the previous token was rejected: a cached token must not be returned again. */
  forceRefresh: boolean;
}

/** Called before every connect attempt; must resolve to a currently valid token. */
export type TokenProvider = (request: TokenRequest) => Promise<string | TokenInfo>;

/** The four destination templates. Placeholders: `{tenant}`, `{userId}`, `{venue}`, `{orderId}`. */
export interface DestinationTemplates {
  /** Events about one order. */
  order: string;
  /** The signed-in user's own messages: errors, basket updates, upsells. */
  user: string;
  /** A venue's completed-but-not-closed orders. */
  venueOrders: string;
  /** Venue configuration and device changes. */
  venue: string;
}

/** Named sets of destination templates. */
export type DestinationPreset = 'documented' | 'ordering-core';

/** Page-wide configuration, set with `configure()`; elements override parts of it with attributes. */
export interface OsConfig {
  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Required. */
  apiUrl?: string;
  /** STOMP WebSocket URL. Default: `apiUrl` with a `ws(s):` scheme plus `/websocket`. */
  socketUrl?: string;
  /** Tenant id; fills `{tenant}` and is sent as `X-Tenant` on token requests. */
  tenant?: string;
  /** The user's id; fills `{userId}`. Default: the `userId` a token provider returns, or the token response's `UUID`. */
  userId?: string;
  /** Destination preset. Default `'documented'`; `'ordering-core'` selects the official client's forms. */
  destinations?: DestinationPreset;
  /** Individual template overrides, applied on top of the preset. */
  templates?: Partial<DestinationTemplates>;
  /** An access token, or a provider called before every connect attempt. */
  token?: string | TokenProvider;
  /** A refresh token; when set (and no `token`), the built-in refresh-token grant is used. */
  refreshToken?: string;
  /**
   * Built-in token source when neither `token` nor `refreshToken` is set. Default `'anonymous'` (the anonymous
   * password grant); `'device'` runs the device-code flow (board screens, see `sharedDeviceCodeSource`); `'none'`
   * connects without a login.
   */
  auth?: 'anonymous' | 'none' | 'device';
  /** Base64 `client:secret` for the token endpoint. Default: the public `ordering:secret`. */
  basicAuth?: string;
  /** Heart-beat interval both ways, in ms. Default 4000. */
  heartbeatMs?: number;
  /** First reconnect delay cap in ms (full jitter below it). Default 1000. */
  reconnectMinMs?: number;
  /** Maximum reconnect delay in ms. Default 30000. */
  reconnectMaxMs?: number;
  /**
   * A session open this long counts as healthy: the backoff starts over, so the first retry after its drop comes
   * within `reconnectMinMs`. Failed attempts, and sessions that end sooner, keep growing it. In ms; default 1000.
   */
  stableAfterMs?: number;
  /** How long the socket stays open after the last element leaves, in ms. Default 2000. */
  releaseGraceMs?: number;
  /** Time allowed from opening the socket to CONNECTED before it is closed and retried, in ms. Default 8000. */
  connectionTimeoutMs?: number;
  /**
   * REST path (below `apiUrl`) of a venue's configuration, the snapshot `<os-venue-watch>` loads on every (re)connect;
   * `{venue}` and `{tenant}` are filled in. Default `/ordering-api/api/venues/{venue}` (the emulator's; Ordering
   * Stack does not document its path, so point it at your deployment's). `'none'` loads no snapshot.
   */
  venueSnapshotPath?: string;
}

/** A parsed message delivered to a subscriber. */
export interface HubMessage<T = unknown> {
  /** The destination the subscriber asked for (template form, `{userId}` possibly unresolved). */
  destination: string;
  /** The JSON-parsed body. */
  body: T;
  /** The STOMP MESSAGE headers. */
  headers: Record<string, string>;
  /** `Date.now()` when the message arrived. */
  receivedAt: number;
}

export type MessageListener = (message: HubMessage) => void;

/** Given to a subscriber's `onResync` after every (re)connect, once every destination is subscribed. */
export interface ResyncContext {
  /** GET `{apiUrl}{path}` with `Authorization: Bearer <current token>`; rejects on a non-2xx status (error has `status`). */
  fetchJson<T = unknown>(path: string): Promise<T>;
  /** The current user's id, when known. */
  userId?: string;
  /** Aborted when the connection drops or the subscriber leaves before the resync finishes. */
  signal: AbortSignal;
}

export interface SubscribeOptions {
  /** Extra SUBSCRIBE headers. */
  headers?: Record<string, string>;
  /** Called after every (re)connect once subscribed: fetch and reconcile the REST snapshot here. */
  onResync?: (context: ResyncContext) => void | Promise<void>;
  /**
   * Called when the server refuses this destination with an ERROR frame while the connection stays up (RabbitMQ
   * answers an unknown destination so): nothing will arrive on it until the next connection.
   */
  onError?: (error: SubscriptionErrorDetail) => void;
}

/** Detail of a refused subscription (`os-subscription-error`). */
export interface SubscriptionErrorDetail {
  /** The destination as the subscriber asked for it. */
  destination: string;
  /** The server's ERROR message (without tokens). */
  message: string;
}

/** A snapshot of the connection's health. */
export interface HubStatus {
  state: ConnectionState;
  /** `Date.now()` when `state` was entered. */
  since: number;
  /** When the connection was last open (set on open, kept while disconnected). */
  lastOpenAt?: number;
  /** When the last message arrived on any destination. */
  lastMessageAt?: number;
  /** When the next connect attempt is due (`reconnecting` only). */
  nextRetryAt?: number;
  /** Failed attempts since the last stable connection. */
  attempt: number;
  /** A human-readable reason for the last failure (never contains the token). */
  error?: string;
}

/** Detail of an authentication failure. */
export interface AuthErrorDetail {
  /** The server's message, e.g. from the STOMP ERROR frame. */
  message: string;
}
