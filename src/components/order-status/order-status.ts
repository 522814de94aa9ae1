import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ResyncContext } from '../../connection/types.js';
import { StompTopicController } from '../../controllers/stomp-topic-controller.js';
import '../../events/os-order-error.js';
import '../../events/os-order-update.js';
import componentStyles from '../../internal/component.styles.js';
import { connectionBanner, isStale } from '../../internal/connection-banner.js';
import { customElement } from '../../internal/define.js';
import { FailureReporter } from '../../internal/failure-reporter.js';
import { checkIcon, closeIcon, errorIcon } from '../../internal/icons.js';
import { OsTopicElement } from '../../internal/os-connected-element.js';
import { accept, isRecord, NOT_MINE, type Checked } from '../../models/guard.js';
import { checkOrder, checkOrderEventError } from '../../models/order-guard.js';
import {
  errorMessage,
  isNotOlder,
  itemCount,
  orderStage,
  orderTimeline,
  pickupNumber,
  type Order,
  type OrderEventError,
  type OrderStage
} from '../../models/order.js';
import styles from './order-status.styles.js';

/** What the topic delivers to this element: its order, or an error about it. */
type OrderMessage = { kind: 'order'; order: Order } | { kind: 'error'; error: OrderEventError };

/** How often relative times ("2 minutes ago") are refreshed, in ms. */
const TICK_MS = 20_000;

/**
 * @summary Shows a guest the live status of one order: the pickup number, a progress timeline and the time of the
 * last update, kept current over the shared STOMP connection.
 * @status experimental
 * @since 0.1
 *
 * @fires os-order-update - The order reached a new stage (live message or REST snapshot), once per stage. `detail: { order, stage }`.
 * @fires os-order-error - The server reported an `OrderEventError` for this order. `detail` is the notification.
 *
 * @csspart base - The component's wrapper (a card).
 * @csspart banner - The connection banner shown while reconnecting, offline or unauthorized.
 * @csspart error - An inline error reported by the server.
 * @csspart error-message - The error's text.
 * @csspart dismiss-button - The button that dismisses the error.
 * @csspart header - The block with the number label and the number.
 * @csspart number-label - The "Your number" label.
 * @csspart number - The big pickup number.
 * @csspart headline - The sentence describing the current stage.
 * @csspart timeline - The ordered list of stages.
 * @csspart step - One stage of the timeline (also `step-done`, `step-current`, `step-upcoming`, `step-terminal`).
 * @csspart step-marker - The dot or check mark of a step.
 * @csspart step-label - The text of a step.
 * @csspart footer - The line with the time of the last update.
 * @csspart message - The loading, not-found and missing-attribute messages.
 *
 * @cssproperty --accent-color - Colour of the current step and the loading indicator. Default `--os-color-accent`, `#0b57d0`.
 * @cssproperty --done-color - Colour of completed steps and of the ready state. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --danger-color - Colour of errors and of cancelled orders. Default `--os-color-danger`, `#b3261e`.
 * @cssproperty --surface-color - Background of the card. Default `--os-color-surface`, `#ffffff`.
 * @cssproperty --text-color - Main text colour. Default `--os-color-text`, `#1c1b1f`.
 * @cssproperty --muted-color - Secondary text colour (labels, times, upcoming steps). Default `--os-color-text-muted`, `#5d5966`.
 * @cssproperty --border-color - Card border and step connector colour. Default `--os-color-border`, `#dcd9e0`.
 * @cssproperty --banner-background - Background of the connection banner. Default `--os-color-warning-surface`, `#fdf3d7`.
 * @cssproperty --banner-color - Text colour of the connection banner. Default `--os-color-warning-text`, `#5b4300`.
 * @cssproperty --radius - Corner radius of the card. Default `--os-radius`, `20px`.
 * @cssproperty --padding - Inner spacing of the card. Default `--os-spacing`, `clamp(1rem, 4vw, 2rem)`.
 * @cssproperty --number-font-size - Size of the pickup number. Default `--os-number-font-size`, `clamp(4.5rem, 24vw, 8rem)`.
 * @cssproperty --number-font-family - Font of the pickup number. Default `--os-number-font-family`, the element's font.
 */
@customElement('os-order-status')
export class OsOrderStatus extends OsTopicElement {
  static override styles = [componentStyles, styles];

  /** Skips (and reports once) a message or a part of the card that fails. */
  private readonly failures = new FailureReporter(this);
  private readonly topic = new StompTopicController<OrderMessage>(this, {
    config: () => this.topicConfig('order', { userId: this.userId || undefined }),
    topic: 'order',
    params: () => (this.orderId ? { orderId: this.orderId } : undefined),
    parse: this.failures.parser(body => this.checkMessage(body)),
    onMessage: message => this.failures.run('show a message', () => this.handleMessage(message), undefined),
    onResync: context => this.handleResync(context)
  });
  /** JSON of the order shown, to skip identical duplicates. */
  private orderJson?: string;
  /** The stage last announced in the live region. */
  private announcedStage?: OrderStage;
  private ticker?: ReturnType<typeof setInterval>;

