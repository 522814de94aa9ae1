import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { customElement } from '../../internal/define.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { onConfigChange, resolveConfig } from '../../connection/config.js';
import { fillTemplate } from '../../connection/destinations.js';
import { sharedDeviceCodeSource, type DeviceCode, type DeviceCodeProvider } from '../../connection/tokens.js';
import type { DestinationPreset, OsConfig, ResyncContext } from '../../connection/types.js';
import { StompTopicController } from '../../controllers/stomp-topic-controller.js';
import '../../events/os-order-ready.js';
import '../../events/os-queue-update.js';
import { LocalizeController } from '../../i18n/localize.js';
import type { PartialTranslation } from '../../i18n/translation.js';
import componentStyles from '../../internal/component.styles.js';
import { OsElement } from '../../internal/os-element.js';
import { OrderBoard, type BoardChange, type BoardColumn, type BoardEntry, type OrderBoardOptions } from '../../models/order-board.js';
import { isOrder, type NumberSource, type Order } from '../../models/order.js';
import { KioskController } from './kiosk.js';
import styles from './venue-queue.styles.js';

/** How often the data age in the connection banner is refreshed, in ms. */
const TICK_MS = 20_000;
/** At most this many chimes are played for one batch of newly ready orders. */
const MAX_CHIMES = 4;
/** Length of one chime (two notes), and the stagger between chimes, in seconds. */
const CHIME_SECONDS = 0.95;
const CHIME_STAGGER = 0.9;

type AudioContextConstructor = new () => AudioContext;

/**
 * @summary A pickup board for one venue: big order numbers in "Preparing" and "Ready" columns, kept live over the
 * shared STOMP connection, readable across a room from a phone to a 1080p TV.
 * @status experimental
 * @since 0.2
 *
 * @fires os-queue-update - After each render that changed the columns. `detail: { preparing: string[], ready: string[] }` (order ids in display order).
 * @fires os-order-ready - Once per order that becomes ready while the board is live (never for the initial list). `detail: { id, number, order }`.
 * @fires os-connection-change - The shared connection changed state (open, reconnecting, offline, ...). `detail` is the hub status.
 * @fires os-auth-error - The server rejected the credentials; live updates stop until a new token is configured.
 *
 * @csspart base - The component's wrapper.
 * @csspart banner - The connection banner shown while reconnecting, offline or unauthorized.
 * @csspart columns - The box holding the columns.
 * @csspart column - One column (also `column-preparing`, `column-ready`).
 * @csspart column-header - The header of a column (its title and page indicator).
 * @csspart column-title - The title of a column.
 * @csspart list - The list of tiles of a column.
 * @csspart tile - One order (also `tile-preparing`, `tile-ready`, `tile-highlighted`).
 * @csspart number - The order's number in a tile.
 * @csspart name - The customer's short name in a tile (`show-names` only).
 * @csspart empty - The text shown in an empty column.
 * @csspart page-indicator - The "1 / 3" indicator of a column with more orders than fit.
 * @csspart sound-button - The "Enable sound" button shown while the browser blocks audio.
 * @csspart fullscreen-button - The small "Full screen" button (`kiosk` only; hidden while fullscreen or where fullscreen is not allowed).
 * @csspart message - The loading, missing-attribute and activation messages.
 * @csspart activation - The panel shown while the screen waits for its device code to be approved (`auth="device"`).
 * @csspart device-code - The code to enter on the verification page.
 *
 * @cssproperty --accent-color - Colour of the Preparing column's accents and the loading indicator. Default `--os-color-accent`, `#0b57d0`.
 * @cssproperty --ready-color - Colour of the Ready column and its tiles. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --highlight-color - Glow of a number that just became ready. Default `--os-color-highlight`, `#f9c74f`.
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
 * @cssproperty --tile-width - Width of a tile; scales with the column. Default `clamp(5.5rem, 30cqi, 17rem)`.
 * @cssproperty --number-font-family - Font of the numbers. Default `--os-number-font-family`, the element's font.
 */
@customElement('os-venue-queue')
export class OsVenueQueue extends OsElement {
  static override styles = [componentStyles, styles];

