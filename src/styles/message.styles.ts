import { css, type CSSResult } from 'lit';

/** The monospace font stack: missing-attribute messages name attributes, so they read as code; also device codes. */
export const codeFont = css`ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace`;

/** The dashed border that marks a missing-attribute message, in `color` (e.g. css`var(--danger-color)`). */
export const configBorder = (color: CSSResult): CSSResult =>
  css`2px dashed color-mix(in srgb, ${color} 45%, transparent)`;

/**
 * The centred message that stands in for an element's content: `.message` with a `.message__title` and an optional
 * `.message__hint`, e.g. loading (with a `.spinner`) or not found. `.message--config` is the missing-attribute
 * variant: tighter, dashed, its title in code font and `--danger-color`. Uses the host's `--muted-color`,
 * `--danger-color` and `--radius`.
 */
export default css`
  .message {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75rem;
    padding: 2.5rem 1rem;
    text-align: center;
  }

  .message__title {
    font-size: 1.25rem;
    font-weight: 600;
  }

  .message__hint {
    color: var(--muted-color);
  }

  .message--config {
    padding: 1.25rem 1rem;
    border: ${configBorder(css`var(--danger-color)`)};
    border-radius: calc(var(--radius) / 2);
  }

  .message--config .message__title {
    font-size: 1rem;
    font-family: ${codeFont};
    font-weight: 500;
    color: var(--danger-color);
  }
`;
