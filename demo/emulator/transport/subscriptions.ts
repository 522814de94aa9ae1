/** One active subscription of a connection. */
export interface Subscription<Owner> {
  /** The connection that owns it. */
  owner: Owner;
  /** The SUBSCRIBE frame's `id`, unique within its connection. */
  id: string;
  /** Exact destination; no prefixes, no wildcards. */
  destination: string;
  /** Ack mode: `auto`, `client` or `client-individual`. */
  ack: string;
}

/**
 * Active subscriptions by exact destination, plus waiters that resolve as soon as a destination has a
 * subscriber (tests use that instead of sleeping before a publish).
 */
export class SubscriptionRegistry<Owner> {
  private readonly byDestination = new Map<string, Set<Subscription<Owner>>>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly cancellers = new Set<() => void>();

  /** Registers a subscription and wakes whoever waits for its destination. */
  add(subscription: Subscription<Owner>): void {
    const set = this.byDestination.get(subscription.destination) ?? new Set();
    set.add(subscription);
    this.byDestination.set(subscription.destination, set);
    const waiters = this.waiters.get(subscription.destination);
    this.waiters.delete(subscription.destination);
    waiters?.forEach(wake => wake());
  }

  /** Removes a subscription; removing one twice is harmless. */
  remove(subscription: Subscription<Owner>): void {
    const set = this.byDestination.get(subscription.destination);
    if (!set?.delete(subscription)) return;
    if (!set.size) this.byDestination.delete(subscription.destination);
  }

  /** The subscriptions to exactly this destination. */
  forDestination(destination: string): Subscription<Owner>[] {
    return [...(this.byDestination.get(destination) ?? [])];
  }

  /** Number of active subscriptions per destination. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.byDestination].map(([destination, set]) => [destination, set.size]));
  }

  /**
   * Resolves `true` as soon as the destination has at least one subscription (at once if it has one now), or
   * `false` after `timeoutMs` or when {@link SubscriptionRegistry.cancelWaits} is called.
   */
  waitFor(destination: string, timeoutMs: number): Promise<boolean> {
    if (this.byDestination.has(destination)) return Promise.resolve(true);
    return new Promise(resolve => {
      const waiters = this.waiters.get(destination) ?? new Set<() => void>();
      this.waiters.set(destination, waiters);
      const finish = (found: boolean) => {
        clearTimeout(timer);
        waiters.delete(wake);
        this.cancellers.delete(cancel);
        resolve(found);
      };
      const wake = () => finish(true);
      const cancel = () => finish(false);
      const timer = setTimeout(cancel, timeoutMs);
      waiters.add(wake);
      this.cancellers.add(cancel);
    });
  }

  /** Resolves every pending {@link SubscriptionRegistry.waitFor} with `false` (on shutdown). */
  cancelWaits(): void {
    [...this.cancellers].forEach(cancel => cancel());
    this.waiters.clear();
  }
}
