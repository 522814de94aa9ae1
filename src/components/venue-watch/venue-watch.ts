import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { ResyncContext } from '../../connection/types.js';
import { StompTopicController } from '../../controllers/stomp-topic-controller.js';
import '../../events/os-venue-update.js';
import componentStyles from '../../internal/component.styles.js';
import { customElement } from '../../internal/define.js';
import { FailureReporter } from '../../internal/failure-reporter.js';
import { OsTopicElement } from '../../internal/os-connected-element.js';
import {
  changedFields,
  checkVenueConfig,
  closedReason,
  venueName,
  venueState,
  type VenueConfig
} from '../../models/venue.js';
import styles from './venue-watch.styles.js';

/**
 * @summary Watches one venue's configuration over the shared STOMP connection: fires `os-venue-update` on every change,
 * optionally shows an open / closed badge and reloads the page after a change.
 * @status experimental
 * @since 0.1
 *
 * Invisible unless `display` is set. Listens to `/venue/{tenant}/{venue}` (`/venues/...` with
 * `destinations="ordering-core"`); each message is a whole `IVenueConfig`. On every (re)connect it also loads the
 * venue's configuration over REST (`snapshot-path`), so it knows the state at once and sees changes made while the
 * connection was down. Until the state is known the badge takes no space; the host carries a `venue-state`
 * attribute (`unknown`, `open`, `temp-closed`, `closed`) for styling.
 *
 * @fires os-venue-update - A venue configuration arrived that differs from the previous one. `detail: { venue, changes }`.
 *
 * @csspart base - The badge (only with `display`).
 * @csspart indicator - The coloured dot.
 * @csspart label - The state text ("Open", "Temporarily closed: …", "Closed"); a polite status region.
 * @csspart message - The missing-attribute message (only with `display`).
 *
 * @cssproperty --open-color - Dot colour when open. Default `--os-color-success`, `#146c2e`.
 * @cssproperty --temp-closed-color - Dot colour when temporarily closed. Default `--os-color-warning`, `#b26a00`.
 * @cssproperty --closed-color - Dot colour when closed. Default `--os-color-danger`, `#b3261e`.
 * @cssproperty --surface-color - Badge background. Default `--os-color-surface`, `#ffffff`.
 * @cssproperty --text-color - Text colour. Default `--os-color-text`, `#1c1b1f`.
 * @cssproperty --border-color - Badge border. Default `--os-color-border`, `#dcd9e0`.
 * @cssproperty --radius - Corner radius of the badge. Default `999px` (a pill).
 */
@customElement('os-venue-watch')
export class OsVenueWatch extends OsTopicElement {
  static override styles = [componentStyles, styles];

  /** Skips (and reports once) a configuration or a label that fails. */
  private readonly failures = new FailureReporter(this);
  private readonly topic = new StompTopicController<VenueConfig>(this, {
    config: () => this.topicConfig('venue', { venueSnapshotPath: this.snapshotPath || undefined }),
    topic: 'venue',
    params: () => (this.venue ? { venue: this.venue } : undefined),
    parse: this.failures.parser(body => checkVenueConfig(body, this.venue)),
    onMessage: venue => this.failures.run('show a configuration', () => this.handleVenue(venue), undefined),
    onResync: context => this.handleResync(context)
  });
  private reloadTimer?: ReturnType<typeof setTimeout>;

  /** The last configuration received. */
  @state() private config: VenueConfig | undefined;

  /** Id of the venue to watch. Required. */
  @property() venue = '';
  /**
   * REST path of the venue's configuration, loaded on every (re)connect; `{venue}` and `{tenant}` are filled in.
   * Default: `configure({ venueSnapshotPath })`, else `/ordering-api/api/venues/{venue}`. `none` loads nothing.
   */
  @property({ attribute: 'snapshot-path' }) snapshotPath = '';
  /** Shows the open / closed badge; without it the element is invisible. */
  @property({ type: Boolean, reflect: true }) display = false;
  /** Reloads the page `reload-delay` ms after a configuration change (not after the first configuration). */
  @property({ attribute: 'reload-on-change', type: Boolean }) reloadOnChange = false;
  /** Debounce of `reload-on-change`, in ms: further changes within it restart the wait. */
  @property({ attribute: 'reload-delay', type: Number }) reloadDelay = 2000;

  /** The last venue configuration received, if any. */
  get venueConfig(): VenueConfig | undefined {
    return this.config;
  }

  protected get connection(): StompTopicController<VenueConfig> {
    return this.topic;
  }

  protected override get missingConsequence(): string {
    return 'nothing is watched';
  }

  protected override requiredAttributes(): Record<string, unknown> {
    return { venue: this.venue };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
  }

  protected override updated(): void {
    this.setAttribute('venue-state', venueState(this.config));
  }

  /** The REST snapshot: the state now, and any change missed while the connection was down. */
  private async handleResync({ fetchJson, signal }: ResyncContext): Promise<void> {
    const { venueSnapshotPath } = this.topic.config;
    const venue = this.venue;
    if (venueSnapshotPath === 'none') return;
    try {
      const body = await fetchJson<unknown>(this.topic.fill(venueSnapshotPath, { venue }));
      if (signal.aborted || venue !== this.venue) return;
      const checked = checkVenueConfig(body, venue);
      if (checked.ok) this.handleVenue(checked.value);
    } catch {
      // No snapshot (an unknown path, a network error): live messages still update the state.
    }
  }

  private handleVenue(venue: VenueConfig): void {
    // The guard lets only this venue's configurations in; after a change of `venue`, the old one is no previous.
    const previous = this.config?.id === venue.id ? this.config : undefined;
    const changes = changedFields(previous, venue);
    if (previous && changes.length === 0) return;
    this.config = venue;
    this.emit('os-venue-update', { detail: { venue, changes } });
    if (previous && this.reloadOnChange) {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(
        () => {
          this.reloadTimer = undefined;
          this.reloadPage();
        },
        Math.max(0, this.reloadDelay)
      );
    }
  }

  /** Reloads the page (`reload-on-change`). Protected so that tests and subclasses can replace it. */
  protected reloadPage(): void {
    location.reload();
  }

  private labelText(): string {
    const config = this.config;
    switch (venueState(config)) {
      case 'open':
        return this.localize.term('venueWatchOpen');
      case 'temp-closed':
        return this.localize.term('venueWatchTempClosed', closedReason(config) || undefined);
      case 'closed':
        return this.localize.term('venueWatchClosed');
      default:
        return ''; // not shown: the badge is hidden until the state is known
    }
  }

  override render() {
    if (!this.display) return nothing;
    const missing = this.missingAttributes();
    const state = venueState(this.config);
    return html`<div
      part="base"
      class=${classMap({ 'venue-watch': true, [`venue-watch--${state}`]: true, 'venue-watch--missing': missing.length > 0 })}
      title=${venueName(this.config) ?? nothing}
      ?hidden=${state === 'unknown' && missing.length === 0}
    >
      ${
        missing.length > 0
          ? html`<span part="message" class="venue-watch__message" role="status"
              >${this.localize.term('widgetMissingAttribute', '<os-venue-watch>', missing)}</span
            >`
          : html`<span part="indicator" class="venue-watch__indicator" aria-hidden="true"></span
              ><span part="label" class="venue-watch__label" role="status"
                >${this.failures.run('render the state', () => this.labelText(), '')}</span
              >`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'os-venue-watch': OsVenueWatch;
  }
}
