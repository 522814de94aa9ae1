import { css } from 'lit';
import { spin } from './keyframes.styles.js';

/** The loading spinner, `.spinner`: a ring in the host's `--accent-color`, slower with reduced motion. */
export default [
  spin,
  css`
    .spinner {
      width: 2.5rem;
      height: 2.5rem;
      border: 4px solid color-mix(in srgb, var(--accent-color) 18%, transparent);
      border-top-color: var(--accent-color);
      border-radius: 50%;
      animation: os-spin 0.9s linear infinite;
    }

    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation-duration: 3s;
      }
    }
  `
];
