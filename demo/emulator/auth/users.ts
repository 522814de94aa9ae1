import { randomUUID } from 'node:crypto';

/** `customer` sees their own orders and the public venue boards; `staff` sees everything in the tenant. */
export type UserRole = 'customer' | 'staff';

/** A user of the password grant. */
export interface EmulatorUser {
  username: string;
  password: string;
  /** The `UUID` of the token response, used in destinations. */
  userId: string;
  role: UserRole;
}

/** Who a token belongs to. */
export interface Principal {
  userId: string;
  role: UserRole;
}

/** Default users: `guest`/`guest` (a customer) and `staff`/`staff`. `anonymous` is always accepted too. */
export const DEFAULT_USERS: readonly EmulatorUser[] = [
  { username: 'guest', password: 'guest', userId: 'guest-1', role: 'customer' },
  { username: 'staff', password: 'staff', userId: 'staff-1', role: 'staff' }
];

/** The OAuth client every token request must authenticate as: `ordering:secret`, i.e. `b3JkZXJpbmc6c2VjcmV0`. */
export const OAUTH_CLIENT = { id: 'ordering', secret: 'secret' } as const;

/**
 * Checks a password grant. `anonymous` with an empty password gets a fresh customer id `anon-<uuid>` each time.
 * @returns the principal, or undefined for bad credentials
 */
export function authenticateUser(
  users: readonly EmulatorUser[],
  username: string,
  password: string
): Principal | undefined {
  const user = users.find(candidate => candidate.username === username);
  if (user) return user.password === password ? { userId: user.userId, role: user.role } : undefined;
  if (username === 'anonymous' && password === '') return { userId: `anon-${randomUUID()}`, role: 'customer' };
  return undefined;
}

/** True when an `Authorization` header carries the Basic credentials of {@link OAUTH_CLIENT}. */
export function isOAuthClient(authorization: string | undefined): boolean {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  return Buffer.from(match[1] ?? '', 'base64').toString('utf8') === `${OAUTH_CLIENT.id}:${OAUTH_CLIENT.secret}`;
}