  private readonly localize = new LocalizeController(this);
  /** Created in the constructor, where its option callbacks can refer to the accessor properties declared below. */
  private readonly topic: StompTopicController<Order>;
  /** The board model; replaced when an option it is built from changes. */
  private board: OrderBoard;
  /** The board version last emitted as `os-queue-update`. */
  private emittedVersion = 0;
  private ticker?: ReturnType<typeof setInterval>;
  private stopConfigListener?: () => void;
  private deadlineTimer?: ReturnType<typeof setTimeout>;
  private deadlineAt?: number;
  private pageTimer?: ReturnType<typeof setInterval>;
  private resizeObserver?: ResizeObserver;
  private observed = new Set<Element>();
  private audio?: AudioContext;
  /** Wake lock and fullscreen state for `kiosk`. */
  private readonly kioskMode = new KioskController(this, { enabled: () => this.kiosk });
  /** Utterances handed to speechSynthesis by `announce` that have not finished yet. */
  private speaking = new Set<SpeechSynthesisUtterance>();
  /** Utterances waiting for the chimes to end. */
  private speechQueue: SpeechSynthesisUtterance[] = [];
  /** Delays the spoken call-outs until the chimes have played. */
  private speechTimer?: ReturnType<typeof setTimeout>;

  /** How many tiles fit in each column (Infinity until measured). */
  @state() private accessor capacity: Record<BoardColumn, number> = { preparing: Infinity, ready: Infinity };
  /** Advances every `page-seconds`; each column shows page `pageTick % pages`. */
  @state() private accessor pageTick = 0;
  /** True while `sound` is on and the browser keeps the AudioContext suspended. */
  @state() private accessor soundBlocked = false;
  /** Text of the polite live region: the orders that became ready last. */
  @state() private accessor announcement = '';

  /** Base URL of the Ordering Stack API, e.g. `https://api.example.com`. Falls back to `configure({ apiUrl })`. */
  @property({ attribute: 'api-url' }) accessor apiUrl = '';
  /** Tenant id. Falls back to `configure({ tenant })`. */
  @property() accessor tenant = '';
  /** Id of the venue whose orders are shown. Required. */
  @property() accessor venue = '';
  /** STOMP WebSocket URL. Default: derived from the API URL (`wss://…/websocket`). */
  @property({ attribute: 'socket-url' }) accessor socketUrl = '';
  /** Destination preset: `documented` or `ordering-core` (both use `/kds/{tenant}/{venue}` for venue orders). */
  @property() accessor destinations: DestinationPreset | undefined;
  /** Overrides the venue-orders destination template, e.g. `/kds/{tenant}/{venue}`. */
  @property() accessor destination = '';
  /** Locale of the texts, e.g. `pl`. Default: the closest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) accessor locale = '';
  /** Overrides any of the element's strings (see `src/i18n/en.ts` for the keys). */
  @property({ attribute: false }) accessor strings: PartialTranslation | undefined;
  /** Which columns to show: `both` (Preparing and Ready) or `ready` (Ready only). */
  @property({ reflect: true }) accessor columns: 'both' | 'ready' = 'both';
  /** Which number to show: `auto` (queue position, else claim code, else short id), `queue-pos`, `claim-code` or `id`. */
  @property({ attribute: 'number-source' }) accessor numberSource: NumberSource = 'auto';
  /** Shows the customer's short name ("Anna K.") under the number. */
  @property({ attribute: 'show-names', type: Boolean }) accessor showNames = false;
  /** How long a newly ready number stands out, in seconds; `0` turns the highlight off. */
  @property({ attribute: 'highlight-seconds', type: Number }) accessor highlightSeconds = 15;
  /** Seconds after which a ready order leaves the board; `0` (the default) keeps it until it is closed. */
  @property({ attribute: 'ready-timeout', type: Number }) accessor readyTimeout = 0;
  /** Seconds each page is shown when a column has more numbers than fit. */
  @property({ attribute: 'page-seconds', type: Number }) accessor pageSeconds = 8;
  /** Plays a short chime for each order that becomes ready (never for the initial list). */
  @property({ type: Boolean }) accessor sound = false;
  /** Speaks "Order 42 is ready" for each order that becomes ready (never for the initial list), after the chime. */
  @property({ type: Boolean }) accessor announce = false;
  /** For wall screens: keeps the screen awake while the board is shown and offers a small fullscreen button. */
  @property({ type: Boolean }) accessor kiosk = false;
  /**
   * How the board signs in when the page configures no token: `anonymous` (default), or `device` for screens nobody
   * types a password into: the board shows a code to approve (the device-code flow) and keeps the refresh token in
   * localStorage under `orderingstack_{tenant}_refreshToken`, so it stays signed in across reloads.
   */
  @property() accessor auth: '' | 'anonymous' | 'device' | 'none' = '';

