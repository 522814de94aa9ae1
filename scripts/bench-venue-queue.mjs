#!/usr/bin/env node
// Loads <os-venue-queue> (demo/board.html) in headless Chromium against the emulator, publishes 1,000 orders to the
// venue, then a stream of status updates at a fixed rate over STOMP, and reports what the page saw: messages
// delivered, renders, frame times and long tasks. Needs a build (`npm run build`) and Chromium.
// Run: node scripts/bench-venue-queue.mjs [--orders 1000] [--rate 200] [--seconds 10]
import { publish as publishTo, waitSubscribed } from '../demo/emulator-client.js';
import { launchChromium } from './lib/chromium.mjs';
import { startEmulatorProcess } from './lib/emulator-process.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg('orders', 1000);
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 10);

const emulator = await startEmulatorProcess(['--quiet', '--no-seed']);
const base = emulator.url;

let clock = Date.parse('2026-01-01T12:00:00Z');
const order = (n, ready) => ({
  id: `bench-${n}`,
  tenant: 'demo',
  status: ready ? 'DELIVER' : 'VERIFIED',
  completed: true,
  closed: false,
  created: new Date(clock).toISOString(),
  lastChanged: new Date((clock += 1)).toISOString(),
  buckets: [
    { venue: 'v1', queuePos: String(n), lines: [{ id: 'l1', status: ready ? 'PROCESSED' : 'PROCESSING', quantity: 1 }] }
  ]
});
// A publish is retried once: under load the HTTP client may reuse a keep-alive socket the server has just closed
// ("other side closed"). Failures are counted and reported, never left as unhandled rejections.
let failed = 0;
const publish = body =>
  publishTo(base, '/kds/demo/v1', body)
    .catch(() => publishTo(base, '/kds/demo/v1', body))
    .catch(() => void failed++);

/** @type {import('puppeteer-core').Browser | undefined} */
let browser;
try {
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.setViewport({ width: 1920, height: 1080 });
  await page.goto(`${base}/demo/board.html`);
  await waitSubscribed(base, '/kds/demo/v1');
  await page.evaluate(() => {
    const board = document.querySelector('os-venue-queue');
    const stats = (window.__bench = { renders: 0, frames: [], longTasks: [], running: true });
    board.addEventListener('os-queue-update', () => stats.renders++);
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) stats.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = now => {
      stats.frames.push(now - last);
      last = now;
      if (stats.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

  const loadStart = Date.now();
  for (let n = 1; n <= ORDERS; n += 50) {
    await Promise.all(Array.from({ length: Math.min(50, ORDERS - n + 1) }, (_, i) => publish(order(n + i, false))));
  }
  await page.waitForFunction(
    count => {
      const el = document.querySelector('os-venue-queue');
      return el && el.shadowRoot.querySelector('[part~="page-indicator"]') && window.__bench.renders > 0 && count;
    },
    { timeout: 30000 },
    ORDERS
  );
  const loadMs = Date.now() - loadStart;
  await page.evaluate(() => {
    window.__bench.frames = [];
    window.__bench.longTasks = [];
    window.__bench.renders = 0;
  });

  const total = RATE * SECONDS;
  const start = Date.now();
  const sent = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    const n = 1 + Math.floor(Math.random() * ORDERS);
    sent.push(publish(order(n, Math.random() < 0.5)));
  }
  const sendMs = Date.now() - start;
  await Promise.all(sent);
  await new Promise(resolve => setTimeout(resolve, 500));
  const stats = await page.evaluate(() => {
    const s = window.__bench;
    s.running = false;
    return { renders: s.renders, frames: s.frames, longTasks: s.longTasks };
  });
  const frames = stats.frames.slice(1).sort((a, b) => a - b);
  const pct = q => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]?.toFixed(1);
  console.log(`loaded ${ORDERS} orders in ${loadMs} ms`);
  console.log(
    `${total} updates in ${(sendMs / 1000).toFixed(1)} s (${Math.round(total / (sendMs / 1000))}/s): ` +
      `${stats.renders} renders, frame time median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms, ` +
      `long tasks ${stats.longTasks.length} (longest ${Math.max(0, ...stats.longTasks).toFixed(0)} ms)` +
      (failed ? `; ${failed} publishes failed twice` : '')
  );
} finally {
  await browser?.close();
  await emulator.stop();
}
