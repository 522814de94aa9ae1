#!/usr/bin/env node
// Measures how long the demo's <os-order-status> takes to show a status change made through the emulator's control
// API (POST /__emulator/orders/{id}/status): the time from sending the request to the new step being rendered.
// Needs a build (`npm run build`) and Chromium (/usr/bin/chromium or CHROME_PATH).
// Run: node scripts/bench-live-update.mjs [--rounds 20]
import { launchChromium } from './lib/chromium.mjs';
import { startEmulatorProcess } from './lib/emulator-process.mjs';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 20;
const emulator = await startEmulatorProcess(['--quiet']);
const base = emulator.url;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${base}/demo/tracker.html?order=1001`);
  const stepOf = () =>
    document.querySelector('os-order-status')?.shadowRoot?.querySelector('[aria-current="step"]')?.textContent?.trim();
  await page.waitForFunction(stepOf, { timeout: 10000 });
  const stages = [
    ['READY', 'Ready for pickup'],
    ['PREPARING', 'Preparing']
  ];
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const [status, label] = stages[i % 2];
    const ms = await page.evaluate(
      async (base, status, label, stepSource) => {
        const stepOf = new Function(`return (${stepSource})()`);
        const start = performance.now();
        await fetch(`${base}/__emulator/orders/1001/status`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ status })
        });
        while (stepOf() !== label) await new Promise(requestAnimationFrame);
        return performance.now() - start;
      },
      base,
      status,
      label,
      stepOf.toString()
    );
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const pick = q => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(
    `status change → rendered, ${rounds} rounds: median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${pick(1)} ms`
  );
} finally {
  await browser.close();
  await emulator.stop();
}
