import {
  createOAuthSession,
  defaultStorage,
  storeRefreshToken,
  type OAuthSourceOptions,
  type TokenInfoProvider,
  type TokenStorage
} from './oauth-session.js';

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
  return createOAuthSession(
    options,
    undefined,
    () => {},
    post => post({ grant_type: 'password', scope: 'read', username, password })
  );
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
    storeRefreshToken(options.storage ?? defaultStorage(), storageKey, refreshToken);
  };
  return createOAuthSession(options, options.refreshToken, store, undefined);
}
