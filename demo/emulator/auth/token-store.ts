import { randomBytes, randomUUID } from 'node:crypto';
import { signJwt } from './jwt.js';
import type { Principal } from './users.js';

/** Why an access token was refused. */
export type TokenRejection = 'missing' | 'invalid' | 'expired' | 'revoked';

/** Outcome of {@link TokenStore.check}. */
export type TokenCheck = { ok: true; principal: Principal } | { ok: false; reason: TokenRejection };

/** A freshly issued token pair. */
export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  principal: Principal;
}

interface AccessRecord {
  principal: Principal;
  expiresAt: number;
  revoked: boolean;
}

interface RefreshRecord {
  principal: Principal;
  revoked: boolean;
}

const REJECTION_TEXT: Record<TokenRejection, string> = {
  missing: 'no access token',
  invalid: 'invalid token',
  expired: 'token expired',
  revoked: 'token revoked'
};

/** Human text for a rejection, as used after `Access refused: ` (never contains the token). */
export function describeRejection(reason: TokenRejection): string {
  return REJECTION_TEXT[reason];
}

/**
 * Issues and validates the emulator's tokens. Access tokens are JWT-shaped (`sub`, `exp`, `TENANT`, `jti`) and
 * checked against this store; refresh tokens are opaque and rotate on every use.
 */
export class TokenStore {
  private readonly secret = randomBytes(32);
  private readonly access = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();

  constructor(private readonly tenant: string) {}

  /** Issues a new access and refresh token for a principal. */
  issue(principal: Principal, ttlSeconds: number): TokenGrant {
    const now = Date.now();
    const expiresAt = now + ttlSeconds * 1000;
    const accessToken = signJwt(
      {
        sub: principal.userId,
        UUID: principal.userId,
        TENANT: this.tenant,
        TRUST: 'F',
        scope: ['read'],
        authorities: [principal.role === 'staff' ? 'ROLE_STAFF' : 'ROLE_USER'],
        iat: Math.floor(now / 1000),
        exp: Math.floor(expiresAt / 1000),
        jti: randomUUID()
      },
      this.secret
    );
    const refreshToken = randomBytes(32).toString('base64url');
    this.access.set(accessToken, { principal, expiresAt, revoked: false });
    this.refreshTokens.set(refreshToken, { principal, revoked: false });
    return { accessToken, refreshToken, expiresIn: ttlSeconds, principal };
  }

  /**
   * Exchanges a refresh token for a new pair; the used refresh token stops working.
   * @returns the new grant, or undefined when the refresh token is unknown, already used or revoked
   */
  refresh(refreshToken: string, ttlSeconds: number): TokenGrant | undefined {
    const record = this.refreshTokens.get(refreshToken);
    if (!record || record.revoked) return undefined;
    this.refreshTokens.delete(refreshToken);
    return this.issue(record.principal, ttlSeconds);
  }

  /** Validates an access token: known, not revoked, not expired. */
  check(accessToken: string | undefined): TokenCheck {
    if (!accessToken) return { ok: false, reason: 'missing' };
    const record = this.access.get(accessToken);
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    if (Date.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, principal: record.principal };
  }

  /**
   * Revokes access and refresh tokens of one user, or of everyone. Open connections are not affected.
   * @returns how many tokens were revoked
   */
  revoke(userId?: string): number {
    let count = 0;
    for (const record of [...this.access.values(), ...this.refreshTokens.values()]) {
      if (record.revoked || (userId !== undefined && record.principal.userId !== userId)) continue;
      record.revoked = true;
      count += 1;
    }
    return count;
  }

  /**
   * Makes valid access tokens of one user, or of everyone, expire now. Refresh tokens keep working.
   * @returns how many access tokens expired
   */
  expire(userId?: string): number {
    const now = Date.now();
    let count = 0;
    for (const record of this.access.values()) {
      if (record.revoked || record.expiresAt <= now) continue;
      if (userId !== undefined && record.principal.userId !== userId) continue;
      record.expiresAt = now;
      count += 1;
    }
    return count;
  }
}
