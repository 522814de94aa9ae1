import { css, type CSSResult } from 'lit';

/**
 * A round, borderless button around one 20 px icon (dismiss, close): 36 px across, muted until hovered, with the
 * focus ring. `button` is its selector in the element, e.g. css`.toast__close`. Uses the host's `--muted-color`,
 * `--text-color` and `--accent-color`.
 */
export function iconButtonStyles(button: CSSResult): CSSResult {
  return css`
    ${button} {
      flex: none;
      display: grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      margin: -0.375rem 0;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: transparent;
      color: var(--muted-color);
      cursor: pointer;
    }

    ${button} svg {
      width: 1.25rem;
      height: 1.25rem;
    }

    ${button}:hover {
      background: color-mix(in srgb, var(--text-color) 8%, transparent);
      color: var(--text-color);
    }

    ${button}:focus-visible {
      outline: 3px solid var(--accent-color);
      outline-offset: 2px;
    }
  `;
}
