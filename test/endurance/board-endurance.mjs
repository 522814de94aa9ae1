#!/usr/bin/env node
// Endurance run of <os-venue-queue> (issue "Light and fast for a whole day", part "No growth"): 100,000 order
// lifecycles and 24 hours of paging, simulated with a fake clock, must leave the page's DOM nodes and its JS heap
// after GC within 5 % of the start. Not a test file (a minute or two): run it by hand, in a nightly job, or as part
// "endurance" of `npm run bench`, which imports boardEndurance().
//
//   node test/endurance/board-endurance.mjs [--lifecycles 100000] [--hours 24] [--orders 150]
//
// It bundles test/endurance/board-page.ts (the element from src/, a fake STOMP hub, sinon's fake clock) with esbuild,
// loads it into headless Chromium (puppeteer-core; Debian's /usr/bin/chromium or CHROME_PATH; `--expose-gc`), and
// measures the same two states at the start and at the end: the board full (`--orders` preparing and as many ready,
// paged, first page) and the board empty. Exit code 1 when a ratio is above 1.05. Chromium is closed (killed if it
// does not close) however the run ends.
//
// What is not the board's growth is kept out of the comparison:
// - the JIT: three simulated hours run before the start is measured, so the functions the run uses are compiled
//   (optimised code is JS heap too);
// - the browser's bounded performance-entry buffers (long animation frames, layout shifts): they are filled before
//   the start (board-page.ts `saturate()`), and entries beyond their limit are dropped.
import { build } from 'esbuild';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

const PAGE_SECONDS = 8; // board-page.ts
/** Page periods run before the start is measured (three simulated hours), so that the JIT has compiled the run. */
const WARM_UP = 1350;
/** Page periods after a refill before each full-board measurement: the same page shown at the start and the end. */
const SETTLE = 40;
/** Most a figure may grow: end / start. */
export const LIMIT = 1.05;

/**
 * @typedef {{ label: string, nodes: number, heap: number, listeners: number, comments: number, elements: number,
 *   tiles: number, pages: string[], banner: string }} Measurement
 * @typedef {{ lifecycles: number, hours: number, steps: number, paged: number, seconds: number,
 *   rows: Measurement[], ratios: { name: string, start: number, end: number, ratio: number }[],
 *   buffers: { start: Record<string, number>, end: Record<string, number> }, problems: string[] }} EnduranceResult
 */

/**
 * Runs the endurance scenario and resolves to the four measurements and their ratios. `problems` lists what makes the
 * run meaningless (page errors, a banner, a board that did not page); it throws when the run could not be made.
 * @param {{ lifecycles?: number, hours?: number, orders?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<EnduranceResult>}
 */
