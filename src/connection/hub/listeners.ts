/** The prefix of everything the connection writes to the console. */
export const LOG_PREFIX = 'os-widgets:';

/**
 * Runs `call`; an error it throws is reported as `os-widgets: <what> threw` with `console.error` and goes no
 * further, so one listener cannot break the others.
 */
export function callGuarded(what: string, call: () => void): void {
  try {
    call();
  } catch (error) {
    console.error(`${LOG_PREFIX} ${what} threw`, error);
  }
}

/**
 * A set of listeners of one kind of value (the hub's status, state and auth-error listeners).
 *
 * Typical lifecycle:
 * ```ts
 * const listeners = new ListenerSet<HubStatus>('a status listener', status => ({ ...status }));
 * const remove = listeners.add(status => render(status));
 * listeners.emit(status); // each listener gets its own copy; one that throws is logged, the rest still run
 * remove();
 * ```
 */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private readonly what: string;
  private readonly copy?: (value: T) => T;

  /**
   * @param what Names a listener in the error log, e.g. `'a status listener'`.
   * @param copy When given, every listener gets `copy(value)` instead of the value itself.
   */
  constructor(what: string, copy?: (value: T) => T) {
    this.what = what;
    this.copy = copy;
  }

  /** @returns A function that removes the listener. */
  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls each listener present when the call starts, in the order they were added. */
  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      callGuarded(this.what, () => listener(this.copy ? this.copy(value) : value));
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
