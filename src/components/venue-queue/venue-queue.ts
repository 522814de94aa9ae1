import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import type { DeviceCode } from '../../connection/auth/device-code.js';
import { DeviceSignInController } from '../../controllers/device-sign-in-controller.js';
import { KioskController } from '../../controllers/kiosk-controller.js';
import { PagingController } from '../../controllers/paging-controller.js';
import { widestText } from '../../controllers/tile-fit.js';
import { ReadyAnnouncer } from '../../controllers/ready-announcer.js';
import { StompTopicController } from '../../controllers/stomp-topic-controller.js';
import { VenueBoardController } from '../../controllers/venue-board-controller.js';
import '../../events/os-order-ready.js';
import '../../events/os-queue-update.js';
import componentStyles from '../../internal/component.styles.js';
import { connectionBanner, isStale } from '../../internal/connection-banner.js';
import { customElement } from '../../internal/define.js';
import { FailureReporter } from '../../internal/failure-reporter.js';
import { fullscreenIcon, soundIcon } from '../../internal/icons.js';
import { keyedList } from '../../internal/keyed-list.js';
import { OsTopicElement } from '../../internal/os-connected-element.js';
import { clip, TEXT_LIMITS } from '../../models/guard.js';
import type { BoardChange, BoardColumn, BoardEntry } from '../../models/order-board.js';
import { checkOrder } from '../../models/order-guard.js';
import type { NumberSource, Order } from '../../models/order.js';
import styles from './venue-queue.styles.js';

/**
 * How many "just ready" rings a list may show pulsing; with more, they all stay still (styles: .list--pulse). A ring
 * stands out while few do, and each pulsing ring is a layer animated every frame.
 */
const PULSING_RINGS = 6;

/** How often the data age in the connection banner is refreshed, in ms. */
const TICK_MS = 20_000;

/**
 * @summary A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the
 * shared STOMP connection, readable across a room from a phone to a 1080p TV.
 * @status experimental
 * @since 0.2
 *
 * @fires os-queue-update - After each render that changed the columns. `detail: { preparing: string[], ready: string[] }` (order ids in display order).
 * @fires os-order-ready - Once per order that becomes ready while the board is live (never for the initial list). `detail: { id, number, order }`.
 *
 * @csspart base - The component's wrapper.
 * @csspart banner - The connection banner shown while reconnecting, offline or unauthorized.
 * @csspart columns - The box holding the columns.
 * @csspart column - One column (also `column-preparing`, `column-ready`); labelled for screen readers with its title and
 * the venue ("Ready, Centrum").
 * @csspart column-header - The header of a column (its title, page indicator and, in Ready, the fullscreen button);
 * both headers are as high as the higher one.
 * @csspart column-title - The title of a column.
 * @csspart list - The list of tiles of a column. The element sets `--number-size` (the tiles' font size, in px) and
 * `--tile-columns` (tiles per row) on it.
 * @csspart tile - One order (also `tile-preparing`, `tile-ready`, `tile-highlighted`).
 * @csspart number - The order's number in a tile.
 * @csspart name - The customer's short name in a tile (`show-names` only).
 * @csspart empty - The text shown in an empty column.
 * @csspart page-indicator - The "1 / 3" indicator of a column with more orders than fit.
 * @csspart sound-button - The "Enable sound" button shown while the browser blocks audio.
 * @csspart fullscreen-button - The "Full screen" button (`kiosk` only; hidden while fullscreen or where fullscreen is not allowed): in the Ready column's header, or above the message while there are no columns.
 * @csspart message - The loading, missing-attribute and activation messages.
 * @csspart activation - The panel shown while the screen waits for its device code to be approved (`auth="device"`).
 * @csspart device-code - The code to enter on the verification page.
 *
 * @cssproperty --accent-color - Colour of the Preparing column's accents and the loading indicator. Default `--os-color-accent`, `#0b57d0`.
 * @cssproperty --ready-color - Background of the Ready column's header and tiles. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --on-ready-color - Text and icons on `--ready-color`: the Ready title, page indicator, fullscreen button and numbers. Default `--os-color-on-success`, `#ffffff` (6.6:1 on the default `--ready-color`; keep at least 4.5:1).
 * @cssproperty --highlight-color - Ring around a number that just became ready. Default `--os-color-highlight`, `#f9c74f`.
 * @cssproperty --danger-color - Colour of the missing-attribute message. Default `--os-color-danger`, `#b3261e`.
 * @cssproperty --background-color - Background of the board. Default `--os-color-background`, `#f3f2f5`.
 * @cssproperty --surface-color - Background of the columns. Default `--os-color-surface`, `#ffffff`.
 * @cssproperty --text-color - Main text colour. Default `--os-color-text`, `#1c1b1f`.
 * @cssproperty --muted-color - Secondary text colour. Default `--os-color-text-muted`, `#5d5966`.
 * @cssproperty --border-color - Column border colour. Default `--os-color-border`, `#dcd9e0`.
 * @cssproperty --banner-background - Background of the connection banner. Default `--os-color-warning-surface`, `#fdf3d7`.
 * @cssproperty --banner-color - Text colour of the connection banner. Default `--os-color-warning-text`, `#5b4300`.
 * @cssproperty --radius - Corner radius of columns and tiles. Default `--os-radius`, `20px`.
 * @cssproperty --gap - Space between columns and tiles. Default `clamp(0.5rem, 1.5cqi, 1.5rem)`.
 * @cssproperty --number-min-size - The smallest size of the numbers: as a column fills, its numbers shrink down to this, and only then does it page. Default `max(1.75rem, 3cqi)` (`cqi`: of the element's width).
 * @cssproperty --number-max-size - The largest size of the numbers, reached when few orders are shown. Default `max(7rem, 11cqi)`.
 * @cssproperty --number-font-family - Font of the numbers. Default `--os-number-font-family`, the element's font.
 */
