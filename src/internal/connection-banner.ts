import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionState } from '../connection/connection-state.js';
import type { LocalizeController } from '../i18n/localize.js';

/** The states in which the data shown may be out of date. */
type StaleState = Extract<ConnectionState, 'reconnecting' | 'offline' | 'unauthorized'>;

/** True for the states in which the data shown may be out of date. */
export function isStale(state: ConnectionState): state is StaleState {
  return state === 'reconnecting' || state === 'offline' || state === 'unauthorized';
}

/**
 * The banner an element shows while its data may be out of date (reconnecting, offline, signed out), with the age of
 * that data when `asOf` is known, e.g. "Reconnecting… Updated 2 minutes ago"; or, on an open connection, when the
 * server refused the element's destination (`refusal`). Nothing in the other states.
 */
export function connectionBanner(
  localize: LocalizeController,
  state: ConnectionState,
  asOf?: number,
  refusal?: string
): TemplateResult | typeof nothing {
  if (refusal && state === 'open') {
    return html`<div part="banner" class="banner banner--refused" title=${refusal}>
      <span class="banner__indicator" aria-hidden="true"></span>
      <span class="banner__text">${localize.term('subscriptionRefused')}</span>
    </div>`;
  }
  if (!isStale(state)) return nothing;
  const age = asOf ? localize.relativeTime(asOf) : undefined;
  return html`<div part="banner" class="banner banner--${state}">
    <span class="banner__indicator" aria-hidden="true"></span>
    <span class="banner__text">${localize.term(state, age)}</span>
  </div>`;
}
