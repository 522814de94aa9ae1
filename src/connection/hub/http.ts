/** A REST request answered with a non-2xx status. The message names the method, path and status, never a token. */
export class HttpError extends Error {
  /** The HTTP status code. */
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** Joins an API base URL and a path with exactly one `/` between them. */
export function joinUrl(apiUrl: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  return `${apiUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * GET `{apiUrl}{path}` as JSON with `Authorization: Bearer <token>` (omitted when `token` is empty) and
 * `Accept: application/json`. Resolves to the parsed body (`undefined` for an empty body, e.g. HTTP 204);
 * rejects with {@link HttpError} on a non-2xx status, with the `fetch` error on a network failure, and with an
 * `AbortError` when `init.signal` aborts.
 *
 * @param fetchImpl The `fetch` to use. Default: `globalThis.fetch`.
 * @param init Optional `signal` to abort the request.
 */
export async function fetchJson<T = unknown>(
  apiUrl: string,
  path: string,
  token: string | undefined,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  init: { signal?: AbortSignal } = {}
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetchImpl(joinUrl(apiUrl, path), { method: 'GET', headers, signal: init.signal });
  if (!response.ok) {
    throw new HttpError(`GET ${path.split('?')[0]} failed with HTTP ${response.status}`, response.status);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
