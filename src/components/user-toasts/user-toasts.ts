import { html, nothing, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { StompTopicController } from '../../controllers/stomp-topic-controller.js';
import '../../events/os-toast-hide.js';
import '../../events/os-toast-show.js';
import '../../events/os-upsell-accept.js';
import '../../events/os-upsell-dismiss.js';
import componentStyles from '../../internal/component.styles.js';
import { customElement } from '../../internal/define.js';
import { FailureReporter } from '../../internal/failure-reporter.js';
import { closeIcon, errorIcon, infoIcon, starIcon, successIcon } from '../../internal/icons.js';
import { keyedList } from '../../internal/keyed-list.js';
import { OsTopicElement } from '../../internal/os-connected-element.js';
import { ToastQueue, type Toast, type ToastChange, type ToastKind } from '../../models/toast-queue.js';
import {
  checkUserNotification,
  notificationToast,
  type UserNotification,
  type UserToastData
} from '../../models/user-notification.js';
import styles from './user-toasts.styles.js';

/** Where the stack sits in the viewport. */
export type ToastPosition = 'top-end' | 'top-start' | 'top-center' | 'bottom-end' | 'bottom-start' | 'bottom-center';

/** What the public `show()` method takes. */
export interface UserToastInit {
  /** `info`, `success`, `error` or `upsell` (an upsell without an offer shows no buttons). */
  kind: ToastKind;
  /** Optional heading. */
  title?: string;
  /** The text (rendered as text, never as HTML). */
  message: string;
  /** How long it stays, in ms; `0` = until dismissed. Default: `duration`, or `error-duration` for errors. */
  duration?: number;
  /** Dedupe key: a visible or queued toast with the same key is updated in place. */
  key?: string;
}

const POSITIONS: readonly ToastPosition[] = [
  'top-end',
  'top-start',
  'top-center',
  'bottom-end',
  'bottom-start',
  'bottom-center'
];

const ICONS: Record<ToastKind, SVGTemplateResult> = {
  info: infoIcon,
  success: successIcon,
  error: errorIcon,
  upsell: starIcon
};

/**
 * @summary Shows the guest's live notifications (errors, basket updates, receipts, upsell offers) as toasts, over the
 * shared STOMP connection.
 * @status experimental
 * @since 0.1
 *
 * Listens to the user's destination (`/kds/{tenant}/{userId}`; `{userId}` comes from the token when `user-id` is not
 * set). `OrderEventError` → an error toast (localized by code), `OrderUpsell` → an offer with "Add" / "No thanks",
 * `OrderAppliedEvents` and `OrderMessage` → info, `OrderEventFiscal` → success; other types are ignored. A
 * notification with the correlation id of a visible toast updates that toast in place. Timers pause while the pointer
 * is over the stack, while focus is inside it and while the tab is hidden; Escape dismisses the newest toast.
 *
 * @fires os-toast-show - A toast is about to be shown. Cancelable: `preventDefault()` drops it. `detail: { toast }`.
 * @fires os-toast-hide - A toast was hidden. `detail: { toast, reason }` (`timeout`, `dismiss`, `clear`).
 * @fires os-upsell-accept - The guest accepted an upsell offer; the host adds the items. `detail: { orderId, items, notification }`.
 * @fires os-upsell-dismiss - The guest declined an upsell offer. `detail: { orderId, items, notification }`.
 *
 * @csspart base - The fixed stack holding the toasts.
 * @csspart toast - One toast (also `toast-info`, `toast-success`, `toast-error`, `toast-upsell`).
 * @csspart icon - The toast's icon.
 * @csspart title - The toast's heading.
 * @csspart message - The toast's text.
 * @csspart actions - The row with the upsell buttons.
 * @csspart accept-button - The upsell "Add" button.
 * @csspart decline-button - The upsell "No thanks" button.
 * @csspart close-button - The toast's close button.
 * @csspart config-message - The missing-attribute message.
 *
 * @cssproperty --accent-color - Colour of info toasts, buttons and focus rings. Default `--os-color-accent`, `#0b57d0`.
 * @cssproperty --success-color - Colour of success toasts. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --danger-color - Colour of error toasts. Default `--os-color-danger`, `#b3261e`.
 * @cssproperty --upsell-color - Colour of upsell toasts. Default `--os-color-upsell`, `#7a4b00`.
 * @cssproperty --surface-color - Toast background. Default `--os-color-surface`, `#ffffff`.
 * @cssproperty --text-color - Main text colour. Default `--os-color-text`, `#1c1b1f`.
 * @cssproperty --muted-color - Secondary text colour. Default `--os-color-text-muted`, `#5d5966`.
 * @cssproperty --border-color - Toast border. Default `--os-color-border`, `#dcd9e0`.
 * @cssproperty --radius - Corner radius of a toast. Default `--os-radius`, `20px` (toasts use 60% of it).
 * @cssproperty --width - Width of the stack. Default `24rem` (never wider than the viewport).
 * @cssproperty --offset - Distance from the viewport edges (plus the safe-area insets). Default `1rem`.
 * @cssproperty --z-index - Stacking order of the stack. Default `1000`.
 */
@customElement('os-user-toasts')
export class OsUserToasts extends OsTopicElement {
  static override styles = [componentStyles, styles];

  /** Skips (and reports once) a notification or a toast that fails. */
  private readonly failures = new FailureReporter(this);
  private readonly topic: StompTopicController<UserNotification> = new StompTopicController(this, {
    config: () => this.topicConfig('user', { userId: this.userId || undefined }),
    topic: 'user',
    params: () => ({}),
    parse: this.failures.parser(body => checkUserNotification(body, this.userId || this.topic.config.userId)),
    onMessage: notification =>
      this.failures.run('show a notification', () => this.handleNotification(notification), undefined)
  });
  private queue: ToastQueue<UserToastData> = this.createQueue(3);
  private stopQueue?: () => void;
  /** Toasts whose `os-toast-show` was cancelled: their removal fires no `os-toast-hide`. */
  private readonly cancelled = new Set<string>();
  private escapeListening = false;

  /** The visible toasts, newest first. */
  @state() private toasts: readonly Toast<UserToastData>[] = [];
  /** Text of the polite live region (info, success, upsell). */
  @state() private politeText = '';
  /** Text of the assertive live region (errors). */
  @state() private assertiveText = '';

  /** The guest's user id, filling `{userId}` in the destination; by default it comes from the token. */
  @property({ attribute: 'user-id' }) userId = '';
  /** How many toasts are visible at once; the rest wait their turn. */
  @property({ attribute: 'max-visible', type: Number }) maxVisible = 3;
  /** How long info and success toasts stay, in ms. */
  @property({ type: Number }) duration = 5000;
  /** How long error and upsell toasts stay, in ms; `0` = until dismissed. */
  @property({ attribute: 'error-duration', type: Number }) errorDuration = 0;
  /** Where the stack sits: `top-end`, `top-start`, `top-center`, `bottom-end`, `bottom-start` or `bottom-center`. */
  @property({ reflect: true }) position: ToastPosition = 'top-end';

  constructor() {
    super();
    this.stopQueue = this.queue.onChange(this.handleQueueChange);
  }

  protected get connection(): StompTopicController<UserNotification> {
    return this.topic;
  }

  protected override get missingConsequence(): string {
    return 'no notifications arrive';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    this.handleVisibilityChange();
    this.syncEscapeListener();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    this.escapeListening = false;
    document.removeEventListener('keydown', this.handleDocumentKeyDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('maxVisible') && Math.max(1, this.maxVisible || 1) !== this.queue.maxVisible) this.rebuildQueue();
  }

  private readonly handleQueueChange = (change: ToastChange<UserToastData>): void => {
    for (const { toast, reason } of change.hidden) {
      if (this.cancelled.delete(toast.id)) continue;
      this.emit('os-toast-hide', { detail: { toast, reason } });
    }
    // Oldest first, so that when several appear at once the newest is announced last.
    for (const toast of [...change.shown].reverse()) {
      const event = this.emit('os-toast-show', { detail: { toast }, cancelable: true });
      if (event.defaultPrevented) {
        this.cancelled.add(toast.id);
        this.queue.dismiss(toast.id); // re-enters this handler; its hide is not reported
      } else {
        this.announce(toast);
      }
    }
    for (const toast of change.updated) this.announce(toast);
    this.toasts = this.queue.visible;
    this.syncEscapeListener();
  };

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.queue.pause('hidden');
    else this.queue.resume('hidden');
  };

  private readonly handleDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.queue.visible.length === 0) return;
    this.queue.dismissNewest();
  };

  /** Timers wait while the pointer is over the stack. */
  private handleHover(event: MouseEvent): void {
    if (event.type === 'mouseenter') this.queue.pause('hover');
    else this.queue.resume('hover');
  }

  private handleFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && this.shadowRoot?.contains(next)) return;
    this.queue.resume('focus');
  }

  private handleCloseClick(toast: Toast<UserToastData>): void {
    this.queue.dismiss(toast.id);
  }

  private handleUpsellClick(toast: Toast<UserToastData>, accepted: boolean): void {
    const offer = toast.data?.upsell;
    if (offer) this.emit(accepted ? 'os-upsell-accept' : 'os-upsell-dismiss', { detail: offer });
    this.queue.dismiss(toast.id);
  }

  private handleNotification(notification: UserNotification): void {
    // A toast's texts are fixed when it is made: while its language's texts still load, wait for them (in order).
    const loading = this.localize.catalogueLoaded();
    if (loading) {
      void loading.then(() => this.handleNotification(notification));
      return;
    }
    const init = notificationToast(notification, {
      language: this.localize.language(),
      errorForCode: code => this.localize.errorForCode(code),
      genericError: this.localize.term('errorGeneric'),
      upsellTitle: this.localize.term('toastUpsellTitle'),
      upsellOffer: product => this.localize.term('toastUpsellOffer', product),
      basketUpdated: this.localize.term('toastBasketUpdated'),
      receiptReady: this.localize.term('toastReceiptReady')
    });
    if (init) this.queue.show({ ...init, duration: this.durationFor(init.kind) });
  }

  /** How long a toast of `kind` stays: `error-duration` for errors and offers, `duration` for the rest. */
  private durationFor(kind: ToastKind): number {
    return kind === 'error' || kind === 'upsell' ? this.errorDuration : this.duration;
  }

  private announce(toast: Toast<UserToastData>): void {
    // A trailing no-break space alternates so that an identical text is announced again.
    const text = [toast.title, toast.message].filter(Boolean).join('. ') + (toast.count % 2 === 0 ? '\u00a0' : '');
    if (toast.kind === 'error') this.assertiveText = text;
    else this.politeText = text;
  }

  private syncEscapeListener(): void {
    const want = this.isConnected && this.queue.visible.length > 0;
    if (want === this.escapeListening) return;
    this.escapeListening = want;
    if (want) document.addEventListener('keydown', this.handleDocumentKeyDown);
    else document.removeEventListener('keydown', this.handleDocumentKeyDown);
  }

  private createQueue(maxVisible: number): ToastQueue<UserToastData> {
    return new ToastQueue<UserToastData>({ maxVisible, duration: 5000, errorDuration: 0 });
  }

  /** A new queue for a new `max-visible`, taking over the current toasts without events or announcements. */
  private rebuildQueue(): void {
    const old = this.queue;
    this.stopQueue?.();
    this.queue = this.createQueue(Math.max(1, this.maxVisible || 1));
    // A toast carries everything show() takes: kind, title, message, key, duration and data.
    for (const toast of [...old.visible].reverse().concat(old.queued)) this.queue.show(toast);
    old.clear();
    if (document.visibilityState === 'hidden') this.queue.pause('hidden');
    this.stopQueue = this.queue.onChange(this.handleQueueChange);
    this.toasts = this.queue.visible;
  }

  /**
   * Shows a toast of the host's own, with the same stacking, timing and announcements as the server's. Returns the
   * toast, or `undefined` when a listener cancelled its `os-toast-show` (a toast that has to wait for a free slot is
   * returned at once; its `os-toast-show` fires when it appears).
   */
  show(init: UserToastInit): Toast<UserToastData> | undefined {
    const toast = this.queue.show({
      kind: init.kind,
      title: init.title,
      message: String(init.message ?? ''),
      key: init.key,
      duration: init.duration ?? this.durationFor(init.kind),
      data: {}
    });
    return this.queue.visible.some(t => t.id === toast.id) || this.queue.queued.some(t => t.id === toast.id)
      ? toast
      : undefined;
  }

  /** Dismisses a toast by id (as its close button does). */
  dismiss(id: string): void {
    this.queue.dismiss(id);
  }

  /** Hides every toast and empties the queue. */
  clear(): void {
    this.queue.clear();
  }

  private renderToast(toast: Toast<UserToastData>): TemplateResult {
    const offer = toast.kind === 'upsell' ? toast.data?.upsell : undefined;
    const titleId = `${toast.id}-title`;
    const messageId = `${toast.id}-message`;
    return html`<div
      part="toast toast-${toast.kind}"
      class="toast toast--${toast.kind}"
      id=${toast.id}
      role="group"
      aria-labelledby=${toast.title ? titleId : messageId}
      aria-describedby=${toast.title ? messageId : nothing}
    >
      <svg part="icon" class="toast__icon" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        ${ICONS[toast.kind]}
      </svg>
      <div class="toast__body">
        ${toast.title ? html`<p part="title" class="toast__title" id=${titleId}>${toast.title}</p>` : nothing}
        <p part="message" class="toast__message" id=${messageId}>${toast.message}</p>
        ${
          offer
            ? html`<div part="actions" class="toast__actions">
                <button
                  part="accept-button"
                  class="toast__button toast__button--primary"
                  type="button"
                  @click=${() => this.handleUpsellClick(toast, true)}
                >
                  ${this.localize.term('toastUpsellAccept')}
                </button>
                <button
                  part="decline-button"
                  class="toast__button"
                  type="button"
                  @click=${() => this.handleUpsellClick(toast, false)}
                >
                  ${this.localize.term('toastUpsellDismiss')}
                </button>
              </div>`
            : nothing
        }
      </div>
      <button
        part="close-button"
        class="toast__close"
        type="button"
        aria-label=${this.localize.term('toastClose')}
        @click=${() => this.handleCloseClick(toast)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>
      </button>
    </div>`;
  }

  override render() {
    const missing = this.missingAttributes();
    const position = POSITIONS.includes(this.position) ? this.position : 'top-end';
    const [vertical, horizontal] = position.split('-');
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.politeText}
      </div>
      <div class="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true">${this.assertiveText}</div>
      <div
        part="base"
        class=${classMap({
          stack: true,
          [`stack--${vertical}`]: true,
          [`stack--${horizontal}`]: true,
          'stack--empty': this.toasts.length === 0 && missing.length === 0
        })}
        role="region"
        aria-label=${this.localize.term('toastRegion')}
        @mouseenter=${this.handleHover}
        @mouseleave=${this.handleHover}
        @focusin=${() => this.queue.pause('focus')}
        @focusout=${this.handleFocusOut}
      >
        ${
          missing.length > 0
            ? html`<p part="config-message" class="config-message">
                ${this.localize.term('widgetMissingAttribute', '<os-user-toasts>', missing)}
              </p>`
            : nothing
        }
        ${keyedList(
          this.toasts,
          toast => toast.id,
          toast =>
            this.failures.run<TemplateResult | typeof nothing>('render a toast', () => this.renderToast(toast), nothing)
        )}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-user-toasts': OsUserToasts;
  }
}
