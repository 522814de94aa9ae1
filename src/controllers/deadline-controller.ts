import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the deadline controller needs from its element. */
export interface DeadlineOptions {
  /** The next moment something must happen (`Date.now()` time), or `undefined` for none. Read after every render. */
  next: () => number | undefined;
  /** Called once that moment has come. */
  onDue: () => void;
}

/**
 * One timer for the element's next deadline (e.g. the end of a highlight or a ready timeout): after every render it
 * re-reads `next()` and re-arms the timer only when the deadline moved; it stops while the element is detached.
 */
export class DeadlineController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private at?: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DeadlineOptions
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    this.schedule();
  }

  private readonly handleTimer = (): void => {
    this.timer = undefined;
    this.at = undefined;
    this.options.onDue();
    this.schedule();
  };

  private schedule(): void {
    const deadline = this.host.isConnected ? this.options.next() : undefined;
    if (deadline === this.at) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.at = deadline;
    if (deadline !== undefined) this.timer = setTimeout(this.handleTimer, Math.max(0, deadline - Date.now()));
  }
}
