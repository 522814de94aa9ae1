import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TokenCheck } from '../auth/token-store.js';
import type { Principal } from '../auth/users.js';
import type { Logger } from '../logger.js';
import type { StatsCounter } from '../stats.js';
import { MAX_FRAME_BYTES, type StompHeaders } from './stomp-frame.js';
import { StompSession } from './stomp-session.js';
import { SubscriptionRegistry } from './subscriptions.js';
import { realTimers, type Timers } from './timers.js';

/** Options of {@link StompServer}. */
export interface StompServerOptions {
  /** Heart-beat the server can send and wants to receive, in ms; 0 turns heart-beats off. */
  heartbeatMs: number;
  /** The sessions' clock and timers; default {@link realTimers}. Tests pass a fake one to move time by hand. */
  timers?: Timers;
  stats: StatsCounter;
  log: Logger;
  /** Validates a CONNECT frame's `login`. */
  checkToken(token: string | undefined): TokenCheck;
  /** Destination authorization for SUBSCRIBE and SEND. */
  mayAccess(principal: Principal, destination: string): boolean;
}

/** WebSocket paths that speak STOMP (both plain WebSocket, no SockJS). */
export const STOMP_PATHS: readonly string[] = ['/websocket', '/ws'];

/** Subprotocols offered by STOMP clients, most preferred first. */
const SUBPROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];

/**
 * A small STOMP broker over plain WebSocket (the `ws` package), attached to an HTTP server's `upgrade` event.
 *
 * Typical lifecycle: `new StompServer(options)` → `attach(httpServer)` → clients connect, subscribe and send;
 * the emulator calls `publish()` → `close()` terminates every socket.
 */
export class StompServer {
  /** Active subscriptions by exact destination. */
  readonly subscriptions = new SubscriptionRegistry<StompSession>();

  private readonly sessions = new Set<StompSession>();
  /** The heart-beat offered to new connections, in ms (0: none); starts as `options.heartbeatMs`. */
  heartbeatMs: number;
  private readonly webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES + 1024,
    handleProtocols: offered => SUBPROTOCOLS.find(protocol => offered.has(protocol)) ?? false
  });
  private sessionCount = 0;
  private messageCount = 0;

  constructor(private readonly options: StompServerOptions) {
    this.heartbeatMs = options.heartbeatMs;
    this.webSockets.on('connection', (socket: WebSocket, request: IncomingMessage) => this.open(socket, request));
  }

  /** Answers WebSocket upgrades on {@link STOMP_PATHS}; other paths get 404. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      if (!STOMP_PATHS.includes(pathOf(request))) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.webSockets.handleUpgrade(request, socket, head, ws => this.webSockets.emit('connection', ws, request));
    });
  }

  /**
   * Sends a MESSAGE to every subscription of exactly this destination; a destination without subscribers is a
   * no-op. Each MESSAGE has `destination`, `message-id`, `subscription` and `content-length` (in bytes).
   * @param logLine false when the caller logs its own line (one for several destinations)
   * @returns the number of MESSAGE frames sent
   */
  publish(destination: string, body: Buffer, headers: StompHeaders = {}, logLine = true): number {
    let delivered = 0;
    for (const subscription of this.subscriptions.forDestination(destination)) {
      const messageId = `${subscription.owner.id}-${++this.messageCount}`;
      const messageHeaders: StompHeaders = {
        ...headers,
        destination,
        'message-id': messageId,
        subscription: subscription.id
      };
      if (subscription.ack !== 'auto') messageHeaders.ack = messageId;
      if (subscription.owner.sendFrame({ command: 'MESSAGE', headers: messageHeaders, body })) delivered += 1;
    }
    this.options.stats.messagesSent(delivered);
    if (logLine) this.options.log(`publish ${destination} (${body.length} bytes): ${delivered} delivered`);
    return delivered;
  }

  /**
   * Terminates every WebSocket at once, without a close handshake.
   * @returns how many were dropped
   */
  /** Makes every open connection go silent without closing it (see `StompSession.frozen`). */
  freezeConnections(): number {
    for (const session of this.sessions) session.frozen = true;
    return this.sessions.size;
  }

  dropConnections(): number {
    const sessions = [...this.sessions];
    sessions.forEach(session => session.drop('dropped by the emulator'));
    return sessions.length;
  }

  /** Terminates every socket (including ones still in a close handshake) and stops answering upgrades. */
  close(): void {
    this.dropConnections();
    this.webSockets.clients.forEach(socket => socket.terminate());
    this.subscriptions.cancelWaits();
    this.webSockets.close();
  }

  private open(socket: WebSocket, request: IncomingMessage): void {
    const { stats, log } = this.options;
    const id = `s${++this.sessionCount}`;
    const session = new StompSession(
      socket,
      {
        heartbeatMs: this.heartbeatMs,
        timers: this.options.timers ?? realTimers,
        subscriptions: this.subscriptions,
        stats,
        log,
        checkToken: token => this.options.checkToken(token),
        mayAccess: (principal, destination) => this.options.mayAccess(principal, destination),
        relay: (destination, headers, body) => this.publish(destination, body, headers)
      },
      id,
      (ended, reason) => {
        this.sessions.delete(ended);
        stats.connectionClosed();
        log(`ws ${ended.id} closed (${reason}); ${this.sessions.size} open`);
      }
    );
    this.sessions.add(session);
    stats.connectionOpened();
    log(`ws ${id} open on ${request.url} from ${request.socket.remoteAddress}; ${this.sessions.size} open`);
  }
}

function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
  } catch {
    return '';
  }
}
