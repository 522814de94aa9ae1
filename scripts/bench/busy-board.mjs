#!/usr/bin/env node
// @ts-check
/**
 * The busy board (issue #13): `<os-venue-queue>` with 1,000 orders, then a stream of status updates at a fixed rate,
 * against two reference elements that get the very same STOMP messages:
 *
 *   ours         demo/board.html with the CDN build (dist/cdn/os-widgets.js): the real element, 1920x1080.
 *   naive        a plain Lit element (bench-only, bundled here with esbuild like rollup builds the CDN file: ESM,
 *                minified, lit's production build) that keeps every order in a Map and re-renders ALL of them as tiles
 *                on every message (one message → one render: each WebSocket message is its own task, and Lit renders
 *                in a microtask), in the board's order: Preparing oldest first, Ready newest first (`map()`, no keys).
 *   naiveCapped  the same element, rendering only as many tiles per column as ours shows on screen (counted in ours
 *                at the end of its run, when both columns are full), at ours' tile sizes and columns per row.
 *
 * The naive elements take their messages from the CDN build's public `getConnection().subscribe('/kds/demo/v1', …)`,
 * i.e. the same shared @stomp/stompjs client and JSON parsing ours uses, over a real WebSocket to the emulator; so
 * what differs between the variants is what they do with a message, not how it gets to them.
 *
 * Each variant runs in a fresh browser context, one after the other (never at the same time: they would share the 2
 * cores), with the same message bodies in the same order: the orders (published in bursts of 50), then `rate` updates
 * per second for `seconds` seconds (a seeded random order set ready or back to preparing, newer `lastChanged` each
 * time). Every publish must be delivered to exactly one subscription (the emulator says how many MESSAGE frames it
 * sent), every message must reach the page (a page-side WebSocket wrapper ticks off each message's `benchSeq`), and
 * at the end the element's columns must hold exactly the orders the messages leave in each column; otherwise the
 * benchmark throws, for that variant, instead of reporting.
 *
 * What is measured, over the update phase (from the first update published to the last one rendered, plus two
 * frames):
 *   cpuMs           main-thread task time of the page's renderer (CDP `Performance.getMetrics` `TaskDuration` delta);
 *                   also split into script, style recalc and layout (`ScriptDuration`, `RecalcStyleDuration`,
 *                   `LayoutDuration`) for profiling.
 *   renders         ours: `os-queue-update` events (one per render that changed the columns); naive: `updated()` calls.
 *   cpuPerRenderMs  cpuMs / renders.
 *   longestFrameMs  the longest gap between two animation frames (a `requestAnimationFrame` loop runs all along, in
 *                   every variant), and framesOver50: how many gaps exceeded 50 ms.
 *   p50Ms / p95Ms   message → DOM latency of every update message (>= 500 of them): from the moment Node published it
 *                   (`performance.timeOrigin + performance.now()` just before the publish request; the page uses the
 *                   same clock base, `performance.timeOrigin + performance.now()`) to the end of the first frame that
 *                   paints a DOM that includes it. The page notes each message when its WebSocket frame arrives
 *                   (listener added before the STOMP client's); at each render (ours: `os-queue-update`; naive:
 *                   `updated()`), every message noted so far is in the DOM. If the render ran inside a frame's
 *                   animation-frame callbacks (ours renders there), that frame paints it; otherwise the next frame
 *                   does. A frame's end is when a task posted from its first animation-frame callback runs
 *                   (`MessageChannel`): after that frame's style, layout and paint.
 *
 * This is a benchmark, not a test: it never fails on timing; it throws only when messages went missing or a process
 * could not be started. It stops the emulator and Chromium it started, also when it fails.
 *
 * Needs a build (`npm run build`) and Chromium (/usr/bin/chromium or CHROME_PATH).
 * Run: node scripts/bench/busy-board.mjs [--orders 1000] [--rate 200] [--seconds 10] [--runs 1] [--json]
 *      [--variants ours,naive,naiveCapped] [--bundle dist/cdn/os-widgets.js] [--trace /tmp/busy-board.json]
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { publish as publishTo, stats } from '../../demo/emulator-client.js';
import { launchChromium } from '../lib/chromium.mjs';
import { bundlePage } from '../lib/bundle-page.mjs';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DESTINATION = '/kds/demo/v1';
const VIEWPORT = { width: 1920, height: 1080 };

/** @typedef {'ours' | 'naive' | 'naiveCapped'} VariantName */
/**
 * @typedef {object} VariantResult
 * @property {number} delivered messages that reached the page (all of them, or the benchmark throws)
 * @property {number} renders
 * @property {number} cpuMs main-thread task time over the update phase
 * @property {number} cpuPerRenderMs
 * @property {number} longestFrameMs
 * @property {number} framesOver50
 * @property {number} p50Ms message → painted DOM, median
 * @property {number} p95Ms message → painted DOM, 95th percentile
 * @property {number} scriptMs of cpuMs: script
 * @property {number} styleMs of cpuMs: style recalculation
 * @property {number} layoutMs of cpuMs: layout
 * @property {number} tiles tiles in the DOM at the end
 */

