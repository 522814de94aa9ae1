import { clip, TEXT_LIMITS } from './guard.js';

/** What a toast is about; decides its default duration (`error` and `upsell` stay until dismissed). */
export type ToastKind = 'info' | 'success' | 'error' | 'upsell';

/** What `ToastQueue.show()` takes. */
export interface ToastInit<D = unknown> {
  /** What the toast is about. */
  kind: ToastKind;
  /** Optional heading. */
  title?: string;
  /** The text. */
  message: string;
  /** Dedupe key: a toast with the key of a visible or queued one updates that one in place (see `toastKey()`). */
  key?: string;
  /**
   * How long the toast stays visible, in ms; `0` = until dismissed. Default: the queue's `duration` for `info` and
   * `success`, its `errorDuration` for `error` and `upsell`.
   */
  duration?: number;
  /** Anything the element needs to render the toast (an upsell offer, an order id...). */
  data?: D;
}

/** One toast. Immutable: an update in place produces a new object with the same `id`. */
export interface Toast<D = unknown> {
  /** Unique within the queue (`'toast-1'`, `'toast-2'`...), usable as a DOM id. */
  readonly id: string;
  /** What the toast is about. */
  readonly kind: ToastKind;
  /** Optional heading. */
  readonly title?: string;
  /** The text. */
  readonly message: string;
  /** The dedupe key, if any. */
  readonly key?: string;
  /** How many times it was shown: `1`, plus one per update in place. */
  readonly count: number;
  /** The effective duration in ms; `0` = until dismissed. */
  readonly duration: number;
  /** When it was first shown (queue clock, epoch ms). */
  readonly createdAt: number;
  /** When it was last shown or updated in place (queue clock, epoch ms). */
  readonly updatedAt: number;
  /** The `data` of the latest `show()`. */
  readonly data?: D;
}

/** Why a toast was hidden. */
export type ToastHideReason = 'timeout' | 'dismiss' | 'clear';

/** Given to `onChange` listeners after every change of `visible` or `queued`. */
export interface ToastChange<D = unknown> {
  /** Toasts that became visible (new ones and ones promoted from the queue), newest first. */
  readonly shown: readonly Toast<D>[];
  /** Visible toasts updated in place (same `id`, new content, `count` incremented). */
  readonly updated: readonly Toast<D>[];
  /** Toasts that stopped being visible, and why. Queued toasts that are dropped were never shown and aren't listed. */
  readonly hidden: readonly { readonly toast: Toast<D>; readonly reason: ToastHideReason }[];
}

/** Options of a `ToastQueue`; every field is optional. */
export interface ToastQueueOptions {
  /** How many toasts are visible at once; the rest wait in a FIFO queue. Default `3`. */
  maxVisible?: number;
  /**
   * How many toasts may wait for a slot. Beyond it the oldest waiting `info` or `success` toast is dropped, else the
   * oldest waiting one. Default `10`.
   */
  maxQueued?: number;
  /**
   * How many toasts that stay until dismissed (duration `0`: errors and offers by default) may wait for a slot; beyond
   * it the oldest of them waiting is dropped, so a flood of errors leaves the newest ones. Default `2`.
   */
  maxQueuedSticky?: number;
  /** Default duration of `info` and `success` toasts, in ms. Default `5000`. */
  duration?: number;
  /** Default duration of `error` and `upsell` toasts, in ms; `0` = until dismissed. Default `0`. */
  errorDuration?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Schedules a callback. Default the global `setTimeout`. */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  /** Cancels what `setTimeout` returned. Default the global `clearTimeout`. */
  clearTimeout?: (handle: unknown) => void;
}

/** The fields of a notification that `toastKey()` reads (`INotificationMessage`, ordering-stack.md §4.3). */
export interface ToastKeySource {
  type?: string;
  orderId?: string;
  correlationId?: string | null;
  event?: { correlationId?: string | null } | null;
  events?: readonly unknown[] | null;
  codes?: readonly { code?: string | null }[] | null;
}

/**
 * The dedupe key of a notification: its correlation id (in `correlationId`, `event.correlationId` or `events[0]`,
 * in that order), else for an `OrderEventError` `orderId + ':' + codes[0].code`, else `undefined`.
 */
export function toastKey(notification: ToastKeySource): string | undefined {
  const first = notification.events?.[0];
  const correlationId =
    notification.correlationId || notification.event?.correlationId || (typeof first === 'string' ? first : undefined);
  if (correlationId) return correlationId;
  const code = notification.codes?.[0]?.code;
  if (notification.type === 'OrderEventError' && notification.orderId && code) return `${notification.orderId}:${code}`;
  return undefined;
}

/** @internal A visible toast's timer. */
interface Timer {
  /** Time left in ms (when not running: all of it; when running: as of `startedAt`). */
  remaining: number;
  startedAt?: number;
  handle?: unknown;
}

