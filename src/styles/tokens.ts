import { css } from 'lit';

/**
 * The global design tokens: every `--os-*` custom property with its default, in one place. A page themes all
 * elements at once by setting these on any ancestor (e.g. `:root { --os-color-accent: rebeccapurple }`); an element
 * reads a token through its own knob on `:host`, e.g. `--accent-color: ${tokens.colorAccent};`. Each value is
 * `var(--os-…, default)`, so a token the page does not set falls back to the default here.
 */

/** `--os-font-family`: the elements' font. */
export const fontFamily = css`var(--os-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)`;
/** `--os-color-text`: main text. */
export const colorText = css`var(--os-color-text, #1c1b1f)`;
/** `--os-color-text-muted`: secondary text; also "unknown" and "idle" dots. */
export const colorTextMuted = css`var(--os-color-text-muted, #5d5966)`;
/** `--os-color-accent`: the brand colour: current step, spinners, buttons, focus rings. */
export const colorAccent = css`var(--os-color-accent, #0b57d0)`;
/** `--os-color-success`: done, ready, open, live. */
export const colorSuccess = css`var(--os-color-success, #146c2e)`;
/** `--os-color-on-success`: text and icons on a `--os-color-success` background (the Ready column). */
export const colorOnSuccess = css`var(--os-color-on-success, #ffffff)`;
/** `--os-color-warning`: temporarily closed, connecting. */
export const colorWarning = css`var(--os-color-warning, #b26a00)`;
/** `--os-color-danger`: errors, cancelled, closed, offline, missing attributes. */
export const colorDanger = css`var(--os-color-danger, #b3261e)`;
/** `--os-color-highlight`: the glow of a number that just became ready. */
export const colorHighlight = css`var(--os-color-highlight, #f9c74f)`;
/** `--os-color-upsell`: upsell toasts. */
export const colorUpsell = css`var(--os-color-upsell, #7a4b00)`;
/** `--os-color-background`: behind surfaces (the board). */
export const colorBackground = css`var(--os-color-background, #f3f2f5)`;
/** `--os-color-surface`: cards, columns, toasts, badges. */
export const colorSurface = css`var(--os-color-surface, #ffffff)`;
/** `--os-color-border`: borders and connectors. */
export const colorBorder = css`var(--os-color-border, #dcd9e0)`;
/** `--os-color-warning-surface`: background of the connection banner. */
export const colorWarningSurface = css`var(--os-color-warning-surface, #fdf3d7)`;
/** `--os-color-warning-text`: text of the connection banner. */
export const colorWarningText = css`var(--os-color-warning-text, #5b4300)`;
/** `--os-radius`: corner radius of cards, columns and toasts. */
export const radius = css`var(--os-radius, 20px)`;
/** `--os-spacing`: inner spacing of cards. */
export const spacing = css`var(--os-spacing, clamp(1rem, 4vw, 2rem))`;
/** `--os-number-font-size`: size of a pickup number on its own. */
export const numberFontSize = css`var(--os-number-font-size, clamp(4.5rem, 24vw, 8rem))`;
/** `--os-number-font-family`: font of pickup numbers; by default the elements' font. */
export const numberFontFamily = css`var(--os-number-font-family, inherit)`;
