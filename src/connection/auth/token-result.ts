import type { TokenInfo } from '../types.js';

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