/**
 * Installed before any page script: notes each message's arrival, each render, each frame (see the file comment).
 * `window.__bench.commit()` is called by the variant after each render.
 */
function instrument() {
  const now = () => performance.timeOrigin + performance.now();
  const bench = {
    received: /** @type {Record<number, number>} */ ({}),
    receivedCount: 0,
    pending: /** @type {number[]} */ ([]),
    visible: /** @type {Record<number, number>} */ ({}),
    renders: 0,
    lastRenderAt: 0,
    longestFrame: 0,
    framesOver50: 0,
    waiting: 0,
    measuring: false,
    commit
  };
  Object.defineProperty(window, '__bench', { value: bench });

  // Messages: a listener added before the STOMP client's `onmessage` notes each MESSAGE's benchSeq.
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    /** @param {ConstructorParameters<typeof WebSocket>} args */
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => {
        if (typeof event.data !== 'string') return;
        for (const match of event.data.matchAll(/"benchSeq":(\d+)/g)) {
          const seq = Number(match[1]);
          if (bench.received[seq] === undefined) {
            bench.received[seq] = now();
            bench.receivedCount++;
          }
          bench.pending.push(seq);
        }
      });
    }
  };

  // Frames: every animation-frame callback is wrapped, so the first one of each frame is seen.
  /** @type {number | undefined} */
  let frameTime;
  let inFrame = false;
  /** Messages rendered inside the current frame's callbacks, and those rendered between frames (shown by the next). */
  /** @type {number[]} */
  let thisFrame = [];
  /** @type {number[]} */
  let nextFrame = [];
  const channel = new MessageChannel();
  /** @type {number[][]} */
  const ending = [];
  channel.port1.onmessage = () => {
    const seqs = ending.shift() ?? [];
    inFrame = false;
    const at = now();
    for (const seq of seqs) bench.visible[seq] ??= at;
    bench.waiting -= seqs.length;
  };
  const nativeRaf = window.requestAnimationFrame.bind(window);
  /** @param {number} time */
  const enterFrame = time => {
    if (time === frameTime && inFrame) return;
    if (frameTime !== undefined && bench.measuring) {
      const gap = time - frameTime;
      if (gap > bench.longestFrame) bench.longestFrame = gap;
      if (gap > 50) bench.framesOver50++;
    }
    frameTime = time;
    inFrame = true;
    thisFrame = nextFrame;
    nextFrame = [];
    ending.push(thisFrame);
    channel.port2.postMessage(null);
  };
  window.requestAnimationFrame = callback =>
    nativeRaf(time => {
      enterFrame(time);
      callback(time);
    });
  const loop = () => window.requestAnimationFrame(loop);
  loop();

  /** A render completed: every message noted so far is in the DOM. */
  function commit() {
    bench.renders++;
    bench.lastRenderAt = now();
    const seqs = bench.pending;
    bench.pending = [];
    bench.waiting += seqs.length;
    (inFrame ? thisFrame : nextFrame).push(...seqs);
  }
}

