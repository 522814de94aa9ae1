import { pageShared } from '../../internal/page-shared.js';
import { chooseTokenSource } from '../auth/token-session.js';
import { configure, onConfigChange, resolveConfig, type ResolvedConfig } from '../config.js';
import type { ConnectionState } from '../connection-state.js';
import type {
  AuthErrorDetail,
  HubStatus,
  MessageListener,
  OsConfig,
  SubscribeOptions,
  TokenProvider
} from '../types.js';
import { StompHub } from './stomp-hub.js';

export { configure } from '../config.js';

/**
 * Same as {@link configure}: sets page-wide configuration for every hub and element (house-style name).
 */
export const configureStompHub: (config: OsConfig) => void = configure;

interface HubRecord {
  hub: StompHub;
  /** The overrides the hub was first asked with; re-resolved when the page configuration changes. */
  overrides: Partial<OsConfig>;
}

/**
 * The hubs of the page, shared by every copy of os-widgets on it (see `pageShared`), so a CMS script and an app's
 * import use one connection per identity.
 */
const registry = pageShared('hubs', () => ({
  hubs: new Map<string, HubRecord>(),
  providerIds: new WeakMap<TokenProvider, number>(),
  nextProviderId: 1,
  stopListening: undefined as (() => void) | undefined
}));
const hubs = registry.hubs;
let forcedHub: StompHub | undefined;

/** Who the hub connects as: a token string, a provider, a refresh token, or built-in anonymous / device / none. */
function tokenIdentity(config: ResolvedConfig): string {
  const source = chooseTokenSource(config);
  switch (source.kind) {
    case 'token':
      return `token:${source.token}`;
    case 'provider': {
      let id = registry.providerIds.get(source.provider);
      if (id === undefined) {
        id = registry.nextProviderId++;
        registry.providerIds.set(source.provider, id);
      }
      return `provider:${id}`;
    }
    case 'refresh-token':
      return `refresh:${source.refreshToken}`;
    default:
      return config.auth;
  }
}

/** The registry key: socket URL + tenant + token source identity (kept in memory only, never logged). */
function hubKey(config: ResolvedConfig): string {
  return JSON.stringify([config.socketUrl, config.tenant, tokenIdentity(config)]);
}

function handleConfigChange(): void {
  for (const [key, record] of [...hubs]) {
    const resolved = resolveConfig(record.overrides);
    if (tokenIdentity(resolved) === tokenIdentity(record.hub.config as ResolvedConfig)) continue;
    record.hub.updateConfig({
      ...(record.hub.config as ResolvedConfig),
      token: resolved.token,
      refreshToken: resolved.refreshToken,
      auth: resolved.auth
    });
    const newKey = hubKey(record.hub.config as ResolvedConfig);
    if (newKey === key) continue;
    hubs.delete(key);
    if (!hubs.has(newKey)) hubs.set(newKey, record);
  }
}

/**
 * The page's shared hub for a configuration: `overrides` (an element's attributes) are resolved against the
 * page configuration ({@link configure}) and defaults, and one hub exists per identity: socket URL + tenant +
 * token source (the same token string, the same provider function, the same refresh token, or the built-in
 * anonymous / none). Hubs are created lazily on first request; the first request's other settings (timings,
 * `apiUrl`) win for a shared hub. Nothing connects until the hub's first `subscribe()`.
 *
 * When {@link configure} later changes the token source a hub resolves to, the hub takes the new source over
 * (and leaves `unauthorized`).
 */
export function getStompHub(overrides: Partial<OsConfig> = {}): StompHub {
  if (forcedHub) return forcedHub;
  const config = resolveConfig(overrides);
  const key = hubKey(config);
  let record = hubs.get(key);
  if (!record) {
    record = { hub: new StompHub(config), overrides: { ...overrides } };
    hubs.set(key, record);
  }
  registry.stopListening ??= onConfigChange(handleConfigChange);
  return record.hub;
}

/** @internal Makes every `getStompHub()` return `hub` (tests); `undefined` restores the registry. */
export function setStompHub(hub: StompHub | undefined): void {
  forcedHub = hub;
}

/** @internal Disposes every registry hub and forgets them and any forced hub (tests). */
export function resetStompHubs(): void {
  for (const { hub } of hubs.values()) hub.dispose();
  hubs.clear();
  forcedHub = undefined;
  registry.stopListening?.();
  registry.stopListening = undefined;
}

/**
 * The page's shared connection as a host app sees it: its status, a way to retry at once, a new token, and REST
 * reads with the current token. Every element with the same identity (socket URL, tenant, token source) uses it.
 */
export interface OsConnection {
  /** A copy of the connection's status: state, since, last open, next retry, attempts, last error. */
  readonly status: HubStatus;
  /** The connection state (shorthand for `status.state`). */
  readonly state: ConnectionState;
  /** The user id that fills `{userId}`: the configured one, else the one the token source reported. */
  readonly userId: string | undefined;
  /** Calls `listener` after every status change; returns a function that removes it. */
  onStatusChange(listener: (status: HubStatus) => void): () => void;
  /** Calls `listener` on every state change; returns a function that removes it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Calls `listener` each time the connection gives up on its credentials (`unauthorized`). */
  onAuthError(listener: (detail: AuthErrorDetail) => void): () => void;
  /**
   * Listens to a destination (a template such as `/order-changes/{tenant}/{userId}` is filled from the token and
   * tenant), sharing one SUBSCRIBE with every element on it; `options.onResync` runs after every (re)connect.
   * Returns `release`.
   */
  subscribe(destination: string, listener: MessageListener, options?: SubscribeOptions): () => void;
  /** Connects now instead of waiting for the scheduled retry; also leaves `offline` and `unauthorized`. */
  retryNow(): void;
  /** Replaces the token source; an `unauthorized` connection starts again. */
  setToken(token: string | TokenProvider): void;
  /** GET `{apiUrl}{path}` with the current token (refreshed once on HTTP 401); rejects with an error with `status`. */
  fetchJson<T = unknown>(path: string, signal?: AbortSignal): Promise<T>;
}

/**
 * The shared connection for the page configuration, or for `options` (the same settings an element's attributes
 * give). Getting it does not open a socket: that happens when the first element subscribes.
 *
 * @example getConnection().onStatusChange(status => console.log(status.state))
 */
export function getConnection(options: Partial<OsConfig> = {}): OsConnection {
  return getStompHub(options);
}
