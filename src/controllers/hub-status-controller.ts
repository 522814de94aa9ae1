import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { missingConfig, onConfigChange, resolveConfig, type ResolvedConfig } from '../connection/config.js';
import { ConnectionState } from '../connection/connection-state.js';
import { fillTemplate, type TemplateParams } from '../connection/destinations.js';
import { getStompHub } from '../connection/hub/hub-registry.js';
import type { StompHub } from '../connection/hub/stomp-hub.js';
import type { AuthErrorDetail, HubStatus, OsConfig } from '../connection/types.js';

/** What a status controller needs from its element. */
export interface HubStatusOptions {
  /** The element's own configuration (from its attributes); empty values fall back to `configure()`. */
  config: () => Partial<OsConfig>;
  /** Fire `os-auth-error` on the host when the connection gives up on its credentials. Default `true`. */
  authErrors?: boolean;
}

const IDLE_STATUS: HubStatus = { state: ConnectionState.Idle, since: 0, attempt: 0 };

/** The attribute that sets each connection setting an element needs. */
const REQUIRED = [
  ['apiUrl', 'api-url'],
  ['tenant', 'tenant']
] as const;

/**
 * Binds a Lit element to the shared connection's status, without subscribing to anything: the configuration the
 * element resolves to (its attributes over `configure()`), the connection's status and the age of the data the
 * element shows. It never opens a socket; the connection opens when some element subscribes.
 *
 * Typical lifecycle:
 * - `hostConnected()` / `hostUpdate()` resolve the configuration and attach to its shared connection (again when the
 *   configuration points at another one); a later `configure()` re-renders the host;
 * - every status change updates `status` and re-renders the host; a change of state fires `os-connection-change` on
 *   it, and a final token rejection fires `os-auth-error`;
 * - `hostDisconnected()` detaches.
 */
export class HubStatusController implements ReactiveController {
  /** The connection's status as last reported. */
  status: HubStatus = IDLE_STATUS;
  /** The resolved configuration, refreshed before every render (empty until the host connects). */
  config: ResolvedConfig = resolveConfig({});
  /**
   * When the data the host shows was last known to be current: the last `markCurrent()` call, or the moment the
   * connection stopped being open, whichever is later. Hosts show it as the age of the data while offline.
   */
  dataAsOf?: number;

  /** The connection attached to, if any. */
  protected hub?: StompHub;
  private attachedKey?: string;
  private releases: (() => void)[] = [];
  private stopConfigListener?: () => void;

  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    private readonly statusOptions: HubStatusOptions
  ) {
    // statusOptions.config() reads the host's properties: it is first called in hostConnected(), never here, so that a
    // controller can be created in a field initialiser before the host's accessors exist.
    host.addController(this);
  }

  /** Shorthand for `status.state`. */
  get state(): ConnectionState {
    return this.status.state;
  }

  /** The attributes of the connection settings that are empty even after `configure()`: `api-url`, `tenant`. */
  get missingAttributes(): string[] {
    const missing = missingConfig(
      this.config,
      REQUIRED.map(([key]) => key)
    );
    return REQUIRED.filter(([key]) => missing.includes(key)).map(([, attribute]) => attribute);
  }

  hostConnected(): void {
    // A later configure() may supply what the attributes leave out (api-url, tenant).
    this.stopConfigListener ??= onConfigChange(() => this.host.requestUpdate());
    // Outside an update (e.g. the element was moved or re-inserted): render the status found.
    if (this.sync()) this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stopConfigListener?.();
    this.stopConfigListener = undefined;
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

  /**
   * Fills a path or destination template: `{tenant}` and `{userId}` from the configuration, the rest from `params`
   * (each value URL-encoded), e.g. `fill('/ordering-api/api/venues/{venue}', { venue })`.
   */
  fill(template: string, params: TemplateParams = {}): string {
    return fillTemplate(template, { tenant: this.config.tenant, userId: this.config.userId, ...params });
  }

  /** Asks the connection to try again now (e.g. from a "retry" button). */
  retryNow(): void {
    this.hub?.retryNow();
  }

  /**
   * The connection to attach to for `config`, and a key that changes whenever what is taken on it must be renewed.
   * Here: the shared connection once `apiUrl` and `tenant` are known.
   */
  protected target(config: ResolvedConfig): { hub?: StompHub; key?: string } {
    return { hub: config.apiUrl && config.tenant ? getStompHub(config) : undefined };
  }

  /** What to take on a newly attached connection (with the key `target()` gave) besides the status listeners. */
  protected attach(_hub: StompHub, _key: string | undefined): (() => void)[] {
    return [];
  }

  /** Called after the state changed, before the host hears of it. */
  protected statusChanged(): void {}

  private readonly handleStatus = (status: HubStatus): void => {
    this.take(status);
    this.host.requestUpdate();
  };

  /**
   * Takes a new status; when its state differs from the one the host had, fires `os-connection-change`. So does
   * attaching to a connection that is already open (from `idle`), so a host always hears the state it is in.
   */
  private take(status: HubStatus): void {
    const changed = status.state !== this.status.state;
    if (changed && this.status.state === ConnectionState.Open) {
      this.dataAsOf = Math.max(this.dataAsOf ?? 0, status.since || Date.now());
    }
    this.status = status;
    if (changed) this.statusChanged();
    if (changed) {
      this.host.dispatchEvent(
        new CustomEvent('os-connection-change', { detail: status, bubbles: true, composed: true })
      );
    }
  }

  private readonly handleAuthError = (detail: AuthErrorDetail): void => {
    this.host.dispatchEvent(new CustomEvent('os-auth-error', { detail, bubbles: true, composed: true }));
  };

  /** Attaches to the connection the configuration points at; true when that changed what is attached. */
  private sync(): boolean {
    if (!this.host.isConnected) return false;
    this.config = resolveConfig(this.statusOptions.config());
    const { hub, key } = this.target(this.config);
    if (hub === this.hub && key === this.attachedKey) return false;
    this.release();
    if (!hub) return true;
    this.hub = hub;
    this.attachedKey = key;
    this.releases = [hub.onStatusChange(this.handleStatus)];
    if (this.statusOptions.authErrors !== false) this.releases.push(hub.onAuthError(this.handleAuthError));
    this.releases.push(...this.attach(hub, key));
    this.take(hub.status);
    return true;
  }

  private release(): void {
    for (const release of this.releases) release();
    this.releases = [];
    this.hub = undefined;
    this.attachedKey = undefined;
  }
}
