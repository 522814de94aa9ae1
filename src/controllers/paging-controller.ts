import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fitTiles, type TileBox } from './tile-fit.js';

/** What the paging controller needs from its element. */
export interface PagingOptions {
  /** Seconds each page is shown (read when the page timer starts). */
  seconds: () => number;
}

/** One page of a list, as {@link PagingController.page} cuts it, and the size its tiles get. */
export interface Page<T> {
  /** The items on the page shown now. */
  shown: readonly T[];
  /** The page shown, from 0. */
  index: number;
  /** How many pages the list has (1 when it fits). */
  count: number;
  /** The tiles' font size in px (also set as `--number-size` on the list); undefined until the list is measured. */
  size?: number;
  /** How many tiles go in a row at that size (also set as `--tile-columns`); undefined until the list is measured. */
  columns?: number;
}

/**
 * Sizes and pages lists of tiles, for screens nobody scrolls. It measures each list's box once per resize (a
 * ResizeObserver on the lists and their probes, so no layout is read while rendering), then for each render fits the
 * list's tiles in its box: the largest font size at which all of them fit, between a minimum and a maximum (see
 * {@link fitTiles}). Only when they do not fit at the minimum is the list cut into pages, and while some list has
 * more than one page, a timer turns the pages every `seconds()`.
 *
 * The host renders each list as an element with class `list` and `data-list="<name>"`, and in the same parent two
 * hidden probes (at any depth): a tile with class `probe--tile` at a fixed font size (its widest number in it), whose
 * size per px of font size is the tile's; and an element with class `probe--limits` whose width is the smallest and
 * height the largest font size allowed. It cuts each list with `page(name, items)` in `render()`; after the render the
 * controller sets the page's size and columns on the list as `--number-size` (px) and `--tile-columns`, through the
 * CSSOM (no inline style attribute, so a Content-Security-Policy without 'unsafe-inline' allows it).
 */
export class PagingController implements ReactiveController {
  /** What each list measured (missing until measured, or while it cannot be). */
  private boxes = new Map<string, TileBox>();
  /** Advances every page period; each list shows page `tick % pages`. */
  private tick = 0;
  /** The page counts of the last render. */
  private pageCounts = new Map<string, number>();
  /** The custom properties each list gets after the render: `--number-size` and `--tile-columns`. */
  private fits = new Map<string, [size: string, columns: string]>();
  private timer?: ReturnType<typeof setInterval>;
  private observer?: ResizeObserver;
  private readonly observed = new Set<Element>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly options: PagingOptions
  ) {
    host.addController(this);
  }

  /** The page of `items` to show now in the list `name`, and the size of its tiles. */
  page<T>(name: string, items: readonly T[]): Page<T> {
    const box = this.boxes.get(name);
    if (!box) {
      this.pageCounts.set(name, 1);
      return { shown: items, index: 0, count: 1 };
    }
    const { size, columns, capacity } = fitTiles(box, items.length);
    const count = Math.max(1, Math.ceil(items.length / capacity));
    this.pageCounts.set(name, count);
    this.fits.set(name, [`${size}px`, String(columns)]);
    const index = count === 1 ? 0 : this.tick % count;
    const shown = count === 1 ? items : items.slice(index * capacity, (index + 1) * capacity);
    return { shown, index, count, size, columns };
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.measure());
    this.observed.clear();
  }

  hostUpdate(): void {
    this.pageCounts.clear(); // render() counts again the lists it shows
    this.fits.clear();
  }

  hostUpdated(): void {
    this.applyFits();
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

  /** Sets each list's size and columns, before the browser paints the render. */
  private applyFits(): void {
    for (const list of this.host.renderRoot.querySelectorAll<HTMLElement>('.list')) {
      const [size, columns] = this.fits.get(list.dataset.list ?? '') ?? ['', ''];
      if (list.style.getPropertyValue('--number-size') !== size) list.style.setProperty('--number-size', size);
      if (list.style.getPropertyValue('--tile-columns') !== columns) list.style.setProperty('--tile-columns', columns);
    }
  }

  private observeLists(): void {
    const observer = this.observer;
    if (!observer) return;
    // The lists (their box) and the probes (the tile's size per px, e.g. with names or a longer number; the size
    // limits) decide how large the tiles can be and how many fit.
    const elements = new Set(this.host.renderRoot.querySelectorAll('.list, .probe--tile, .probe--limits'));
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

  /** Measures each list's box, its probe tile and its size limits; renders again when any of them changed. */
  private measure(): void {
    const next = new Map<string, TileBox>();
    for (const list of this.host.renderRoot.querySelectorAll<HTMLElement>('.list')) {
      const box = measureList(list);
      if (box) next.set(list.dataset.list ?? '', box);
    }
    const names = new Set([...next.keys(), ...this.boxes.keys()]);
    if ([...names].some(name => !sameBox(next.get(name), this.boxes.get(name)))) {
      this.boxes = next;
      this.host.requestUpdate();
    }
  }
}

/** What a list and its probes measure now, or undefined when it is not laid out (hidden, or no probe). */
function measureList(list: HTMLElement): TileBox | undefined {
  const probe = list.parentElement?.querySelector<HTMLElement>('.probe--tile');
  const limits = list.parentElement?.querySelector<HTMLElement>('.probe--limits');
  if (!probe) return undefined;
  const style = getComputedStyle(list);
  const reference = parseFloat(getComputedStyle(probe).fontSize) || 0;
  const tile = probe.getBoundingClientRect();
  const range = limits?.getBoundingClientRect();
  const width = list.clientWidth;
  const height = list.clientHeight;
  if (width <= 0 || height <= 0 || reference <= 0 || tile.width <= 0 || tile.height <= 0) return undefined;
  const min = range && range.width > 0 ? range.width : reference / 4;
  return {
    width,
    height,
    gapX: parseFloat(style.columnGap) || 0,
    gapY: parseFloat(style.rowGap) || 0,
    tileWidth: tile.width / reference,
    tileHeight: tile.height / reference,
    min,
    max: Math.max(min, range && range.height > 0 ? range.height : Infinity)
  };
}

function sameBox(a: TileBox | undefined, b: TileBox | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof TileBox)[]).every(key => Math.abs(a[key] - b[key]) < 0.01 || a[key] === b[key]);
}
