import { css } from 'lit';
import { breathe } from './keyframes.styles.js';
import * as tokens from './tokens.js';

/**
 * The connection banner over stale data: `.banner.banner--<state>` holding `.banner__indicator` (a breathing dot, a
 * ring when offline or unauthorized) and `.banner__text`. Declares the `--banner-background` and `--banner-color`
 * knobs on `:host` and uses the host's `--radius`. An element that sizes it differently overrides `.banner` after
 * this sheet.
 */
export default [
  breathe,
  css`
    :host {
      --banner-background: ${tokens.colorWarningSurface};
      --banner-color: ${tokens.colorWarningText};
    }

    .banner {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      padding: 0.625rem 0.875rem;
      border-radius: calc(var(--radius) / 2);
      background: var(--banner-background);
      color: var(--banner-color);
      font-size: 0.9375rem;
    }

    .banner__indicator {
      flex: none;
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      background: currentColor;
      animation: os-breathe 1.6s ease-in-out infinite;
    }

    .banner--offline .banner__indicator,
    .banner--unauthorized .banner__indicator,
    .banner--refused .banner__indicator {
      animation: none;
      background: transparent;
      border: 2px solid currentColor;
    }

    @media (prefers-reduced-motion: reduce) {
      .banner__indicator {
        animation: none;
      }
    }
  `
];
