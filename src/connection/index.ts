/**
 * `os-widgets/connection`: the shared connection without any element or Lit, for host apps that configure the page,
 * supply tokens or watch the connection. Every export is named here on purpose: this list is the public API.
 * @packageDocumentation
 */
export { configure } from './config.js';
export { getConnection, type OsConnection } from './hub/hub-registry.js';
export { ConnectionState } from './connection-state.js';
export { AuthError } from './auth/errors.js';
export {
  deviceCodeSource,
  type DeviceCode,
  type DeviceCodeOptions,
  type DeviceCodeProvider
} from './auth/device-code.js';
export {
  passwordGrantSource,
  refreshTokenSource,
  type PasswordGrantOptions,
  type RefreshTokenOptions
} from './auth/grants.js';
export type { OAuthSourceOptions, TokenInfoProvider, TokenStorage } from './auth/oauth-session.js';
export type {
  AuthErrorDetail,
  DestinationPreset,
  DestinationTemplates,
  HubMessage,
  MessageListener,
  HubStatus,
  OsConfig,
  ResyncContext,
  SubscribeOptions,
  SubscriptionErrorDetail,
  TokenInfo,
  TokenProvider,
  TokenRequest
} from './types.js';
