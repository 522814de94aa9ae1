// The page side of test/endurance/board-endurance.mjs (bundled by it with esbuild; not a test file): one
// <os-venue-queue> on a fake STOMP hub and a fake clock, driven through order lifecycles and page turns.
import './fast-macrotask.js'; // before sinon, which picks its macrotask at load
import sinon from 'sinon';
import '../../src/components/venue-queue/venue-queue.js';
import type { OsVenueQueue } from '../../src/components/venue-queue/venue-queue.js';
import { resolveConfig } from '../../src/connection/config.js';
import { setStompHub } from '../../src/connection/hub/hub-registry.js';
import { StompHub } from '../../src/connection/hub/stomp-hub.js';
import type { Order } from '../../src/models/order.js';
import { boardOrder, type BoardStage } from '../support/board-orders.js';
import { FakeEnvironment, FakeStompClient } from '../support/fake-stomp-client.js';

const DEST = '/kds/demo/v1';
/** Seconds each page is shown: one step of the run is one page period. */
export const PAGE_SECONDS = 8;

/** What the page holds now. */
export interface Census {
  /** Comment and element nodes in the board's shadow root. */
  comments: number;
  elements: number;
  /** Tiles shown, and the page indicators ("1 / 3"). */
  tiles: number;
  pages: string[];
  /** The connection banner's text, if one is shown (there should be none). */
  banner: string;
}

export interface Endurance {
  start(): Promise<void>;
  /** Adds `count` preparing and `count` ready orders. */
  fill(count: number): Promise<void>;
  /** Runs `steps` page periods, completing `lifecycles(step)` orders in each (new, preparing → ready → closed). */
  run(from: number, steps: number, total: number, totalSteps: number): Promise<{ lifecycles: number; paged: number }>;
  /** Closes every order and lets the highlights end. */
  drain(): Promise<void>;
  census(): Census;
  /** Fills the browser's bounded performance-entry buffers (see LIMITS), so that the run cannot grow them. */
  saturate(): Promise<void>;
  /** How many entries the browser holds in each of its bounded performance-entry buffers (see LIMITS). */
  buffered(): Promise<Record<string, number>>;
}

declare global {
  interface Window {
    endurance: Endurance;
  }
}

const realFrame = window.requestAnimationFrame.bind(window);
/** One real frame: layout, ResizeObserver, style. */
const frame = () => new Promise<void>(resolve => realFrame(() => resolve()));

let clock: sinon.SinonFakeTimers;
let fake: FakeStompClient;
let board: OsVenueQueue;
let next = 0;
/** The last `lastChanged` sent (epoch ms): every message is newer than the one before, and never in the future. */
let changed = 0;
const preparing: number[] = [];
const ready: number[] = [];

function order(n: number, stage: BoardStage): Order {
  return boardOrder(n, stage, (changed = Math.max(changed + 1, Date.now() - 60_000)));
}

function send(numbers: readonly number[], stage: BoardStage): void {
  for (const n of numbers) fake.deliver(DEST, JSON.stringify(order(n, stage)));
}

function fresh(count: number): number[] {
  const numbers = Array.from({ length: count }, (_, i) => next + i);
  next += count;
  return numbers;
}

/** Lets the board render (fake frames) and measure itself (real frames). */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await clock.tickAsync(16);
    await frame();
  }
}

function count(root: Node, what: number): number {
  const walker = document.createTreeWalker(root, what);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
}

/**
 * Chromium's limits on the performance entries it keeps for `observe({ buffered: true })`; entries beyond them are
 * dropped. The run adds long animation frames (whenever its work keeps the page from rendering for 50 ms, which a
 * loaded machine makes frequent) and layout shifts (page turns): fill them before the start, or their growth shows as
 * the board's.
 */
const LIMITS: Record<string, number> = { 'long-animation-frame': 200, longtask: 200, 'layout-shift': 150 };

async function buffered(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of Object.keys(LIMITS).filter(t => PerformanceObserver.supportedEntryTypes.includes(t))) {
    counts[type] = await new Promise<number>(resolve => {
      const observer = new PerformanceObserver(list => {
        observer.disconnect();
        resolve(list.getEntries().length);
      });
      observer.observe({ type, buffered: true });
      realFrame(() => realFrame(() => (observer.disconnect(), resolve(0))));
    });
  }
  return counts;
}

