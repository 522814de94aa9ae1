import { AuthError, TokenRequestError } from './errors.js';
import {
  authUrl,
  createOAuthSession,
  defaultStorage,
  postForm,
  storeRefreshToken,
  type OAuthSourceOptions,
  type TokenInfoProvider,
  type TokenPost,
  type TokenResponse,
  type TokenStorage
} from './oauth-session.js';

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
 * stays signed in across reloads. Caching and early renewal as `passwordGrantSource`.
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
    const response = await postForm(
      options,
      authUrl(options.apiUrl, 'device'),
      options.module ? { module: options.module } : {}
    );
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

  async function deviceFlow(post: TokenPost): Promise<TokenResponse> {
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

  const store = (refreshToken: string | undefined): void => storeRefreshToken(storage(), storageKey, refreshToken);
  let initial: string | undefined;
  try {
    initial = storage()?.getItem(storageKey) ?? undefined;
  } catch {
    initial = undefined;
  }
  const provider = createOAuthSession(options, initial, store, deviceFlow) as DeviceCodeProvider & {
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
