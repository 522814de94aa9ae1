import { configure, onConfigChange, resolveConfig, type ResolvedConfig } from './config.js';
import { StompHub } from './stomp-hub.js';
import type { OsConfig, TokenProvider } from './types.js';

export { configure } from './config.js';

/**
 * Same as {@link configure}: sets page-wide configuration for every hub and element (house-style name).
 */
export const configureStompHub: (config: OsConfig) => void = configure;

interface HubRecord {
  hub: StompHub;
  /** The overrides the hub was first asked with; re-resolved when the page configuration changes. */
  overrides: Partial<OsConfig>;
}

const hubs = new Map<string, HubRecord>();
const providerIds = new WeakMap<TokenProvider, number>();
let nextProviderId = 1;
let forcedHub: StompHub | undefined;
let stopListening: (() => void) | undefined;

/** Who the hub connects as: a token string, a provider function, a refresh token, or built-in anonymous / none. */
function tokenIdentity(config: ResolvedConfig): string {
  const { token } = config;
  if (typeof token === 'string') return `token:${token}`;
  if (typeof token === 'function') {
    let id = providerIds.get(token);
    if (id === undefined) {
      id = nextProviderId++;
      providerIds.set(token, id);
    }
    return `provider:${id}`;
  }
  if (config.refreshToken) return `refresh:${config.refreshToken}`;
  return config.auth;
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
  stopListening ??= onConfigChange(handleConfigChange);
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
  stopListening?.();
  stopListening = undefined;
}
