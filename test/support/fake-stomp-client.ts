import { TickerStrategy, type IFrame, type IMessage, type StompHeaders } from '@stomp/stompjs';
import type { StompClientLike, StompSubscriptionLike } from '../../src/connection/hub/stomp-hub.js';

/** One live fake broker subscription. */
export interface FakeSubscription {
  id: string;
  destination: string;
  headers: StompHeaders;
  callback: (message: IMessage) => void;
}

/**
 * A test double for the `@stomp/stompjs` `Client`, behaving like the real one with `reconnectDelay = 0`:
 * `activate()` runs `beforeConnect` and "opens a socket"; the test then drives the server side with
 * `connect()`, `deliver()`, `drop()` and `reject()`. After an unexpected close the client stays `active` (as the
 * real one does when its own reconnect is off) until `deactivate()`.
 *
 * Typical lifecycle:
 * ```ts
 * const fake = new FakeStompClient();
 * const hub = new StompHub(config, fake, env);
 * hub.subscribe('/kds/t1/v1', listener);   // activates
 * await fake.connect();                    // CONNECTED → the hub subscribes
 * fake.deliver('/kds/t1/v1', '{"id":1}');
 * fake.drop();                             // socket closed by the "server"
 * ```
 */
export class FakeStompClient implements StompClientLike {
  brokerURL?: string;
  connectHeaders: StompHeaders = {};
  reconnectDelay = 5000;
  heartbeatIncoming = 10000;
  heartbeatOutgoing = 10000;
  heartbeatStrategy: TickerStrategy = TickerStrategy.Interval;
  connectionTimeout = 0;
  discardWebsocketOnCommFailure = false;

  beforeConnect: (client: FakeStompClient) => void | Promise<void> = () => {};
  onConnect: (frame: IFrame) => void = () => {};
  onStompError: (frame: IFrame) => void = () => {};
  onWebSocketClose: (event: unknown) => void = () => {};

  /** Live subscriptions on the current socket. */
  subscriptions: FakeSubscription[] = [];
  /** Every destination passed to `subscribe()`, in order. */
  subscribeLog: string[] = [];
  /** Every destination unsubscribed, in order. */
  unsubscribeLog: string[] = [];
  /** `activate()` calls. */
  activations = 0;
  /** `deactivate()` calls that found the client active. */
  deactivations = 0;
  /** A copy of `connectHeaders` for every socket opened (i.e. after each completed `beforeConnect`). */
  connectHeadersSeen: StompHeaders[] = [];

  private _active = false;
  private _connected = false;
  private socketOpen = false;
  private pending: Promise<void> = Promise.resolve();
  private nextId = 0;

  get active(): boolean {
    return this._active;
  }

  get connected(): boolean {
    return this._connected;
  }

  /** True while a (fake) socket is open, connected or not. */
  get isSocketOpen(): boolean {
    return this.socketOpen;
  }

  /** Number of `subscribe()` calls. */
  get subscribeCalls(): number {
    return this.subscribeLog.length;
  }

  /** Number of UNSUBSCRIBEs. */
  get unsubscribeCalls(): number {
    return this.unsubscribeLog.length;
  }

  activate(): void {
    if (this._active) return;
    this._active = true;
    this.activations++;
    this.pending = (async () => {
      await this.beforeConnect(this);
      if (!this._active || this.socketOpen) return;
      this.socketOpen = true;
      this.connectHeadersSeen.push({ ...this.connectHeaders });
    })();
  }

  async deactivate(_options: { force?: boolean } = {}): Promise<void> {
    if (!this._active) return;
    this._active = false;
    this.deactivations++;
    if (this.socketOpen) this.closeSocket(1000);
  }