  /** The device code to show while waiting for approval (`auth="device"`). */
  @state() private accessor deviceCode: DeviceCode | undefined;
  private deviceSource?: DeviceCodeProvider;
  private stopDeviceCode?: () => void;

  constructor() {
    super();
    this.board = new OrderBoard({ venue: '' });
    this.topic = new StompTopicController<Order>(this, {
      config: () => ({
        apiUrl: this.apiUrl || undefined,
        tenant: this.tenant || undefined,
        socketUrl: this.socketUrl || undefined,
        destinations: this.destinations || undefined,
        templates: this.destination ? { venueOrders: this.destination } : undefined,
        auth: this.auth || undefined
      }),
      destination: (templates, config) => {
        if (!this.venue || !config.tenant) return undefined;
        return fillTemplate(templates.venueOrders, { tenant: config.tenant, venue: this.venue });
      },
      parse: body => (isOrder(body) ? body : undefined),
      onMessage: order => this.handleOrder(order),
      onResync: context => this.handleResync(context)
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => {
      if (this.topic.state !== 'open' && this.topic.dataAsOf) this.requestUpdate();
    }, TICK_MS);
    this.stopConfigListener = onConfigChange(() => this.requestUpdate());
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.observed.clear();
    if (this.hasUpdated && this.sound) this.syncAudio(); // re-attached after a removal closed the AudioContext
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followDeviceCode(undefined);
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.stopConfigListener?.();
    this.stopConfigListener = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed.clear();
    clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
    this.deadlineAt = undefined;
    clearInterval(this.pageTimer);
    this.pageTimer = undefined;
    void this.audio?.close().catch(() => {});
    this.audio = undefined;
    this.soundBlocked = false;
    this.cancelSpeech();
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
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.followDeviceCode(this.isConnected ? this.deviceSourceFor() : undefined);
    const board = this.board;
    const options = this.boardOptions();
    if (
      options.venue !== board.venue ||
      options.numberSource !== board.numberSource ||
      options.showNames !== board.showNames ||
      options.highlightMs !== board.highlightMs ||
      options.readyTimeoutMs !== board.readyTimeoutMs
    ) {
      this.rebuildBoard(options.venue !== board.venue);
    }
    if (changed.has('sound')) this.syncAudio();
  }

  protected override update(changed: PropertyValues<this>): void {
    const missing = this.missingAttributes();
    this.reportMissing(missing, 'nothing is shown');
    super.update(changed);
  }

  protected override updated(): void {
    this.observeColumns();
    this.scheduleDeadline();
    this.syncPageTimer();
    if (this.board.version !== this.emittedVersion && !this.board.loading) {
      this.emittedVersion = this.board.version;
      const { preparing, ready } = this.board.columns();
      this.emit('os-queue-update', {
        detail: { preparing: preparing.map(e => e.id), ready: ready.map(e => e.id) }
      });
    }
  }

  private handleOrder(order: Order): void {
    this.topic.markCurrent();
    this.handleChange(this.board.apply(order, Date.now()));
  }

  private async handleResync({ fetchJson, signal }: ResyncContext): Promise<void> {
    const board = this.board;
    const requestedAt = Date.now();
    try {
      const orders = await fetchJson<unknown>(`/ordering-api/api/orders/venue/${encodeURIComponent(board.venue)}`);
      if (signal.aborted || board !== this.board) return;
      const list = Array.isArray(orders) ? orders.filter(isOrder) : [];
      this.topic.markCurrent();
      this.handleChange(board.reconcile(list, Date.now(), { requestedAt }));
      this.requestUpdate(); // the initial load may have ended without a visible change
    } catch {
      if (signal.aborted || board !== this.board) return;
      // Without a snapshot, what is shown stays; from now on, orders that become ready are announced.
      if (board.loading) {
        board.markLoaded();
        this.requestUpdate();
      }
    }
  }

  private handleChange(change: BoardChange): void {
    if (change.changed) this.requestUpdate();
    if (change.newlyReady.length === 0) return;
    for (const entry of change.newlyReady) {
      this.emit('os-order-ready', { detail: { id: entry.id, number: entry.number, order: entry.order } });
    }
    this.announcement = this.localize.term('queueAnnounceReady', change.newlyReady.map(e => e.number));
    const chimeSeconds = this.playChimes(change.newlyReady.length);
    this.speakReady(change.newlyReady.map(e => e.number), chimeSeconds);
  }

  private handleDeadline = (): void => {
    this.deadlineTimer = undefined;
    this.deadlineAt = undefined;
    this.handleChange(this.board.tick(Date.now()));
    this.scheduleDeadline();
  };

  private handleFullscreenClick(): void {
    this.kioskMode.enterFullscreen();
  }

  private handleSoundClick(): void {
    const audio = this.audio;
    if (!audio) return;
    audio.resume().then(
      () => (this.soundBlocked = audio.state !== 'running'),
      () => {}
    );
    this.soundBlocked = false;
  }

  private boardOptions(): Required<OrderBoardOptions> {
    return {
      venue: this.venue,
      numberSource: this.numberSource,
      showNames: this.showNames,
      highlightMs: Math.max(0, Number(this.highlightSeconds) || 0) * 1000,
      readyTimeoutMs: Math.max(0, Number(this.readyTimeout) || 0) * 1000
    };
  }

  private createBoard(): OrderBoard {
    return new OrderBoard(this.boardOptions());
  }

  /** Replaces the model after an option changed; keeps the orders held (unless the venue changed). */
  private rebuildBoard(venueChanged: boolean): void {
    const old = this.board;
    this.board = this.createBoard();
    this.emittedVersion = -1;
    if (venueChanged) return; // the controller subscribes to the new venue and resyncs
    const { preparing, ready } = old.columns();
    const orders = [...preparing, ...ready].map(e => e.order);
    if (old.loading) {
      for (const order of orders) this.board.apply(order, Date.now());
    } else {
      this.board.reconcile(orders, Date.now());
    }
  }

  private missingAttributes(): string[] {
    const missing: string[] = [];
    if (!this.topic.config.apiUrl) missing.push('api-url');
    if (!this.topic.config.tenant) missing.push('tenant');
    if (!this.venue) missing.push('venue');
    return missing;
  }

  /** One timer for the next highlight end or ready timeout. */
  private scheduleDeadline(): void {
    const deadline = this.isConnected ? this.board.nextDeadline() : undefined;
    if (deadline === this.deadlineAt) return;
    clearTimeout(this.deadlineTimer);
    this.deadlineTimer = undefined;
    this.deadlineAt = deadline;
    if (deadline === undefined) return;
    this.deadlineTimer = setTimeout(this.handleDeadline, Math.max(0, deadline - Date.now()));
  }

  private pagesOf(column: BoardColumn, count: number): number {
    const capacity = this.capacity[column];
    return capacity > 0 && Number.isFinite(capacity) ? Math.max(1, Math.ceil(count / capacity)) : 1;
  }

  /** Runs the page timer only while some column has more than one page. */
  private syncPageTimer(): void {
    const { preparing, ready } = this.board.columns();
    const paging =
      this.isConnected &&
      (this.pagesOf('ready', ready.length) > 1 ||
        (this.columns !== 'ready' && this.pagesOf('preparing', preparing.length) > 1));
    if (paging && !this.pageTimer) {
      const ms = Math.max(1, Number(this.pageSeconds) || 8) * 1000;
      this.pageTimer = setInterval(() => this.pageTick++, ms);
    } else if (!paging && this.pageTimer) {
      clearInterval(this.pageTimer);
      this.pageTimer = undefined;
      this.pageTick = 0;
    }
  }

  private observeColumns(): void {
    const observer = this.resizeObserver;
    if (!observer) return;
    // The lists (their box) and the probe tiles (the tile size, e.g. with names) decide how many tiles fit.
    const lists = new Set(this.renderRoot.querySelectorAll('.list, .probe'));
    for (const el of this.observed) {
      if (!lists.has(el)) {
        observer.unobserve(el);
        this.observed.delete(el);
      }
    }
    for (const el of lists) {
      if (!this.observed.has(el)) {
        observer.observe(el);
        this.observed.add(el);
      }
    }
  }

  /** How many tiles fit in each list: grid columns × rows of a probe tile. */
  private measure(): void {
    const next: Record<BoardColumn, number> = { preparing: Infinity, ready: Infinity };
    for (const list of this.renderRoot.querySelectorAll<HTMLElement>('.list')) {
      const column = list.dataset.column as BoardColumn;
      const probe = list.parentElement?.querySelector<HTMLElement>('.probe');
      if (!probe) continue;
      const style = getComputedStyle(list);
      const gap = parseFloat(style.rowGap) || 0;
      const tracks = style.gridTemplateColumns.split(' ').filter(Boolean).length || 1;
      const tile = probe.getBoundingClientRect().height;
      const height = list.clientHeight;
      if (tile <= 0 || height <= 0) continue;
      const rows = Math.max(1, Math.floor((height + gap) / (tile + gap)));
      next[column] = rows * tracks;
    }
    if (next.preparing !== this.capacity.preparing || next.ready !== this.capacity.ready) this.capacity = next;
  }

  private syncAudio(): void {
    if (!this.sound) {
      this.soundBlocked = false;
      return;
    }
    const Ctor = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
    if (!Ctor || this.audio) {
      this.soundBlocked = this.audio?.state === 'suspended';
      return;
    }
    try {
      const audio = new Ctor();
      this.audio = audio;
      audio.addEventListener('statechange', () => {
        if (this.audio === audio) this.soundBlocked = this.sound && audio.state === 'suspended';
      });
      this.soundBlocked = audio.state === 'suspended';
    } catch {
      this.audio = undefined;
    }
  }

  /**
   * A short, soft two-note chime per order (staggered, at most MAX_CHIMES), synthesized with Web Audio.
   * Returns how long the chimes take, in seconds (0 when none play).
   */
  private playChimes(count: number): number {
    if (!this.sound) return 0;
    this.syncAudio();
    const audio = this.audio;
    if (!audio || audio.state !== 'running') return 0;
    const start = audio.currentTime + 0.05;
    const chimes = Math.min(count, MAX_CHIMES);
    for (let i = 0; i < chimes; i++) {
      const at = start + i * CHIME_STAGGER;
      this.playNote(audio, 659.25, at, 0.5); // E5
      this.playNote(audio, 880, at + 0.18, 0.7); // A5
    }
    return 0.05 + (chimes - 1) * CHIME_STAGGER + CHIME_SECONDS;
  }

  /** Queues one spoken call-out per number (`announce`), in the board's locale, after `delaySeconds` (the chimes). */
  private speakReady(numbers: string[], delaySeconds: number): void {
    if (!this.announce || numbers.length === 0) return;
    const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    const Utterance = (globalThis as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
    if (!synth || !Utterance) return;
    const lang = this.localize.lang();
    for (const number of numbers) {
      const utterance = new Utterance(this.localize.term('queueSpokenReady', number));
      utterance.lang = lang;
      this.speechQueue.push(utterance);
    }
    // Call-outs that wait for a chime wait for the latest one; later ones queue behind them, in order.
    if (delaySeconds <= 0 && this.speechTimer === undefined) {
      this.flushSpeech();
      return;
    }
    if (delaySeconds > 0) {
      clearTimeout(this.speechTimer);
      this.speechTimer = setTimeout(() => this.flushSpeech(), delaySeconds * 1000);
    }
  }

  /** Hands the queued call-outs to speechSynthesis, which speaks them one after another. */
  private flushSpeech(): void {
    clearTimeout(this.speechTimer);
    this.speechTimer = undefined;
    const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
    const queue = this.speechQueue;
    this.speechQueue = [];
    if (!synth) return;
    for (const utterance of queue) {
      const done = () => this.speaking.delete(utterance);
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      this.speaking.add(utterance);
      synth.speak(utterance);
    }
  }

  /** Drops call-outs not spoken yet, and stops speech this board started (speechSynthesis has one page-wide queue). */
  private cancelSpeech(): void {
    clearTimeout(this.speechTimer);
    this.speechTimer = undefined;
    this.speechQueue = [];
    if (this.speaking.size === 0) return;
    this.speaking.clear();
    (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis?.cancel();
  }

  private playNote(audio: AudioContext, frequency: number, at: number, duration: number): void {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + duration + 0.05);
  }

  private renderBanner(): TemplateResult | typeof nothing {
    const state = this.topic.state;
    if (state !== 'reconnecting' && state !== 'offline' && state !== 'unauthorized') return nothing;
    const age = this.topic.dataAsOf ? this.localize.relativeTime(this.topic.dataAsOf) : undefined;
    return html`<div part="banner" class="banner banner--${state}">
      <span class="banner__indicator" aria-hidden="true"></span>
      <span class="banner__text">${this.localize.term(state, age)}</span>
    </div>`;
  }

  private renderTile(entry: BoardEntry): TemplateResult {
    const kind = entry.column;
    return html`<li
      part="tile tile-${kind}${entry.highlighted ? ' tile-highlighted' : ''}"
      class=${classMap({ tile: true, [`tile--${kind}`]: true, 'tile--highlighted': entry.highlighted })}
    >
      <span part="number" class="tile__number">${entry.number}</span>
      ${entry.name ? html`<span part="name" class="tile__name">${entry.name}</span>` : nothing}
      ${entry.highlighted ? html`<span class="visually-hidden">(${this.localize.term('queueNew')})</span>` : nothing}
    </li>`;
  }

  private renderColumn(column: BoardColumn, entries: readonly BoardEntry[]): TemplateResult {
    const pages = this.pagesOf(column, entries.length);
    const page = pages > 1 ? this.pageTick % pages : 0;
    const capacity = this.capacity[column];
    const shown = pages > 1 ? entries.slice(page * capacity, (page + 1) * capacity) : entries;
    const titleId = `title-${column}`;
    return html`<section part="column column-${column}" class="column column--${column}" aria-labelledby=${titleId}>
      <header part="column-header" class="column__header">
        <h2 part="column-title" class="column__title" id=${titleId}>
          ${this.localize.term(column === 'ready' ? 'queueReady' : 'queuePreparing')}
        </h2>
        ${pages > 1
          ? html`<p part="page-indicator" class="page-indicator">
              <span aria-hidden="true">${page + 1} / ${pages}</span>
              <span class="visually-hidden">${this.localize.term('queuePage', page + 1, pages)}</span>
            </p>`
          : nothing}
      </header>
      <div class="column__body">
        <span class="tile tile--${column} probe" aria-hidden="true"><span class="tile__number">0</span>${this.showNames
            ? html`<span class="tile__name">X</span>`
            : nothing}</span>
        <ol
          part="list"
          class=${classMap({ list: true, 'list--names': this.showNames })}
          data-column=${column}
          aria-labelledby=${titleId}
        >
          ${repeat(shown, entry => entry.id, entry => this.renderTile(entry))}
        </ol>
        ${entries.length === 0 ? html`<p part="empty" class="empty">${this.localize.term('queueEmpty', column)}</p>` : nothing}
      </div>
    </section>`;
  }

  /** Follows the page's device-code source while this board signs in with `auth="device"`. */
  private followDeviceCode(source: DeviceCodeProvider | undefined): void {
    if (source === this.deviceSource) return;
    this.stopDeviceCode?.();
    this.stopDeviceCode = undefined;
    this.deviceSource = source;
    this.deviceCode = source?.code;
    if (source) this.stopDeviceCode = source.onCode(code => (this.deviceCode = code));
  }

  private deviceSourceFor(): DeviceCodeProvider | undefined {
    const overrides: Partial<OsConfig> = {
      apiUrl: this.apiUrl || undefined,
      tenant: this.tenant || undefined,
      auth: this.auth || undefined
    };
    const config = resolveConfig(overrides);
    if (config.auth !== 'device' || config.token || config.refreshToken || !config.apiUrl || !config.tenant) {
      return undefined;
    }
    return sharedDeviceCodeSource({ apiUrl: config.apiUrl, tenant: config.tenant, basicAuth: config.basicAuth });
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
    if (this.deviceCode) return this.renderDeviceCode(this.deviceCode);
    const { preparing, ready } = this.board.columns();
    if (this.board.loading && preparing.length === 0 && ready.length === 0) {
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
    const { preparing, ready } = this.board.columns();
    const loading = !missing && this.board.loading && preparing.length === 0 && ready.length === 0;
    const stale = this.topic.state === 'reconnecting' || this.topic.state === 'offline' || this.topic.state === 'unauthorized';
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
      ${this.kioskMode.canEnterFullscreen
        ? html`<button
            part="fullscreen-button"
            class="fullscreen-button"
            type="button"
            aria-label=${this.localize.term('queueFullscreen')}
            title=${this.localize.term('queueFullscreen')}
            @click=${this.handleFullscreenClick}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M4 4h6v2H6v4H4V4Zm10 0h6v6h-2V6h-4V4ZM4 14h2v4h4v2H4v-6Zm14 0h2v6h-6v-2h4v-4Z" fill="currentColor" />
            </svg>
          </button>`
        : nothing}
      ${this.renderBanner()}
      ${this.sound && this.soundBlocked
        ? html`<button part="sound-button" class="sound-button" type="button" @click=${this.handleSoundClick}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 9v6h4l5 5V4L7 9H3Zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4ZM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6Z" fill="currentColor" />
            </svg>
            ${this.localize.term('queueEnableSound')}
          </button>`
        : nothing}
      ${this.renderBody()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-venue-queue': OsVenueQueue;
  }
}
