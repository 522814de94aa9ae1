import { svg } from 'lit';

/*
 * Icons drawn by more than one template: paths on a 24 × 24 grid, filled with `currentColor`. Put them inside an
 * `<svg viewBox="0 0 24 24">` of an `html` template, e.g. html`<svg viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>`.
 */

/** ×: the dismiss and close buttons, and a cancelled step. */
export const closeIcon = svg`<path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z" fill="currentColor" />`;

/** ! in a filled circle: an error. */
export const errorIcon = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" fill="currentColor" />`;
