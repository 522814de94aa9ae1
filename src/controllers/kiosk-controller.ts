import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The parts of the Screen Wake Lock API used here (typed locally: not every lib.dom has them). */
interface WakeLockSentinelLike extends EventTarget {
  readonly released: boolean;
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export interface KioskControllerOptions {
  /** Whether kiosk mode is on (read on every host update). */
  enabled: () => boolean;
}

/**
 * Kiosk mode for a board on a wall screen: holds a screen wake lock while the host is connected and kiosk mode is on
 * (re-acquired when the page becomes visible again, since the browser releases it while the page is hidden), and
 * tracks whether the document is fullscreen so the host can offer a fullscreen button.
 *
 * Failures (no Wake Lock API, permission denied, fullscreen refused) are quiet: at most one `console.debug` per host.
 *
 * @internal
 */
export class KioskController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: KioskControllerOptions;
  private connected = false;
  private sentinel?: WakeLockSentinelLike;
  /** Set while a request is pending; a request whose token is no longer current releases what it got. */
  private pending?: object;
  private debugged = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: KioskControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** True when the fullscreen button makes sense: kiosk mode on, fullscreen allowed, not fullscreen yet. */
  get canEnterFullscreen(): boolean {
    return this.options.enabled() && document.fullscreenEnabled === true && !document.fullscreenElement;
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    this.releaseLock();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Asks the browser to show the host fullscreen. */
  enterFullscreen(): void {
    try {
      this.host.requestFullscreen().catch((error: unknown) => this.debug('fullscreen was refused', error));
    } catch (error) {
      this.debug('fullscreen is not available', error);
    }
  }

  private handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.sync();
  };

  private handleFullscreenChange = (): void => {
    this.host.requestUpdate();
  };

  /** Holds the lock while connected and enabled; lets it go otherwise. */
  private sync(): void {
    if (!this.connected || !this.options.enabled()) {
      this.releaseLock();
      return;
    }
    if ((this.sentinel && !this.sentinel.released) || this.pending) return;
    const wakeLock = (navigator as { wakeLock?: WakeLockLike }).wakeLock;
    if (!wakeLock) {
      this.debug('the Screen Wake Lock API is not available');
      return;
    }
    const token = {};
    this.pending = token;
    let request: Promise<WakeLockSentinelLike>;
    try {
      request = wakeLock.request('screen');
    } catch (error) {
      this.pending = undefined;
      this.debug('the screen wake lock was refused', error);
      return;
    }
    request.then(
      sentinel => {
        if (this.pending !== token) {
          void sentinel.release().catch(() => {});
          return;
        }
        this.pending = undefined;
        this.sentinel = sentinel;
        sentinel.addEventListener('release', () => {
          if (this.sentinel === sentinel) this.sentinel = undefined;
        });
      },
      (error: unknown) => {
        if (this.pending === token) this.pending = undefined;
        this.debug('the screen wake lock was refused', error);
      }
    );
  }

  private releaseLock(): void {
    this.pending = undefined; // a request still in flight releases its lock when it arrives
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    if (sentinel && !sentinel.released) void sentinel.release().catch(() => {});
  }

  private debug(message: string, error?: unknown): void {
    if (this.debugged) return;
    this.debugged = true;
    console.debug(`<${this.host.localName}> kiosk: ${message}.`, ...(error === undefined ? [] : [error]));
  }
}
