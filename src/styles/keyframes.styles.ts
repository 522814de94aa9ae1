import { css } from 'lit';

/** `os-spin`: one full turn (spinners). */
export const spin = css`
  @keyframes os-spin {
    to {
      transform: rotate(1turn);
    }
  }
`;

/** `os-breathe`: fades to 35% and back (pending connection dots). */
export const breathe = css`
  @keyframes os-breathe {
    50% {
      opacity: 0.35;
    }
  }
`;
