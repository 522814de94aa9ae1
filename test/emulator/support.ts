/**
 * Helpers for the emulator's tests: start a quiet emulator, get tokens, call the control API, and talk STOMP
 * with the real @stomp/stompjs Client or over a raw `ws` socket.
 */
import { Client, type IFrame, type StompConfig } from '@stomp/stompjs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../demo/emulator/index.js';
import { StatsCounter } from '../../demo/emulator/stats.js';
import { StompFrameParser, type StompFrame } from '../../demo/emulator/transport/stomp-frame.js';
import { StompServer } from '../../demo/emulator/transport/stomp-server.js';
import type { TimerHandle, Timers } from '../../demo/emulator/transport/timers.js';

/** `ordering:secret`, the OAuth client of the token endpoint. */
export const BASIC_AUTH = 'Basic b3JkZXJpbmc6c2VjcmV0';

/** STOMP subprotocols as stompjs offers them. */
export const STOMP_PROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];

/** An emulator on a free port, silent, with an empty store unless told otherwise. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, quiet: true, seed: false, ...options });
}

/** The WebSocket URL of an emulator's STOMP endpoint. */
export function stompUrl(emulator: Emulator, path = '/websocket'): string {
  return emulator.url.replace(/^http/, 'ws') + path;
}

/** The token endpoint's success answer. */
export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  UUID: string;
  TENANT: string;
  TRUST: string;
}