export async function boardEndurance({ lifecycles = 100_000, hours = 24, orders = 150, log = () => {} } = {}) {
  const started = Date.now();
  const steps = Math.round((hours * 3600) / PAGE_SECONDS);
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./board-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    ignoreAnnotations: true, // package.json's sideEffects list names dist/, not src/
    logLevel: 'warning'
  });
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROME_PATH.`);
  }
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    protocolTimeout: 600_000
  });
  try {
    const page = await browser.newPage();
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', error => errors.push(String(error)));
    page.on('console', message => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.setViewport({ width: 1920, height: 1080 });
    await page.setContent(
      '<!doctype html><html lang="en"><head><style>html, body { margin: 0; height: 100% } ' +
        'os-venue-queue { display: block; height: 100vh }</style></head><body></body></html>'
    );
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const cdp = await page.createCDPSession();
    /** @type {(script: string, ...args: unknown[]) => Promise<any>} */
    const call = (name, ...args) =>
      page.evaluate((name, args) => /** @type {any} */ (window).endurance[name](...args), name, args);

    /** GC (twice), then the page's DOM nodes, JS heap and listeners, and the board's census. */
    const measure = async (/** @type {string} */ label) => {
      for (let i = 0; i < 2; i++) {
        await page.evaluate(() => /** @type {any} */ (window).gc());
        await cdp.send('HeapProfiler.collectGarbage');
      }
      const metrics = await page.metrics();
      return /** @type {Measurement} */ ({
        label,
        nodes: metrics.Nodes ?? 0,
        heap: metrics.JSHeapUsedSize ?? 0,
        listeners: metrics.JSEventListeners ?? 0,
        ...(await call('census'))
      });
    };
    /** Fills the board and runs `count` page periods of 10 lifecycles each. */
    const fillAndRun = async (/** @type {number} */ count) => {
      await call('fill', orders);
      await call('run', 0, count, count * 10, count);
    };

    await call('start');
    await fillAndRun(WARM_UP);
    await call('drain');
    await call('saturate');
    await fillAndRun(SETTLE);
    const startBuffers = await call('buffered');
    const fullStart = await measure('full, start');
    await call('drain');
    const emptyStart = await measure('empty, start');
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
    log(
      `endurance: ${fullStart.tiles} tiles shown of ${2 * orders} orders, pages ${fullStart.pages.join(', ') || 'none'}; ` +
        `running ${lifecycles.toLocaleString('en')} lifecycles over ${hours} h of paging ` +
        `(${steps.toLocaleString('en')} page periods), ${elapsed()}`
    );

    await call('fill', orders);
    const CHUNK = 600;
    let done = 0;
    let paged = 0;
    for (let from = 0; from < steps; from += CHUNK) {
      const count = Math.min(CHUNK, steps - from);
      const chunk = await call('run', from, count, lifecycles, steps);
      done += chunk.lifecycles;
      paged += chunk.paged;
      if ((from / CHUNK) % 3 === 2 || from + count >= steps) {
        const simulated = ((from + count) * PAGE_SECONDS) / 3600;
        log(`endurance: ${simulated.toFixed(1)} h simulated, ${done.toLocaleString('en')} lifecycles, ${elapsed()}`);
      }
    }
    await call('drain');
    const endBuffers = await call('buffered');
    const emptyEnd = await measure('empty, end');
    await fillAndRun(SETTLE);
    const fullEnd = await measure('full, end');

    const ratio = (/** @type {string} */ name, /** @type {number} */ start, /** @type {number} */ end) => ({
      name,
      start,
      end,
      ratio: end / start
    });
    const problems = [];
    if (paged < steps / 2) problems.push(`the board paged in only ${paged} of ${steps} page periods: raise --orders`);
    if (fullEnd.banner) problems.push(`the board shows a banner: "${fullEnd.banner}"`);
    if (errors.length > 0) problems.push(`${errors.length} page errors: ${errors.slice(0, 5).join('; ')}`);
    return {
      lifecycles: done,
      hours: (steps * PAGE_SECONDS) / 3600,
      steps,
      paged,
      seconds: (Date.now() - started) / 1000,
      rows: [fullStart, fullEnd, emptyStart, emptyEnd],
      ratios: [
        ratio('DOM nodes, full board', fullStart.nodes, fullEnd.nodes),
        ratio('JS heap, full board', fullStart.heap, fullEnd.heap),
        ratio('DOM nodes, empty board', emptyStart.nodes, emptyEnd.nodes),
        ratio('JS heap, empty board', emptyStart.heap, emptyEnd.heap)
      ],
      buffers: { start: startBuffers, end: endBuffers },
      problems
    };
  } finally {
    // Closes Chromium; kills it when it does not close within 5 s.
    const child = browser.process();
    await Promise.race([browser.close().catch(() => {}), new Promise(resolve => setTimeout(resolve, 5000))]);
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** The command line: prints the measurements and the ratios; exit code 1 when one is over the limit. */
async function main() {
  const { guardChildProcesses } = await import('../../scripts/lib/process-guard.mjs');
  guardChildProcesses();
  const arg = (/** @type {string} */ name, /** @type {number} */ fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const started = Date.now();
  const log = (/** @type {string} */ text) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
  let failed = false;
  try {
    const result = await boardEndurance({
      lifecycles: arg('lifecycles', 100_000),
      hours: arg('hours', 24),
      orders: arg('orders', 150),
      log
    });
    log(
      `performance-entry buffers: start ${JSON.stringify(result.buffers.start)}, end ${JSON.stringify(result.buffers.end)}`
    );
    const mb = (/** @type {number} */ bytes) => (bytes / 1048576).toFixed(2);
    console.log('');
    console.log('state          DOM nodes  JS heap (MB)  listeners  shadow comments  shadow elements  tiles  pages');
    for (const r of result.rows) {
      console.log(
        `${r.label.padEnd(13)} ${String(r.nodes).padStart(10)} ${mb(r.heap).padStart(13)} ${String(r.listeners).padStart(10)} ` +
          `${String(r.comments).padStart(16)} ${String(r.elements).padStart(16)} ${String(r.tiles).padStart(6)}  ${r.pages.join(', ')}`
      );
    }
    console.log('');
    console.log(
      `${result.lifecycles.toLocaleString('en')} order lifecycles, ${result.hours.toFixed(1)} h of paging ` +
        `(${result.paged.toLocaleString('en')} page periods with more than one page), ${result.seconds.toFixed(0)} s`
    );
    for (const { name, ratio } of result.ratios) {
      const ok = ratio <= LIMIT;
      failed ||= !ok;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: end / start = ${ratio.toFixed(3)} (limit ${LIMIT})`);
    }
    for (const problem of result.problems) console.log(`FAIL ${problem}`);
    failed ||= result.problems.length > 0;
  } catch (error) {
    failed = true;
    console.error(error);
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await main();