/**
 * The state of a toast stack: at most `maxVisible` toasts visible (newest first), the rest queued FIFO; timed toasts
 * hide themselves; a toast with a known `key` updates in place instead of stacking. DOM-free; timers and clock are
 * injectable.
 *
 * Typical lifecycle:
 * - create one queue per element and subscribe with `onChange()` (fire `os-toast-show` / `os-toast-hide`, announce);
 * - `show()` each notification, with `key: toastKey(notification)`;
 * - `pause('hover')` / `resume('hover')` (likewise `'focus'`, `'hidden'` for a hidden tab...): timers run only while
 *   no reason is held, and paused time doesn't count;
 * - `dismiss(id)` from a close button, `dismissNewest()` on Escape, `clear()` to empty everything.
 */
export class ToastQueue<D = unknown> {
  /** How many toasts are visible at once. */
  readonly maxVisible: number;
  /** Default duration of `info` and `success` toasts, in ms. */
  readonly duration: number;
  /** Default duration of `error` and `upsell` toasts, in ms; `0` = until dismissed. */
  readonly errorDuration: number;
  /** How many toasts may wait for a slot. */
  readonly maxQueued: number;
  /** How many toasts that stay until dismissed may wait for a slot. */
  readonly maxQueuedSticky: number;

  private _visible: Toast<D>[] = [];
  private _queued: Toast<D>[] = [];
  private readonly timers = new Map<string, Timer>();
  private readonly reasons = new Set<string>();
  private readonly listeners = new Set<(change: ToastChange<D>) => void>();
  private seq = 0;
  private readonly now: () => number;
  private readonly schedule: (callback: () => void, ms: number) => unknown;
  private readonly cancel: (handle: unknown) => void;

