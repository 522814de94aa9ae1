import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { header, readBody, sendJson } from '../http/io.js';
import type { Route } from '../http/router.js';
import type { TokenGrant } from './token-store.js';
import { authenticateUser, isOAuthClient } from './users.js';

/**
 * `POST /auth-oauth2/oauth/token` (form-urlencoded): the password grant (`anonymous` with an empty password
 * included), the refresh-token grant with rotating refresh tokens, and the device-code grant; plus
 * `POST /auth-oauth2/oauth/device`, which starts the device-code flow. Needs `Authorization: Basic` of
 * `ordering:secret` (else 401 `invalid_client`) and `X-Tenant` equal to the tenant (else 400 `invalid_request`).
 */
export function tokenRoutes(context: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/auth-oauth2\/oauth\/token$/,
      handler: (request, response) => grant(context, request, response)
    },
    {
      method: 'POST',
      path: /^\/auth-oauth2\/oauth\/device$/,
      handler: (request, response) => startDevice(context, request, response)
    }
  ];
}

/** The grant type of the device-code flow (RFC 8628). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Answers 401/400 and returns false when the client credentials or the tenant are wrong. */
function checkClient(context: EmulatorContext, request: IncomingMessage, response: ServerResponse): boolean {
  if (!isOAuthClient(header(request, 'authorization'))) {
    sendJson(
      response,
      401,
      { error: 'invalid_client', error_description: 'Bad client credentials' },
      { 'WWW-Authenticate': 'Basic realm="oauth2/client"' }
    );
    return false;
  }
  if (header(request, 'x-tenant') !== context.tenant) {
    oauthError(response, 'invalid_request', 'Missing or unknown X-Tenant');
    return false;
  }
  return true;
}

/**
 * `POST /auth-oauth2/oauth/device` (form-urlencoded or JSON, optional `module`): starts the device-code flow and
 * answers `{device_code, user_code, verification_uri, verification_uri_complete, expires_in, interval}`. The
 * verification page is the demo's `/demo/activate.html`.
 */
async function startDevice(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  if (!checkClient(context, request, response)) return;
  const text = (await readBody(request)).toString('utf8');
  let module: string | undefined;
  try {
    const json = text.trim().startsWith('{') ? (JSON.parse(text) as { module?: unknown }) : undefined;
    module = json
      ? typeof json.module === 'string'
        ? json.module
        : undefined
      : (new URLSearchParams(text).get('module') ?? undefined);
  } catch {
    return oauthError(response, 'invalid_request', 'Body is neither a form nor JSON');
  }
  const authorization = context.devices.start(module);
  const origin = `http://${header(request, 'host') ?? '127.0.0.1'}`;
  const verificationUri = `${origin}/demo/activate.html`;
  sendJson(response, 200, {
    device_code: authorization.deviceCode,
    user_code: authorization.userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?code=${encodeURIComponent(authorization.userCode)}`,
    expires_in: Math.round((authorization.expiresAt - Date.now()) / 1000),
    interval: authorization.interval
  });
}

async function grant(context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!checkClient(context, request, response)) return;
  const form = new URLSearchParams((await readBody(request)).toString('utf8'));
  const ttl = context.config.tokenTtlSeconds;
  let issued: TokenGrant | undefined;
  switch (form.get('grant_type')) {
    case 'password': {
      const username = form.get('username');
      if (!username) return oauthError(response, 'invalid_request', 'Missing username');
      const principal = authenticateUser(context.users, username, form.get('password') ?? '');
      if (!principal) return oauthError(response, 'invalid_grant', 'Bad credentials');
      issued = context.tokens.issue(principal, ttl);
      break;
    }
    case 'refresh_token': {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return oauthError(response, 'invalid_request', 'Missing refresh_token');
      issued = context.tokens.refresh(refreshToken, ttl);
      if (!issued) return oauthError(response, 'invalid_grant', 'Invalid refresh token');
      break;
    }
    case DEVICE_CODE_GRANT: {
      const deviceCode = form.get('device_code');
      if (!deviceCode) return oauthError(response, 'invalid_request', 'Missing device_code');
      const poll = context.devices.poll(deviceCode);
      if (poll.kind === 'error') return oauthError(response, poll.error, DEVICE_ERRORS[poll.error]);
      issued = context.tokens.issue(poll.principal, ttl);
      break;
    }
    default:
      return oauthError(
        response,
        'unsupported_grant_type',
        `Supported grant types: password, refresh_token, ${DEVICE_CODE_GRANT}`
      );
  }
  sendJson(response, 200, {
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    token_type: 'bearer',
    expires_in: issued.expiresIn,
    scope: 'read',
    UUID: issued.principal.userId,
    TENANT: context.tenant,
    TRUST: 'F'
  });
}

const DEVICE_ERRORS = {
  authorization_pending: 'Nobody has approved the user code yet',
  slow_down: 'Polling too often',
  expired_token: 'The device code expired: start again',
  invalid_grant: 'Unknown device code'
} as const;

function oauthError(response: ServerResponse, error: string, description: string): void {
  sendJson(response, 400, { error, error_description: description });
}
