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
      throw new Error(message);
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
