import type { ResolvedConfig } from '../config.js';
import type { TokenInfo, TokenProvider } from '../types.js';
import { sharedDeviceCodeSource, type DeviceCodeProvider } from './device-code.js';
import { passwordGrantSource, refreshTokenSource } from './grants.js';
import type { OAuthSourceOptions } from './oauth-session.js';
import { normalizeToken } from './token-result.js';

/** The parts of a resolved configuration that choose the token source and feed the built-in ones. */
export type TokenSourceConfig = Pick<
  ResolvedConfig,
  'token' | 'refreshToken' | 'auth' | 'apiUrl' | 'tenant' | 'basicAuth'
>;

/** Where a configuration's tokens come from; see {@link chooseTokenSource}. */
export type TokenSourceChoice =
  | { kind: 'token'; token: string }
  | { kind: 'provider'; provider: TokenProvider }
  | { kind: 'refresh-token'; refreshToken: string }
  | { kind: 'none' | 'device' | 'anonymous' };

/**
 * The one token-source policy, first match wins:
 * 1. `token` is a string → `'token'`: sent as is;
 * 2. `token` is a function → `'provider'`: called with `{ forceRefresh }` before every connect;
 * 3. `refreshToken` → `'refresh-token'`: the built-in `refreshTokenSource`;
 * 4. `auth: 'none'` → `'none'`: no login header;
 * 5. `auth: 'device'` → `'device'`: the page's `sharedDeviceCodeSource` (a board shows its code);
 * 6. otherwise → `'anonymous'`: the built-in anonymous `passwordGrantSource`.
 */
export function chooseTokenSource(config: Pick<ResolvedConfig, 'token' | 'refreshToken' | 'auth'>): TokenSourceChoice {
  const { token } = config;
  if (typeof token === 'string') return { kind: 'token', token };
  if (typeof token === 'function') return { kind: 'provider', provider: token };
  if (config.refreshToken) return { kind: 'refresh-token', refreshToken: config.refreshToken };
  if (config.auth === 'none') return { kind: 'none' };
  if (config.auth === 'device') return { kind: 'device' };
  return { kind: 'anonymous' };
}

function builtInOptions(config: TokenSourceConfig, fetchImpl: typeof fetch | undefined): OAuthSourceOptions {
  return { apiUrl: config.apiUrl, tenant: config.tenant, basicAuth: config.basicAuth, fetch: fetchImpl };
}

/**
 * The token provider {@link chooseTokenSource} picks for `config`, or `undefined` for `'none'`.
 * @param fetchImpl The `fetch` of the built-in sources. Default: `globalThis.fetch` at call time.
 */
export function createTokenSource(config: TokenSourceConfig, fetchImpl?: typeof fetch): TokenProvider | undefined {
  const choice = chooseTokenSource(config);
  switch (choice.kind) {
    case 'token':
      return () => Promise.resolve(choice.token);
    case 'provider':
      return choice.provider;
    case 'refresh-token':
      return refreshTokenSource({ ...builtInOptions(config, fetchImpl), refreshToken: choice.refreshToken });
    case 'none':
      return undefined;
    case 'device':
      return sharedDeviceCodeSource(builtInOptions(config, fetchImpl));
    case 'anonymous':
      return passwordGrantSource(builtInOptions(config, fetchImpl));
  }
}

/**
 * The page's device-code source when `config` signs in with the device-code flow (`auth: 'device'` and neither a
 * `token` nor a `refreshToken`), else `undefined`. It is the same source the connection of that configuration
 * uses, so a board can show the code that connection waits for.
 */
export function deviceCodeSourceFor(
  config: TokenSourceConfig,
  fetchImpl?: typeof fetch
): DeviceCodeProvider | undefined {
  return chooseTokenSource(config).kind === 'device'
    ? sharedDeviceCodeSource(builtInOptions(config, fetchImpl))
    : undefined;
}

/**
 * A hub's side of authentication: its token source, the token and user id it last got, and how many times in a row
 * the credentials were refused.
 *
 * - A connect takes a token from the source ({@link nextConnectToken}); after a first rejection that call asks for
 *   `{ forceRefresh: true }`, and a second rejection in a row means giving up ({@link rejected}); CONNECTED starts
 *   the count over ({@link accepted}).
 * - REST reads use the current token and, on HTTP 401, a forced refresh once ({@link authorized}).
 * - {@link redact} keeps tokens out of anything shown or logged.
 */
