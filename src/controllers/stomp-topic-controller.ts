import type { ReactiveControllerHost } from 'lit';
import type { ResolvedConfig } from '../connection/config.js';
import { fillTemplate, templatesFor, type TemplateParams } from '../connection/destinations.js';
import { getStompHub } from '../connection/hub/hub-registry.js';
import type { StompHub } from '../connection/hub/stomp-hub.js';
import type { DestinationTemplates, HubMessage, ResyncContext, SubscriptionErrorDetail } from '../connection/types.js';
import '../events/os-subscription-error.js';
import { HubStatusController, type HubStatusOptions } from './hub-status-controller.js';

/** What a topic controller needs from its element. */
export interface StompTopicOptions<T> extends HubStatusOptions {
  /**
   * Which destination template to listen to: `order`, `user`, `venueOrders` or `venue`. `{tenant}` and `{userId}` are
   * filled from the configuration, the other placeholders from `params`.
   */
  topic?: keyof DestinationTemplates;
  /** The template's other placeholders, e.g. `{ orderId }`; `undefined` while the element lacks them. */
  params?: () => TemplateParams | undefined;
  /**
   * Instead of `topic` and `params`: the destination itself, built from the resolved templates and configuration;
   * `undefined` while the element lacks what it needs (nothing is subscribed then).
   */
  destination?: (templates: DestinationTemplates, config: ResolvedConfig) => string | undefined;
  /** Turns a parsed JSON body into a value, or `undefined` to ignore the message. Default: the body as is. */
  parse?: (body: unknown, message: HubMessage) => T | undefined;
  /** Called with each accepted value. */
  onMessage?: (value: T, message: HubMessage) => void;
  /** Called after every (re)connect once subscribed, to fetch and reconcile a REST snapshot. */
  onResync?: (context: ResyncContext) => void | Promise<void>;
}

/**
 * Binds a Lit element to one destination of the shared connection: a {@link HubStatusController} that also
 * subscribes.
 *
 * Typical lifecycle:
 * - `hostConnected()` / `hostUpdate()` resolve the configuration and destination; when either changed, the old
 *   subscription is released and a new one taken (the hub shares one broker subscription between elements);
 * - every accepted message sets `value`, calls `onMessage` and requests a render;
 * - every connection change updates `status` and fires `os-connection-change` on the host; a final token rejection
 *   fires `os-auth-error`;
 * - `hostDisconnected()` releases everything (the hub closes the socket after a grace period if nobody is left).
 *
 * @example
 * new StompTopicController<Order>(this, {
 *   config: () => ({ apiUrl: this.apiUrl, tenant: this.tenant }),
 *   topic: 'order',
 *   params: () => (this.orderId ? { orderId: this.orderId } : undefined),
 *   onMessage: order => (this.order = order)
 * });
 */
export class StompTopicController<T = unknown> extends HubStatusController {
  /** The last accepted value. */
  value?: T;
  /** The destination currently subscribed, if any. */
  destination?: string;
  /** The server's message when it refused the destination on the current connection (cleared by the next one). */
  refusal?: string;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: StompTopicOptions<T>
  ) {
    super(host, options);
  }

  /** The template of `topic` in the resolved configuration (e.g. to see which placeholders it has). */
  get template(): string | undefined {
    return this.options.topic ? templatesFor(this.config)[this.options.topic] : undefined;
  }

  protected override target(config: ResolvedConfig): { hub?: StompHub; key?: string } {
    const destination = config.apiUrl ? this.destinationFor(config) : undefined;
    return { hub: destination ? getStompHub(config) : undefined, key: destination };
  }

  protected override attach(hub: StompHub, destination: string): (() => void)[] {
    this.destination = destination;
    this.refusal = undefined;
    return [
      hub.subscribe(destination, this.handleMessage, {
        onResync: this.options.onResync,
        onError: this.handleRefusal
      }),
      () => (this.destination = undefined)
    ];
  }

  /** The server refused the destination on this connection: nothing arrives until the next one. */
  private readonly handleRefusal = (detail: SubscriptionErrorDetail): void => {
    this.refusal = detail.message;
    this.host.requestUpdate();
    this.host.dispatchEvent(new CustomEvent('os-subscription-error', { detail, bubbles: true, composed: true }));
  };

  private destinationFor(config: ResolvedConfig): string | undefined {
    const templates = templatesFor(config);
    const { topic, params, destination } = this.options;
    if (destination) return destination(templates, config);
    const values = params?.();
    if (!topic || !values || !config.tenant) return undefined;
    return fillTemplate(templates[topic], { tenant: config.tenant, userId: config.userId, ...values });
  }

  protected override statusChanged(): void {
    if (this.state !== 'open') this.refusal = undefined;
  }

  private readonly handleMessage = (message: HubMessage): void => {
    const value = this.options.parse ? this.options.parse(message.body, message) : (message.body as T);
    if (value === undefined) return;
    this.value = value;
    this.options.onMessage?.(value, message);
    this.host.requestUpdate();
  };
}
