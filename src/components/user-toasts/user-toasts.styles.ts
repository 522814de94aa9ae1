import { css } from 'lit';
import { iconButtonStyles } from '../../styles/icon-button.styles.js';
import knobStyles from '../../styles/knobs.styles.js';
import { codeFont, configBorder } from '../../styles/message.styles.js';
import * as tokens from '../../styles/tokens.js';

export default [
  knobStyles,
  iconButtonStyles(css`.toast__close`),
  css`
    :host {
      --success-color: ${tokens.colorSuccess};
      --upsell-color: ${tokens.colorUpsell};
      --width: 24rem;
      --offset: 1rem;
      --z-index: 1000;

      display: block;
    }

    p {
      margin: 0;
    }

    .stack {
      position: fixed;
      z-index: var(--z-index);
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      width: min(
        var(--width),
        calc(100vw - 2 * var(--offset) - env(safe-area-inset-left) - env(safe-area-inset-right))
      );
      max-height: calc(100vh - 2 * var(--offset));
      pointer-events: none;
    }

    .stack--empty {
      display: none;
    }

    .stack--top {
      top: calc(var(--offset) + env(safe-area-inset-top));
    }

    .stack--bottom {
      bottom: calc(var(--offset) + env(safe-area-inset-bottom));
      flex-direction: column-reverse;
    }

    .stack--end {
      inset-inline-end: calc(var(--offset) + env(safe-area-inset-right));
    }

    .stack--start {
      inset-inline-start: calc(var(--offset) + env(safe-area-inset-left));
    }

    .stack--center {
      left: 50%;
      transform: translateX(-50%);
    }

    .toast,
    .config-message {
      pointer-events: auto;
    }

    .toast {
      --kind-color: var(--accent-color);
      display: flex;
      align-items: flex-start;
      gap: 0.75rem;
      padding: 0.875rem 0.5rem 0.875rem 1rem;
      border: 1px solid var(--border-color);
      border-radius: calc(var(--radius) * 0.6);
      background: var(--surface-color);
      color: var(--text-color);
      line-height: 1.4;
      box-shadow:
        0 1px 2px rgb(0 0 0 / 0.06),
        0 8px 24px rgb(0 0 0 / 0.1);
      animation: os-toast-in 0.2s ease-out;
    }

    .toast--success {
      --kind-color: var(--success-color);
    }

    .toast--error {
      --kind-color: var(--danger-color);
      border-color: color-mix(in srgb, var(--danger-color) 35%, transparent);
      background: color-mix(in srgb, var(--danger-color) 7%, var(--surface-color));
    }

    .toast--upsell {
      --kind-color: var(--upsell-color);
    }

    .toast__icon {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin-top: 0.1rem;
      color: var(--kind-color);
    }

    .toast__body {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
      padding-top: 0.05rem;
      overflow-wrap: anywhere;
    }

    .toast__title {
      font-weight: 700;
    }

    .toast__message {
      font-size: 0.9375rem;
    }

    .toast__title + .toast__message {
      color: var(--muted-color);
    }

    .toast__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }

    .toast__button {
      min-height: 2.25rem;
      padding: 0.375rem 1rem;
      border: 1px solid var(--border-color);
      border-radius: 999px;
      background: var(--surface-color);
      color: var(--text-color);
      font: inherit;
      font-size: 0.9375rem;
      font-weight: 600;
      cursor: pointer;
    }

    .toast__button--primary {
      border-color: var(--accent-color);
      background: var(--accent-color);
      color: #fff;
    }

    .toast__button:hover {
      background: color-mix(in srgb, var(--text-color) 6%, var(--surface-color));
    }

    .toast__button--primary:hover {
      background: color-mix(in srgb, var(--accent-color) 88%, #000);
    }

    .toast__button:focus-visible {
      outline: 3px solid var(--accent-color);
      outline-offset: 2px;
    }

    .config-message {
      padding: 0.875rem 1rem;
      border: ${configBorder(css`var(--danger-color)`)};
      border-radius: calc(var(--radius) * 0.6);
      background: var(--surface-color);
      color: var(--danger-color);
      font-family: ${codeFont};
      font-size: 0.875rem;
    }

    @keyframes os-toast-in {
      from {
        opacity: 0;
        transform: translateY(-0.5rem);
      }
    }

    .stack--bottom .toast {
      animation-name: os-toast-in-up;
    }

    @keyframes os-toast-in-up {
      from {
        opacity: 0;
        transform: translateY(0.5rem);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .toast {
        animation: none !important;
      }
    }
  `
];
