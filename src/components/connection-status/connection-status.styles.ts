import { css } from 'lit';
import { breathe } from '../../styles/keyframes.styles.js';
import { codeFont, configBorder } from '../../styles/message.styles.js';
import * as tokens from '../../styles/tokens.js';

export default [
  breathe,
  css`
    :host {
      --live-color: ${tokens.colorSuccess};
      --pending-color: ${tokens.colorWarning};
      --danger-color: ${tokens.colorDanger};
      --idle-color: ${tokens.colorTextMuted};
      --accent-color: ${tokens.colorAccent};
      --surface-color: ${tokens.colorSurface};
      --text-color: ${tokens.colorText};
      --border-color: ${tokens.colorBorder};
      --radius: 999px;

      display: inline-block;
    }

    .connection-status {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--border-color);
      border-radius: var(--radius);
      background: var(--surface-color);
      color: var(--text-color);
      font-size: 0.875rem;
      line-height: 1.3;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    .connection-status__indicator {
      --dot-color: var(--idle-color);
      flex: none;
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      background: var(--dot-color);
    }

    .connection-status--open .connection-status__indicator {
      --dot-color: var(--live-color);
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--live-color) 18%, transparent);
    }

    .connection-status--connecting .connection-status__indicator,
    .connection-status--reconnecting .connection-status__indicator {
      --dot-color: var(--pending-color);
      animation: os-breathe 1.6s ease-in-out infinite;
    }

    .connection-status--offline .connection-status__indicator,
    .connection-status--unauthorized .connection-status__indicator {
      background: transparent;
      border: 2px solid var(--danger-color);
    }

    .connection-status--idle .connection-status__indicator {
      background: transparent;
      border: 2px solid var(--idle-color);
    }

    .connection-status__retry {
      margin: -0.125rem -0.5rem -0.125rem 0.125rem;
      padding: 0.25rem 0.625rem;
      border: none;
      border-radius: var(--radius);
      background: color-mix(in srgb, var(--accent-color) 10%, var(--surface-color));
      color: var(--accent-color);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    .connection-status__retry:hover {
      background: color-mix(in srgb, var(--accent-color) 16%, var(--surface-color));
    }

    .connection-status__retry:focus-visible {
      outline: 3px solid var(--accent-color);
      outline-offset: 2px;
    }

    .connection-status--missing {
      border: ${configBorder(css`var(--danger-color)`)};
      white-space: normal;
    }

    .connection-status__message {
      color: var(--danger-color);
      font-family: ${codeFont};
    }

    @media (prefers-reduced-motion: reduce) {
      .connection-status__indicator {
        animation: none !important;
      }
    }
  `
];
