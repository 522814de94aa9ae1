import { css } from 'lit';
import bannerStyles from '../../styles/banner.styles.js';
import knobStyles from '../../styles/knobs.styles.js';
import messageStyles, { codeFont } from '../../styles/message.styles.js';
import spinnerStyles from '../../styles/spinner.styles.js';
import * as tokens from '../../styles/tokens.js';

export default [
  knobStyles,
  bannerStyles,
  messageStyles,
  spinnerStyles,
  css`
    :host {
      --ready-color: ${tokens.colorSuccess};
      --highlight-color: ${tokens.colorHighlight};
      --background-color: ${tokens.colorBackground};
      --gap: clamp(0.5rem, 1.5cqi, 1.5rem);
      --number-font-family: ${tokens.numberFontFamily};

      display: block;
      height: 100%;
      container-type: inline-size;
    }

    p,
    h2,
    ol {
      margin: 0;
    }

    .venue-queue {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--gap);
      height: 100%;
      min-height: 12rem;
      padding: var(--gap);
      background: var(--background-color);
      color: var(--text-color);
      line-height: 1.3;
    }

    /* Connection banner: sized with the board */

    .banner {
      flex: none;
      padding: 0.625rem 1rem;
      font-size: clamp(0.9375rem, 1.4cqi, 1.5rem);
    }

    .banner__indicator {
      width: 0.625em;
      height: 0.625em;
    }

    /* Sound button */

    .sound-button {
      flex: none;
      align-self: flex-end;
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.5rem 1.125rem;
      border: 2px solid var(--accent-color);
      border-radius: 999px;
      background: var(--surface-color);
      color: var(--accent-color);
      font: inherit;
      font-size: clamp(0.9375rem, 1.2cqi, 1.25rem);
      font-weight: 600;
      cursor: pointer;
    }

    .sound-button svg {
      width: 1.25em;
      height: 1.25em;
    }

    .sound-button:hover {
      background: color-mix(in srgb, var(--accent-color) 8%, var(--surface-color));
    }

    .sound-button:focus-visible {
      outline: 3px solid var(--accent-color);
      outline-offset: 2px;
    }

    /* Fullscreen button (kiosk): small and faint in a corner until hovered or focused. */

    .fullscreen-button {
      position: absolute;
      top: 0.25rem;
      right: 0.25rem;
      z-index: 1;
      display: grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: transparent;
      color: var(--muted-color);
      opacity: 0.45;
      cursor: pointer;
      transition: opacity 0.2s ease;
    }

    .fullscreen-button svg {
      width: 1.5rem;
      height: 1.5rem;
    }

    .fullscreen-button:hover,
    .fullscreen-button:focus-visible {
      opacity: 1;
      background: color-mix(in srgb, var(--text-color) 8%, transparent);
    }

    .fullscreen-button:focus-visible {
      outline: 3px solid var(--accent-color);
      outline-offset: 2px;
    }

    /* Columns */

    .columns {
      flex: 1 1 auto;
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: var(--gap);
      min-height: 0;
    }

    .venue-queue--ready-only .columns {
      grid-template-columns: 1fr;
    }

    .column {
      position: relative;
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: 0;
      border: 1px solid var(--border-color);
      border-radius: var(--radius);
      background: var(--surface-color);
      overflow: hidden;
      container-type: inline-size;
    }

    .column__header {
      flex: none;
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 1rem;
      padding: clamp(0.625rem, 3cqi, 1.5rem) clamp(0.75rem, 4cqi, 2rem);
      border-bottom: 1px solid var(--border-color);
    }

    .column__title {
      font-size: clamp(1.125rem, 6cqi, 3.5rem);
      font-weight: 700;
      letter-spacing: 0.01em;
      line-height: 1.1;
    }

    .column--preparing .column__title {
      color: var(--muted-color);
    }

    .column--ready .column__header {
      background: var(--ready-color);
      border-bottom-color: var(--ready-color);
      color: #fff;
    }

    .page-indicator {
      flex: none;
      font-size: clamp(0.875rem, 3.5cqi, 2rem);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .column__body {
      --tile-width: clamp(4.5rem, 30cqi, 17rem);
      position: relative;
      flex: 1 1 auto;
      min-height: 0;
      padding: clamp(0.5rem, 3cqi, 1.75rem);
    }

    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(var(--tile-width), 100%), 1fr));
      grid-auto-rows: max-content;
      align-content: start;
      gap: var(--gap);
      height: 100%;
      padding: 0;
      list-style: none;
      overflow: hidden;
    }

    .tile {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.125em;
      min-width: 0;
      padding: 0.15em 0.25em;
      border-radius: calc(var(--radius) * 0.6);
      font-size: clamp(1.75rem, 11cqi, 7rem);
      text-align: center;
    }

    /* With names, numbers line up at the top even when a tile has no name. */
    .list--names .tile {
      justify-content: flex-start;
    }

    .tile__number {
      max-width: 100%;
      font-family: var(--number-font-family);
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.01em;
      line-height: 1.05;
      overflow-wrap: anywhere;
    }

    .tile__name {
      max-width: 100%;
      overflow: hidden;
      font-size: 0.3em;
      font-weight: 500;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .tile--preparing {
      background: color-mix(in srgb, var(--text-color) 5%, var(--surface-color));
      color: var(--text-color);
    }

    .tile--preparing .tile__name {
      color: var(--muted-color);
    }

    .tile--ready {
      background: color-mix(in srgb, var(--ready-color) 11%, var(--surface-color));
      color: var(--ready-color);
    }

    .tile--ready .tile__name {
      color: var(--text-color);
    }

    .tile--highlighted {
      background: var(--ready-color);
      color: #fff;
      box-shadow: inset 0 0 0 0.07em var(--highlight-color);
      animation: os-glow 2.4s ease-in-out 3;
    }

    .tile--highlighted .tile__name {
      color: #fff;
    }

    /* Measures the height of one tile for paging; never visible. */
    .probe {
      position: absolute;
      visibility: hidden;
      pointer-events: none;
      width: var(--tile-width);
    }

    .empty {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: 1rem;
      color: var(--muted-color);
      font-size: clamp(1rem, 4cqi, 2rem);
      text-align: center;
    }

    /* Loading and missing attribute */

    .message {
      flex: 1 1 auto;
      justify-content: center;
    }

    .message__title {
      font-size: clamp(1.125rem, 2cqi, 2rem);
    }

    .message--device {
      background: var(--surface-color);
      border-radius: var(--radius);
      max-width: 64rem;
      margin: 0 auto;
    }

    .message--device .message__title {
      font-size: clamp(1.5rem, 4cqi, 3rem);
    }

    .message__text {
      margin: 0;
      font-size: clamp(1.125rem, 2.6cqi, 2rem);
      color: var(--muted-color);
      overflow-wrap: anywhere;
    }

    .device-code {
      margin: 0.5rem 0 0;
      font-family: ${codeFont};
      font-size: clamp(2.5rem, 8cqi, 6rem);
      font-weight: 700;
      letter-spacing: 0.12em;
      color: var(--text-color);
    }

    .message--config {
      flex: none;
      background: var(--surface-color);
    }

    /* Wide boxes (tablets in landscape, TVs): more room around the numbers. */
    @container (min-width: 60rem) {
      .columns {
        grid-template-columns: 1fr 1.25fr;
      }
    }

    @keyframes os-glow {
      0%,
      100% {
        box-shadow: inset 0 0 0 0.07em var(--highlight-color);
      }
      50% {
        box-shadow: inset 0 0 0 0.14em color-mix(in srgb, var(--highlight-color) 70%, var(--ready-color));
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .tile--highlighted {
        animation: none;
      }

      .fullscreen-button {
        transition: none;
      }
    }
  `
];
