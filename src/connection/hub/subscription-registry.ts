import type { IMessage, StompHeaders } from '@stomp/stompjs';
import { fillTemplate, hasPlaceholders } from '../destinations.js';
import type {
  HubMessage,
  MessageListener,
  ResyncContext,
  SubscribeOptions,
  SubscriptionErrorDetail
} from '../types.js';
import { callGuarded, LOG_PREFIX } from './listeners.js';
import { MessageWarnings } from './message-warnings.js';
import type { StompSubscriptionLike } from './stomp-client.js';

/** What a {@link SubscriptionRegistry} needs from its hub. */
export interface SubscriptionHost {
  /** SUBSCRIBE at the broker (the client's `subscribe`). */
  subscribe(destination: string, callback: (message: IMessage) => void, headers: StompHeaders): StompSubscriptionLike;
  /** CONNECTED was received on the current socket and the client is still connected. */
  isConnected(): boolean;
  /** The values of `{userId}` and `{tenant}` now. */
  placeholders(): { userId?: string; tenant: string };
  /** Removes tokens from a text for the console. */
  redact(text: string): string;
  /** The hub's authorized REST read, for `ResyncContext.fetchJson`. */
  fetchJson<T>(path: string, signal: AbortSignal): Promise<T>;
  /** A message arrived at `receivedAt` (`Date.now()`). */
  messageArrived(receivedAt: number): void;
}

/** One subscriber of a destination. */
export interface Registration {
  /** The destination's entry. */
  readonly entry: Entry;
  readonly listener: MessageListener;
  readonly onResync?: SubscribeOptions['onResync'];
  readonly onError?: SubscribeOptions['onError'];
  released: boolean;
  /** Aborts the running resync of this subscriber. */
  resync?: AbortController;
  /** The connection number of the last resync started. */
  resyncedOn?: number;
}

/** One destination and its subscribers. */
interface Entry {
  /** The destination as subscribers asked for it (the map key), possibly with `{userId}` / `{tenant}` unresolved. */
  readonly destination: string;
  readonly registrations: Set<Registration>;
  /** SUBSCRIBE headers (from the first subscriber that gave any). */
  headers?: Record<string, string>;
  /** The broker subscription on the current socket, if any. */
  subscription?: StompSubscriptionLike;
  /** A warning about unresolved placeholders was already printed. */
  warned?: boolean;
  /** The destination as last sent in SUBSCRIBE (placeholders filled). */
  resolved?: string;
  /** The server refused this destination on the current connection (its ERROR message). */
  refused?: string;
}

/**
 * The hub's subscribers, ref-counted per destination (`Map<destination, {registrations, headers, subscription?}>`):
 * one broker subscription per destination, shared by all its subscribers; messages parsed once and handed to each
 * (a listener that throws is logged and does not affect the others); each subscriber's `onResync` run after every
 * (re)connect. The hub decides when to connect; the registry decides what to SUBSCRIBE, deliver and resync.
 */
