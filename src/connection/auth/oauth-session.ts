import type { TokenInfo, TokenRequest } from '../types.js';
import { AuthError, TokenRequestError } from './errors.js';
import { normalizeToken } from './token-result.js';

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

/** A token endpoint response (success or OAuth error). */
export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number | string;
  UUID?: string;
  error?: string;
}

/** Posts one grant to the token endpoint; resolves to a response with an `access_token`, or throws. */
export type TokenPost = (body: Record<string, string>) => Promise<TokenResponse>;

const DEFAULT_BASIC_AUTH = 'b3JkZXJpbmc6c2VjcmV0';

/** `{apiUrl}/auth-oauth2/oauth/{endpoint}`, without a doubled slash. */
export function authUrl(apiUrl: string, endpoint: 'token' | 'device'): string {
  return `${apiUrl.replace(/\/+$/, '')}/auth-oauth2/oauth/${endpoint}`;
}

/** POSTs a form to the auth server with the client's Basic credentials and `X-Tenant`, asking for JSON. */
export function postForm(options: OAuthSourceOptions, url: string, body: Record<string, string>): Promise<Response> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  return fetchImpl(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
      Authorization: `Basic ${options.basicAuth || DEFAULT_BASIC_AUTH}`,
      'X-Tenant': options.tenant,
      Accept: 'application/json'
    },
    body: new URLSearchParams(body).toString()
  });
}

/** `globalThis.localStorage`, or `undefined` where it is missing or blocked. */
export function defaultStorage(): TokenStorage | undefined {
  try {
    return (globalThis as { localStorage?: TokenStorage }).localStorage;
  } catch {
    return undefined; // e.g. a sandboxed iframe
  }
}

/** Stores `refreshToken` under `key` (removes the key for `undefined`); a full or blocked storage is ignored. */
export function storeRefreshToken(
  storage: TokenStorage | undefined,
  key: string,
  refreshToken: string | undefined
): void {
  try {
    if (refreshToken) storage?.setItem(key, refreshToken);
    else storage?.removeItem(key);
  } catch {
    // storage full or blocked: the token still lives in memory
  }
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

/**
 * One cached OAuth session: the shared engine of the built-in sources (`grants.ts`, `device-code.ts`).
 *
 * It renews with the `refresh_token` grant while it holds a refresh token (reporting each rotated one to
 * `onRefreshTokenChange`, and `undefined` once the server answers `invalid_grant`), else signs in with `fallback`
 * (a grant of its own, posted through the session's `post`); without a fallback a missing refresh token is an
 * {@link AuthError}. The access token is cached while more than max(10 s, 10 % of its lifetime) is left;
 * `{ forceRefresh: true }` never returns the cached token; concurrent calls share one request.
 */
export function createOAuthSession(
  options: OAuthSourceOptions,
  initialRefreshToken: string | undefined,
  onRefreshTokenChange: (refreshToken: string | undefined) => void,
  fallback: ((post: TokenPost) => Promise<TokenResponse>) | undefined
): TokenInfoProvider {
  const now = options.now ?? (() => Date.now());
  const url = authUrl(options.apiUrl, 'token');
  let refreshToken = initialRefreshToken;
  let cached: { info: TokenInfo; expiresAt?: number; lifetime?: number } | undefined;
  let inFlight: Promise<TokenInfo> | undefined;

  async function post(body: Record<string, string>): Promise<TokenResponse> {
    const response = await postForm(options, url, body);
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
