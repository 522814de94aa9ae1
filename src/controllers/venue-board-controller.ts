import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResyncContext } from '../connection/types.js';
import { OrderBoard, type BoardChange, type BoardEntry, type OrderBoardOptions } from '../models/order-board.js';
import { checkOrders } from '../models/order-guard.js';
import type { Order } from '../models/order.js';
import { DeadlineController } from './deadline-controller.js';

/** What the venue board controller needs from its element. */
export interface VenueBoardOptions {
  /** The board's options, read before every render; when one changed, the board is rebuilt. */
  options: () => Required<OrderBoardOptions>;
  /** Called with what each live order, snapshot or deadline did to the board (render, announce). */
  onChange: (change: BoardChange) => void;
}

/** The columns' order ids, in display order, as `os-queue-update` reports them. */
export interface QueueIds {
  preparing: string[];
  ready: string[];
}

/**
 * Holds the {@link OrderBoard} of a pickup board element and keeps it current.
 *
 * Typical lifecycle:
 * - before every render, the options are read again; when one changed, a new board replaces the old one, keeping
 *   its orders (unless the venue changed: the element then subscribes to the new venue and resyncs);
 * - `apply(order)` for each live message and `resync(context)` after each (re)connect feed it; every result goes to
 *   `onChange`;
 * - after every render, one timer waits for the board's next deadline (the end of a highlight or a ready timeout);
 * - `takeUpdate()` after a render says whether the columns changed since it was last asked.
 *
 * @internal
 */
export class VenueBoardController implements ReactiveController {
  /** The board model; replaced when an option it is built from changes. */
  board = new OrderBoard({ venue: '' });
  /** The board version last returned by `takeUpdate()` (-1: a new board, not reported yet). */
  private reportedVersion = 0;
  /** The venue's name as its orders give it (`buckets[].name`), once one on the board did. */
  private knownName?: string;
  /** The ids `takeUpdate()` reported for each column's entry list (a column that did not change keeps its list). */
  private readonly reportedIds = new WeakMap<readonly BoardEntry[], string[]>();
  /** Ends highlights and ready timeouts on time (it works through the host's lifecycle; nothing calls it). */
  protected readonly deadlines: DeadlineController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: VenueBoardOptions
  ) {
    host.addController(this);
    this.deadlines = new DeadlineController(host, {
      next: () => this.board.nextDeadline(),
      onDue: () => this.options.onChange(this.board.tick(Date.now()))
    });
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Applies a live order. */
  apply(order: Order): void {
    this.sync();
    const change = this.board.apply(order, Date.now());
    if (change.changed && !this.knownName) this.learnName([order]);
    this.options.onChange(change);
  }

  /**
   * Loads the venue's orders (`GET /ordering-api/api/orders/venue/{venue}`) and reconciles the board with them.
   * Resolves `true` when the snapshot was applied; `false` when it failed or came too late (the connection moved on,
   * or the board was rebuilt), and then what is shown stays.
   */
  async resync({ fetchJson, signal }: ResyncContext): Promise<boolean> {
    this.sync(); // the element may subscribe to a new venue before this controller's hostUpdate() saw the change
    const board = this.board;
    const requestedAt = Date.now();
    try {
      const orders = await fetchJson<unknown>(`/ordering-api/api/orders/venue/${encodeURIComponent(board.venue)}`);
      if (signal.aborted || board !== this.board) return false;
      const list = checkOrders(orders);
      const change = board.reconcile(list, Date.now(), { requestedAt });
      if (!this.knownName) this.learnName(list);
      this.options.onChange(change);
      this.host.requestUpdate(); // the initial load may have ended without a visible change
      return true;
    } catch {
      if (signal.aborted || board !== this.board) return false;
      // Without a snapshot, what is shown stays; from now on, orders that become ready are announced.
      if (board.loading) {
        board.markLoaded();
        this.host.requestUpdate();
      }
      return false;
    }
  }

  /** The columns' ids when they changed since the last call and the board has loaded; otherwise `undefined`. */
  takeUpdate(): QueueIds | undefined {
    if (this.board.version === this.reportedVersion || this.board.loading) return undefined;
    this.reportedVersion = this.board.version;
    const { preparing, ready } = this.board.columns();
    return { preparing: this.idsOf(preparing), ready: this.idsOf(ready) };
  }

  /**
   * The venue's name from its orders' buckets (`buckets[].name`), remembered once an order on the board gave one;
   * undefined until then. Each order is looked at once, when it comes in, so this costs nothing per render.
   */
  venueName(): string | undefined {
    return this.knownName;
  }

  /** Remembers the venue's name from the first of `orders` on the board whose bucket for the venue names it. */
  private learnName(orders: readonly Order[]): void {
    for (const order of orders) {
      if (!this.board.get(order.id)) continue;
      const bucket = order.buckets?.find(b => b.venue === this.board.venue) as { name?: unknown } | undefined;
      if (typeof bucket?.name === 'string' && bucket.name) {
        this.knownName = bucket.name;
        return;
      }
    }
  }

  /** The ids of a column's entries; a column that did not change gets the same (copied) list without a new walk. */
  private idsOf(entries: readonly BoardEntry[]): string[] {
    let ids = this.reportedIds.get(entries);
    if (!ids) {
      ids = entries.map(e => e.id);
      this.reportedIds.set(entries, ids);
    }
    return [...ids];
  }

  /** Rebuilds the board when an option it is built from changed. */
  private sync(): void {
    const board = this.board;
    const options = this.options.options();
    if (
      options.venue !== board.venue ||
      options.numberSource !== board.numberSource ||
      options.showNames !== board.showNames ||
      options.highlightMs !== board.highlightMs ||
      options.readyTimeoutMs !== board.readyTimeoutMs
    ) {
      this.rebuild(options, options.venue !== board.venue);
    }
  }

  /** Replaces the model after an option changed; keeps the orders held (unless the venue changed). */
  private rebuild(options: Required<OrderBoardOptions>, venueChanged: boolean): void {
    const old = this.board;
    this.board = new OrderBoard(options);
    this.reportedVersion = -1;
    if (venueChanged) {
      this.knownName = undefined;
      return; // the element subscribes to the new venue and resyncs
    }
    const { preparing, ready } = old.columns();
    const orders = [...preparing, ...ready].map(e => e.order);
    if (old.loading) {
      for (const order of orders) this.board.apply(order, Date.now());
    } else {
      this.board.reconcile(orders, Date.now());
    }
  }
}
