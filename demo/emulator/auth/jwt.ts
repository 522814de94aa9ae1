import { createHmac } from 'node:crypto';

/**
 * Signs a JWT with HS256. The emulator only needs tokens that look real to clients (which decode `exp` and
 * other claims); it validates them against its own store, not by signature.
 */
export function signJwt(claims: Record<string, unknown>, secret: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
