import {
  isFinalStage,
  isNotOlder,
  isSameRevision,
  orderStage,
  parseTime,
  shortCustomerName,
  pickupNumber,
  type NumberSource,
  type Order,
  type OrderStage
} from './order.js';

/** The two columns of a pickup board. */
export type BoardColumn = 'preparing' | 'ready';

/** One order as the board shows it. Entries are immutable; a changed order gets a new entry. */
export interface BoardEntry {
  /** The order's id. */
  readonly id: string;
  /** The number the guest listens for (`pickupNumber()` with the board's `numberSource` and venue). */
  readonly number: string;
  /** "First-name L." of the customer; only when the board's `showNames` is on and a name is known. */
  readonly name?: string;
  /** The column the order is shown in. */
  readonly column: BoardColumn;
  /** The stage the order is in (`received`, `paid` or `preparing` in Preparing; `ready` in Ready). */
  readonly stage: OrderStage;
  /**
   * Ready orders only: since when, in epoch ms of the board's clock (the `now` given to the call that saw the order
   * become ready; for orders already ready in the initial load, their `lastChanged`, capped at that `now`).
   */
  readonly readySince?: number;
  /** True while a freshly ready order should stand out (for `highlightMs` after it became ready). */
  readonly highlighted: boolean;
  /** The latest accepted copy of the order. */
  readonly order: Order;
}

/** The board's two columns, each in display order. */
export interface BoardColumns {
  /** Orders being prepared (paid, preparing), oldest first: by `completedTime`, else `created`, else first seen. */
  readonly preparing: readonly BoardEntry[];
  /** Orders ready for pickup, newest first (by `readySince`). */
  readonly ready: readonly BoardEntry[];
}

/** What one call did to the board. */
export interface BoardChange {
  /** True when anything visible changed (`version` was incremented); false for duplicates, stale copies, etc. */
  readonly changed: boolean;
  /**
   * Orders that became ready with this call and should be announced (event, chime) exactly once. Never contains
   * orders of the initial load, duplicates, or ready orders re-listed by a snapshot.
   */
  readonly newlyReady: readonly BoardEntry[];
  /** An order the board could not take in (what it threw); that order was skipped, the rest applied. */
  readonly error?: unknown;
}

/** Options of an `OrderBoard`. */
export interface OrderBoardOptions {
  /** The venue whose orders the board shows; orders without a bucket for this venue are ignored. Required. */
  venue: string;
  /** How long a ready order stays in Ready before it leaves, in ms (needs `tick()`). Default `0`: forever. */
  readyTimeoutMs?: number;
  /** How long an order that just became ready is `highlighted`, in ms (needs `tick()`). Default `15000`; `0`: never. */
  highlightMs?: number;
  /** Which number to show (see `pickupNumber()`). Default `'auto'`. */
  numberSource?: NumberSource;
  /** Whether entries carry the customer's short name (`name`). Default `false`. */
  showNames?: boolean;
}

/** Options of `OrderBoard.reconcile()`. */
export interface ReconcileOptions {
  /**
   * When the snapshot was requested (board clock, epoch ms). Held orders that a live message added or changed at or
   * after this moment are kept even when the snapshot doesn't list them: the snapshot may predate them. Default: none
   * (every unlisted order is removed).
   */
  requestedAt?: number;
}

/** @internal What the board holds per order. */
interface Held {
  readonly id: string;
  order: Order;
  column: BoardColumn;
  stage: OrderStage;
  /** Sort key of Preparing (epoch ms). */
  preparingKey: number;
  /** The entry's `number` and `name`, worked out when the copy was taken in. */
  number: string;
  name?: string;
  /** Insertion sequence: tie-breaker. */
  seq: number;
  readySince?: number;
  highlightUntil?: number;
  /** Board time of the last accepted live copy (for `ReconcileOptions.requestedAt`). */
  liveAt?: number;
  /** Cached entry; cleared whenever the record changes. */
  entry?: BoardEntry;
}

const NONE: readonly BoardEntry[] = Object.freeze([]);

/** Display order of Preparing: oldest first (`preparingKey`), then first seen. */
const preparingOrder = (a: Held, b: Held): number => a.preparingKey - b.preparingKey || a.seq - b.seq;
/** Display order of Ready: newest first (`readySince`), then last seen. */
const readyOrder = (a: Held, b: Held): number => b.readySince! - a.readySince! || b.seq - a.seq;

/** The first index of `list` (sorted in `rec`'s column order) at which `rec` belongs (binary search). */
function placeOf(list: readonly Held[], rec: Held): number {
  const compare = rec.column === 'ready' ? readyOrder : preparingOrder;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], rec) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NO_CHANGE: BoardChange = Object.freeze({ changed: false, newlyReady: NONE });