/** The naive element (bench-only): every order kept, re-rendered as tiles on every message. */
const NAIVE_ELEMENT = `import { LitElement, css, html } from 'lit';
import { configure, getConnection } from '/dist/cdn/os-widgets.js';

class NaiveBoard extends LitElement {
  static properties = { capPreparing: { type: Number }, capReady: { type: Number } };
  static styles = css\`
    :host { display: block; height: 100%; font-family: system-ui, sans-serif; }
    .columns { display: grid; grid-template-columns: 1fr 1.25fr; gap: 24px; height: 100%; padding: 24px; box-sizing: border-box; background: #f3f2f5; }
    section { display: grid; grid-template-rows: auto minmax(0, 1fr); min-height: 0; border: 1px solid #dcd9e0; border-radius: 20px; background: #fff; overflow: hidden; }
    h2 { margin: 0; padding: 20px 32px; font-size: 52px; border-bottom: 1px solid #dcd9e0; }
    .ready h2 { background: #146c2e; color: #fff; }
    ol { display: grid; grid-template-columns: repeat(var(--preparing-columns, 3), minmax(0, 1fr)); grid-auto-rows: max-content; align-content: start; gap: 24px; margin: 0; padding: 24px; list-style: none; overflow: hidden; }
    li { display: flex; align-items: center; justify-content: center; padding: 0.15em 0.25em; border-radius: 12px; font-size: var(--preparing-size, 66px); font-weight: 800; line-height: 1.05; background: #f1f0f2; }
    .ready ol { grid-template-columns: repeat(var(--ready-columns, 5), minmax(0, 1fr)); }
    .ready li { font-size: var(--ready-size, 66px); background: #146c2e; color: #fff; }
  \`;
  constructor() {
    super();
    this.orders = new Map();
    this.readySeq = 0;
    this.capPreparing = Infinity;
    this.capReady = Infinity;
  }
  take(order) {
    const held = this.orders.get(order.id);
    // Publishes may overtake each other on their way to the emulator: an older copy is ignored (ISO times sort).
    if (held && held.order.lastChanged > order.lastChanged) return this.requestUpdate();
    if (order.closed || order.completed === false) this.orders.delete(order.id);
    else if (order.status !== 'DELIVER') this.orders.set(order.id, { order, readySeq: 0 });
    else this.orders.set(order.id, { order, readySeq: held?.readySeq || ++this.readySeq });
    this.requestUpdate();
  }
  columns() {
    const preparing = [];
    const ready = [];
    for (const held of this.orders.values()) (held.readySeq ? ready : preparing).push(held);
    ready.sort((a, b) => b.readySeq - a.readySeq);
    return { preparing, ready };
  }
  ids() {
    const { preparing, ready } = this.columns();
    return { preparing: preparing.map(h => h.order.id), ready: ready.map(h => h.order.id) };
  }
  render() {
    // As the board shows them: Preparing oldest first (the orders came in that order), Ready newest first.
    const { preparing, ready } = this.columns();
    const tiles = (list, cap) =>
      (cap < list.length ? list.slice(0, cap) : list).map(({ order }) => html\`<li>\${order.buckets[0].queuePos}</li>\`);
    return html\`<div class="columns">
      <section><h2>Preparing</h2><ol>\${tiles(preparing, this.capPreparing)}</ol></section>
      <section class="ready"><h2>Ready</h2><ol>\${tiles(ready, this.capReady)}</ol></section>
    </div>\`;
  }
  updated() {
    window.__bench.commit();
  }
}
customElements.define('naive-board', NaiveBoard);

configure({ apiUrl: location.origin, tenant: 'demo' });
const params = new URLSearchParams(location.search);
const board = document.createElement('naive-board');
if (params.has('preparing')) board.capPreparing = Number(params.get('preparing'));
if (params.has('ready')) board.capReady = Number(params.get('ready'));
for (const [param, property] of [['preparingSize', '--preparing-size'], ['readySize', '--ready-size'], ['preparingColumns', '--preparing-columns'], ['readyColumns', '--ready-columns']]) {
  if (params.get(param)) board.style.setProperty(property, params.get(param));
}
document.body.append(board);
getConnection().subscribe('${DESTINATION}', message => board.take(message.body));
`;

const NAIVE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>busy board: naive Lit element</title>
    <link rel="icon" href="data:," />
    <style>html, body { height: 100%; margin: 0; } naive-board { height: 100vh; }</style>
    <script type="module" src="/demo/bench/naive.js"></script>
  </head>
  <body></body>
