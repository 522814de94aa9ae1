import { css } from 'lit';
import bannerStyles from '../../styles/banner.styles.js';
import knobStyles from '../../styles/knobs.styles.js';
import messageStyles, { codeFont } from '../../styles/message.styles.js';
import spinnerStyles from '../../styles/spinner.styles.js';
import * as tokens from '../../styles/tokens.js';

/*
 * Notes (out of the CSS text, which ships as is). The column headers share the first row of the .columns grid
 * (subgrid), so they are equally high whatever wraps. Below the host there are no container queries: a tile's size
 * comes from --number-size (and --tile-columns) on its list, set by PagingController from what .probes measure (a tile
 * at 100px with the widest number; a box --number-min-size wide, --number-max-size high). The fullscreen button sits
 * in the Ready header, covering nothing. The "just ready" ring animates opacity and transform only, and only while a
 * list shows few rings (.list--pulse): each pulsing ring is a layer of its own, animated every frame, so a busy board
 * (dozens of new numbers) shows steady rings instead, an outline inside the tile's edge that looks like the ring at
 * rest. Tiles are not positioned (only a pulsing one is, for its ring), so moving tiles costs no paint layers; the
 * list is `contain: strict`, so what changes inside it is laid out and painted without the rest of the board.
 */
export default [
  knobStyles,
  bannerStyles,
  messageStyles,
  spinnerStyles,
  css`
    :host {
      --ready-color: ${tokens.colorSuccess};
      --on-ready-color: ${tokens.colorOnSuccess};
      --highlight-color: ${tokens.colorHighlight};
      --background-color: ${tokens.colorBackground};
      --gap: clamp(0.5rem, 1.5cqi, 1.5rem);
      --number-min-size: max(1.75rem, 3cqi);
      --number-max-size: max(7rem, 11cqi);
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

    /* Fullscreen button (kiosk) */

    .fullscreen-button {
      flex: none;
      display: grid;
      place-items: center;
      width: 2.5rem;
      height: 2.5rem;
      margin-block: -0.25rem;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }

    .venue-queue > .fullscreen-button {
      align-self: flex-end;
      margin: 0;
      color: var(--muted-color);
    }

    .fullscreen-button svg {
      width: 1.5rem;
      height: 1.5rem;
    }

    .fullscreen-button:hover {
      background: color-mix(in srgb, currentColor 15%, transparent);
    }

    .fullscreen-button:focus-visible {
      outline: 3px solid currentColor;
      outline-offset: 2px;
    }

    /* Columns */

    .columns {
      flex: 1 1 auto;
      display: grid;
      grid-template-columns: 1fr 1fr;
      grid-template-rows: auto minmax(0, 1fr);
      column-gap: var(--gap);
      row-gap: 0;
      min-height: 0;
    }

    .venue-queue--ready-only .columns {
      grid-template-columns: 1fr;
    }

    .column {
      grid-row: span 2;
      display: grid;
      grid-template-rows: subgrid;
      min-width: 0;
      min-height: 0;
      border: 1px solid var(--border-color);
      border-radius: var(--radius);
      background: var(--surface-color);
      overflow: hidden;
    }

    .column__header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      align-content: center;
      gap: 0.25rem 0.5rem;
      min-width: 0;
      padding: clamp(0.625rem, 1.35cqi, 1.5rem) clamp(0.625rem, 1.8cqi, 2rem);
      border-bottom: 1px solid var(--border-color);
    }

    .column__title {
      flex: 1 1 auto;
      min-width: 0;
      font-size: clamp(1rem, 2.7cqi, 3.5rem);
      font-weight: 700;
      letter-spacing: 0.01em;
      line-height: 1.1;
      overflow-wrap: break-word;
    }

    .column--preparing .column__title {
      color: var(--muted-color);
    }

    .column--ready .column__header {
      background: var(--ready-color);
      border-bottom-color: var(--ready-color);
      color: var(--on-ready-color);
    }

    .column__tools {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin-inline-start: auto;
    }

    .page-indicator {
      font-size: clamp(0.875rem, 1.6cqi, 2rem);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .column__body {
      position: relative;
      min-height: 0;
      padding: clamp(0.5rem, 1.35cqi, 1.75rem);
    }

    .list {
      display: grid;
      grid-template-columns: repeat(var(--tile-columns, 2), minmax(0, 1fr));
      grid-auto-rows: max-content;
      align-content: start;
      gap: var(--gap);
      height: 100%;
      padding: 0;
      list-style: none;
      overflow: hidden;
      contain: strict;
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
      font-size: var(--number-size, var(--number-min-size));
      text-align: center;
    }

    /* With names, numbers line up at the top even when a tile has no name. */
    .list--names .tile {
      justify-content: flex-start;
    }

    .tile__number {
      display: block;
      max-width: 100%;
      font-family: var(--number-font-family);
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.01em;
      line-height: 1.05;
      white-space: nowrap;
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
      background: var(--ready-color);
      color: var(--on-ready-color);
    }

    .tile--highlighted {
      outline: 0.07em solid var(--highlight-color);
      outline-offset: -0.07em;
    }

    .list--pulse .tile--highlighted {
      position: relative;
      outline: none;
    }

    .list--pulse .tile--highlighted::after {
      content: '';
      position: absolute;
      inset: 0;
      border: 0.07em solid var(--highlight-color);
      border-radius: inherit;
      pointer-events: none;
      animation: os-ring 2.4s ease-in-out 3;
    }

    .probes {
      position: absolute;
      inset: 0;
      overflow: hidden;
      visibility: hidden;
      pointer-events: none;
    }

    .probe--tile,
    .probe--limits {
      position: absolute;
      top: 0;
      left: 0;
    }

    .tile.probe--tile {
      width: max-content;
      font-size: 100px;
    }

    .probe--limits {
      width: var(--number-min-size);
      height: var(--number-max-size);
    }

    .empty {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: 1rem;
      color: var(--muted-color);
      font-size: clamp(1rem, 1.8cqi, 2rem);
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

    @keyframes os-ring {
      50% {
        opacity: 0.3;
        transform: scale(0.96);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .list--pulse .tile--highlighted::after {
        animation: none;
      }
    }
  `
];