const CHANGED: BoardChange = Object.freeze({ changed: true, newlyReady: NONE });

/**
 * The state of a venue's pickup board: which completed orders are being prepared and which are ready, fed with live
 * `/kds/{tenant}/{venue}` messages and REST snapshots, following the reconcile rules of ordering-stack.md §6.
 * Pure: no DOM, no timers; time comes in as `now` arguments (epoch ms).
 *
 * Typical lifecycle:
 * - create one board per venue: `new OrderBoard({ venue })`;
 * - feed every live message to `apply(order, now)` (it may arrive before the first snapshot);
 * - after every (re)connect, fetch `GET /orders/venue/{venue}` and pass it to `reconcile(orders, now, {requestedAt})`.
 *   Until the first `reconcile()` (or `markLoaded()`) the board is `loading`: orders that arrive already ready are
 *   the initial list, neither highlighted nor announced;
 * - announce each entry of a change's `newlyReady` (event, chime);
 * - render `columns()` when `version` changed; schedule one timer for `nextDeadline()` and call `tick(now)` then.
 *
 * The columns are kept in display order as orders come and go (a binary search and one splice per change, so
 * `apply()` is O(log n) plus a move of at most n references); `columns()` builds the entry list of a column only when
 * that column changed, and returns the same arrays otherwise. A snapshot (`reconcile()`) sorts once instead.
 */
export class OrderBoard {
  /** The venue this board shows. */
  readonly venue: string;
  /** Ready timeout in ms; `0` = never. */
  readonly readyTimeoutMs: number;
  /** Highlight duration in ms; `0` = never. */
  readonly highlightMs: number;
  /** Which number entries show. */
  readonly numberSource: NumberSource;
  /** Whether entries carry a short customer name. */
  readonly showNames: boolean;

  private readonly held = new Map<string, Held>();
  /** Orders that left Ready by timeout; kept so a duplicate or a snapshot doesn't bring them back. */
  private readonly expired = new Map<string, Order>();
  private seq = 0;
  private _version = 0;
  private _loading = true;
  /** The held records of each column in display order; `undefined` after a bulk change, until sorted again. */
  private preparingList?: Held[] = [];
  private readyList?: Held[] = [];
  /** The last entry list built for each column; `undefined` when the column changed since. */
  private preparingEntries?: readonly BoardEntry[] = NONE;
  private readyEntries?: readonly BoardEntry[] = NONE;
  private cachedColumns?: BoardColumns;
  private cachedColumnsVersion = -1;
  private cachedDeadline?: number;
  private cachedDeadlineVersion = -1;

  constructor(options: OrderBoardOptions) {
    this.venue = options.venue;
    this.readyTimeoutMs = Math.max(0, options.readyTimeoutMs ?? 0);
    this.highlightMs = Math.max(0, options.highlightMs ?? 15000);
    this.numberSource = options.numberSource ?? 'auto';
    this.showNames = options.showNames ?? false;
  }

  /** Incremented on every visible change; compare it to know whether to re-render. Starts at `0`. */
  get version(): number {
    return this._version;
  }

  /** True until the initial load is done (the first `reconcile()` or `markLoaded()`). */
  get loading(): boolean {
    return this._loading;
  }

  /** How many orders the board shows. */
  get size(): number {
    return this.held.size;
  }

  /** The entry of an order the board shows, if any. */
  get(id: string): BoardEntry | undefined {
    const rec = this.held.get(id);
    return rec && this.entryOf(rec);
  }

  /**
   * Ends the initial load without a snapshot (e.g. when the snapshot request failed): from now on, orders that arrive
   * already ready are announced and highlighted.
   */
  markLoaded(): void {
    this._loading = false;
  }

  /** True when the order has a bucket for this board's venue. */
  isForVenue(order: Order): boolean {
    return (order.buckets ?? []).some(b => b.venue === this.venue);
  }

  /**
   * Applies one live message (a full order). Orders of other venues are ignored. A copy whose `lastChanged` is older
   * than the held one's is ignored. Final stages, `closed`, and orders no longer `completed` leave the board (and are
   * not added when not held).
   */
  apply(order: Order, now: number): BoardChange {
    const newlyReady: BoardEntry[] = [];
    try {
      if (!this.isForVenue(order)) return NO_CHANGE;
      return this.result(this.ingest(order, now, newlyReady, true), newlyReady);
    } catch (error) {
      return { ...this.result(false, newlyReady), error };
    }
  }

