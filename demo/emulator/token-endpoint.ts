import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateUser, isOAuthClient } from './auth.js';
import type { EmulatorContext } from './context.js';
import { header, readBody, sendJson } from './http.js';
import type { Route } from './router.js';
import type { TokenGrant } from './token-store.js';

/**
 * `POST /auth-oauth2/oauth/token` (form-urlencoded): the password grant (`anonymous` with an empty password
 * included) and the refresh-token grant with rotating refresh tokens. Needs `Authorization: Basic` of
 * `ordering:secret` (else 401 `invalid_client`) and `X-Tenant` equal to the tenant (else 400 `invalid_request`).
 */
export function tokenRoutes(context: EmulatorContext): Route[] {
  return [
    {
      method: 'POST',
      path: /^\/auth-oauth2\/oauth\/token$/,
      handler: (request, response) => grant(context, request, response)
    }
  ];
}

async function grant(context: EmulatorContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!isOAuthClient(header(request, 'authorization'))) {
    return sendJson(
      response,
      401,
      { error: 'invalid_client', error_description: 'Bad client credentials' },
      { 'WWW-Authenticate': 'Basic realm="oauth2/client"' }
    );
  }
  if (header(request, 'x-tenant') !== context.tenant) {
    return oauthError(response, 'invalid_request', 'Missing or unknown X-Tenant');
  }
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
    default:
      return oauthError(response, 'unsupported_grant_type', 'Supported grant types: password, refresh_token');
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

function oauthError(response: ServerResponse, error: string, description: string): void {
  sendJson(response, 400, { error, error_description: description });
}
