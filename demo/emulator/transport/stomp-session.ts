import { isUtf8 } from 'node:buffer';
import { WebSocket, type RawData } from 'ws';
import { describeRejection, type TokenCheck } from '../auth/token-store.js';
import type { Principal } from '../auth/users.js';
import type { Logger } from '../logger.js';
import type { StatsCounter } from '../stats.js';
import { negotiateHeartBeat } from './heart-beat.js';
import {
  HEART_BEAT,
  serializeFrame,
  StompProtocolError,
  StompFrameParser,
  type OutgoingFrame,
  type StompFrame,
  type StompHeaders
} from './stomp-frame.js';
import type { Subscription, SubscriptionRegistry } from './subscriptions.js';
import type { TimerHandle, Timers } from './timers.js';

/** What a session needs from the server it belongs to. */
export interface SessionHost {
  /** What the server can send and wants to receive, in ms; 0 turns heart-beats off. */
  heartbeatMs: number;
  /** The clock and timers of the CONNECT timeout, heart-beats and silence detection. */
  timers: Timers;
  subscriptions: SubscriptionRegistry<StompSession>;
  stats: StatsCounter;
  log: Logger;
  /** Validates the CONNECT frame's `login` (the access token). */
  checkToken(token: string | undefined): TokenCheck;
  /** Destination authorization for SUBSCRIBE and SEND. */
  mayAccess(principal: Principal, destination: string): boolean;
  /** Delivers a client's SEND to the destination's subscribers. */
  relay(destination: string, headers: StompHeaders, body: Buffer): void;
}

/** A refused token or destination: an ERROR frame whose `message` starts with `Access refused: `. */
class AccessRefusedError extends StompProtocolError {
  constructor(reason: string) {
    super(`Access refused: ${reason}`);
  }
}

const VERSIONS = ['1.2', '1.1', '1.0'];
const ACK_MODES = new Set(['auto', 'client', 'client-individual']);
const CONNECT_TIMEOUT_MS = 10_000;
const SILENCE_FACTOR = 2.5;
/** Headers of a SEND that are not copied onto the MESSAGE frames it becomes. */
const SEND_ONLY_HEADERS = new Set(['destination', 'receipt', 'content-length', 'transaction']);

/**
 * One STOMP connection over one WebSocket.
 *
 * Typical lifecycle: the socket opens → CONNECT/STOMP with `login` = access token → CONNECTED (heart-beats start)
 * → SUBSCRIBE/SEND/UNSUBSCRIBE/ACK/NACK → DISCONNECT (RECEIPT, then close). Any protocol error or refusal is
 * answered with an ERROR frame and closes the socket; nothing a client sends can throw out of the session.
 */
export class StompSession {
  /** Short id used in logs, the CONNECTED `session` header and message ids. */
  readonly id: string;

  private state: 'connecting' | 'connected' | 'closed' = 'connecting';
  private principal?: Principal;
  private version = '1.2';
  private readonly parser = new StompFrameParser();
  private readonly subscriptions = new Map<string, Subscription<StompSession>>();
  private readonly timers: TimerHandle[] = [];
  private lastReceivedAt: number;
  private closeReason = '';

  constructor(
    private readonly socket: WebSocket,
    private readonly host: SessionHost,
    id: string,
    private readonly onEnded: (session: StompSession, reason: string) => void
  ) {
    this.id = id;
    this.lastReceivedAt = host.timers.now();
    socket.on('message', data => this.handleData(data));
    socket.on('error', error => (this.closeReason ||= error.message));
    socket.on('close', (code: number) => {
      this.closeReason ||= `code ${code}`;
      this.stop();
    });
    this.timers.push(host.timers.setTimeout(() => this.connectTimedOut(), CONNECT_TIMEOUT_MS));
  }

  /**
   * A frozen session keeps its socket open but sends nothing any more, heart-beats included: a dead link as a
   * crashed proxy or a sleeping peer leaves it.
   */
  frozen = false;