/** A JSON answer. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** `fetch` that parses a JSON answer (or leaves `body` undefined for an empty one). */
export async function fetchJson<T = Record<string, unknown>>(
  url: string,
  init: RequestInit = {}
): Promise<JsonResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** POSTs a JSON body. */
export function postJson<T = Record<string, unknown>>(url: string, body: unknown = {}): Promise<JsonResponse<T>> {
  const headers = { 'Content-Type': 'application/json' };
  return fetchJson<T>(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Calls the token endpoint with a form and the right client and tenant unless overridden. */
export function requestToken(
  emulator: Emulator,
  form: Record<string, string>,
  headers: Record<string, string> = {}
): Promise<JsonResponse<TokenResponse & { error?: string; error_description?: string }>> {
  return fetchJson(`${emulator.url}/auth-oauth2/oauth/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
      Authorization: BASIC_AUTH,
      'X-Tenant': emulator.tenant,
      ...headers
    },
    body: new URLSearchParams(form).toString()
  });
}

/** An access token of a password grant (default guest/guest). */
export async function accessToken(emulator: Emulator, username = 'guest', password = username): Promise<string> {
  const response = await requestToken(emulator, { grant_type: 'password', username, password, scope: 'read' });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  return response.body.access_token;
}

/** A stompjs Client for the emulator, not yet activated, that never reconnects. */
export function stompClient(emulator: Emulator, token: string | undefined, options: StompConfig = {}): Client {
  return new Client({
    webSocketFactory: () => new WebSocket(stompUrl(emulator), STOMP_PROTOCOLS),
    connectHeaders: token === undefined ? {} : { login: token },
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
    ...options
  });
}

/** Activates a client and resolves on CONNECTED; rejects on an ERROR frame or a closed socket. */
export function connect(client: Client): Promise<IFrame> {
  return new Promise((resolve, reject) => {
    client.onConnect = resolve;
    client.onStompError = frame => reject(new Error(frame.headers.message));
    client.onWebSocketClose = () => reject(new Error('socket closed'));
    client.activate();
  });
}

/**
 * A STOMP connection on a raw `ws` socket, for byte-level tests: `send()` writes any bytes, `next()` awaits the
 * next frame the server sends (heart-beats are counted in `heartBeats`), `closed` resolves with the close code.
 */
export class RawStomp {
  /** Every WebSocket message received, as bytes. */
  readonly received: Buffer[] = [];
  /** EOL heart-beats received. */
  heartBeats = 0;
  readonly socket: WebSocket;
  /** Resolves when the socket opens. */
  readonly opened: Promise<void>;
  /** Resolves with the close code once the socket is closed. */
  readonly closed: Promise<number>;

  private readonly parser = new StompFrameParser();
  private readonly frames: StompFrame[] = [];
  private readonly waiters: ((frame: StompFrame) => void)[] = [];

  constructor(url: string, protocols: string[] = STOMP_PROTOCOLS) {
    this.socket = new WebSocket(url, protocols);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise(resolve => this.socket.once('close', code => resolve(code)));
    this.socket.on('message', (data: Buffer) => {
      this.received.push(data);
      if (data.toString() === '\n') this.heartBeats += 1;
      for (const frame of this.parser.push(data)) {
        const waiter = this.waiters.shift();
        if (waiter) waiter(frame);
        else this.frames.push(frame);
      }
    });
  }

  /** Opens a raw connection and sends CONNECT with the token (and any extra headers); resolves on the answer. */
  static async connect(url: string, token: string, headers: Record<string, string> = {}): Promise<RawStomp> {
    const raw = new RawStomp(url);
    await raw.opened;
    const lines = Object.entries({ 'accept-version': '1.2', host: 'localhost', login: token, ...headers });
    raw.send(`CONNECT\n${lines.map(([name, value]) => `${name}:${value}`).join('\n')}\n\n\0`);
    const answer = await raw.next();
    if (answer.command !== 'CONNECTED') throw new Error(`expected CONNECTED, got ${answer.command}`);
    return raw;
  }

  /** Sends bytes as one WebSocket message. */
  send(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** The next frame received. */
  next(): Promise<StompFrame> {
    const frame = this.frames.shift();
    if (frame) return Promise.resolve(frame);
    return new Promise(resolve => this.waiters.push(resolve));
  }

  /** Closes the socket (if still open) and waits for it. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close();
    await this.closed;
  }
}

/**
 * Timers whose clock only moves in {@link FakeTimers.advance}: a test of heart-beats or timeouts says exactly how
 * much time passes and never waits for real time.
 */
export class FakeTimers implements Timers {
  private time = 1_000_000;
  private serial = 0;
  private readonly pending = new Map<number, { due: number; every: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, 0);
  }

  setInterval(callback: () => void, ms: number): TimerHandle {
    return this.add(callback, ms, Math.max(1, ms));
  }

  clear(timer: TimerHandle): void {
    this.pending.delete(timer as number);
  }

  /** Moves the clock `ms` forward, running each timer that falls due on the way at its own time, in time order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { due: number; every: number; callback: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].due <= end && (!next || entry[1].due < next[1].due)) next = entry;
      if (!next) break;
      const [id, timer] = next;
      this.time = timer.due;
      if (timer.every) timer.due += timer.every;
      else this.pending.delete(id);
      timer.callback();
    }
    this.time = end;
  }

  private add(callback: () => void, ms: number, every: number): number {
    const id = ++this.serial;
    this.pending.set(id, { due: this.time + Math.max(1, ms), every, callback });
    return id;
  }
}

/** A bare {@link StompServer} on a free port, see {@link startStompServer}. */
export interface TestStompServer {
  /** `ws://127.0.0.1:PORT/websocket` */
  url: string;
  /** Every log line so far, e.g. `ws s1 closed (heart-beat timeout); 0 open`. */
  log: string[];
  close(): Promise<void>;
}

/**
 * A STOMP server without the rest of the emulator, for tests that inject its timers. It accepts the token
 * `ok` (user `guest-1`) and every destination.
 */
export async function startStompServer(options: { heartbeatMs: number; timers: Timers }): Promise<TestStompServer> {
  const log: string[] = [];
  const stomp = new StompServer({
    ...options,
    stats: new StatsCounter(),
    log: line => log.push(line),
    checkToken: token =>
      token === 'ok'
        ? { ok: true, principal: { userId: 'guest-1', role: 'customer' } }
        : { ok: false, reason: 'invalid' },
    mayAccess: () => true
  });
  const http = createServer((_request, response) => response.writeHead(404).end());
  stomp.attach(http);
  await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/websocket`,
    log,
    close: () => {
      stomp.close();
      return new Promise<void>(resolve => http.close(() => resolve()));
    }
  };
}