  subscribe(
    destination: string,
    callback: (message: IMessage) => void,
    headers: StompHeaders = {}
  ): StompSubscriptionLike {
    if (!this._connected) throw new TypeError('There is no underlying STOMP connection');
    const subscription: FakeSubscription = {
      id: `sub-${this.nextId++}`,
      destination,
      headers: { ...headers },
      callback
    };
    this.subscriptions.push(subscription);
    this.subscribeLog.push(destination);
    return {
      id: subscription.id,
      unsubscribe: () => {
        if (!this._connected) throw new TypeError('There is no underlying STOMP connection');
        const index = this.subscriptions.indexOf(subscription);
        if (index >= 0) this.subscriptions.splice(index, 1);
        this.unsubscribeLog.push(destination);
      }
    };
  }

  // ------------------------------------------------------------------ test drivers

  /** Resolves once the current activation's `beforeConnect` finished (a socket is open unless it failed). */
  async settled(): Promise<void> {
    await flushMicrotasks();
    await this.pending;
    await flushMicrotasks();
  }

  /** Waits for `beforeConnect`, then simulates CONNECTED. Throws when no socket opened. */
  async connect(): Promise<void> {
    await this.settled();
    if (!this.socketOpen)
      throw new Error('FakeStompClient.connect(): no socket is open (not activated, or beforeConnect failed)');
    this._connected = true;
    this.onConnect(frame('CONNECTED', { version: '1.2' }));
  }

  /** Delivers a MESSAGE to every live subscription of `destination`. Returns how many received it. */
  deliver(destination: string, body: string, headers: StompHeaders = {}): number {
    const targets = this.subscriptions.filter(s => s.destination === destination);
    for (const target of targets) {
      target.callback({
        command: 'MESSAGE',
        headers: { destination, subscription: target.id, 'message-id': `m-${this.nextId++}`, ...headers },
        body,
        binaryBody: new TextEncoder().encode(body),
        isBinaryBody: false,
        ack: () => {},
        nack: () => {}
      } as unknown as IMessage);
    }
    return targets.length;
  }

  /** The server closes the socket (code 1006). The client stays active, as the real one with reconnects off. */
  drop(code = 1006): void {
    if (!this.socketOpen) throw new Error('FakeStompClient.drop(): no socket is open');
    this.closeSocket(code);
  }

  /** The server sends an ERROR frame on the open connection and keeps the socket open (RabbitMQ's unknown destination). */
  serverError(message: string, body = ''): void {
    if (!this._connected) throw new Error('FakeStompClient.serverError(): not connected');
    this.onStompError({ ...frame('ERROR', { message }), body } as IFrame);
  }

  /** The server answers CONNECT with an ERROR frame, then closes the socket. */
  async reject(message = 'Access refused'): Promise<void> {
    await this.settled();
    if (!this.socketOpen) throw new Error('FakeStompClient.reject(): no socket is open');
    this.onStompError(frame('ERROR', { message }));
    if (this.socketOpen) this.closeSocket(1002);
  }

  private closeSocket(code: number): void {
    this.socketOpen = false;
    this._connected = false;
    this.subscriptions = [];
    this.onWebSocketClose({ code, reason: '', wasClean: code === 1000 });
  }
}

/** Lets pending promise chains (an `activate()` after an awaited `deactivate()`, a token fetch) run. */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

function frame(command: string, headers: StompHeaders): IFrame {
  return { command, headers, body: '', binaryBody: new Uint8Array(), isBinaryBody: false } as unknown as IFrame;
}

/**
 * A stand-in for `globalThis` as the hub's environment: window events on demand (`dispatch('offline')`),
 * a settable `navigator.onLine`, an injectable `fetch` and `random`, and no `Worker` (so the heart-beat ticker
 * probe answers `Interval` at once).
 */
export class FakeEnvironment {
  navigator = { onLine: true };
  fetch?: typeof fetch;
  random?: () => number;
  private readonly listeners = new Map<string, Set<(event: Event) => void>>();

  constructor(options: { fetch?: typeof fetch; random?: () => number } = {}) {
    this.fetch = options.fetch;
    this.random = options.random;
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** How many listeners are registered for `type`. */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** Fires a window-level event; `offline` / `online` also set `navigator.onLine`. */
  dispatch(type: string): void {
    if (type === 'offline') this.navigator.onLine = false;
    if (type === 'online') this.navigator.onLine = true;
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(new Event(type));
  }
}
