import { css } from 'lit';

export default css`
  :host {
    --open-color: var(--os-color-success, #146c2e);
    --temp-closed-color: var(--os-color-warning, #b26a00);
    --closed-color: var(--os-color-danger, #b3261e);
    --unknown-color: var(--os-color-text-muted, #5d5966);
    --surface-color: var(--os-color-surface, #ffffff);
    --text-color: var(--os-color-text, #1c1b1f);
    --border-color: var(--os-color-border, #dcd9e0);
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
    --dot-color: var(--unknown-color);
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--dot-color);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--dot-color) 18%, transparent);
  }

  .venue-watch--open .venue-watch__indicator {
    --dot-color: var(--open-color);
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

  .venue-watch--unknown {
    font-weight: 400;
  }

  .venue-watch--unknown .venue-watch__indicator {
    background: transparent;
    border: 2px solid var(--unknown-color);
    box-shadow: none;
  }

  .venue-watch--missing {
    border: 2px dashed color-mix(in srgb, var(--closed-color) 45%, transparent);
  }

  .venue-watch__message {
    color: var(--closed-color);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 500;
  }
`;
