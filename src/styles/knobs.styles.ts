import { css } from 'lit';
import * as tokens from './tokens.js';

/**
 * The colour and shape knobs that `<os-order-status>`, `<os-venue-queue>` and `<os-user-toasts>` all offer, each
 * defaulting to its token. Every element documents them with `@cssproperty`, and declares its own knobs after this
 * sheet.
 */
export default css`
  :host {
    --accent-color: ${tokens.colorAccent};
    --danger-color: ${tokens.colorDanger};
    --surface-color: ${tokens.colorSurface};
    --text-color: ${tokens.colorText};
    --muted-color: ${tokens.colorTextMuted};
    --border-color: ${tokens.colorBorder};
    --radius: ${tokens.radius};
  }
`;