  constructor(options: ToastQueueOptions = {}) {
    this.maxVisible = Math.max(1, options.maxVisible ?? 3);
    this.duration = Math.max(0, options.duration ?? 5000);
    this.errorDuration = Math.max(0, options.errorDuration ?? 0);
    this.maxQueued = Math.max(0, options.maxQueued ?? 10);
    this.maxQueuedSticky = Math.max(0, options.maxQueuedSticky ?? 2);
    this.now = options.now ?? (() => Date.now());
    // Looked up at call time, so fake timers installed after construction still apply.
    this.schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
    this.cancel =
      options.clearTimeout ?? (handle => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
  }

  /** The visible toasts, newest first. A new array after every change. */
  get visible(): readonly Toast<D>[] {
    return this._visible;
  }

  /** The toasts waiting for a free slot, oldest (next to show) first. A new array after every change. */
  get queued(): readonly Toast<D>[] {
    return this._queued;
  }

  /** True while at least one pause reason is held. */
  get paused(): boolean {
    return this.reasons.size > 0;
  }

  /**
   * Listens to changes; returns the function that stops listening. Listeners run synchronously after each change; an
   * exception in one is re-thrown asynchronously and doesn't stop the others.
   */
  onChange(listener: (change: ToastChange<D>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Shows a toast, or queues it when `maxVisible` are visible (the queue keeps at most `maxQueued`, of which at most
   * `maxQueuedSticky` stay until dismissed: older ones are dropped). When `init.key` matches a visible or queued toast,
   * that toast is updated in place instead (content replaced, `count` incremented, timer restarted) and returned.
   * Messages longer than `TEXT_LIMITS.message` characters and titles longer than `TEXT_LIMITS.title` are cut.
   */
  show(init: ToastInit<D>): Toast<D> {
    const now = this.now();
    const duration = Math.max(
      0,
      init.duration ?? (init.kind === 'error' || init.kind === 'upsell' ? this.errorDuration : this.duration)
    );
    if (init.key !== undefined) {
      const vi = this._visible.findIndex(t => t.key === init.key);
      const qi = vi < 0 ? this._queued.findIndex(t => t.key === init.key) : -1;
      const old = vi >= 0 ? this._visible[vi] : qi >= 0 ? this._queued[qi] : undefined;
      if (old) {
        const toast = this.make(init, old.id, old.count + 1, old.createdAt, now, duration);
        if (vi >= 0) {
          this._visible = this._visible.map((t, i) => (i === vi ? toast : t));
          this.stopTimer(toast.id);
          this.startTimer(toast);
          this.emit([], [toast], []);
        } else {
          this._queued = this._queued.map((t, i) => (i === qi ? toast : t));
          this.emit([], [], []);
        }
        return toast;
      }
    }
    const toast = this.make(init, `toast-${++this.seq}`, 1, now, now, duration);
    if (this._visible.length < this.maxVisible) {
      this._visible = [toast, ...this._visible];
      this.startTimer(toast);
      this.emit([toast], [], []);
    } else {
      this._queued = this.bounded([...this._queued, toast]);
      this.emit([], [], []);
    }
    return toast;
  }

  /** Hides a visible toast (reason `'dismiss'`) or drops a queued one. Returns false when the id is unknown. */
  dismiss(id: string): boolean {
    if (this._visible.some(t => t.id === id)) {
      this.hide(id, 'dismiss');
      return true;
    }
    if (this._queued.some(t => t.id === id)) {
      this._queued = this._queued.filter(t => t.id !== id);
      this.emit([], [], []);
      return true;
    }
    return false;
  }

  /** Dismisses the newest visible toast (for the Escape key). Returns it, or `undefined` when none is visible. */
  dismissNewest(): Toast<D> | undefined {
    const newest = this._visible[0];
    if (newest) this.hide(newest.id, 'dismiss');
    return newest;
  }

  /** Hides every visible toast (reason `'clear'`) and drops the queue. */
  clear(): void {
    if (this._visible.length === 0 && this._queued.length === 0) return;
    const hidden = this._visible.map(toast => ({ toast, reason: 'clear' as const }));
    for (const t of this._visible) this.stopTimer(t.id);
    this._visible = [];
    this._queued = [];
    this.emit([], [], hidden);
  }

  /**
   * Holds a pause reason (`'hover'`, `'focus'`, `'hidden'`...). While any reason is held, no toast times out; the time
   * left is kept. Holding the same reason twice is the same as once.
   */
  pause(reason: string): void {
    const wasPaused = this.paused;
    this.reasons.add(reason);
    if (wasPaused) return;
    const now = this.now();
    for (const timer of this.timers.values()) {
      if (timer.handle === undefined) continue;
      this.cancel(timer.handle);
      timer.handle = undefined;
      timer.remaining = Math.max(0, timer.remaining - (now - (timer.startedAt ?? now)));
      timer.startedAt = undefined;
    }
  }

  /** Releases a pause reason; when none is left, the timers resume with the time they had left. */
  resume(reason: string): void {
    if (!this.reasons.delete(reason) || this.paused) return;
    for (const [id, timer] of this.timers) this.run(id, timer);
  }

  /** The queue within `maxQueuedSticky` and `maxQueued`, dropping the oldest sticky, then info, toasts first. */
  private bounded(queue: Toast<D>[]): Toast<D>[] {
    const sticky = queue.filter(t => t.duration === 0);
    const dropped = new Set(sticky.slice(0, Math.max(0, sticky.length - this.maxQueuedSticky)));
    let kept = queue.filter(t => !dropped.has(t));
    while (kept.length > this.maxQueued) {
      const info = kept.findIndex(t => t.kind === 'info' || t.kind === 'success');
      kept = kept.filter((_, i) => i !== Math.max(0, info));
    }
    return kept;
  }

  private make(
    init: ToastInit<D>,
    id: string,
    count: number,
    createdAt: number,
    updatedAt: number,
    duration: number
  ): Toast<D> {
    const toast: { -readonly [K in keyof Toast<D>]: Toast<D>[K] } = {
      id,
      kind: init.kind,
      message: clip(init.message, TEXT_LIMITS.message),
      count,
      duration,
      createdAt,
      updatedAt
    };
    if (init.title !== undefined) toast.title = clip(init.title, TEXT_LIMITS.title);
    if (init.key !== undefined) toast.key = init.key;
    if (init.data !== undefined) toast.data = init.data;
    return Object.freeze(toast);
  }

  private startTimer(toast: Toast<D>): void {
    if (toast.duration <= 0) return;
    const timer: Timer = { remaining: toast.duration };
    this.timers.set(toast.id, timer);
    if (!this.paused) this.run(toast.id, timer);
  }

  private run(id: string, timer: Timer): void {
    timer.startedAt = this.now();
    timer.handle = this.schedule(() => {
      timer.handle = undefined;
      this.hide(id, 'timeout');
    }, timer.remaining);
  }

  private stopTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer?.handle !== undefined) this.cancel(timer.handle);
    this.timers.delete(id);
  }

  /** Hides a visible toast and promotes the head of the queue into the free slot. */
  private hide(id: string, reason: ToastHideReason): void {
    const toast = this._visible.find(t => t.id === id);
    if (!toast) return;
    this.stopTimer(id);
    this._visible = this._visible.filter(t => t !== toast);
    const shown: Toast<D>[] = [];
    while (this._visible.length < this.maxVisible && this._queued.length > 0) {
      const [next, ...rest] = this._queued;
      this._queued = rest;
      // A promoted toast is newer than every visible one, so it goes on top.
      this._visible = [next, ...this._visible];
      shown.unshift(next);
      this.startTimer(next);
    }
    this.emit(shown, [], [{ toast, reason }]);
  }

  private emit(shown: Toast<D>[], updated: Toast<D>[], hidden: { toast: Toast<D>; reason: ToastHideReason }[]): void {
    const change: ToastChange<D> = Object.freeze({ shown, updated, hidden });
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
