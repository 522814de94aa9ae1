/** At most one pending `setTimeout`: {@link Timer.start} replaces it, {@link Timer.clear} cancels it. */
export class Timer {
  private handle?: ReturnType<typeof setTimeout>;

  /** True while the callback is still due. */
  get pending(): boolean {
    return this.handle !== undefined;
  }

  /** Runs `callback` once after `ms`, cancelling any earlier one. */
  start(ms: number, callback: () => void): void {
    this.clear();
    this.handle = setTimeout(() => {
      this.handle = undefined;
      callback();
    }, ms);
  }

  /** Cancels the pending callback, if any. */
  clear(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