@customElement('os-venue-queue')
export class OsVenueQueue extends OsTopicElement {
  static override styles = [componentStyles, styles];

  /** Skips (and reports once) an order or a tile that fails. */
  private readonly failures = new FailureReporter(this);
  /** The board model, rebuilt when an option it is built from changes, and its deadlines (before `topic`: it resyncs it). */
  private readonly orders = new VenueBoardController(this, {
    options: () => ({
      venue: this.venue,
      numberSource: this.numberSource,
      showNames: this.showNames,
      highlightMs: Math.max(0, Number(this.highlightSeconds) || 0) * 1000,
      readyTimeoutMs: Math.max(0, Number(this.readyTimeout) || 0) * 1000
    }),
    onChange: change => this.handleChange(change)
  });
  private readonly topic = new StompTopicController<Order>(this, {
    config: () => this.topicConfig('venueOrders', { auth: this.auth || undefined }),
    topic: 'venueOrders',
    params: () => (this.venue ? { venue: this.venue } : undefined),
    parse: this.failures.parser(body => checkOrder(body)),
    onMessage: order =>
      this.failures.run(
        'take in an order',
        () => {
          this.topic.markCurrent();
          this.orders.apply(order);
        },
        undefined
      ),
    onResync: async context => {
      if (await this.orders.resync(context)) this.topic.markCurrent();
    }
  });
  private readonly paging = new PagingController(this, { seconds: () => this.pageSeconds });
  private readonly announcer = new ReadyAnnouncer(this, {
    sound: () => this.sound,
    announce: () => this.announce,
    lang: () => this.localize.lang(),
    phrase: number => this.localize.term('queueSpokenReady', number)
  });
  /** Wake lock and fullscreen state for `kiosk`. */
  private readonly kioskMode = new KioskController(this, { enabled: () => this.kiosk });
  /** The device code to show while the board waits for approval (`auth="device"`). */
  private readonly deviceSignIn = new DeviceSignInController(this, {
    config: () => this.connectionConfig({ auth: this.auth || undefined })
  });
  private ticker?: ReturnType<typeof setInterval>;
  /** The widest number of each column's entry list (the board keeps a column's list while it does not change). */
  private readonly widestNumbers = new WeakMap<readonly BoardEntry[], string>();
  /** The number each column's probe holds now. */
  private readonly lastWidest = new Map<BoardColumn, string>();

  /** Text of the polite live region: the orders that became ready last. */
  @state() private announcement = '';

  /** Id of the venue whose orders are shown. Required. */
  @property() venue = '';
  /** The venue's name, in the columns' labels for screen readers ("Ready, Centrum"); default: from its orders, else `venue`. */
  @property({ attribute: 'venue-name' }) venueName = '';
  /** Which columns to show: `both` (Preparing and Ready) or `ready` (Ready only). */
  @property({ reflect: true }) columns: 'both' | 'ready' = 'both';
  /** Which number to show: `auto` (queue position, else claim code, else short id), `queue-pos`, `claim-code` or `id`. */
  @property({ attribute: 'number-source' }) numberSource: NumberSource = 'auto';
  /** Shows the customer's short name ("Anna K.") under the number. */
  @property({ attribute: 'show-names', type: Boolean }) showNames = false;
  /** How long a newly ready number stands out, in seconds; `0` turns the highlight off. */
  @property({ attribute: 'highlight-seconds', type: Number }) highlightSeconds = 15;
  /** Seconds after which a ready order leaves the board; `0` (the default) keeps it until it is closed. */
  @property({ attribute: 'ready-timeout', type: Number }) readyTimeout = 0;
  /** Seconds each page is shown when a column has more numbers than fit. */
  @property({ attribute: 'page-seconds', type: Number }) pageSeconds = 8;
  /** Plays a short chime for each order that becomes ready (never for the initial list). */
  @property({ type: Boolean }) sound = false;
  /** Speaks "Order 42 is ready" for each order that becomes ready (never for the initial list), after the chime. */
  @property({ type: Boolean }) announce = false;
  /** For wall screens: keeps the screen awake while the board is shown and offers a fullscreen button in the Ready header. */
  @property({ type: Boolean }) kiosk = false;
  /**
   * How the board signs in when the page configures no token: `anonymous` (default), or `device` for screens nobody
   * types a password into: the board shows a code to approve (the device-code flow) and keeps the refresh token in
   * localStorage under `orderingstack_{tenant}_refreshToken`, so it stays signed in across reloads.
   */
  @property() auth: '' | 'anonymous' | 'device' | 'none' = '';