export class SubscriptionRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly host: SubscriptionHost;
  /** Counts CONNECTED frames, so each subscriber resyncs once per connection. */
  private connectionNumber = 0;
  /** Bodies that are not JSON: the first per destination, then at most one summary line a minute. */
  private readonly warnings = new MessageWarnings(text => this.host.redact(text));

  constructor(host: SubscriptionHost) {
    this.host = host;
  }

  /** How many destinations have subscribers. */
  get size(): number {
    return this.entries.size;
  }

  /** The destinations with subscribers (read-only). */
  get destinations(): ReadonlyMap<string, unknown> {
    return this.entries;
  }

  /** Adds a subscriber of `destination` (the first subscriber that gives headers sets the SUBSCRIBE headers). */
  add(destination: string, listener: MessageListener, options: SubscribeOptions): Registration {
    let entry = this.entries.get(destination);
    if (!entry) {
      entry = { destination, registrations: new Set() };
      this.entries.set(destination, entry);
    }
    if (!entry.headers && options.headers) entry.headers = { ...options.headers };
    const registration: Registration = {
      entry,
      listener,
      onResync: options.onResync,
      onError: options.onError,
      released: false
    };
    entry.registrations.add(registration);
    return registration;
  }

  /** A subscriber joined an open connection: SUBSCRIBE its destination if that is new, then run its resync. */
  joinOpen(registration: Registration): void {
    const entry = registration.entry;
    if (entry.refused) this.reportRefusal(registration, entry.refused);
    if (!entry.subscription) this.subscribeAtBroker(entry);
    if (entry.subscription && registration.onResync) this.runResync(registration);
  }

  /**
   * Removes a subscriber; again does nothing. The last subscriber of a destination UNSUBSCRIBEs it (when
   * connected) and removes its entry.
   * @returns `true` when that left no destination at all.
   */
  release(registration: Registration): boolean {
    if (registration.released) return false;
    registration.released = true;
    registration.resync?.abort();
    registration.resync = undefined;
    const entry = registration.entry;
    entry.registrations.delete(registration);
    if (entry.registrations.size > 0) return false;
    if (this.entries.get(entry.destination) === entry) this.entries.delete(entry.destination);
    this.unsubscribeAtBroker(entry);
    return this.entries.size === 0;
  }

  /** CONNECTED: SUBSCRIBE every destination, then resync (a function shared within a destination runs once). */
  connected(): void {
    this.connectionNumber++;
    for (const entry of this.entries.values()) {
      if (!entry.subscription) this.subscribeAtBroker(entry);
    }
    for (const entry of [...this.entries.values()]) {
      if (!entry.subscription) continue;
      const called = new Set<unknown>();
      for (const registration of [...entry.registrations]) {
        if (!registration.onResync || registration.released) continue;
        if (called.has(registration.onResync) || registration.resyncedOn === this.connectionNumber) continue;
        called.add(registration.onResync);
        this.runResync(registration);
      }
    }
  }

  /**
   * The server sent an ERROR frame on an open connection: the destinations named in it (RabbitMQ quotes the one it
   * does not know) are refused until the next connection; their subscribers hear it once and the console says so.
   * @returns whether any destination was named.
   */
  refused(text: string, message: string): boolean {
    const named = [...this.entries.values()].filter(entry => entry.resolved && text.includes(entry.resolved));
    for (const entry of named) {
      if (entry.refused) continue;
      entry.refused = message;
      console.error(`${LOG_PREFIX} the server refused ${entry.destination}: ${message}. Nothing will arrive on it.`);
      for (const registration of [...entry.registrations]) this.reportRefusal(registration, message);
    }
    return named.length > 0;
  }

  /** The socket is gone: forget its broker subscriptions and abort running resyncs. */
  dropSubscriptions(): void {
    for (const entry of this.entries.values()) {
      entry.subscription = undefined;
      entry.refused = undefined;
    }
    for (const entry of this.entries.values()) {
      for (const registration of entry.registrations) {
        registration.resync?.abort();
        registration.resync = undefined;
      }
    }
  }

  /** Forgets every subscriber for good (their `release` then does nothing). */
  clear(): void {
    for (const entry of this.entries.values()) {
      for (const registration of entry.registrations) registration.released = true;
    }
    this.entries.clear();
  }

  private subscribeAtBroker(entry: Entry): void {
    const resolved = fillTemplate(entry.destination, this.host.placeholders());
    if (hasPlaceholders(resolved)) {
      if (!entry.warned) {
        entry.warned = true;
        const missing = resolved.match(/\{[^}]+\}/g)?.join(', ');
        console.warn(`${LOG_PREFIX} not subscribing to ${entry.destination} yet: ${missing} unknown`);
      }
      return;
    }
    entry.resolved = resolved;
    try {
      entry.subscription = this.host.subscribe(resolved, message => this.handleMessage(entry, message), {
        ...entry.headers
      });
    } catch (error) {
      console.error(`${LOG_PREFIX} could not subscribe to ${entry.destination}`, error);
    }
  }

  private unsubscribeAtBroker(entry: Entry): void {
    const subscription = entry.subscription;
    entry.subscription = undefined;
    if (!subscription || !this.host.isConnected()) return;
    try {
      subscription.unsubscribe();
    } catch {
      // the socket went away meanwhile: nothing to unsubscribe
    }
  }

  private handleMessage(entry: Entry, message: IMessage): void {
    const receivedAt = Date.now();
    this.host.messageArrived(receivedAt);
    if (this.entries.get(entry.destination) !== entry) return;
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      this.warnings.notJson(entry.destination, message.body);
      return;
    }
    const hubMessage: HubMessage = {
      destination: entry.destination,
      body,
      headers: { ...message.headers },
      receivedAt
    };
    for (const registration of [...entry.registrations]) {
      if (registration.released) continue;
      callGuarded(`a listener of ${entry.destination}`, () => registration.listener(hubMessage));
    }
  }

  private reportRefusal(registration: Registration, message: string): void {
    const onError = registration.onError;
    if (!onError || registration.released) return;
    const detail: SubscriptionErrorDetail = { destination: registration.entry.destination, message };
    callGuarded(`a subscription error listener of ${detail.destination}`, () => onError(detail));
  }

  private runResync(registration: Registration): void {
    const onResync = registration.onResync;
    if (!onResync) return;
    registration.resync?.abort();
    const controller = new AbortController();
    registration.resync = controller;
    registration.resyncedOn = this.connectionNumber;
    const { signal } = controller;
    const context: ResyncContext = {
      fetchJson: <T = unknown>(path: string) => this.host.fetchJson<T>(path, signal),
      userId: this.host.placeholders().userId,
      signal
    };
    const report = (error: unknown): void => {
      if (signal.aborted || (error as { name?: string } | undefined)?.name === 'AbortError') return;
      console.error(`${LOG_PREFIX} a resync failed`, error);
    };
    try {
      const result = onResync(context);
      if (result && typeof (result as Promise<void>).then === 'function')
        (result as Promise<void>).then(undefined, report);
    } catch (error) {
      report(error);
    }
  }
}
