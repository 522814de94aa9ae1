import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { ConnectionState } from '../../connection/connection-state.js';
import { HubStatusController } from '../../controllers/hub-status-controller.js';
import '../../events/os-connection-change.js';
import componentStyles from '../../internal/component.styles.js';
import { customElement } from '../../internal/define.js';
import { OsConnectedElement } from '../../internal/os-connected-element.js';
import styles from './connection-status.styles.js';

/** States in which the "Retry now" button is offered. */
const RETRYABLE: ReadonlySet<ConnectionState> = new Set<ConnectionState>(['reconnecting', 'offline', 'unauthorized']);

/**
 * @summary A small badge for staff screens showing the state of the page's shared live connection (live,
 * reconnecting with a countdown, offline since, signed out), with a "Retry now" button.
 * @status experimental
 * @since 0.1
 *
 * It subscribes to nothing and never opens a socket itself: it watches the hub that the other elements with the same
 * `api-url`, `tenant` and `socket-url` (and page token) share, and shows "Not connected" while nobody uses it.
 *
 * @slot prefix - Content before the indicator, e.g. a label such as "Kitchen".
 * @slot suffix - Content after the label (and the retry button).
 *
 *
 * @csspart base - The badge.
 * @csspart indicator - The coloured dot.
 * @csspart label - The state text (a polite status region).
 * @csspart retry-button - The "Retry now" button (reconnecting, offline and signed out only).
 * @csspart message - The missing-attribute message.
 *
 * @cssproperty --live-color - Dot colour when live. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --pending-color - Dot colour while connecting and reconnecting. Default `--os-color-warning`, `#b26a00`.
 * @cssproperty --danger-color - Dot colour when offline or signed out. Default `--os-color-danger`, `#b3261e`.
 * @cssproperty --idle-color - Dot colour when not connected. Default `--os-color-text-muted`, `#5d5966`.
 * @cssproperty --accent-color - Focus ring and retry button colour. Default `--os-color-accent`, `#0b57d0`.
 * @cssproperty --surface-color - Badge background. Default `--os-color-surface`, `#ffffff`.
 * @cssproperty --text-color - Text colour. Default `--os-color-text`, `#1c1b1f`.
 * @cssproperty --border-color - Badge border. Default `--os-color-border`, `#dcd9e0`.
 * @cssproperty --radius - Corner radius of the badge. Default `999px` (a pill).
 */
@customElement('os-connection-status')
export class OsConnectionStatus extends OsConnectedElement {
  static override styles = [componentStyles, styles];

  /** Watches the shared connection; fires `os-connection-change` (not `os-auth-error`: the other elements do). */
  private readonly hubStatus = new HubStatusController(this, {
    config: () => this.connectionConfig(),
    authErrors: false
  });
  private countdown?: ReturnType<typeof setInterval>;

  /** The connection state shown. */
  get state(): ConnectionState {
    return this.hubStatus.state;
  }

  protected get connection(): HubStatusController {
    return this.hubStatus;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setCountdown(false);
  }

  protected override updated(): void {
    const { state, nextRetryAt } = this.hubStatus.status;
    this.setCountdown(this.isConnected && state === 'reconnecting' && !!nextRetryAt);
  }

  private handleRetryClick(): void {
    this.retryNow();
  }

  private setCountdown(on: boolean): void {
    if (on && this.countdown === undefined) {
      this.countdown = setInterval(() => this.requestUpdate(), 1000);
    } else if (!on && this.countdown !== undefined) {
      clearInterval(this.countdown);
      this.countdown = undefined;
    }
  }

  /** Asks the shared connection to try again now instead of waiting for the scheduled retry. */
  retryNow(): void {
    this.hubStatus.retryNow();
  }

  private labelText(spoken: boolean): string {
    const { state, nextRetryAt, since } = this.hubStatus.status;
    switch (state) {
      case 'open':
        return this.localize.term('connectionLive');
      case 'connecting':
        return this.localize.term('connectionConnecting');
      case 'reconnecting':
        return this.localize.term(
          'connectionReconnecting',
          spoken || !nextRetryAt ? undefined : Math.max(0, Math.ceil((nextRetryAt - Date.now()) / 1000))
        );
      case 'offline':
        return this.localize.term('connectionOffline', since ? this.localize.time(since) : undefined);
      case 'unauthorized':
        return this.localize.term('connectionUnauthorized');
      default:
        return this.localize.term('connectionIdle');
    }
  }

  override render() {
    const missing = this.missingAttributes();
    const state = this.hubStatus.state;
    const visible = this.labelText(false);
    const spoken = this.labelText(true);
    return html`<div
      part="base"
      class=${classMap({ 'connection-status': true, [`connection-status--${state}`]: true, 'connection-status--missing': missing.length > 0 })}
    >
      <slot name="prefix"></slot>
      <span
        part="indicator"
        class="connection-status__indicator"
        aria-hidden="true"
        ?hidden=${missing.length > 0}
      ></span>
      ${
        missing.length > 0
          ? html`<span part="message" class="connection-status__message" role="status"
              >${this.localize.term('widgetMissingAttribute', '<os-connection-status>', missing)}</span
            >`
          : html`<span part="label" class="connection-status__label" role="status">
              ${
                visible === spoken
                  ? visible
                  : html`<span aria-hidden="true">${visible}</span><span class="visually-hidden">${spoken}</span>`
              }
            </span>`
      }
      <button
        part="retry-button"
        class="connection-status__retry"
        type="button"
        ?hidden=${missing.length > 0 || !RETRYABLE.has(state)}
        @click=${this.handleRetryClick}
      >
        ${this.localize.term('connectionRetry')}
      </button>
      <slot name="suffix"></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-connection-status': OsConnectionStatus;
  }
}