</html>
`;

/** A static root for the emulator (`--static`): demo/board.html, the CDN bundle, and the naive page. */
async function writeSite(dir, bundle) {
  mkdirSync(join(dir, 'demo/bench'), { recursive: true });
  mkdirSync(join(dir, 'dist/cdn'), { recursive: true });
  copyFileSync(join(root, 'demo/board.html'), join(dir, 'demo/board.html'));
  copyFileSync(bundle, join(dir, 'dist/cdn/os-widgets.js'));
  writeFileSync(join(dir, 'demo/bench/naive.html'), NAIVE_PAGE);
  await bundlePage({
    contents: NAIVE_ELEMENT,
    name: 'naive.js',
    outfile: join(dir, 'demo/bench/naive.js'),
    external: ['/dist/cdn/os-widgets.js']
  });
}

/** A small seeded PRNG (mulberry32), so every variant and every run gets the same messages. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The message bodies: `orders` new orders, then `updates` status changes; and which column each order ends in.
 * @returns {{ load: string[], updates: string[], finalReady: Set<string>, finalPreparing: Set<string> }}
 */
function messages(orders, updates) {
  const start = Date.parse('2026-01-01T12:00:00Z');
  let clock = start + (orders + 1) * 1000;
  let seq = 0;
  const ready = new Map();
  const body = (n, isReady) => {
    ready.set(`bench-${n}`, isReady);
    return JSON.stringify({
      id: `bench-${n}`,
      tenant: 'demo',
      status: isReady ? 'DELIVER' : 'VERIFIED',
      completed: true,
      closed: false,
      created: new Date(start + n * 1000).toISOString(), // fixed per order: Preparing stays in order-number order
      lastChanged: new Date((clock += 1)).toISOString(),
      buckets: [
        {
          venue: 'v1',
          queuePos: String(n),
          lines: [{ id: 'l1', status: isReady ? 'PROCESSED' : 'PROCESSING', quantity: 1 }]
        }
      ],
      benchSeq: seq++
    });
  };
  const load = Array.from({ length: orders }, (_, i) => body(i + 1, false));
  const next = random(13);
  const changes = Array.from({ length: updates }, () => body(1 + Math.floor(next() * orders), next() < 0.5));
  const finalReady = new Set([...ready].filter(([, r]) => r).map(([id]) => id));
  const finalPreparing = new Set([...ready].filter(([, r]) => !r).map(([id]) => id));
  return { load, updates: changes, finalReady, finalPreparing };
}

/** Publishes a raw JSON body; resolves to how many subscriptions got it. Retried once (a reused keep-alive socket). */
async function publish(base, raw) {
  const send = () => publishTo(base, DESTINATION, JSON.parse(raw));
  const answer = await send().catch(send);
  return answer.delivered;
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const round = value => Math.round(value * 100) / 100;

/**
 * One variant in a fresh browser context.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} base
 * @param {VariantName} name
 * @param {ReturnType<typeof messages>} bodies
 * @param {{ rate: number, trace?: string, cap?: Record<string, string | number> }} options
 * @returns {Promise<VariantResult & { cap?: Record<string, string | number> }>}
 */
async function runVariant(browser, base, name, bodies, { rate, trace, cap }) {
  const total = bodies.load.length + bodies.updates.length;
  // The previous variant's socket must be gone: every publish goes to exactly one subscription.
  for (let i = 0; (await stats(base)).subscriptions[DESTINATION]; i++) {
    if (i > 100) throw new Error(`${name}: an earlier page is still subscribed to ${DESTINATION}`);
    await new Promise(done => setTimeout(done, 100));
  }
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', error => errors.push(String(error)));
    await page.setViewport(VIEWPORT);
    await page.evaluateOnNewDocument(instrument);
    const query = cap ? `?${new URLSearchParams(Object.entries(cap).map(([key, value]) => [key, String(value)]))}` : '';
    await page.goto(name === 'ours' ? `${base}/demo/board.html` : `${base}/demo/bench/naive.html${query}`);
    if (name === 'ours') {
      await page.evaluate(() =>
        document.querySelector('os-venue-queue')?.addEventListener('os-queue-update', event => {
          const bench = /** @type {any} */ (window).__bench;
          bench.ids = /** @type {CustomEvent} */ (event).detail;
          bench.commit();
        })
      );
    }
    for (let i = 0; !(await stats(base)).subscriptions[DESTINATION]; i++) {
      if (i > 150) throw new Error(`${name}: the page did not subscribe to ${DESTINATION} (${errors.join('; ')})`);
      await new Promise(done => setTimeout(done, 100));
    }
    if (name === 'ours') {
      // The snapshot (empty here) must be in before the load, so the load counts as live messages.
      await page.waitForFunction(
        () => document.querySelector('os-venue-queue')?.shadowRoot?.querySelector('[part~="columns"]'),
        { timeout: 15000 }
      );
    }

    let misdelivered = 0;
    const check = delivered => void (delivered === 1 || misdelivered++);
    for (let i = 0; i < bodies.load.length; i += 50) {
      const burst = await Promise.all(bodies.load.slice(i, i + 50).map(raw => publish(base, raw)));
      burst.forEach(check);
    }
    const loaded = bodies.load.length;
    await page.waitForFunction(
      count => {
        const bench = /** @type {any} */ (window).__bench;
        return bench.receivedCount >= count && bench.pending.length === 0 && bench.waiting === 0;
      },
      { timeout: 120000, polling: 100 },
      loaded
    );
    // Let the load's renders and measurements settle (ours measures its lists and renders again).
    await page.evaluate(() => new Promise(done => setTimeout(done, 500)));
    const session = await page.createCDPSession();
    await session
      .send('Performance.enable', { timeDomain: 'threadTicks' })
      .catch(() => session.send('Performance.enable'));
    const metrics = async () => {
      const { metrics: list } = await session.send('Performance.getMetrics');
      return Object.fromEntries(list.map(({ name: key, value }) => [key, value]));
    };
    await page.evaluate(() => {
      const bench = /** @type {any} */ (window).__bench;
      bench.renders = 0;
      bench.longestFrame = 0;
      bench.framesOver50 = 0;
      bench.measuring = true;
    });
    if (trace) {
      await page.tracing.start({
        path: trace,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute']
      });
    }
    const before = await metrics();

    const sentAt = /** @type {number[]} */ ([]);
    const sends = [];
    const start = performance.now();
    for (let i = 0; i < bodies.updates.length; i++) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise(done => setTimeout(done, wait));
      sentAt[i] = performance.timeOrigin + performance.now();
      sends.push(publish(base, bodies.updates[i]).then(check));
    }
    await Promise.all(sends);
    await page
      .waitForFunction(
        count => {
          const bench = /** @type {any} */ (window).__bench;
          return bench.receivedCount >= count && bench.pending.length === 0 && bench.waiting === 0;
        },
        { timeout: 120000, polling: 50 },
        total
      )
      .catch(() => {});
    // Two more frames, so the last render's frame is in the figures.
    await page.evaluate(
      () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))))
    );
    const after = await metrics();
    if (trace) await page.tracing.stop();
    const seen = await page.evaluate(
      (name, first, count) => {
        const bench = /** @type {any} */ (window).__bench;
        bench.measuring = false;
        const visible = [];
        for (let i = 0; i < count; i++) visible.push(bench.visible[first + i] ?? null);
        // ours: the last os-queue-update (its columns' ids); naive: its Map.
        const ids = name === 'ours' ? bench.ids : /** @type {any} */ (document.querySelector('naive-board')).ids();
        const rootNode = /** @type {ShadowRoot} */ (document.querySelector('os-venue-queue, naive-board')?.shadowRoot);
        return {
          receivedCount: bench.receivedCount,
          renders: bench.renders,
          longestFrame: bench.longestFrame,
          framesOver50: bench.framesOver50,
          visible,
          ids,
          tiles: rootNode.querySelectorAll('li').length
        };
      },
      name,
      loaded,
      bodies.updates.length
    );

    // How many tiles ours shows per column once both are full (naiveCapped renders as many), and at what size.
    let shown;
    if (name === 'ours') {
      shown = await page.evaluate(() => {
        const rootNode = /** @type {ShadowRoot} */ (document.querySelector('os-venue-queue')?.shadowRoot);
        const count = /** @param {string} column */ column =>
          rootNode.querySelectorAll(`[part~="tile-${column}"]`).length;
        const style = /** @param {string} column */ column =>
          /** @type {HTMLElement} */ (rootNode.querySelector(`[data-list="${column}"]`)).style;
        return {
          preparing: count('preparing'),
          ready: count('ready'),
          preparingSize: style('preparing').getPropertyValue('--number-size'),
          readySize: style('ready').getPropertyValue('--number-size'),
          preparingColumns: style('preparing').getPropertyValue('--tile-columns'),
          readyColumns: style('ready').getPropertyValue('--tile-columns')
        };
      });
    }

    // Every message must have arrived, been rendered, and left the element's columns as the messages say.
    const problems = [];
    if (misdelivered) problems.push(`${misdelivered} publishes did not go to exactly one subscription`);
    if (seen.receivedCount !== total) problems.push(`${seen.receivedCount} of ${total} messages arrived`);
    const unrendered = seen.visible.filter(at => at === null).length;
    if (unrendered) problems.push(`${unrendered} updates never rendered`);
    const sameSet = (list, set) => list.length === set.size && list.every(id => set.has(id));
    if (!sameSet(seen.ids.preparing, bodies.finalPreparing) || !sameSet(seen.ids.ready, bodies.finalReady)) {
      problems.push(
        `the columns hold ${seen.ids.preparing.length} + ${seen.ids.ready.length} orders, ` +
          `the messages say ${bodies.finalPreparing.size} + ${bodies.finalReady.size}`
      );
    }
    if (errors.length) problems.push(`page errors: ${errors.slice(0, 3).join('; ')}`);
    if (problems.length) throw new Error(`busy board, ${name}: ${problems.join('; ')}`);

    const latencies = seen.visible.map((at, i) => /** @type {number} */ (at) - sentAt[i]).sort((a, b) => a - b);
    const ms = key => ((after[key] ?? 0) - (before[key] ?? 0)) * 1000;
    const cpuMs = ms('TaskDuration');
    return {
      delivered: seen.receivedCount,
      renders: seen.renders,
      cpuMs: round(cpuMs),
      cpuPerRenderMs: round(cpuMs / Math.max(1, seen.renders)),
      longestFrameMs: round(seen.longestFrame),
      framesOver50: seen.framesOver50,
      p50Ms: round(percentile(latencies, 0.5)),
      p95Ms: round(percentile(latencies, 0.95)),
      scriptMs: round(ms('ScriptDuration')),
      styleMs: round(ms('RecalcStyleDuration')),
      layoutMs: round(ms('LayoutDuration')),
      tiles: seen.tiles,
      ...(shown ? { cap: shown } : {})
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Runs the busy board: ours, then the naive element, then the naive element capped to ours' visible tiles, each with
 * the same `orders` orders and `rate` updates/s for `seconds` s. Starts and stops its own emulator and Chromium.
 * Throws when a variant did not get (and show) every published message.
 * @param {{ orders?: number, rate?: number, seconds?: number, bundle?: string, variants?: VariantName[], trace?: string }} [options]
 *   `bundle`: the CDN build to test (default dist/cdn/os-widgets.js); `variants`: which to run (default all three);
 *   `trace`: where to write a Chromium trace of each variant's update phase (`<trace>-<variant>.json`; for profiling,
 *   it slows the page down)
 * @returns {Promise<{ published: number, variants: Partial<Record<VariantName, VariantResult>> }>}
 */
export async function benchBusyBoard({
  orders = 1000,
  rate = 200,
  seconds = 10,
  bundle = join(root, 'dist/cdn/os-widgets.js'),
  variants = ['ours', 'naive', 'naiveCapped'],
  trace
} = {}) {
  if (!existsSync(bundle)) throw new Error(`No ${bundle}: run \`npm run build\` first.`);
  const bodies = messages(orders, Math.round(rate * seconds));
  const site = mkdtempSync(join(tmpdir(), 'os-bench-busy-board-'));
  /** @type {{ url: string, stop: () => Promise<void> } | undefined} */
  let emulator;
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  try {
    await writeSite(site, resolve(bundle));
    // The emulator CLI is started from the repository root (its path is relative).
    const cwd = process.cwd();
    process.chdir(root);
    const starting = startEmulatorProcess(['--quiet', '--no-seed', '--static', site]);
    process.chdir(cwd);
    emulator = await starting;
    browser = await launchChromium();
    /** @type {Partial<Record<VariantName, VariantResult>>} */
    const results = {};
    /** @type {Record<string, string | number> | undefined} */
    let cap;
    const order = /** @type {VariantName[]} */ (['ours', 'naive', 'naiveCapped']).filter(
      v => variants.includes(v) || (v === 'ours' && variants.includes('naiveCapped'))
    );
    for (const name of order) {
      const result = await runVariant(browser, emulator.url, name, bodies, {
        rate,
        trace: trace && trace.replace(/(\.json)?$/, `-${name}.json`),
        cap: name === 'naiveCapped' ? (cap ?? { preparing: 24, ready: 40 }) : undefined
      });
      if (name === 'ours') cap = result.cap;
      delete result.cap;
      if (variants.includes(name)) results[name] = result;
    }
    return { published: bodies.load.length + bodies.updates.length, variants: results };
  } finally {
    const process_ = browser?.process();
    await browser?.close().catch(() => process_?.kill('SIGKILL'));
    await emulator?.stop().catch(() => {});
    rmSync(site, { recursive: true, force: true });
  }
}

