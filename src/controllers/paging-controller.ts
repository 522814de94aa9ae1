import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the paging controller needs from its element. */
export interface PagingOptions {
  /** Seconds each page is shown (read when the page timer starts). */
  seconds: () => number;
}

/** One page of a list, as {@link PagingController.page} cuts it. */
export interface Page<T> {
  /** The items on the page shown now. */
  shown: readonly T[];
  /** The page shown, from 0. */
  index: number;
  /** How many pages the list has (1 when it fits). */
  count: number;
}

/**
 * Pages lists that do not fit their box, for screens nobody scrolls: it measures how many tiles fit in each list (a
 * ResizeObserver on the lists and on a hidden probe tile), and while some list has more than one page, a timer turns
 * the pages every `seconds()`.
 *
 * The host renders each list as an element with class `list` and `data-list="<name>"`, with a probe tile (class
 * `probe`, same size as a real tile) in the same parent, and cuts each list with `page(name, items)` in `render()`.
 */
export class PagingController implements ReactiveController {
  /** How many tiles fit in each list (Infinity until measured). */
  private capacity = new Map<string, number>();
  /** Advances every page period; each list shows page `tick % pages`. */
  private tick = 0;
  /** The page counts of the last render. */
  private pageCounts = new Map<string, number>();
  private timer?: ReturnType<typeof setInterval>;
  private observer?: ResizeObserver;
  private readonly observed = new Set<Element>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly options: PagingOptions
  ) {
    host.addController(this);
  }

  /** The page of `items` to show now in the list `name`. */
  page<T>(name: string, items: readonly T[]): Page<T> {
    const capacity = this.capacity.get(name) ?? Infinity;
    const count = capacity > 0 && Number.isFinite(capacity) ? Math.max(1, Math.ceil(items.length / capacity)) : 1;
    this.pageCounts.set(name, count);
    if (count === 1) return { shown: items, index: 0, count };
    const index = this.tick % count;
    return { shown: items.slice(index * capacity, (index + 1) * capacity), index, count };
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.measure());
    this.observed.clear();
  }

  hostUpdate(): void {
    this.pageCounts.clear(); // render() counts again the lists it shows
  }

  hostUpdated(): void {
    this.observeLists();
    this.syncTimer();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed.clear();
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs the page timer only while some list has more than one page. */
  private syncTimer(): void {
    const paging = this.host.isConnected && [...this.pageCounts.values()].some(count => count > 1);
    if (paging && !this.timer) {
      const ms = Math.max(1, Number(this.options.seconds()) || 8) * 1000;
      this.timer = setInterval(() => {
        this.tick++;
        this.host.requestUpdate();
      }, ms);
    } else if (!paging && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.tick = 0;
    }
  }

  private observeLists(): void {
    const observer = this.observer;
    if (!observer) return;
    // The lists (their box) and the probe tiles (the tile size, e.g. with names) decide how many tiles fit.
    const elements = new Set(this.host.renderRoot.querySelectorAll('.list, .probe'));
    for (const el of this.observed) {
      if (!elements.has(el)) {
        observer.unobserve(el);
        this.observed.delete(el);
      }
    }
    for (const el of elements) {
      if (!this.observed.has(el)) {
        observer.observe(el);
        this.observed.add(el);
      }
    }
  }

  /** How many tiles fit in each list: grid columns × rows of a probe tile (Infinity for a list not measurable now). */
  private measure(): void {
    const next = new Map<string, number>();
    for (const list of this.host.renderRoot.querySelectorAll<HTMLElement>('.list')) {
      const probe = list.parentElement?.querySelector<HTMLElement>('.probe');
      if (!probe) continue;
      const style = getComputedStyle(list);
      const gap = parseFloat(style.rowGap) || 0;
      const tracks = style.gridTemplateColumns.split(' ').filter(Boolean).length || 1;
      const tile = probe.getBoundingClientRect().height;
      const height = list.clientHeight;
      if (tile <= 0 || height <= 0) continue;
      next.set(list.dataset.list ?? '', Math.max(1, Math.floor((height + gap) / (tile + gap))) * tracks);
    }
    const names = new Set([...next.keys(), ...this.capacity.keys()]);
    if ([...names].some(name => next.get(name) !== this.capacity.get(name))) {
      this.capacity = next;
      this.host.requestUpdate();
    }
  }
}
