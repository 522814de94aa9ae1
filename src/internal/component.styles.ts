import { css } from 'lit';
import * as tokens from '../styles/tokens.js';

/** Styles every element shares: border-box sizing, a working `[hidden]`, and the global design tokens. */
export default css`
  :host {
    box-sizing: border-box;
    font-family: ${tokens.fontFamily};
    color: ${tokens.colorText};
  }
  :host *,
  :host *::before,
  :host *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