  /** The order shown. */
  @state() private order: Order | undefined;
  /** The last error reported for the order, until dismissed. */
  @state() private error: OrderEventError | undefined;
  /** True when the REST snapshot answered 404. */
  @state() private notFound = false;
  /** Text of the polite live region; changes only with the stage (or a new error). */
  @state() private announcement = '';
  /** When the order shown was received (used when it has no `lastChanged`). */
  @state() private receivedAt: number | undefined;

  /** Id of the order to follow. Required. */
  @property({ attribute: 'order-id' }) orderId = '';
  /** The guest's user id, filling `{userId}` in the destination; by default it comes from the token. */
  @property({ attribute: 'user-id' }) userId = '';

  protected get connection(): StompTopicController<OrderMessage> {
    return this.topic;
  }

  protected override requiredAttributes(): Record<string, unknown> {
    return { 'order-id': this.orderId };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => {
      if (this.order || this.topic.dataAsOf) this.requestUpdate();
    }, TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderId') && changed.get('orderId') !== undefined) {
      this.order = undefined;
      this.orderJson = undefined;
      this.error = undefined;
      this.notFound = false;
      this.announcement = '';
      this.announcedStage = undefined;
      this.receivedAt = undefined;
      this.topic.forgetData();
    }
  }

  private handleDismissClick(): void {
    this.error = undefined;
  }

  /** This order (other orders are dropped quietly), or an `OrderEventError` about it; other types are ignored. */
  private checkMessage(body: unknown): Checked<OrderMessage> {
    if (isRecord(body) && body.type !== undefined) {
      if (body.type !== 'OrderEventError') return NOT_MINE;
      const checked = checkOrderEventError(body);
      if (!checked.ok) return checked;
      const error = checked.value;
      // Without an order id, an error is about this order only on a per-order destination (`{orderId}` in it).
      const forThisOrder = error.orderId
        ? error.orderId === this.orderId
        : !!this.topic.template?.includes('{orderId}');
      return forThisOrder ? accept({ kind: 'error', error }) : NOT_MINE;
    }
    const checked = checkOrder(body);
    if (!checked.ok) return checked;
    return checked.value.id === this.orderId ? accept({ kind: 'order', order: checked.value }) : NOT_MINE;
  }

  private handleMessage(message: OrderMessage): void {
    if (message.kind === 'order') {
      this.applyOrder(message.order);
    } else {
      this.error = message.error;
      this.announcement = this.errorText(message.error);
      this.emit('os-order-error', { detail: message.error });
    }
  }

  private async handleResync({ fetchJson, signal }: ResyncContext): Promise<void> {
    const orderId = this.orderId;
    try {
      const body = await fetchJson<unknown>(`/ordering-api/api/orders/${encodeURIComponent(orderId)}`);
      if (signal.aborted || orderId !== this.orderId) return;
      const checked = checkOrder(body);
      if (checked.ok && checked.value.id === orderId) {
        const order = checked.value;
        this.failures.run('show the order', () => this.applyOrder(order), undefined);
      }
    } catch (error) {
      if (signal.aborted || orderId !== this.orderId) return;
      // 404: the order does not exist (for this user). Other failures keep what is shown.
      if ((error as { status?: number } | null)?.status === 404 && !this.order) this.notFound = true;
    }
  }

  private applyOrder(order: Order): void {
    const now = Date.now();
    this.topic.markCurrent(now);
    const json = JSON.stringify(order);
    if (json === this.orderJson || !isNotOlder(order, this.order)) {
      this.requestUpdate(); // the data is still current: refresh its age
      return;
    }
    this.order = order;
    this.orderJson = json;
    this.receivedAt = now;
    this.notFound = false;
    const stage = orderStage(order);
    // Announced and reported once per stage: PICKED → CLOSED is one "picked up" for the guest.
    if (stage === this.announcedStage) return;
    this.announcedStage = stage;
    this.announcement = this.localize.term('announceStage', pickupNumber(order), this.localize.term('stage', stage));
    this.emit('os-order-update', { detail: { order, stage } });
  }

  private errorText(error: OrderEventError): string {
    return errorMessage(error, code => this.localize.errorForCode(code), this.localize.term('errorGeneric'));
  }

  /** The time the shown data refers to: the order's `lastChanged`, else when it arrived. */
  private updatedAt(order: Order): number | undefined {
    const changed = order.lastChanged ? Date.parse(order.lastChanged) : NaN;
    return Number.isNaN(changed) ? this.receivedAt : changed;
  }

  private renderError(): TemplateResult | typeof nothing {
    if (!this.error) return nothing;
    return html`<div part="error" class="error">
      <svg class="error__icon" viewBox="0 0 24 24" aria-hidden="true">${errorIcon}</svg>
      <p part="error-message" class="error__message">${this.errorText(this.error)}</p>
      <button
        part="dismiss-button"
        class="error__dismiss"
        type="button"
        aria-label=${this.localize.term('dismiss')}
        @click=${this.handleDismissClick}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>
      </button>
    </div>`;
  }

  private renderTimeline(order: Order, stage: OrderStage): TemplateResult {
    return html`<ol part="timeline" class="timeline" aria-label=${this.localize.term('progress')}>
      ${orderTimeline(order, stage).map(step => {
        const kind = step.done ? 'done' : step.current ? 'current' : 'upcoming';
        return html`<li
          part="step step-${kind}${step.terminal ? ' step-terminal' : ''}"
          class=${classMap({
            step: true,
            [`step--${kind}`]: true,
            'step--current': step.current,
            'step--terminal': step.terminal
          })}
          aria-current=${step.current ? 'step' : nothing}
        >
          <span part="step-marker" class="step__marker" aria-hidden="true">
            ${
              step.done
                ? html`<svg viewBox="0 0 24 24">${checkIcon}</svg>`
                : step.terminal
                  ? html`<svg viewBox="0 0 24 24">${closeIcon}</svg>`
                  : nothing
            }
          </span>
          <span part="step-label" class="step__label">${this.localize.term('stage', step.stage)}</span>
          ${step.done && !step.current ? html`<span class="visually-hidden">(${this.localize.term('stepDone')})</span>` : nothing}
        </li>`;
      })}
    </ol>`;
  }

  private renderOrder(order: Order): TemplateResult {
    const stage = orderStage(order);
    const updatedAt = this.updatedAt(order);
    const count = itemCount(order);
    const number = pickupNumber(order);
    // The number's length sets how far it may shrink to stay on one line (see .header__number).
    const numberStyle = styleMap({ '--number-chars': `${number.length}` });
    return html`
      <div part="header" class="header">
        <p part="number-label" class="header__label">${this.localize.term('yourNumber')}</p>
        <p part="number" class="header__number" style=${numberStyle}>${number}</p>
        <p part="headline" class="header__headline">${this.localize.term('headline', stage)}</p>
      </div>
      ${this.renderTimeline(order, stage)}
      <p part="footer" class="footer">
        ${
          updatedAt !== undefined
            ? html`<span class="footer__updated"
                >${this.localize.term('updatedRelative', this.localize.relativeTime(updatedAt))}<span
                  aria-hidden="true"
                >
                  · </span
                ><time datetime=${new Date(updatedAt).toISOString()}>${this.localize.time(updatedAt)}</time></span
              >`
            : nothing
        }
        ${count > 0 ? html`<span class="footer__items">${this.localize.term('itemCount', count)}</span>` : nothing}
      </p>
    `;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="message" class="message message--loading">
      <span class="spinner" aria-hidden="true"></span>
      <p class="message__title">${this.localize.term('loading')}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const missing = this.missingAttributes();
    if (missing.length > 0) {
      return html`<div part="message" class="message message--config">
        <p class="message__title">${this.localize.term('missingAttribute', missing)}</p>
      </div>`;
    }
    const order = this.order;
    // An order that cannot be shown is skipped: the loading message stays until the next update.
    if (order) return this.failures.run('render the order', () => this.renderOrder(order), this.renderLoading());
    if (this.notFound) {
      return html`<div part="message" class="message message--not-found">
        <p class="message__title">${this.localize.term('notFound')}</p>
        <p class="message__hint">${this.localize.term('notFoundHint')}</p>
      </div>`;
    }
    return this.renderLoading();
  }

  override render() {
    const order = this.order;
    const stage = order ? this.failures.run('render the order', () => orderStage(order), undefined) : undefined;
    const missing = this.missingAttributes().length > 0;
    const loading = !missing && !this.order && !this.notFound;
    return html`<div
      part="base"
      class=${classMap({
        'order-status': true,
        'order-status--loading': loading,
        'order-status--missing': missing,
        'order-status--not-found': !missing && !this.order && this.notFound,
        'order-status--stale': isStale(this.topic.state),
        [`order-status--${stage}`]: !missing && !!stage
      })}
      aria-busy=${loading ? 'true' : 'false'}
    >
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${connectionBanner(
        this.localize,
        this.topic.state,
        this.order ? this.topic.dataAsOf : undefined,
        this.topic.refusal
      )}
      ${this.failures.run('render the error', () => this.renderError(), nothing)} ${this.renderBody()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-order-status': OsOrderStatus;
  }
}
