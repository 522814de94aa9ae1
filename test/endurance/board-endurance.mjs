#!/usr/bin/env node
// Endurance run of <os-venue-queue> (issue "Light and fast for a whole day", part "No growth"): 100,000 order
// lifecycles and 24 hours of paging, simulated with a fake clock, must leave the page's DOM nodes and its JS heap
// after GC within 5 % of the start. Not a test file (minutes long): run it by hand or in a nightly job.
//
//   node test/endurance/board-endurance.mjs [--lifecycles 100000] [--hours 24] [--orders 150]
//
// It bundles test/endurance/board-page.ts (the element from src/, a fake STOMP hub, sinon's fake clock) with esbuild,
// loads it into headless Chromium (puppeteer-core; Debian's /usr/bin/chromium or CHROME_PATH; `--expose-gc`), and
// measures the same two states at the start and at the end: the board full (`--orders` preparing and as many ready,
// paged, first page) and the board empty. Exit code 1 when a ratio is above 1.05. Chromium is closed (killed if it
// does not close) however the run ends.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LIFECYCLES = arg('lifecycles', 100_000);
const HOURS = arg('hours', 24);
const ORDERS = arg('orders', 150);
const PAGE_SECONDS = 8; // board-page.ts
const STEPS = Math.round((HOURS * 3600) / PAGE_SECONDS);
/**
 * Page periods run before the start is measured (one simulated hour): the JIT's compiled code and the browser's
 * bounded performance-entry buffers (layout shifts, long animation frames) grow during the first minutes, then stay.
 */
const WARM_UP = 450;
/** Page periods after a refill before each full-board measurement: the same page shown at the start and the end. */
const SETTLE = 40;
const LIMIT = 1.05;

const started = Date.now();
const log = text => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);

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

/** @type {import('puppeteer-core').Browser | undefined} */
let browser;
/** Closes Chromium; kills it when it does not close within 5 s. */
async function stopBrowser() {
  const child = browser?.process();
  if (!browser) return;
  const closing = browser;
  browser = undefined;
  await Promise.race([closing.close().catch(() => {}), new Promise(resolve => setTimeout(resolve, 5000))]);
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => void stopBrowser().finally(() => process.exit(130)));
}

let failed = false;
try {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROME_PATH.`);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    protocolTimeout: 600_000
  });
  const page = await browser.newPage();
  const errors = [];
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

  /** GC (twice), then the page's DOM nodes, JS heap and listeners, and the board's census. */
  const measure = async label => {
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => /** @type {any} */ (window).gc());
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const metrics = await page.metrics();
    const census = await page.evaluate(() => window.endurance.census());
    return {
      label,
      nodes: metrics.Nodes ?? 0,
      heap: metrics.JSHeapUsedSize ?? 0,
      listeners: metrics.JSEventListeners ?? 0,
      ...census
    };
  };
  /** Fills the board and runs `steps` page periods of 10 lifecycles each. */
  const fillAndRun = async steps => {
    await page.evaluate(n => window.endurance.fill(n), ORDERS);
    await page.evaluate(n => window.endurance.run(0, n, n * 10, n), steps);
  };

  await page.evaluate(() => window.endurance.start());
  await fillAndRun(WARM_UP);
  await page.evaluate(() => window.endurance.drain());
  await fillAndRun(SETTLE);
  const fullStart = await measure('full, start');
  await page.evaluate(() => window.endurance.drain());
  const emptyStart = await measure('empty, start');
  log(
    `start: ${fullStart.tiles} tiles shown of ${2 * ORDERS} orders, pages ${fullStart.pages.join(', ') || 'none'}; ` +
      `running ${LIFECYCLES.toLocaleString('en')} lifecycles over ${HOURS} h of paging (${STEPS.toLocaleString('en')} page periods)`
  );

  await page.evaluate(n => window.endurance.fill(n), ORDERS);
  const CHUNK = 600;
  let lifecycles = 0;
  let paged = 0;
  for (let from = 0; from < STEPS; from += CHUNK) {
    const steps = Math.min(CHUNK, STEPS - from);
    const done = await page.evaluate((...a) => window.endurance.run(...a), from, steps, LIFECYCLES, STEPS);
    lifecycles += done.lifecycles;
    paged += done.paged;
    const simulated = ((from + steps) * PAGE_SECONDS) / 3600;
    log(`${simulated.toFixed(1)} h simulated, ${lifecycles.toLocaleString('en')} lifecycles`);
  }
  await page.evaluate(() => window.endurance.drain());
  const emptyEnd = await measure('empty, end');
  await fillAndRun(SETTLE);
  const fullEnd = await measure('full, end');

  const rows = [fullStart, fullEnd, emptyStart, emptyEnd];
  const mb = bytes => (bytes / 1048576).toFixed(2);
  console.log('');
  console.log('state          DOM nodes  JS heap (MB)  listeners  shadow comments  shadow elements  tiles  pages');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(13)} ${String(r.nodes).padStart(10)} ${mb(r.heap).padStart(13)} ${String(r.listeners).padStart(10)} ` +
        `${String(r.comments).padStart(16)} ${String(r.elements).padStart(16)} ${String(r.tiles).padStart(6)}  ${r.pages.join(', ')}`
    );
  }
  const ratios = [
    ['DOM nodes, full board', fullEnd.nodes / fullStart.nodes],
    ['JS heap, full board', fullEnd.heap / fullStart.heap],
    ['DOM nodes, empty board', emptyEnd.nodes / emptyStart.nodes],
    ['JS heap, empty board', emptyEnd.heap / emptyStart.heap]
  ];
  console.log('');
  console.log(
    `${lifecycles.toLocaleString('en')} order lifecycles, ${((STEPS * PAGE_SECONDS) / 3600).toFixed(1)} h of paging ` +
      `(${paged.toLocaleString('en')} page periods with more than one page), ${((Date.now() - started) / 1000).toFixed(0)} s`
  );
  for (const [name, ratio] of ratios) {
    const ok = ratio <= LIMIT;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: end / start = ${ratio.toFixed(3)} (limit ${LIMIT})`);
  }
  if (paged < STEPS / 2) {
    failed = true;
    console.log(`FAIL the board paged in only ${paged} of ${STEPS} page periods: raise --orders`);
  }
  if (fullEnd.banner || errors.length > 0) {
    failed = true;
    console.log(`FAIL ${fullEnd.banner ? `banner "${fullEnd.banner}"; ` : ''}${errors.length} page errors`);
    for (const error of errors.slice(0, 5)) console.log(`  ${error}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await stopBrowser();
}
process.exitCode = failed ? 1 : 0;
