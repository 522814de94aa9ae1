import type { TokenInfo, TokenRequest } from './types.js';

/**
 * A token source refused the credentials for good (e.g. the refresh token is `invalid_grant`): retrying with the
 * same credentials cannot succeed. The hub counts it as a rejection (see `StompHub`). The message never contains
 * a token.
 */
export class AuthError extends Error {
  /** The OAuth `error` code when the server sent one, e.g. `'invalid_grant'`. */
  readonly code?: string;
  /** The HTTP status of the token response, when there was one. */
  readonly status?: number;

  constructor(message: string, options: { code?: string; status?: number } = {}) {
    super(message);
    this.name = 'AuthError';
    this.code = options.code;
    this.status = options.status;
  }
}

/**
 * The token endpoint answered an error that retrying later may cure (e.g. `authorization_pending`, a 5xx). `code` is
 * the OAuth `error` when the server sent one.
 */
export class TokenRequestError extends Error {
  /** The OAuth `error` code, e.g. `'authorization_pending'`. */
  readonly code?: string;
  /** The HTTP status. */
  readonly status: number;

  constructor(message: string, status: number, code?: string) {
    super(message);
    this.name = 'TokenRequestError';
    this.status = status;
    this.code = code;
  }
}

/** The shapes a token provider may resolve to (`ordering-core`'s `{token, UUID}` and a raw token response included). */
export type TokenResult =
  string | TokenInfo | { token?: string; UUID?: string; userId?: string } | { access_token?: string; UUID?: string };

/**
 * Turns whatever a token provider returned into a {@link TokenInfo}: a string is the token; objects may carry the
 * token as `token` or `access_token` and the user id as `userId` or `UUID`. An empty token gives `token: ''`
 * (the hub treats that as "no token yet" and retries later).
 */
export function normalizeToken(result: TokenResult | null | undefined): TokenInfo {
  if (typeof result === 'string') return { token: result };
  if (!result || typeof result !== 'object') return { token: '' };
  const record = result as Record<string, unknown>;
  const token =
    typeof record.token === 'string'
      ? record.token
      : typeof record.access_token === 'string'
        ? record.access_token
        : '';
  const userId =
    typeof record.userId === 'string' && record.userId
      ? record.userId
      : typeof record.UUID === 'string' && record.UUID
        ? record.UUID
        : undefined;
  return userId ? { token, userId } : { token };
}

/** A `TokenProvider` that always resolves to a {@link TokenInfo}: what the built-in sources return. */
export type TokenInfoProvider = (request: TokenRequest) => Promise<TokenInfo>;

/** The subset of the Web Storage API the refresh-token source uses. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options shared by the built-in token sources. */
export interface OAuthSourceOptions {
  /** Base URL of the Ordering Stack API; the token endpoint is `{apiUrl}/auth-oauth2/oauth/token`. */
  apiUrl: string;
  /** Tenant id, sent as `X-Tenant`. */
  tenant: string;
  /** Base64 `client:secret` for `Authorization: Basic`. Default `'b3JkZXJpbmc6c2VjcmV0'` (`ordering:secret`). */
  basicAuth?: string;
  /** The `fetch` to use. Default: `globalThis.fetch` at call time. */
  fetch?: typeof fetch;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** Options of {@link passwordGrantSource}. */
export interface PasswordGrantOptions extends OAuthSourceOptions {
  /** Default `'anonymous'` (the anonymous login of `ordering-core`). */
  username?: string;
  /** Default `''`. */
  password?: string;
}

/** Options of {@link refreshTokenSource}. */
export interface RefreshTokenOptions extends OAuthSourceOptions {
  /** The refresh token to start from. */
  refreshToken: string;
  /** When set, each rotated refresh token is stored under this key in `storage` (removed once invalid). */
  storageKey?: string;
  /** Where to store rotated refresh tokens. Default `globalThis.localStorage` (only used with `storageKey`). */
  storage?: TokenStorage;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  UUID?: string;
  error?: string;
}

/** Seconds of `exp` in a JWT, or `undefined` when `token` is not a readable JWT. */
function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part || typeof atob !== 'function') return undefined;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '=')
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

