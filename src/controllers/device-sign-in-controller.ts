import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceCode, DeviceCodeProvider } from '../connection/auth/device-code.js';
import { deviceCodeSourceFor } from '../connection/auth/token-session.js';
import { resolveConfig } from '../connection/config.js';
import type { OsConfig } from '../connection/types.js';

/** What the device sign-in controller needs from its element. */
export interface DeviceSignInOptions {
  /** The element's own configuration (its attributes, including `auth`); empty values fall back to `configure()`. */
  config: () => Partial<OsConfig>;
}

/**
 * Shows a screen's device code while its connection signs in with the device-code flow (`auth: 'device'` and no
 * token): `code` is the code to show, or `undefined` when none is waiting for approval. It follows the same token
 * source the connection uses, so it shows exactly the code that connection waits for.
 */
export class DeviceSignInController implements ReactiveController {
  /** The device code waiting for approval, if any. */
  code?: DeviceCode;

  private source?: DeviceCodeProvider;
  private stopFollowing?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DeviceSignInOptions
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const config = resolveConfig(this.options.config());
    this.follow(this.host.isConnected && config.apiUrl && config.tenant ? deviceCodeSourceFor(config) : undefined);
  }

  hostDisconnected(): void {
    this.follow(undefined);
  }

  private follow(source: DeviceCodeProvider | undefined): void {
    if (source === this.source) return;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.source = source;
    this.code = source?.code;
    if (source) {
      this.stopFollowing = source.onCode(code => {
        this.code = code;
        this.host.requestUpdate();
      });
    }
  }
}