const median = values => {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const values = name => process.argv.flatMap((arg, index) => (arg === `--${name}` ? [process.argv[index + 1]] : []));
  const number = (name, fallback) => (values(name).length ? Number(values(name)[0]) : fallback);
  const options = {
    orders: number('orders', 1000),
    rate: number('rate', 200),
    seconds: number('seconds', 10),
    ...(values('bundle').length ? { bundle: resolve(values('bundle')[0]) } : {}),
    ...(values('trace').length ? { trace: resolve(values('trace')[0]) } : {}),
    ...(values('variants').length ? { variants: /** @type {VariantName[]} */ (values('variants')[0].split(',')) } : {})
  };
  const runs = number('runs', 1);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const result = await benchBusyBoard(options);
    results.push(result);
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(runs === 1 ? results[0] : results, null, 2));
    return;
  }
  const names = /** @type {VariantName[]} */ (['ours', 'naive', 'naiveCapped']);
  const keys = /** @type {const} */ ([
    ['renders', 'renders'],
    ['cpuMs', 'CPU, ms'],
    ['cpuPerRenderMs', 'CPU/render, ms'],
    ['scriptMs', '  script, ms'],
    ['styleMs', '  style, ms'],
    ['layoutMs', '  layout, ms'],
    ['longestFrameMs', 'longest frame, ms'],
    ['framesOver50', 'frames > 50 ms'],
    ['p50Ms', 'latency p50, ms'],
    ['p95Ms', 'latency p95, ms']
  ]);
  /** The figure for one variant: the median over the runs (ratios: the median of each run's ratio). */
  const of = (name, key) => median(results.map(r => /** @type {any} */ (r.variants[name])?.[key]));
  const ratio = (name, key) =>
    median(
      results.map(
        r => /** @type {any} */ (r.variants[name])?.[key] / /** @type {any} */ (r.variants.naiveCapped)?.[key]
      )
    );
  console.log(
    `Busy board: ${options.orders} orders, then ${options.rate} updates/s for ${options.seconds} s, ` +
      `${results[0].published} messages, all delivered to every variant` +
      (runs > 1 ? `; medians of ${runs} runs` : '')
  );
  const pad = (text, width) => String(text).padStart(width);
  console.log(`${''.padEnd(18)}${pad('ours', 10)}${pad('naive', 10)}${pad('capped', 10)}${pad('ours/capped', 13)}`);
  for (const [key, label] of keys) {
    const cells = names.map(name => pad(results[0].variants[name] ? round(of(name, key)) : '-', 10)).join('');
    const r = ratio('ours', key);
    console.log(`${label.padEnd(18)}${cells}${pad(Number.isFinite(r) ? `${r.toFixed(2)}x` : '-', 13)}`);
  }
  if (!results[0].variants.ours || !results[0].variants.naiveCapped) return;
  const capped = name => results.map(r => /** @type {any} */ (r.variants[name]));
  const goals = [
    ['CPU per render <= 2x capped', ratio('ours', 'cpuPerRenderMs'), r => r <= 2, 'x'],
    ['total CPU <= 0.5x capped', ratio('ours', 'cpuMs'), r => r <= 0.5, 'x'],
    [
      'latency p95 <= capped + 33 ms',
      median(results.map((_, i) => capped('ours')[i].p95Ms - capped('naiveCapped')[i].p95Ms)),
      d => d <= 33,
      ' ms'
    ],
    ['no frame over 50 ms', of('ours', 'framesOver50'), n => n === 0, '']
  ];
  console.log('Goals (ours vs capped, same run):');
  for (const [label, value, ok, unit] of goals) {
    console.log(`  ${ok(value) ? 'met    ' : 'NOT met'}  ${label.padEnd(32)} ${round(value)}${unit}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