  /** Sends raw frame bytes: a text WebSocket message when they are valid UTF-8, else binary. */
  send(bytes: Buffer): boolean {
    if (this.frozen || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(bytes, { binary: !isUtf8(bytes) });
    return true;
  }

  /** Serializes and sends a frame with this session's header escaping. */
  sendFrame(frame: OutgoingFrame): boolean {
    return this.send(serializeFrame(frame, this.escapesHeaders(frame.command)));
  }

  /** Kills the socket without a close handshake, as a network failure would. */
  drop(reason: string): void {
    this.closeReason ||= reason;
    this.stop();
    this.socket.terminate();
  }

  private handleData(data: RawData): void {
    this.lastReceivedAt = this.host.timers.now();
    if (this.state === 'closed') return;
    let frame: StompFrame | undefined;
    try {
      for (frame of this.parser.push(toBuffer(data))) {
        this.host.stats.frameReceived(frame.command);
        this.handleFrame(frame);
        if (this.isClosed()) return;
        frame = undefined;
      }
    } catch (error) {
      if (error instanceof StompProtocolError) this.fail(error, frame?.headers.receipt);
      else {
        this.host.log(`ws ${this.id}: internal error: ${error instanceof Error ? error.message : String(error)}`);
        this.fail(new StompProtocolError('Internal server error'), frame?.headers.receipt);
      }
    }
  }

  private handleFrame(frame: StompFrame): void {
    if (this.state === 'connecting') {
      if (frame.command !== 'CONNECT' && frame.command !== 'STOMP') {
        throw new StompProtocolError(`Expected CONNECT or STOMP, got ${frame.command}`);
      }
      return this.handleConnect(frame);
    }
    switch (frame.command) {
      case 'SUBSCRIBE':
        this.handleSubscribe(frame.headers);
        break;
      case 'UNSUBSCRIBE':
        this.handleUnsubscribe(frame.headers);
        break;
      case 'SEND':
        this.handleSend(frame);
        break;
      case 'ACK':
      case 'NACK':
        required(frame.headers, 'id');
        break;
      case 'DISCONNECT':
        return this.handleDisconnect(frame.headers);
      case 'CONNECT':
      case 'STOMP':
        throw new StompProtocolError('Already connected');
      default:
        throw new StompProtocolError(`Unsupported command ${frame.command}`);
    }
    this.sendReceipt(frame.headers);
  }

  private handleConnect(frame: StompFrame): void {
    const offered = (frame.headers['accept-version'] ?? '1.0').split(',').map(version => version.trim());
    const version = VERSIONS.find(candidate => offered.includes(candidate));
    if (!version) throw new StompProtocolError(`Supported protocol versions are ${VERSIONS.join(', ')}`);
    const heartBeat = negotiateHeartBeat(frame.headers['heart-beat'], this.host.heartbeatMs);
    const check = this.host.checkToken(frame.headers.login);
    if (!check.ok) throw new AccessRefusedError(describeRejection(check.reason));
    this.principal = check.principal;
    this.version = version;
    this.parser.unescapeHeaders = version !== '1.0';
    this.state = 'connected';
    this.clearTimers();
    this.sendFrame({
      command: 'CONNECTED',
      headers: {
        version,
        'heart-beat': heartBeat.header,
        server: 'os-emulator/0.1',
        session: this.id,
        'user-name': check.principal.userId
      }
    });
    this.startHeartBeats(heartBeat.serverToClientMs, heartBeat.clientToServerMs);
  }

  private handleSubscribe(headers: StompHeaders): void {
    const id = required(headers, 'id');
    const destination = required(headers, 'destination');
    const ack = headers.ack ?? 'auto';
    if (!ACK_MODES.has(ack)) throw new StompProtocolError(`Unknown ack mode ${ack}`);
    if (this.subscriptions.has(id)) throw new StompProtocolError(`Subscription id ${id} is already in use`);
    if (!this.principal || !this.host.mayAccess(this.principal, destination)) {
      throw new AccessRefusedError(`not allowed to subscribe to ${destination}`);
    }
    const subscription = { owner: this, id, destination, ack };
    this.subscriptions.set(id, subscription);
    this.host.subscriptions.add(subscription);
  }

  private handleUnsubscribe(headers: StompHeaders): void {
    const subscription = this.subscriptions.get(required(headers, 'id'));
    if (!subscription) return;
    this.subscriptions.delete(subscription.id);
    this.host.subscriptions.remove(subscription);
  }

  private handleSend(frame: StompFrame): void {
    const destination = required(frame.headers, 'destination');
    if (!this.principal || !this.host.mayAccess(this.principal, destination)) {
      throw new AccessRefusedError(`not allowed to send to ${destination}`);
    }
    const headers = Object.fromEntries(Object.entries(frame.headers).filter(([name]) => !SEND_ONLY_HEADERS.has(name)));
    this.host.relay(destination, headers, frame.body);
  }

  private handleDisconnect(headers: StompHeaders): void {
    this.sendReceipt(headers);
    this.closeReason ||= 'DISCONNECT';
    this.stop();
    this.socket.close(1000);
  }

  private sendReceipt(headers: StompHeaders): void {
    if (headers.receipt === undefined) return;
    this.sendFrame({ command: 'RECEIPT', headers: { 'receipt-id': headers.receipt } });
  }

  /** Answers a protocol error or refusal with an ERROR frame, then closes the socket. */
  private fail(error: StompProtocolError, receipt: string | undefined): void {
    if (this.state === 'closed') return;
    const headers: StompHeaders = { message: error.message, 'content-type': 'text/plain' };
    if (receipt !== undefined) headers['receipt-id'] = receipt;
    this.sendFrame({ command: 'ERROR', headers, body: `${error.message}\n` });
    this.closeReason ||= error.message;
    this.stop();
    this.socket.close(error instanceof AccessRefusedError ? 1008 : 1002);
  }

  private connectTimedOut(): void {
    if (this.state === 'connecting') this.fail(new StompProtocolError('No CONNECT frame received in time'), undefined);
  }

  private startHeartBeats(sendEveryMs: number, expectEveryMs: number): void {
    const { timers } = this.host;
    if (sendEveryMs) this.timers.push(timers.setInterval(() => this.send(HEART_BEAT), sendEveryMs));
    if (!expectEveryMs) return;
    // Checked every half interval, so a silent client is dropped between 2.5 and 3 intervals after its last byte.
    const check = () => {
      if (timers.now() - this.lastReceivedAt > SILENCE_FACTOR * expectEveryMs) this.drop('heart-beat timeout');
    };
    this.timers.push(timers.setInterval(check, expectEveryMs / 2));
  }

  /**
   * Ends the session once: no more frames handled, timers stopped, subscriptions removed, `onEnded` called. This
   * happens when the server decides to close (so counters are exact at once) or when the socket closes.
   */
  private stop(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.clearTimers();
    for (const subscription of this.subscriptions.values()) this.host.subscriptions.remove(subscription);
    this.subscriptions.clear();
    this.onEnded(this, this.closeReason);
  }

  private clearTimers(): void {
    this.timers.splice(0).forEach(timer => this.host.timers.clear(timer));
  }

  /** A method, so TypeScript does not narrow `state` across calls that change it. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private escapesHeaders(command: string): boolean {
    return this.state === 'connected' && this.version !== '1.0' && command !== 'CONNECTED';
  }
}

function required(headers: StompHeaders, name: string): string {
  const value = headers[name];
  if (value === undefined || value === '') throw new StompProtocolError(`Missing header ${name}`);
  return value;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
