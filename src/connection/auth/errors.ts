/**
 * A token source refused the credentials for good (e.g. the refresh token is `invalid_grant`): retrying with the
 * same credentials cannot succeed. The hub counts it as a rejection (see `StompHub`). The message never contains
 * a token.
 */
export class AuthError extends Error {
  /** The OAuth `error` code when the server sent one, e.g. `'invalid_grant'`. */
  readonly code?: string;
  /** The HTTP status of the token response, when there was one. */
  readonly status?: number;

  constructor(message: string, options: { code?: string; status?: number } = {}) {
    super(message);
    this.name = 'AuthError';
    this.code = options.code;
    this.status = options.status;
  }
}

/**
 * The token endpoint answered an error that retrying later may cure (e.g. `authorization_pending`, a 5xx). `code` is
 * the OAuth `error` when the server sent one.
 */
export class TokenRequestError extends Error {
  /** The OAuth `error` code, e.g. `'authorization_pending'`. */
  readonly code?: string;
  /** The HTTP status. */
  readonly status: number;

  constructor(message: string, status: number, code?: string) {
    super(message);
    this.name = 'TokenRequestError';
    this.status = status;
    this.code = code;
  }
}
