import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { DestinationPreset, DestinationTemplates, OsConfig } from '../connection/types.js';
import type { HubStatusController } from '../controllers/hub-status-controller.js';
import { LocalizeController } from '../i18n/localize.js';
import type { PartialTranslation } from '../i18n/translation.js';
import { OsElement } from './os-element.js';

/**
 * Base of every element that uses the shared connection: the connection attributes, translations, and the report of
 * missing attributes (in the console once, and for the element to show). Each element supplies the controller that
 * binds it to the connection as `connection`.
 *
 * @fires os-connection-change - The shared connection changed state (open, reconnecting, offline, ...), also when the element attaches to a connection already open. `detail` is the connection status (`state`, `since`, `lastOpenAt`, `nextRetryAt`, `attempt`, `error`).
 */
export abstract class OsConnectedElement extends OsElement {
  /** Translations for this element (its `locale` and `strings`). */
  protected readonly localize = new LocalizeController(this);

  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  @property({ attribute: 'api-url' }) apiUrl = '';
  /** Tenant id. Falls back to `configure({ tenant })`. */
  @property() tenant = '';
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  @property({ attribute: 'socket-url' }) socketUrl = '';
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) locale = '';
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  @property({ attribute: false }) strings: PartialTranslation | undefined;

  /** The controller that binds this element to the shared connection. */
  protected abstract get connection(): HubStatusController;

  /** How the console report of missing attributes ends, e.g. `'nothing is shown'`. */
  protected get missingConsequence(): string {
    return 'nothing is shown';
  }

  /** The element's own required attributes with their values, e.g. `{ 'order-id': this.orderId }`. */
  protected requiredAttributes(): Record<string, unknown> {
    return {};
  }

  /** Required attributes that are still empty: `api-url` and `tenant` (after `configure()`), then the element's own. */
  protected missingAttributes(): string[] {
    const own = Object.entries(this.requiredAttributes()).filter(([, value]) => !value);
    return [...this.connection.missingAttributes, ...own.map(([name]) => name)];
  }

  /** The element's connection settings from its attributes (empty ones fall back to `configure()`), plus `extra`. */
  protected connectionConfig(extra: Partial<OsConfig> = {}): Partial<OsConfig> {
    return {
      apiUrl: this.apiUrl || undefined,
      tenant: this.tenant || undefined,
      socketUrl: this.socketUrl || undefined,
      ...extra
    };
  }

  /** Waits for the texts of the element's language when they are still loading (see `LocalizeController`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.localize.catalogueLoaded();
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues<this>): void {
    if (this.missingAttributes().length > 0) this.reportMissingLater();
    super.update(changed);
  }

  /** A pending check before the missing-attribute report, if any. */
  private missingCheck?: ReturnType<typeof setTimeout>;

  /**
   * Reports missing attributes only if they are still missing a moment later (after the next frame; at once in a
   * hidden page): a page that calls `configure()` after an `await` gets no false alarm.
   */
  private reportMissingLater(): void {
    if (this.missingCheck !== undefined) return;
    const check = () => {
      this.missingCheck = undefined;
      if (this.isConnected) this.reportMissing(this.missingAttributes(), this.missingConsequence);
    };
    this.missingCheck = setTimeout(() => {
      if (document.visibilityState === 'hidden') check();
      else requestAnimationFrame(() => setTimeout(check));
    }, 0);
  }
}

/**
 * Base of the elements that listen to one destination: adds the destination preset and template attributes.
 *
 * @fires os-auth-error - The server refused the credentials twice; live updates stop until a new token is configured. `detail: { message }`.
 * @fires os-subscription-error - The server refused this element's destination (an ERROR frame while the connection stays up, as RabbitMQ answers an unknown destination): nothing arrives until the next connection. `detail: { destination, message }`.
 */
export abstract class OsTopicElement extends OsConnectedElement {
  /** Destination preset: `documented` or `ordering-core` (the official client's forms); see the README's Destinations. */
  @property() destinations: DestinationPreset | undefined;
  /** Overrides this element's destination template, e.g. `/order-changes/{tenant}/{userId}`. */
  @property() destination = '';

  /** The connection settings for listening to `topic`: the `destination` attribute overrides its template. */
  protected topicConfig(topic: keyof DestinationTemplates, extra: Partial<OsConfig> = {}): Partial<OsConfig> {
    return this.connectionConfig({
      destinations: this.destinations || undefined,
      templates: this.destination ? { [topic]: this.destination } : undefined,
      ...extra
    });
  }
}