const DEFAULT_BASIC_AUTH = 'b3JkZXJpbmc6c2VjcmV0';

/** One cached OAuth session: the shared engine of both built-in sources. */
function createOAuthSource(
  options: OAuthSourceOptions,
  initialRefreshToken: string | undefined,
  onRefreshTokenChange: (refreshToken: string | undefined) => void,
  fallback: ((post: (body: Record<string, string>) => Promise<TokenResponse>) => Promise<TokenResponse>) | undefined
): TokenInfoProvider {
  const now = options.now ?? (() => Date.now());
  const url = `${options.apiUrl.replace(/\/+$/, '')}/auth-oauth2/oauth/token`;
  let refreshToken = initialRefreshToken;
  let cached: { info: TokenInfo; expiresAt?: number; lifetime?: number } | undefined;
  let inFlight: Promise<TokenInfo> | undefined;

  async function post(body: Record<string, string>): Promise<TokenResponse> {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: `Basic ${options.basicAuth || DEFAULT_BASIC_AUTH}`,
        'X-Tenant': options.tenant,
        Accept: 'application/json'
      },
      body: new URLSearchParams(body).toString()
    });
    let data: TokenResponse = {};
    try {
      data = (await response.json()) as TokenResponse;
    } catch {
      // a body that is not JSON: judged by the status alone
    }
    if (!response.ok) {
      const code = typeof data?.error === 'string' ? data.error : undefined;
      const reason = code ? ` (${code})` : '';
      const message = `Token request (${body.grant_type}) failed with HTTP ${response.status}${reason}`;
      if (
        code === 'invalid_grant' ||
        code === 'invalid_client' ||
        code === 'unauthorized_client' ||
        response.status === 401
      ) {
        throw new AuthError(message, { code, status: response.status });
      }
      throw new TokenRequestError(message, response.status, code);
    }
    if (!data || typeof data.access_token !== 'string' || !data.access_token) {
      throw new Error(`Token response (${body.grant_type}) has no access_token`);
    }
    return data;
  }

  function accept(data: TokenResponse): TokenInfo {
    if (typeof data.refresh_token === 'string' && data.refresh_token && data.refresh_token !== refreshToken) {
      refreshToken = data.refresh_token;
      onRefreshTokenChange(refreshToken);
    }
    const info = normalizeToken(data);
    const issuedAt = now();
    const seconds = Number(data.expires_in);
    let expiresAt: number | undefined;
    if (Number.isFinite(seconds) && seconds > 0) expiresAt = issuedAt + seconds * 1000;
    else {
      const exp = jwtExpiry(info.token);
      if (exp !== undefined) expiresAt = exp * 1000;
    }
    cached = { info, expiresAt, lifetime: expiresAt === undefined ? undefined : expiresAt - issuedAt };
    return info;
  }

  function fresh(): boolean {
    if (!cached) return false;
    if (cached.expiresAt === undefined) return true;
    const margin = Math.max(10_000, 0.1 * (cached.lifetime ?? 0));
    return cached.expiresAt - now() > margin;
  }

  async function obtain(): Promise<TokenInfo> {
    if (refreshToken) {
      try {
        return accept(await post({ grant_type: 'refresh_token', refresh_token: refreshToken }));
      } catch (error) {
        if (error instanceof AuthError && error.code === 'invalid_grant') {
          refreshToken = undefined;
          onRefreshTokenChange(undefined);
        }
        if (!fallback) throw error;
      }
    }
    if (!fallback) throw new AuthError('No valid refresh token', { code: 'invalid_grant' });
    return accept(await fallback(post));
  }

  return ({ forceRefresh }: TokenRequest) => {
    if (inFlight) return inFlight;
    if (!forceRefresh && cached && fresh()) return Promise.resolve({ ...cached.info });
    if (forceRefresh) cached = undefined;
    inFlight = obtain().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/**
 * The password grant against `POST {apiUrl}/auth-oauth2/oauth/token` (default: the anonymous login
 * `username=anonymous&password=`). The provider caches the access token and the user id (`UUID` → `userId`),
 * returns the cached token while more than max(10 s, 10 % of its lifetime) is left, renews it with the
 * `refresh_token` grant when the response carried a refresh token (keeping the rotated one), and falls back to the
 * password grant when the refresh fails. `{ forceRefresh: true }` never returns the cached token. Concurrent calls
 * share one request. HTTP 401 and `invalid_grant` / `invalid_client` throw {@link AuthError}; network errors
 * and other statuses throw a plain `Error` (the hub backs off and retries).
 */
export function passwordGrantSource(options: PasswordGrantOptions): TokenInfoProvider {
  const username = options.username ?? 'anonymous';
  const password = options.password ?? '';
  return createOAuthSource(
    options,
    undefined,
    () => {},
    post => post({ grant_type: 'password', scope: 'read', username, password })
  );
}

function defaultStorage(): TokenStorage | undefined {
  try {
    return (globalThis as { localStorage?: TokenStorage }).localStorage;
  } catch {
    return undefined; // e.g. a sandboxed iframe
  }
}

/**
 * The refresh-token grant against `POST {apiUrl}/auth-oauth2/oauth/token`, starting from `refreshToken`.
 * Caching, early renewal, `forceRefresh` and shared in-flight requests as {@link passwordGrantSource}.
 * Refresh tokens rotate: each new one replaces the old and, with `storageKey`, is stored in `storage`
 * (default `localStorage`). When the server answers `invalid_grant`, the refresh token is forgotten (and removed
 * from storage) and an {@link AuthError} is thrown; so is every later call.
 */
export function refreshTokenSource(options: RefreshTokenOptions): TokenInfoProvider {
  const { storageKey } = options;
  const store = (refreshToken: string | undefined): void => {
    if (!storageKey) return;
    const storage = options.storage ?? defaultStorage();
    try {
      if (refreshToken) storage?.setItem(storageKey, refreshToken);
      else storage?.removeItem(storageKey);
    } catch {
      // storage full or blocked: the token still lives in memory
    }
  };
  return createOAuthSource(options, options.refreshToken, store, undefined);
}

/** The code a board screen shows while it waits for a person to approve it (device-code flow). */
export interface DeviceCode {
  /** What the person types, e.g. `WDJB-MJHT`. */
  userCode: string;
  /** Where they type it. */
  verificationUri: string;
  /** The same page with the code filled in (for a QR code or a link), when the server sent one. */
  verificationUriComplete?: string;
  /** `Date.now()` time after which the code is no longer valid (a new one is requested then). */
  expiresAt: number;
}

/** Options of {@link deviceCodeSource}. */
export interface DeviceCodeOptions extends OAuthSourceOptions {
  /** The `module` id sent to the device endpoint, if the tenant uses modules. */
  module?: string;
  /** Where the refresh token is kept across reloads. Default `orderingstack_{tenant}_refreshToken`. */
  storageKey?: string;
  /** Default `globalThis.localStorage`. */
  storage?: TokenStorage;
  /** How to wait between polls. Default: `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

/** A device-code token provider, with the code to show while it waits for approval. */
export interface DeviceCodeProvider extends TokenInfoProvider {
  /** The code to show now, or `undefined` when none is pending. */
  readonly code: DeviceCode | undefined;
  /** Calls `listener` whenever `code` changes (a new code, or `undefined` once approved); returns an unsubscribe. */
  onCode(listener: (code: DeviceCode | undefined) => void): () => void;
}

/** The OAuth grant type of the device-code flow (RFC 8628). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

interface DeviceStartResponse {
  device_code?: string;
  user_code?: string;
  verification_uri?: string;
  verification_uri_complete?: string;
  expires_in?: number | string;
  interval?: number | string;
}

/**
 * The device-code flow for screens nobody types a password into (boards, kiosks). With a refresh token stored under
 * `storageKey` it signs in with the refresh-token grant at once. Otherwise it asks `POST {apiUrl}/auth-oauth2/oauth/device`
 * for a code, publishes it through `code` / `onCode()` so the screen can show it, and polls the token endpoint with
 * the device-code grant every `interval` seconds (slower on `slow_down`, with a new code once one expires) until a
 * person approves it. The refresh token it then gets is kept in `storage` (rotated on every refresh), so the screen
 * stays signed in across reloads. Caching and early renewal as {@link passwordGrantSource}.
 */
export function deviceCodeSource(options: DeviceCodeOptions): DeviceCodeProvider {
  const storageKey = options.storageKey ?? `orderingstack_${options.tenant}_refreshToken`;
  const storage = (): TokenStorage | undefined => options.storage ?? defaultStorage();
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  const listeners = new Set<(code: DeviceCode | undefined) => void>();
  let code: DeviceCode | undefined;
  const publish = (next: DeviceCode | undefined): void => {
    code = next;
    for (const listener of [...listeners]) listener(next);
  };

  async function startDevice(): Promise<DeviceCode & { deviceCode: string; intervalMs: number }> {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    const body = new URLSearchParams(options.module ? { module: options.module } : {});
    const response = await fetchImpl(`${options.apiUrl.replace(/\/+$/, '')}/auth-oauth2/oauth/device`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: `Basic ${options.basicAuth || DEFAULT_BASIC_AUTH}`,
        'X-Tenant': options.tenant,
        Accept: 'application/json'
      },
      body: body.toString()
    });
    const data = (await response.json().catch(() => ({}))) as DeviceStartResponse & { error?: string };
    if (!response.ok || !data.device_code || !data.user_code || !data.verification_uri) {
      const message = `Device authorization failed with HTTP ${response.status}`;
      if (response.status === 401 || data.error === 'invalid_client') {
        throw new AuthError(message, { code: data.error, status: response.status });
      }
      throw new TokenRequestError(message, response.status, data.error);
    }
    return {
      deviceCode: data.device_code,
      userCode: data.user_code,
      verificationUri: data.verification_uri,
      verificationUriComplete: data.verification_uri_complete,
      expiresAt: now() + (Number(data.expires_in) || 600) * 1000,
      intervalMs: Math.max(1, Number(data.interval) || 5) * 1000
    };
  }

  async function deviceFlow(post: (body: Record<string, string>) => Promise<TokenResponse>): Promise<TokenResponse> {
    for (;;) {
      const { deviceCode, intervalMs: firstInterval, ...shown } = await startDevice();
      publish(shown);
      let intervalMs = firstInterval;
      while (now() < shown.expiresAt) {
        await sleep(intervalMs);
        try {
          const data = await post({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode });
          publish(undefined);
          return data;
        } catch (error) {
          const reason = (error as { code?: string }).code;
          if (reason === 'slow_down') intervalMs += 5000;
          else if (reason === 'expired_token' || reason === 'invalid_grant') break;
          else if (reason !== 'authorization_pending') throw error;
        }
      }
    }
  }

  const store = (refreshToken: string | undefined): void => {
    try {
      if (refreshToken) storage()?.setItem(storageKey, refreshToken);
      else storage()?.removeItem(storageKey);
    } catch {
      // storage full or blocked: the token still lives in memory
    }
  };
  let initial: string | undefined;
  try {
    initial = storage()?.getItem(storageKey) ?? undefined;
  } catch {
    initial = undefined;
  }
  const provider = createOAuthSource(options, initial, store, deviceFlow) as DeviceCodeProvider & {
    code: DeviceCode | undefined;
  };
  Object.defineProperty(provider, 'code', { get: () => code });
  provider.onCode = listener => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return provider;
}

const deviceSources = new Map<string, DeviceCodeProvider>();

/**
 * One {@link deviceCodeSource} per API, tenant and client credentials, shared by every element of the page that uses
 * `auth="device"`, so that several boards show one code and share one connection.
 */
export function sharedDeviceCodeSource(options: DeviceCodeOptions): DeviceCodeProvider {
  const key = [options.apiUrl, options.tenant, options.basicAuth ?? '', options.module ?? ''].join('\n');
  let source = deviceSources.get(key);
  if (!source) deviceSources.set(key, (source = deviceCodeSource(options)));
  return source;
}
