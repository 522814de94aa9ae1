import { css } from 'lit';
import bannerStyles from '../../styles/banner.styles.js';
import { iconButtonStyles } from '../../styles/icon-button.styles.js';
import knobStyles from '../../styles/knobs.styles.js';
import messageStyles from '../../styles/message.styles.js';
import spinnerStyles from '../../styles/spinner.styles.js';
import * as tokens from '../../styles/tokens.js';

export default [
  knobStyles,
  bannerStyles,
  messageStyles,
  spinnerStyles,
  iconButtonStyles(css`.error__dismiss`),
  css`
    :host {
      --done-color: ${tokens.colorSuccess};
      --padding: ${tokens.spacing};
      --number-font-size: ${tokens.numberFontSize};
      --number-font-family: ${tokens.numberFontFamily};

      display: block;
      container-type: inline-size;
    }

    .order-status {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: 1.25rem;
      padding: var(--padding);
      border: 1px solid var(--border-color);
      border-radius: var(--radius);
      background: var(--surface-color);
      color: var(--text-color);
      line-height: 1.4;
      box-shadow:
        0 1px 2px rgb(0 0 0 / 0.04),
        0 8px 24px rgb(0 0 0 / 0.06);
    }

    p {
      margin: 0;
    }

    /* Inline error */

    .error {
      display: flex;
      align-items: flex-start;
      gap: 0.625rem;
      padding: 0.75rem 0.5rem 0.75rem 0.875rem;
      border: 1px solid color-mix(in srgb, var(--danger-color) 35%, transparent);
      border-radius: calc(var(--radius) / 2);
      background: color-mix(in srgb, var(--danger-color) 7%, var(--surface-color));
      color: var(--text-color);
    }

    .error__icon {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.1rem;
      color: var(--danger-color);
    }

    .error__message {
      flex: 1 1 auto;
      align-self: center;
    }

    /* Number and headline */

    .header {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.25rem;
      padding: 1.25rem 1rem 1.5rem;
      border-radius: calc(var(--radius) * 0.75);
      background: color-mix(in srgb, var(--accent-color) 6%, var(--surface-color));
      text-align: center;
    }

    .header__label {
      color: var(--muted-color);
      font-size: 0.875rem;
      font-weight: 600;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }

    /* The number never breaks across lines: it shrinks to fit the card's width (--number-chars is set per number). */
    .header__number {
      font-family: var(--number-font-family);
      font-size: min(var(--number-font-size), calc((100cqi - 4 * var(--padding)) / (0.68 * var(--number-chars, 3))));
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.02em;
      line-height: 1;
      white-space: nowrap;
      overflow: hidden;
    }

    .header__headline {
      margin-top: 0.5rem;
      font-size: 1.25rem;
      font-weight: 600;
      text-wrap: balance;
    }

    .order-status--ready .header {
      background: color-mix(in srgb, var(--done-color) 12%, var(--surface-color));
    }

    .order-status--ready .header__number,
    .order-status--ready .header__headline {
      color: var(--done-color);
    }

    .order-status--picked-up .header,
    .order-status--delivered .header {
      background: color-mix(in srgb, var(--done-color) 6%, var(--surface-color));
    }

    .order-status--cancelled .header,
    .order-status--abandoned .header {
      background: color-mix(in srgb, var(--danger-color) 6%, var(--surface-color));
    }

    .order-status--cancelled .header__number,
    .order-status--abandoned .header__number {
      color: var(--muted-color);
    }

    .order-status--cancelled .header__headline,
    .order-status--abandoned .header__headline {
      color: var(--danger-color);
    }

    /* Timeline: vertical on narrow cards, horizontal on wide ones */

    .timeline {
      --marker-size: 1.75rem;
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0 0.25rem;
      list-style: none;
    }

    .step {
      position: relative;
      display: flex;
      align-items: center;
      gap: 0.875rem;
      min-height: 2.75rem;
      color: var(--muted-color);
      font-size: 1.0625rem;
    }

    /* Connector to the next step */
    .step:not(:last-child)::after {
      content: '';
      position: absolute;
      top: calc(50% + var(--marker-size) / 2);
      left: calc(var(--marker-size) / 2 - 1px);
      width: 2px;
      height: calc(2.75rem - var(--marker-size));
      background: var(--border-color);
    }

    .step--done:not(:last-child)::after {
      background: var(--done-color);
    }

    .step__marker {
      flex: none;
      display: grid;
      place-items: center;
      width: var(--marker-size);
      height: var(--marker-size);
      border: 2px solid var(--border-color);
      border-radius: 50%;
      background: var(--surface-color);
      color: var(--surface-color);
    }

    .step__marker svg {
      width: 1.125rem;
      height: 1.125rem;
    }

    .step--done {
      color: var(--text-color);
    }

    .step--done .step__marker {
      border-color: var(--done-color);
      background: var(--done-color);
    }

    .step--current {
      color: var(--text-color);
      font-weight: 700;
    }

    .step--current:not(.step--done) .step__marker {
      border: 0.4375rem solid var(--accent-color);
      animation: os-pulse 2s ease-out infinite;
    }

    .order-status--ready .step--current .step__marker {
      border-color: var(--done-color);
      --pulse-color: var(--done-color);
    }

    .step--terminal .step__marker,
    .step--current.step--terminal .step__marker {
      border: 2px solid var(--danger-color);
      background: var(--danger-color);
      animation: none;
    }

    .step--terminal {
      color: var(--danger-color);
    }

    @container (min-width: 40rem) {
      .timeline {
        flex-direction: row;
        padding: 0;
      }

      .step {
        flex: 1 1 0;
        flex-direction: column;
        gap: 0.5rem;
        min-height: 0;
        text-align: center;
        font-size: 1rem;
      }

      .step:not(:last-child)::after {
        top: calc(var(--marker-size) / 2 - 1px);
        left: calc(50% + var(--marker-size) / 2 + 0.25rem);
        width: calc(100% - var(--marker-size) - 0.5rem);
        height: 2px;
      }
    }

    /* Footer */

    .footer {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.125rem;
      color: var(--muted-color);
      font-size: 0.9375rem;
      text-align: center;
    }

    @container (min-width: 40rem) {
      .footer {
        flex-direction: row;
        justify-content: center;
      }

      .footer__updated + .footer__items::before {
        content: '·';
        margin: 0 0.5em;
      }
    }

    @keyframes os-pulse {
      0% {
        box-shadow: 0 0 0 0 color-mix(in srgb, var(--pulse-color, var(--accent-color)) 45%, transparent);
      }
      70%,
      100% {
        box-shadow: 0 0 0 0.75rem transparent;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .step__marker,
      .step--current:not(.step--done) .step__marker {
        animation: none;
      }
    }
  `
];