  /**
   * Reconciles with a REST snapshot (`GET /orders/venue/{venue}`): held orders it doesn't list leave (except those
   * changed live since `options.requestedAt`), listed orders are added or replaced with the same rules as `apply()`
   * (a listed copy older than the held one does not overwrite it). The first call ends the initial load.
   */
  reconcile(orders: readonly Order[], now: number, options: ReconcileOptions = {}): BoardChange {
    const listed = new Map<string, Order>();
    let error: unknown;
    for (const order of orders) {
      try {
        if (!this.isForVenue(order)) continue;
        const seen = listed.get(order.id);
        if (!seen || isNotOlder(order, seen)) listed.set(order.id, order);
      } catch (thrown) {
        error ??= thrown;
      }
    }
    let changed = false;
    const { requestedAt } = options;
    for (const [id, rec] of this.held) {
      if (listed.has(id)) continue;
      if (requestedAt !== undefined && rec.liveAt !== undefined && rec.liveAt >= requestedAt) continue;
      this.held.delete(id);
      changed = true;
    }
    if (changed || listed.size > 0) this.unsort(); // many changes at once: sorted again on the next columns()
    for (const id of this.expired.keys()) {
      if (!listed.has(id)) this.expired.delete(id);
    }
    const newlyReady: BoardEntry[] = [];
    for (const order of listed.values()) {
      try {
        if (this.ingest(order, now, newlyReady, false)) changed = true;
      } catch (thrown) {
        error ??= thrown;
      }
    }
    this._loading = false;
    const change = this.result(changed, newlyReady);
    return error === undefined ? change : { ...change, error };
  }

  /**
   * Advances time: ends highlights whose time is up and removes ready orders that reached `readyTimeoutMs`.
   * Call it at `nextDeadline()`; calling it more often is harmless.
   */
  tick(now: number): BoardChange {
    let changed = false;
    for (const [id, rec] of this.held) {
      if (this.readyTimeoutMs > 0 && rec.readySince !== undefined && rec.readySince + this.readyTimeoutMs <= now) {
        this.unlist(rec);
        this.held.delete(id);
        this.expired.set(id, rec.order);
        changed = true;
      } else if (rec.highlightUntil !== undefined && rec.highlightUntil <= now) {
        rec.highlightUntil = undefined;
        rec.entry = undefined;
        this.touch(rec.column);
        changed = true;
      }
    }
    return this.result(changed, []);
  }

  /**
   * The earliest moment (epoch ms) at which `tick()` has something to do: a highlight ends or a ready order times
   * out; `undefined` when nothing is pending. May lie in the past (tick right away). Cached until the next change.
   */
  nextDeadline(): number | undefined {
    if (this.cachedDeadlineVersion !== this._version) {
      let deadline: number | undefined;
      for (const rec of this.held.values()) {
        if (rec.highlightUntil !== undefined && (deadline === undefined || rec.highlightUntil < deadline)) {
          deadline = rec.highlightUntil;
        }
        if (this.readyTimeoutMs > 0 && rec.readySince !== undefined) {
          const end = rec.readySince + this.readyTimeoutMs;
          if (deadline === undefined || end < deadline) deadline = end;
        }
      }
      this.cachedDeadline = deadline;
      this.cachedDeadlineVersion = this._version;
    }
    return this.cachedDeadline;
  }

  /**
   * The two columns in display order. The same object until `version` changes; a column that did not change keeps
   * its array.
   */
  columns(): BoardColumns {
    if (this.cachedColumns && this.cachedColumnsVersion === this._version) return this.cachedColumns;
    if (!this.preparingList || !this.readyList) {
      const preparing: Held[] = [];
      const ready: Held[] = [];
      for (const rec of this.held.values()) (rec.column === 'ready' ? ready : preparing).push(rec);
      this.preparingList = preparing.sort(preparingOrder);
      this.readyList = ready.sort(readyOrder);
      this.preparingEntries = this.readyEntries = undefined;
    }
    this.preparingEntries ??= Object.freeze(this.preparingList.map(rec => this.entryOf(rec)));
    this.readyEntries ??= Object.freeze(this.readyList.map(rec => this.entryOf(rec)));
    this.cachedColumns = Object.freeze({ preparing: this.preparingEntries, ready: this.readyEntries });
    this.cachedColumnsVersion = this._version;
    return this.cachedColumns;
  }

