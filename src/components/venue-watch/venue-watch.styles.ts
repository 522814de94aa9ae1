import { css } from 'lit';
import { codeFont, configBorder } from '../../styles/message.styles.js';
import * as tokens from '../../styles/tokens.js';

export default css`
  :host {
    --open-color: ${tokens.colorSuccess};
    --temp-closed-color: ${tokens.colorWarning};
    --closed-color: ${tokens.colorDanger};
    --surface-color: ${tokens.colorSurface};
    --text-color: ${tokens.colorText};
    --border-color: ${tokens.colorBorder};
    --radius: 999px;

    display: none;
  }

  :host([display]) {
    display: inline-block;
  }

  .venue-watch {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2rem;
    padding: 0.25rem 0.875rem 0.25rem 0.75rem;
    border: 1px solid var(--border-color);
    border-radius: var(--radius);
    background: var(--surface-color);
    color: var(--text-color);
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.3;
  }

  .venue-watch__indicator {
    --dot-color: var(--open-color);
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--dot-color);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--dot-color) 18%, transparent);
  }

  .venue-watch--temp-closed {
    background: color-mix(in srgb, var(--temp-closed-color) 8%, var(--surface-color));
  }

  .venue-watch--temp-closed .venue-watch__indicator {
    --dot-color: var(--temp-closed-color);
  }

  .venue-watch--closed {
    background: color-mix(in srgb, var(--closed-color) 7%, var(--surface-color));
  }

  .venue-watch--closed .venue-watch__indicator {
    --dot-color: var(--closed-color);
  }

  .venue-watch--missing {
    border: ${configBorder(css`var(--closed-color)`)};
  }

  .venue-watch__message {
    color: var(--closed-color);
    font-family: ${codeFont};
    font-weight: 500;
  }
`;
