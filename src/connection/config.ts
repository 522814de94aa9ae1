import { pageShared } from '../internal/page-shared.js';
import { templatesFor } from './destinations.js';
import type { DestinationPreset, DestinationTemplates, OsConfig, TokenProvider } from './types.js';

/**
 * The configuration after merging page config, element overrides and defaults: what a hub and a controller
 * work with. String fields that were never configured are `''` (see {@link missingConfig}).
 */
export interface ResolvedConfig {
  /** Base URL of the Ordering Stack API, without a trailing slash; `''` when not configured. */
  apiUrl: string;
  /** STOMP WebSocket URL: as configured, else derived from `apiUrl` ({@link deriveSocketUrl}); `''` if neither. */
  socketUrl: string;
  /** Tenant id; `''` when not configured. */
  tenant: string;
  /** The configured user id, if any (otherwise the hub learns it from the token source). */
  userId?: string;
  /** The destination preset. Default `'documented'`. */
  destinations: DestinationPreset;
  /** The preset's templates with the individual overrides applied. */
  templates: DestinationTemplates;
  /** A host-supplied access token or token provider, if any. */
  token?: string | TokenProvider;
  /** A refresh token for the built-in refresh-token grant, if any. */
  refreshToken?: string;
  /** Built-in token source used when neither `token` nor `refreshToken` is set. Default `'anonymous'`. */
  auth: 'anonymous' | 'none' | 'device';
  /** Base64 `client:secret` for the token endpoint. Default `'b3JkZXJpbmc6c2VjcmV0'` (`ordering:secret`). */
  basicAuth: string;
  /** Heart-beat interval both ways, in ms. Default 4000. */
  heartbeatMs: number;
  /** Reconnect backoff: the first attempt's delay cap, in ms. Default 1000. */
  reconnectMinMs: number;
  /** Reconnect backoff: the largest delay, in ms. Default 30000. */
  reconnectMaxMs: number;
  /** A session open this long (CONNECTED, re-subscribed, no ERROR) was healthy: the backoff starts over, in ms. Default 1000. */
  stableAfterMs: number;
  /** How long the socket stays open after the last subscriber leaves, in ms. Default 2000. */
  releaseGraceMs: number;
  /** Time allowed from opening the socket to CONNECTED, in ms. Default 8000. */
  connectionTimeoutMs: number;
  /** REST path of a venue's configuration (`{venue}`, `{tenant}`); `'none'` for no snapshot. */
  venueSnapshotPath: string;
}

/** The values `auth` accepts; anything else resolves to the default. */
const AUTH_MODES: readonly ResolvedConfig['auth'][] = ['anonymous', 'none', 'device'];

/** The defaults `resolveConfig()` fills in (`ordering-stack.md` §9). */
export const DEFAULTS = Object.freeze({
  /** Documented destination forms. */
  destinations: 'documented' as DestinationPreset,
  /** The anonymous password grant, as `@orderingstack/ordering-core`'s `anonymousAuth`. */
  auth: 'anonymous' as 'anonymous' | 'none' | 'device',
  /** `ordering:secret`, the public example client of the token endpoint. */
  basicAuth: 'b3JkZXJpbmc6c2VjcmV0',
  /** As every official client: 4000 ms both ways. */
  heartbeatMs: 4000,
  /** Full jitter below 1 s for the first reconnect. */
  reconnectMinMs: 1000,
  /** Reconnect delays never exceed 30 s. */
  reconnectMaxMs: 30000,
  /**
   * A session open 1 s was healthy: the next drop retries within a second again. Attempts that fail, and sessions
   * that end sooner (a server that closes every connection at once), keep growing the backoff.
   */
  stableAfterMs: 1000,
  /** An SPA route change that removes and re-adds a widget within 2 s keeps the socket. */
  releaseGraceMs: 2000,
  /** As pos-integrator-core: 8 s to reach CONNECTED. */
  connectionTimeoutMs: 8000,
  /** The emulator's path; Ordering Stack's own is not documented. */
  venueSnapshotPath: '/ordering-api/api/venues/{venue}'
});

