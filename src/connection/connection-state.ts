/**
 * The state of the shared connection, as seen by every element that uses it.
 *
 * - `idle`: nothing is subscribed, so no socket is open (or a socket is lingering for its grace period).
 * - `connecting`: the first attempt to open the socket and authenticate is under way.
 * - `open`: connected; subscriptions are live.
 * - `reconnecting`: the connection was lost or an attempt failed; the next attempt is scheduled.
 * - `offline`: the browser reports no network; attempts resume on the `online` event.
 * - `unauthorized`: the token was rejected twice; no more attempts until a new token is supplied.
 */
export const ConnectionState = {
  Idle: 'idle',
  Connecting: 'connecting',
  Open: 'open',
  Reconnecting: 'reconnecting',
  Offline: 'offline',
  Unauthorized: 'unauthorized'
} as const;

export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];