  /**
   * Adds, replaces or removes one order; returns true when something visible changed. Everything that reads the order
   * is worked out before the board changes, so an order that makes it throw leaves the board as it was.
   */
  private ingest(order: Order, now: number, newlyReady: BoardEntry[], live: boolean): boolean {
    const id = order.id;
    const rec = this.held.get(id);
    if (rec) {
      if (!isNotOlder(order, rec.order)) return false;
      if (isSameRevision(order, rec.order)) {
        if (live) rec.liveAt = now;
        return false;
      }
    }
    const stage = orderStage(order);
    if (order.closed === true || order.completed !== true || isFinalStage(stage)) {
      this.expired.delete(id);
      if (!rec) return false;
      this.unlist(rec);
      this.held.delete(id);
      return true;
    }
    const column: BoardColumn = stage === 'ready' ? 'ready' : 'preparing';
    const preparingKey = parseTime(order.completedTime) ?? parseTime(order.created);
    const number = pickupNumber(order, this.numberSource, this.venue);
    const name = this.showNames ? shortCustomerName(order) : undefined;
    const gone = rec ? undefined : this.expired.get(id);
    if (gone) {
      // Timed out of Ready: stays gone while it is (still) ready; comes back only if it goes back to preparing.
      if (!isNotOlder(order, gone)) return false;
      if (column === 'ready') {
        this.expired.set(id, order);
        return false;
      }
      this.expired.delete(id);
    }
    if (!rec) {
      const added: Held = {
        id,
        order,
        column,
        stage,
        preparingKey: preparingKey ?? now,
        number,
        name,
        seq: this.seq++
      };
      if (live) added.liveAt = now;
      if (column === 'ready') {
        if (this._loading) {
          added.readySince = Math.min(now, parseTime(order.lastChanged) ?? now);
        } else {
          this.becameReady(added, now);
        }
      }
      this.held.set(id, added);
      this.enlist(added);
      if (column === 'ready' && !this._loading) newlyReady.push(this.entryOf(added));
      return true;
    }
    const wasReady = rec.column === 'ready';
    // Out of its place while the keys that place it change; back in (perhaps elsewhere) after.
    this.unlist(rec);
    Object.assign(rec, { order, stage, column, number, name, entry: undefined });
    rec.preparingKey = preparingKey ?? rec.preparingKey;
    if (live) rec.liveAt = now;
    if (column === 'ready' && !wasReady) {
      this.becameReady(rec, now);
      newlyReady.push(this.entryOf(rec));
    } else if (column !== 'ready') {
      rec.readySince = undefined;
      rec.highlightUntil = undefined;
    }
    this.enlist(rec);
    return true;
  }

  /** Forgets the columns' order after a bulk change (they are sorted on the next `columns()`). */
  private unsort(): void {
    this.preparingList = this.readyList = undefined;
    this.preparingEntries = this.readyEntries = undefined;
  }

  /** Marks a column changed: its entry list is built again on the next `columns()`. */
  private touch(column: BoardColumn): void {
    if (column === 'ready') this.readyEntries = undefined;
    else this.preparingEntries = undefined;
  }

  /** Puts a held record into its column's list at its place (binary search). */
  private enlist(rec: Held): void {
    this.touch(rec.column);
    const list = this.listOf(rec.column);
    if (list) list.splice(placeOf(list, rec), 0, rec);
  }

  /** Takes a held record out of its column's list (found by binary search on its current keys). */
  private unlist(rec: Held): void {
    this.touch(rec.column);
    const list = this.listOf(rec.column);
    if (!list) return;
    const place = placeOf(list, rec);
    const index = list[place] === rec ? place : list.indexOf(rec);
    if (index >= 0) list.splice(index, 1);
  }

  /** The held records of `column` in display order, or `undefined` while unsorted after a bulk change. */
  private listOf(column: BoardColumn): Held[] | undefined {
    return column === 'ready' ? this.readyList : this.preparingList;
  }

  private becameReady(rec: Held, now: number): void {
    rec.readySince = now;
    rec.highlightUntil = this.highlightMs > 0 ? now + this.highlightMs : undefined;
  }

  private entryOf(rec: Held): BoardEntry {
    if (!rec.entry) {
      const entry: { -readonly [K in keyof BoardEntry]: BoardEntry[K] } = {
        id: rec.id,
        number: rec.number,
        column: rec.column,
        stage: rec.stage,
        highlighted: rec.highlightUntil !== undefined,
        order: rec.order
      };
      if (rec.readySince !== undefined) entry.readySince = rec.readySince;
      if (rec.name !== undefined) entry.name = rec.name;
      rec.entry = Object.freeze(entry);
    }
    return rec.entry;
  }

  private result(changed: boolean, newlyReady: BoardEntry[]): BoardChange {
    if (!changed) return NO_CHANGE;
    this._version++;
    return newlyReady.length === 0 ? CHANGED : { changed: true, newlyReady };
  }
}
