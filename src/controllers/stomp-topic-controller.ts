import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConnectionState } from '../connection/connection-state.js';
import { resolveConfig, type ResolvedConfig } from '../connection/config.js';
import { templatesFor } from '../connection/destinations.js';
import { getStompHub } from '../connection/hub.js';
import type { StompHub } from '../connection/stomp-hub.js';
import type { DestinationTemplates, HubMessage, HubStatus, OsConfig, ResyncContext } from '../connection/types.js';

/** What a topic controller needs from its element. */
export interface StompTopicOptions<T> {
  /** The element's own configuration (from its attributes); empty values fall back to `configure()`. */
  config: () => Partial<OsConfig>;
  /**
   * The destination to listen to, built from the resolved templates and configuration;
   * `undefined` while the element lacks what it needs (nothing is subscribed then).
   */
  destination: (templates: DestinationTemplates, config: ResolvedConfig) => string | undefined;
  /** Turns a parsed JSON body into a value, or `undefined` to ignore the message. Default: the body as is. */
  parse?: (body: unknown, message: HubMessage) => T | undefined;
  /** Called with each accepted value. */
  onMessage?: (value: T, message: HubMessage) => void;
  /** Called after every (re)connect once subscribed, to fetch and reconcile a REST snapshot. */
  onResync?: (context: ResyncContext) => void | Promise<void>;
}

const IDLE_STATUS: HubStatus = { state: ConnectionState.Idle, since: 0, attempt: 0 };

/**
 * Binds a Lit element to one destination of the shared connection.
 *
 * Typical lifecycle:
 * - `hostConnected()` / `hostUpdate()` resolve the configuration and destination; when either changed, the old
 *   subscription is released and a new one taken (the hub shares one broker subscription between elements);
 * - every accepted message sets `value`, calls `onMessage` and requests a render;
 * - every connection change updates `status` and fires `os-connection-change` on the host; a final token rejection
 *   fires `os-auth-error`;
 * - `hostDisconnected()` releases everything (the hub closes the socket after a grace period if nobody is left).
 */
export class StompTopicController<T = unknown> implements ReactiveController {
  /** The last accepted value. */
  value?: T;
  /** The connection's status as last reported by the hub. */
  status: HubStatus = IDLE_STATUS;
  /** The resolved configuration, refreshed before every render (empty until the host connects). */
  config: ResolvedConfig = resolveConfig({});
  /** The destination currently subscribed, if any. */
  destination?: string;
  /**
   * When the data the host shows was last known to be current: the last `markCurrent()` call, or the moment the
   * connection stopped being open, whichever is later. Hosts show it as the age of the data while offline.
   */
  dataAsOf?: number;

  private hub?: StompHub;
  private releases: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StompTopicOptions<T>
  ) {
    // options.config() reads the host's properties: it is first called in hostConnected(), never here, so that a
    // controller can be created in a field initialiser before the host's accessors exist.
    host.addController(this);
  }

  /** Shorthand for `status.state`. */
  get state(): ConnectionState {
    return this.status.state;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.release();
  }

  /** Records that the data shown is current as of `at` (default now). */
  markCurrent(at: number = Date.now()): void {
    this.dataAsOf = at;
  }

  /** Forgets the data's age, when the host drops what it showed (e.g. it follows another order now). */
  forgetData(): void {
    this.dataAsOf = undefined;
  }

  /** Asks the connection to try again now (e.g. from a "retry" button). */
  retryNow(): void {
    this.hub?.retryNow();
  }

  private readonly handleMessage = (message: HubMessage): void => {
    const value = this.options.parse ? this.options.parse(message.body, message) : (message.body as T);
    if (value === undefined) return;
    this.value = value;
    this.options.onMessage?.(value, message);
    this.host.requestUpdate();
  };

  private readonly handleStatus = (status: HubStatus): void => {
    const changed = status.state !== this.status.state;
    if (changed && this.status.state === ConnectionState.Open) {
      this.dataAsOf = Math.max(this.dataAsOf ?? 0, status.since || Date.now());
    }
    this.status = status;
    this.host.requestUpdate();
    if (changed) {
      this.host.dispatchEvent(
        new CustomEvent('os-connection-change', { detail: status, bubbles: true, composed: true })
      );
    }
  };

  private readonly handleAuthError = (detail: { message: string }): void => {
    this.host.dispatchEvent(new CustomEvent('os-auth-error', { detail, bubbles: true, composed: true }));
  };

  private sync(): void {
    if (!this.host.isConnected) return;
    this.config = resolveConfig(this.options.config());
    const destination = this.config.apiUrl
      ? this.options.destination(templatesFor(this.config), this.config)
      : undefined;
    const hub = destination ? getStompHub(this.config) : undefined;
    if (hub === this.hub && destination === this.destination) return;
    this.release();
    if (!hub || !destination) return;
    this.hub = hub;
    this.destination = destination;
    this.releases = [
      hub.onStatusChange(this.handleStatus),
      hub.onAuthError(this.handleAuthError),
      hub.subscribe(destination, this.handleMessage, { onResync: this.options.onResync })
    ];
    this.status = hub.status; // read during an update: no extra render needed
  }

  private release(): void {
    for (const release of this.releases) release();
    this.releases = [];
    this.hub = undefined;
    this.destination = undefined;
  }
}
