#!/usr/bin/env node
// Renders the demo pages in headless Chromium against the emulator (scenario quiet, a fixed seed, paused, so every
// run shows the same restaurant) and writes the PNGs the README shows to docs/images/.
// Needs a build (`npm run screenshots` builds first) and Chromium (/usr/bin/chromium or CHROME_PATH).
// Run: node scripts/screenshots.mjs [--seed 21] [--out docs/images] [--only name,name]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.mjs';
import { recordConnectionStates, settle, waitUntilLive } from './lib/demo-pages.mjs';
import { control, query } from '../demo/emulator-client.js';
import { startEmulatorProcess } from './lib/emulator-process.mjs';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '21' },
    out: { type: 'string', default: 'docs/images' },
    only: { type: 'string' }
  }
});
const only = values.only?.split(',');

/**
 * @typedef {object} Shot
 * @property {string} name file name without `.png`
 * @property {string} path
 * @property {{ width: number, height: number, deviceScaleFactor?: number }} viewport
 * @property {Record<string, string>} [parts] shadow parts that must be rendered before the shot
 * @property {(page: import('puppeteer-core').Page, base: string) => Promise<void>} [prepare] after the page is live
 * @property {string} [clip] CSS selector of the region to shoot instead of the viewport
 * @property {boolean} [fullPage]
 */

const DESKTOP = { width: 1280, height: 860 };

/** @type {Shot[]} */
const SHOTS = [
  {
    name: 'order-status-demo',
    path: '/demo/tracker.html',
    viewport: DESKTOP,
    parts: { 'os-order-status': '[part~="timeline"]' }
  },
  {
    name: 'order-status-reconnecting',
    path: '/demo/tracker.html',
    viewport: DESKTOP,
    parts: { 'os-order-status': '[part~="timeline"]' },
    async prepare(page) {
      await page.setOfflineMode(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await page.waitForFunction(() =>
        document.querySelector('os-order-status')?.shadowRoot?.querySelector('[part~="banner"]')
      );
    }
  },
  {
    name: 'venue-queue-tv',
    path: '/demo/board.html',
    viewport: { width: 1920, height: 1080 },
    parts: { 'os-venue-queue': '[part~="tile"]' }
  },
  {
    name: 'venue-queue-phone',
    path: '/demo/board.html',
    viewport: { width: 390, height: 844, deviceScaleFactor: 2 },
    parts: { 'os-venue-queue': '[part~="tile"]' }
  },
  {
    name: 'user-toasts',
    path: '/demo/toasts.html',
    viewport: DESKTOP,
    async prepare(page, base) {
      const orders = await query(base, '/orders');
      const anna = orders.filter(order => order.users[0]?.userId === 'guest-1' && !order.closed).at(-1);
      const orderId = anna?.id ?? '1001';
      await control(base, '/users/guest-1/notify', { kind: 'basket', orderId });
      await control(base, '/users/guest-1/notify', { kind: 'error', orderId });
      await control(base, '/users/guest-1/notify', { kind: 'upsell', orderId, message: 'Sernik' });
      await page.waitForFunction(
        () => document.querySelector('os-user-toasts')?.shadowRoot?.querySelectorAll('[part~="toast"]').length === 3
      );
    }
  },
  {
    name: 'venue-watch',
    path: '/demo/venue.html',
    viewport: { width: 1280, height: 640 },
    async prepare(page, base) {
      await control(base, '/venues/v1', { tempDisabled: true, tempDisabledReason: 'Back at 14:00' });
      await page.waitForFunction(() =>
        document.querySelector('os-venue-watch')?.shadowRoot?.textContent?.includes('Back at 14:00')
      );
    }
  },
  {
    name: 'connection-status',
    path: '/demo/venue.html',
    viewport: { width: 1280, height: 640, deviceScaleFactor: 2 },
    async prepare(_, base) {
      await control(base, '/venues/v1', { tempDisabled: false });
    },
    clip: '.badges'
  },
  { name: 'cms', path: '/demo/cms.html', viewport: DESKTOP, parts: { 'os-venue-queue': '[part~="columns"]' } },
  {
    name: 'theming',
    path: '/demo/theming.html',
    viewport: { width: 1440, height: 1000 },
    parts: { 'os-venue-queue': '[part~="columns"]' }
  },
  { name: 'control-panel', path: '/demo/control.html', viewport: DESKTOP },
  // Last: the gallery shows the images above as thumbnails.
  { name: 'gallery', path: '/', viewport: DESKTOP, fullPage: true }
];

const emulator = await startEmulatorProcess(['--quiet', '--scenario', 'quiet', '--seed', values.seed, '--paused']);
const browser = await launchChromium();
await mkdir(values.out, { recursive: true });
let failures = 0;
try {
  for (const shot of SHOTS.filter(candidate => !only || only.includes(candidate.name))) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('console', message => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    try {
      await page.setViewport(shot.viewport);
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await recordConnectionStates(page);
      await page.goto(`${emulator.url}${shot.path}`, { waitUntil: 'load' });
      await waitUntilLive(page, shot.parts);
      await shot.prepare?.(page, emulator.url);
      await settle(page);
      const file = join(values.out, `${shot.name}.png`);
      if (shot.clip) {
        const region = await page.$(shot.clip);
        if (!region) throw new Error(`no ${shot.clip} on ${shot.path}`);
        await region.screenshot({ path: file, omitBackground: false });
      } else {
        await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      }
      if (problems.length) throw new Error(problems.join('\n'));
      console.log(`${file}  (${shot.path}, ${shot.viewport.width}×${shot.viewport.height})`);
    } catch (error) {
      failures += 1;
      console.error(`${shot.name}: ${error instanceof Error ? error.message : error}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  await emulator.stop();
}
process.exitCode = failures ? 1 : 0;