export class TokenSession {
  private config: TokenSourceConfig;
  private readonly fetchImpl: typeof fetch;
  private source: TokenProvider | undefined;
  private rejections = 0;
  private forceRefreshNext = false;
  /** The token of the current (or last) connection. */
  private token?: string;
  /** The user id the token source reported last, if any. */
  userId?: string;

  constructor(config: TokenSourceConfig, fetchImpl: typeof fetch) {
    this.config = config;
    this.fetchImpl = fetchImpl;
    this.source = createTokenSource(config, fetchImpl);
  }

  /**
   * Takes over `config`. When it chooses another source (its `token`, `refreshToken` or `auth` differ), the new
   * source starts with a clean rejection count.
   * @returns Whether the token source changed.
   */
  update(config: TokenSourceConfig): boolean {
    const changed =
      config.token !== this.config.token ||
      config.refreshToken !== this.config.refreshToken ||
      config.auth !== this.config.auth;
    this.config = config;
    if (!changed) return false;
    this.source = createTokenSource(config, this.fetchImpl);
    this.rejections = 0;
    this.forceRefreshNext = false;
    return true;
  }

  /**
   * The token for a connect attempt (`{ token: '' }` without a source), refreshed by force after a rejection.
   * Throws when the source fails or gives no token.
   */
  async nextConnectToken(): Promise<TokenInfo> {
    const forceRefresh = this.forceRefreshNext;
    if (!this.source) {
      this.token = undefined;
      return { token: '' };
    }
    const info = normalizeToken(await this.source({ forceRefresh }));
    if (!info.token) throw new Error('the token source returned no token');
    this.token = info.token;
    if (info.userId) this.userId = info.userId;
    return info;
  }

  /** The attempt's CONNECT headers were set from {@link nextConnectToken}: a pending forced refresh is done. */
  connectTokenUsed(): void {
    this.forceRefreshNext = false;
  }

  /** CONNECTED: the credentials work, so the rejection count starts over. */
  accepted(): void {
    this.rejections = 0;
  }

  /**
   * The server or the token source refused the credentials.
   * @returns `true` for the second refusal in a row: give up. Otherwise the next connect forces a token refresh.
   */
  rejected(): boolean {
    this.rejections++;
    if (this.rejections >= 2) return true;
    this.forceRefreshNext = true;
    return false;
  }

  /** One more attempt after giving up: with a forced refresh, and a refusal gives up again. */
  retryOnce(): void {
    this.rejections = 1;
    this.forceRefreshNext = true;
  }

  /**
   * Runs `send` with the current token. When it fails with an error `isUnauthorized` accepts (HTTP 401) and the
   * token comes from a source that can renew it (not a fixed string), runs it once more with a forced refresh.
   */
  async authorized<T>(
    send: (token: string | undefined) => Promise<T>,
    isUnauthorized: (error: unknown) => boolean
  ): Promise<T> {
    const token = this.token ?? (await this.currentToken(false));
    try {
      return await send(token);
    } catch (error) {
      if (!isUnauthorized(error) || !this.source) throw error;
      if (typeof this.config.token === 'string') throw error;
      const fresh = await this.currentToken(true);
      if (!fresh || fresh === token) throw error;
      return send(fresh);
    }
  }

  /** Removes anything that looks like a token from a text meant for status, errors or the console. */
  redact(text: string): string {
    let result = text;
    for (const secret of [this.token, typeof this.config.token === 'string' ? this.config.token : undefined]) {
      if (secret && secret.length >= 6) result = result.split(secret).join('***');
    }
    return result.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '***');
  }

  private async currentToken(forceRefresh: boolean): Promise<string | undefined> {
    if (!this.source) return undefined;
    const info = normalizeToken(await this.source({ forceRefresh }));
    if (info.token) this.token = info.token;
    if (info.userId) this.userId = info.userId;
    return info.token || undefined;
  }
}