/** True when the long-animation-frame and long-task buffers are full. */
async function full(): Promise<boolean> {
  const counts = await buffered();
  return ['long-animation-frame', 'longtask'].every(type => (counts[type] ?? LIMITS[type]) >= LIMITS[type]);
}

window.endurance = {
  async start() {
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-01-05T06:00:00Z'),
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame']
    });
    fake = new FakeStompClient();
    const env = new FakeEnvironment({
      fetch: (async () => new Response('[]', { status: 200 })) as typeof fetch,
      random: () => 0.5
    });
    setStompHub(new StompHub(resolveConfig({ tenant: 'demo', token: 'tok', apiUrl: 'https://api.test' }), fake, env));
    board = document.createElement('os-venue-queue');
    board.setAttribute('tenant', 'demo');
    board.setAttribute('api-url', 'https://api.test');
    board.setAttribute('venue', 'v1');
    board.setAttribute('page-seconds', String(PAGE_SECONDS));
    board.setAttribute('highlight-seconds', '15');
    document.body.append(board);
    await settle();
    await fake.connect();
    for (let i = 0; i < 100 && board.shadowRoot!.querySelector('.message--loading'); i++) await settle();
    if (board.shadowRoot!.querySelector('.message--loading')) throw new Error('the board did not load');
  },

  async fill(n) {
    const p = fresh(n);
    const r = fresh(n);
    send(p, 'PREPARING');
    send(r, 'READY');
    preparing.push(...p);
    ready.push(...r);
    await settle();
  },

  async run(from, steps, total, totalSteps) {
    let lifecycles = 0;
    let paged = 0;
    for (let step = from; step < from + steps; step++) {
      // Spread `total` lifecycles evenly over `totalSteps` page periods.
      const m = Math.floor(((step + 1) * total) / totalSteps) - Math.floor((step * total) / totalSteps);
      const started = fresh(m);
      send(started, 'PREPARING');
      preparing.push(...started);
      const moved = preparing.splice(0, m);
      send(moved, 'READY');
      ready.push(...moved);
      send(ready.splice(0, m), 'CLOSED');
      lifecycles += m;
      if (board.shadowRoot!.querySelector('[part~="page-indicator"]')) paged++;
      await clock.tickAsync(PAGE_SECONDS * 1000); // renders (fake frames), the page turn, the highlights' end
      if (step % 10 === 9) await frame();
    }
    return { lifecycles, paged };
  },

  async drain() {
    send(preparing.splice(0), 'CLOSED');
    send(ready.splice(0), 'CLOSED');
    await clock.tickAsync(20_000);
    await settle();
  },

  async saturate() {
    // Long tasks of 55 ms, one a frame: each is a long animation frame and a long task.
    for (let i = 0; i < 30 && !(await full()); i++) {
      for (let j = 0; j < 10; j++) {
        const start = performance.now();
        while (performance.now() - start < 55);
        await frame();
      }
    }
    // Layout shifts of a spare element, one a frame.
    const spare = document.createElement('div');
    spare.style.cssText = 'position: fixed; left: 0; width: 200px; height: 200px; background: #eee';
    document.body.append(spare);
    for (let i = 0; i < 40 && ((await buffered())['layout-shift'] ?? 0) < LIMITS['layout-shift']; i++) {
      for (let j = 0; j < 10; j++) {
        spare.style.top = `${(i * 10 + j) % 2 ? 300 : 0}px`;
        await frame();
      }
    }
    spare.remove();
    await frame();
  },

  buffered,

  census() {
    const root = board.shadowRoot!;
    return {
      comments: count(root, NodeFilter.SHOW_COMMENT),
      elements: count(root, NodeFilter.SHOW_ELEMENT),
      tiles: root.querySelectorAll('[part~="tile"]').length,
      pages: [...root.querySelectorAll('[part~="page-indicator"] [aria-hidden]')].map(p => p.textContent ?? ''),
      banner: root.querySelector('[part~="banner"]')?.textContent?.trim() ?? ''
    };
  }
};
