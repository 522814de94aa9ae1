/**
 * `os-widgets/connection`: the shared connection without any element or Lit, for host apps that configure the page,
 * supply tokens or watch the connection. Every export is named here on purpose: this list is the public API.
 * @packageDocumentation
 */
export { configure } from './config.js';
export { getConnection, type OsConnection } from './hub.js';
export { ConnectionState } from './connection-state.js';
export {
  AuthError,
  deviceCodeSource,
  passwordGrantSource,
  refreshTokenSource,
  type DeviceCode,
  type DeviceCodeOptions,
  type DeviceCodeProvider,
  type OAuthSourceOptions,
  type PasswordGrantOptions,
  type RefreshTokenOptions,
  type TokenInfoProvider,
  type TokenStorage
} from './tokens.js';
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
  TokenInfo,
  TokenProvider,
  TokenRequest
} from './types.js';