  protected get connection(): StompTopicController<Order> {
    return this.topic;
  }

  protected override requiredAttributes(): Record<string, unknown> {
    return { venue: this.venue };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => {
      if (this.topic.state !== 'open' && this.topic.dataAsOf) this.requestUpdate();
    }, TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /**
   * Renders at most once per animation frame: live messages go into the model at once, and however many arrive
   * within a frame, they cause one render. The first render is not delayed.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // Hidden documents get no animation frames: render without waiting there, so events keep flowing.
    if (this.hasUpdated && document.visibilityState !== 'hidden') {
      await new Promise<void>(resolve => requestAnimationFrame(() => resolve()));
    }
    await super.scheduleUpdate();
  }

  protected override updated(): void {
    const detail = this.orders.takeUpdate();
    if (detail) this.emit('os-queue-update', { detail });
  }

  private handleChange(change: BoardChange): void {
    if (change.error !== undefined) this.failures.report('take in an order', change.error);
    if (change.changed) this.requestUpdate();
    if (change.newlyReady.length === 0) return;
    for (const entry of change.newlyReady) {
      this.emit('os-order-ready', { detail: { id: entry.id, number: entry.number, order: entry.order } });
    }
    const numbers = change.newlyReady.map(e => e.number);
    this.announcement = this.localize.term('queueAnnounceReady', numbers);
    this.announcer.ready(numbers);
  }

  private handleFullscreenClick(): void {
    this.kioskMode.enterFullscreen();
  }

  private handleSoundClick(): void {
    this.announcer.enableSound();
  }

  private renderFullscreenButton(): TemplateResult | typeof nothing {
    if (!this.kioskMode.canEnterFullscreen) return nothing;
    const label = this.localize.term('queueFullscreen');
    return html`<button
      part="fullscreen-button"
      class="fullscreen-button"
      type="button"
      aria-label=${label}
      title=${label}
      @click=${this.handleFullscreenClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${fullscreenIcon}</svg>
    </button>`;
  }

  /**
   * The number the probe tile of `column` measures: the widest of `entries`, `0` for none; worked out once per list,
   * and the same text as last time while that is as wide (a probe that changes costs a layout of the whole board).
   */
  private widestNumber(column: BoardColumn, entries: readonly BoardEntry[]): string {
    let widest = this.widestNumbers.get(entries);
    if (widest === undefined) {
      widest = widestText(
        entries.map(e => e.number),
        this.lastWidest.get(column)
      );
      this.widestNumbers.set(entries, widest);
      this.lastWidest.set(column, widest);
    }
    return widest || '0';
  }

  private renderTile(entry: BoardEntry, newLabel: string | undefined): TemplateResult {
    const kind = entry.column;
    const highlighted = entry.highlighted;
    if (highlighted && newLabel === undefined) throw new Error('no text for a new number');
    // Plain strings, not classMap(): a tile's attributes are compared, not rebuilt, on each of the board's renders.
    return html`<li
      part="tile tile-${kind}${highlighted ? ' tile-highlighted' : ''}"
      class="tile tile--${kind}${highlighted ? ' tile--highlighted' : ''}"
    >
      <span part="number" class="tile__number">${entry.number}</span>
      ${entry.name ? html`<span part="name" class="tile__name">${entry.name}</span>` : nothing}
      ${entry.highlighted ? html`<span class="visually-hidden">(${newLabel})</span>` : nothing}
    </li>`;
  }

  private renderColumn(column: BoardColumn, entries: readonly BoardEntry[]): TemplateResult {
    const { shown, index, count } = this.paging.page(column, entries);
    const title = this.localize.term(column === 'ready' ? 'queueReady' : 'queuePreparing');
    const fullscreen = column === 'ready' ? this.renderFullscreenButton() : nothing;
    // Undefined when the translation throws: then the highlighted tiles (which need it) are skipped and reported.
    const newLabel = this.failures.run<string | undefined>(
      'render a tile',
      () => this.localize.term('queueNew'),
      undefined
    );
    return html`<section
      part="column column-${column}"
      class="column column--${column}"
      aria-label=${this.localize.term(
        'queueColumnLabel',
        title,
        clip(this.venueName || this.orders.venueName() || this.venue, TEXT_LIMITS.name)
      )}
    >
      <header part="column-header" class="column__header">
        <h2 part="column-title" class="column__title" id="title-${column}">${title}</h2>
        ${
          count > 1 || fullscreen !== nothing
            ? html`<div class="column__tools">
                ${
                  count > 1
                    ? html`<p part="page-indicator" class="page-indicator">
                        <span aria-hidden="true">${index + 1} / ${count}</span>
                        <span class="visually-hidden">${this.localize.term('queuePage', index + 1, count)}</span>
                      </p>`
                    : nothing
                }${fullscreen}
              </div>`
            : nothing
        }
      </header>
      <div class="column__body">
        <div class="probes" aria-hidden="true">
          <span class="tile tile--${column} probe--tile"
            ><span class="tile__number">${this.widestNumber(column, entries)}</span>${
              this.showNames ? html`<span class="tile__name">X</span>` : nothing
            }</span
          ><span class="probe--limits"></span>
        </div>
        <ol
          part="list"
          class=${classMap({
            list: true,
            'list--names': this.showNames,
            'list--pulse': shown.filter(e => e.highlighted).length <= PULSING_RINGS
          })}
          data-list=${column}
          aria-labelledby="title-${column}"
        >
          ${keyedList(
            shown,
            entry => entry.id,
            // A tile is rendered again only when its entry (immutable: a changed order gets a new one) or the label
            // changed; the others are left as they are, however often the board renders.
            entry =>
              guard([entry, newLabel], () =>
                this.failures.run<TemplateResult | typeof nothing>(
                  'render a tile',
                  () => this.renderTile(entry, newLabel),
                  nothing
                )
              )
          )}
        </ol>
        ${entries.length === 0 ? html`<p part="empty" class="empty">${this.localize.term('queueEmpty', column)}</p>` : nothing}
      </div>
    </section>`;
  }

  private renderDeviceCode(code: DeviceCode): TemplateResult {
    return html`<div part="message activation" class="message message--device">
      <p class="message__title">${this.localize.term('queueActivateTitle')}</p>
      <p class="message__text">${this.localize.term('queueActivateSteps', code.verificationUri)}</p>
      <p part="device-code" class="device-code">${code.userCode}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const missing = this.missingAttributes();
    if (missing.length > 0) {
      return html`<div part="message" class="message message--config">
        <p class="message__title">${this.localize.term('queueMissingAttribute', missing)}</p>
      </div>`;
    }
    if (this.deviceSignIn.code) return this.renderDeviceCode(this.deviceSignIn.code);
    const { preparing, ready } = this.orders.board.columns();
    if (this.orders.board.loading && preparing.length === 0 && ready.length === 0) {
      return html`<div part="message" class="message message--loading">
        <span class="spinner" aria-hidden="true"></span>
        <p class="message__title">${this.localize.term('queueLoading')}</p>
      </div>`;
    }
    return html`<div part="columns" class="columns">
      ${this.columns === 'ready' ? nothing : this.renderColumn('preparing', preparing)}
      ${this.renderColumn('ready', ready)}
    </div>`;
  }

  override render() {
    const missing = this.missingAttributes().length > 0;
    const { preparing, ready } = this.orders.board.columns();
    const loading = !missing && this.orders.board.loading && preparing.length === 0 && ready.length === 0;
    const stale = isStale(this.topic.state);
    return html`<div
      part="base"
      class=${classMap({
        'venue-queue': true,
        'venue-queue--loading': loading,
        'venue-queue--missing': missing,
        'venue-queue--stale': stale,
        'venue-queue--ready-only': this.columns === 'ready'
      })}
      aria-busy=${loading ? 'true' : 'false'}
    >
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${loading || missing || this.deviceSignIn.code ? this.renderFullscreenButton() : nothing}
      ${connectionBanner(this.localize, this.topic.state, this.topic.dataAsOf, this.topic.refusal)}
      ${
        this.sound && this.announcer.soundBlocked
          ? html`<button part="sound-button" class="sound-button" type="button" @click=${this.handleSoundClick}>
              <svg viewBox="0 0 24 24" aria-hidden="true">${soundIcon}</svg>
              ${this.localize.term('queueEnableSound')}
            </button>`
          : nothing
      }
      ${this.renderBody()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-venue-queue': OsVenueQueue;
  }
}
