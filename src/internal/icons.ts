import { svg } from 'lit';

/*
 * Every icon the elements draw, in one place: paths on a 24 × 24 grid, filled with `currentColor`. Put them inside an
 * `<svg viewBox="0 0 24 24">` of an `html` template, e.g. html`<svg viewBox="0 0 24 24" aria-hidden="true">${closeIcon}</svg>`.
 */

/** ×: the dismiss and close buttons, and a cancelled step. */
export const closeIcon = svg`<path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z" fill="currentColor" />`;

/** ! in a filled circle: an error. */
export const errorIcon = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" fill="currentColor" />`;

/** ✓: a finished step. */
export const checkIcon = svg`<path d="m9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 10-10-1.4-1.4z" fill="currentColor" />`;

/** i in a ring: an information toast. */
export const infoIcon = svg`<path d="M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Z" fill="currentColor" />`;

/** ✓ in a filled circle: a success toast. */
export const successIcon = svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z" fill="currentColor" />`;

/** ★: an upsell offer. */
export const starIcon = svg`<path d="M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z" fill="currentColor" />`;

/** Four corners: enter full screen. */
export const fullscreenIcon = svg`<path d="M4 4h6v2H6v4H4V4Zm10 0h6v6h-2V6h-4V4ZM4 14h2v4h4v2H4v-6Zm14 0h2v6h-6v-2h4v-4Z" fill="currentColor" />`;

/** A speaker: enable sound. */
export const soundIcon = svg`<path d="M3 9v6h4l5 5V4L7 9H3Zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4ZM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6Z" fill="currentColor" />`;