type Listener = (config: Readonly<OsConfig>) => void;

/** The page configuration and its listeners, shared by every copy of os-widgets on the page. */
const shared = pageShared('config', () => ({ config: {} as OsConfig, listeners: new Set<Listener>() }));
const listeners = shared.listeners;

/**
 * Sets page-wide configuration, merged into what earlier calls set: a key present in `config` replaces the
 * previous value (a key present with the value `undefined` removes it); `templates` merge per template.
 * Elements fall back to this configuration for everything their attributes leave empty.
 *
 * Listeners registered with {@link onConfigChange} are told after every call; the hubs use this to pick up a new
 * `token` (which also ends an `unauthorized` state).
 *
 * @example configure({ apiUrl: 'https://api.example.com', tenant: 't1', destinations: 'ordering-core' })
 */
export function configure(config: OsConfig): void {
  const pageConfig = shared.config;
  const next: OsConfig = { ...pageConfig };
  for (const [key, value] of Object.entries(config) as [keyof OsConfig, unknown][]) {
    if (value === undefined) {
      delete next[key];
    } else if (key === 'templates') {
      next.templates = { ...pageConfig.templates, ...(value as Partial<DestinationTemplates>) };
    } else {
      (next as Record<string, unknown>)[key] = value;
    }
  }
  shared.config = next;
  const snapshot = getPageConfig();
  for (const listener of [...listeners]) {
    try {
      listener(snapshot);
    } catch (error) {
      console.error('os-widgets: a configuration listener threw', error);
    }
  }
}

/** A copy of the page-wide configuration set with {@link configure}. */
export function getPageConfig(): Readonly<OsConfig> {
  const pageConfig = shared.config;
  return { ...pageConfig, templates: pageConfig.templates ? { ...pageConfig.templates } : undefined };
}

/**
 * Calls `listener` with the new page configuration after every {@link configure} call.
 * @returns A function that removes the listener.
 */
export function onConfigChange(listener: (config: Readonly<OsConfig>) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** @internal Clears the page configuration and its listeners (tests). */
export function resetConfig(): void {
  shared.config = {};
  listeners.clear();
}

/** True for `undefined`, `null`, blank strings and non-finite numbers: values an override does not apply. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  return false;
}

function pick<K extends keyof OsConfig>(key: K, overrides: Partial<OsConfig>): OsConfig[K] | undefined {
  if (!isEmpty(overrides[key])) return overrides[key];
  if (!isEmpty(shared.config[key])) return shared.config[key];
  return undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Derives the STOMP WebSocket URL from an API base URL the way `@orderingstack/ordering-core` does:
 * `https:` → `wss:`, `http:` → `ws:`, the path kept (query and fragment dropped, trailing slashes trimmed) and
 * `/websocket` appended. A path-only `apiUrl` (`/api`) is resolved against `globalThis.location` when there is one.
 * Returns `''` for an empty or unusable URL.
 *
 * @example deriveSocketUrl('https://api.example.com/') // 'wss://api.example.com/websocket'
 * @example deriveSocketUrl('http://localhost:8080/os') // 'ws://localhost:8080/os/websocket'
 */
export function deriveSocketUrl(apiUrl: string): string {
  let base = apiUrl
    .trim()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
  if (!base) return '';
  if (base.startsWith('/')) {
    const location = (globalThis as { location?: { protocol?: string; host?: string } }).location;
    if (!location?.host || !location.protocol) return '';
    base = base.startsWith('//') ? `${location.protocol}${base}` : `${location.protocol}//${location.host}${base}`;
  }
  if (/^https:/i.test(base)) base = base.replace(/^https:/i, 'wss:');
  else if (/^http:/i.test(base)) base = base.replace(/^http:/i, 'ws:');
  if (!/^wss?:\/\//i.test(base)) return '';
  return `${base}/websocket`;
}

/**
 * Resolves the configuration an element works with: each field from `overrides` where the override is not empty
 * (`undefined`, `null`, a blank string and a non-finite number count as empty), else from the page configuration
 * ({@link configure}), else from {@link DEFAULTS}. `templates` merge per template (override over page over preset).
 *
 * `socketUrl`: an explicit override wins; when the element overrides `apiUrl` but not `socketUrl`, the socket
 * URL is derived from the element's `apiUrl` (a page-wide `socketUrl` belongs to the page-wide `apiUrl`);
 * otherwise the page's `socketUrl`, else derived from the effective `apiUrl`.
 *
 * Idempotent: resolving an already resolved configuration gives the same result.
 */
export function resolveConfig(overrides: Partial<OsConfig> = {}): ResolvedConfig {
  const pageConfig = shared.config;
  const apiUrl = str(pick('apiUrl', overrides)).replace(/\/+$/, '');
  let socketUrl = str(overrides.socketUrl);
  if (!socketUrl && isEmpty(overrides.apiUrl)) socketUrl = str(pageConfig.socketUrl);
  if (!socketUrl) socketUrl = deriveSocketUrl(apiUrl);

  const templateOverrides: Partial<DestinationTemplates> = { ...pageConfig.templates };
  for (const [key, value] of Object.entries(overrides.templates ?? {})) {
    if (!isEmpty(value)) templateOverrides[key as keyof DestinationTemplates] = value;
  }
  const destinations = (pick('destinations', overrides) ?? DEFAULTS.destinations) as DestinationPreset;

  const resolved: ResolvedConfig = {
    apiUrl,
    socketUrl,
    tenant: str(pick('tenant', overrides)),
    destinations,
    templates: templatesFor({ destinations, templates: templateOverrides }),
    auth: AUTH_MODES.includes(pick('auth', overrides) as ResolvedConfig['auth'])
      ? (pick('auth', overrides) as ResolvedConfig['auth'])
      : DEFAULTS.auth,
    basicAuth: str(pick('basicAuth', overrides)) || DEFAULTS.basicAuth,
    heartbeatMs: num(pick('heartbeatMs', overrides), DEFAULTS.heartbeatMs),
    reconnectMinMs: num(pick('reconnectMinMs', overrides), DEFAULTS.reconnectMinMs),
    reconnectMaxMs: num(pick('reconnectMaxMs', overrides), DEFAULTS.reconnectMaxMs),
    stableAfterMs: num(pick('stableAfterMs', overrides), DEFAULTS.stableAfterMs),
    releaseGraceMs: num(pick('releaseGraceMs', overrides), DEFAULTS.releaseGraceMs),
    connectionTimeoutMs: num(pick('connectionTimeoutMs', overrides), DEFAULTS.connectionTimeoutMs),
    venueSnapshotPath: str(pick('venueSnapshotPath', overrides)) || DEFAULTS.venueSnapshotPath
  };
  const userId = str(pick('userId', overrides));
  if (userId) resolved.userId = userId;
  const token = pick('token', overrides);
  if (typeof token === 'function' || (typeof token === 'string' && token.trim())) {
    resolved.token = typeof token === 'string' ? token.trim() : token;
  }
  const refreshToken = str(pick('refreshToken', overrides));
  if (refreshToken) resolved.refreshToken = refreshToken;
  return resolved;
}

/** The fields {@link missingConfig} can check. */
export type RequirableConfigKey = keyof ResolvedConfig;

/**
 * The names of the `required` fields that are empty in `resolved` (in the order given), for an element to show
 * what it still needs, e.g. `missingConfig(config, ['apiUrl', 'tenant'])` → `['tenant']`.
 */
export function missingConfig(resolved: ResolvedConfig, required: readonly RequirableConfigKey[]): string[] {
  return required.filter(key => isEmpty(resolved[key]));
}
