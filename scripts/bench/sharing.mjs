// @ts-check
// `npm run bench`, part "sharing": 20 mixed elements following 3 orders on one page, loaded from dist/cdn/os-widgets.js,
// beside the same page built the naive way: one bare @stomp/stompjs Client per element, each subscribing to what its
// element shows (bundled with esbuild). Both run in headless Chromium against a fresh emulator each. The WebSockets
// opened and the SUBSCRIBE frames sent are counted twice: by the browser (CDP Network.webSocketCreated /
// webSocketFrameSent) and by the emulator (GET /__emulator/stats); the two must agree. Then every order changes
// (READY), each gets a notification, and the venue closes for a while: every element (every client) must show what
// concerns it, else the run fails.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { control, resetStats, stats, waitSubscribed } from '../../demo/emulator-client.js';
import { launchChromium } from '../lib/chromium.mjs';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';
import { removeOnExit } from '../lib/process-guard.mjs';
import { bundlePage } from '../lib/bundle-page.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ORDERS = ['2001', '2002', '2003'];
const USER = 'guest-1';
const VENUE = 'v1';
const CLOSED_REASON = 'Bench break';
const noteFor = (/** @type {string} */ id) => `Bench note for order ${id}`;

/**
 * The 20 elements: tag, attributes, and the destination a naive element would subscribe to (none for the status
 * badge, which only shows its connection).
 * @typedef {{ tag: string, attributes: Record<string, string>, destination?: string, order?: string }} ElementSpec
 * @type {ElementSpec[]}
 */
const ELEMENTS = [
  ...[0, 1, 2, 0, 1, 2, 0, 1].map(i => ({
    tag: 'os-order-status',
    attributes: { 'order-id': ORDERS[i] },
    destination: `/order-changes/${USER}/${ORDERS[i]}`,
    order: ORDERS[i]
  })),
  ...Array.from({ length: 4 }, () => ({
    tag: 'os-venue-queue',
    attributes: { venue: VENUE, 'highlight-seconds': '0' },
    destination: `/kds/demo/${VENUE}`
  })),
  ...Array.from({ length: 3 }, () => ({
    tag: 'os-user-toasts',
    attributes: { duration: '600000', position: 'bottom-start' },
    destination: `/kds/demo/${USER}`
  })),
  ...Array.from({ length: 3 }, () => ({
    tag: 'os-venue-watch',
    attributes: { venue: VENUE, display: '' },
    destination: `/venue/demo/${VENUE}`
  })),
  ...Array.from({ length: 2 }, () => ({ tag: 'os-connection-status', attributes: {} }))
];
const DESTINATIONS = [...new Set(ELEMENTS.flatMap(element => (element.destination ? [element.destination] : [])))];

const STYLE = `<style>
  body { margin: 0; font: 14px sans-serif; }
  #elements { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; padding: 8px; }
  os-venue-queue { height: 320px; grid-column: span 2; }
</style>`;

const elementsHtml = ELEMENTS.map(
  ({ tag, attributes }) =>
    `<${tag} ${Object.entries(attributes)
      .map(([name, value]) => (value === '' ? name : `${name}="${value}"`))
      .join(' ')}></${tag}>`
).join('\n');

const WIDGETS_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>bench: sharing, os-widgets</title><link rel="icon" href="data:," />${STYLE}</head>
  <body>
    <div id="elements">${elementsHtml}</div>
    <script type="module">
      import { configure, passwordGrantSource } from '/dist/cdn/os-widgets.js';
      const apiUrl = location.origin;
      configure({
        apiUrl,
        tenant: 'demo',
        token: passwordGrantSource({ apiUrl, tenant: 'demo', username: 'guest', password: 'guest' })
      });
    </script>
  </body>
</html>
`;

/** The naive page: one Client per element, each connecting with the guest's token and subscribing on connect. */
const BASELINE_ENTRY = `import { Client } from '@stomp/stompjs';

const specs = ${JSON.stringify(ELEMENTS.map(({ tag, destination }) => ({ tag, destination: destination ?? null })))};
window.__baseline = { clients: [] };
window.startBaseline = ({ brokerURL, token }) => {
  for (const spec of specs) {
    const record = { ...spec, connected: false, messages: [] };
    window.__baseline.clients.push(record);
    const client = new Client({ brokerURL, connectHeaders: { login: token }, reconnectDelay: 0 });
    client.onConnect = () => {
      record.connected = true;
      if (spec.destination) {
        client.subscribe(spec.destination, message => record.messages.push(JSON.parse(message.body)));
      }
    };
    client.activate();
  }
};
`;

const BASELINE_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>bench: sharing, one client per element</title><link rel="icon" href="data:," />
    <script src="/demo/bench/baseline.js"></script>
  </head>
  <body></body>
</html>
`;

/** A static root for the emulator: the CDN build as it is (with any chunks), and the two pages. */
async function writeSite(/** @type {string} */ dir) {
  const cdn = join(root, 'dist/cdn');
  if (!existsSync(join(cdn, 'os-widgets.js'))) throw new Error('No dist/cdn/os-widgets.js: run `npm run build` first.');
  cpSync(cdn, join(dir, 'dist/cdn'), { recursive: true });
  const bench = join(dir, 'demo/bench');
  mkdirSync(bench, { recursive: true });
  writeFileSync(join(bench, 'widgets.html'), WIDGETS_PAGE);
  writeFileSync(join(bench, 'baseline.html'), BASELINE_PAGE);
  await bundlePage({
    contents: BASELINE_ENTRY,
    name: 'baseline.js',
    outfile: join(bench, 'baseline.js'),
    format: 'iife'
  });
}

/** Waits until `check` (run in the page) returns an empty list of what is still missing; throws with that list. */
async function waitInPage(
  /** @type {import('puppeteer-core').Page} */ page,
  /** @type {(...args: any[]) => string[]} */ check,
  /** @type {unknown[]} */ args,
  /** @type {string} */ what
) {
  const deadline = Date.now() + 20000;
  let missing = [];
  while (Date.now() < deadline) {
    missing = await page.evaluate(check, ...args);
    if (missing.length === 0) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: still missing after 20 s: ${missing.slice(0, 6).join('; ')}`);
}

/** What the page must show once the elements are live, before anything changes. */
function widgetsLive() {
  const missing = [];
  const step = (/** @type {Element} */ el) =>
    el.shadowRoot?.querySelector('[aria-current="step"]')?.textContent?.trim() ?? '(none)';
  for (const el of document.querySelectorAll('os-order-status')) {
    if (step(el) !== 'Preparing') missing.push(`${el.getAttribute('order-id')} tracker shows ${step(el)}`);
  }
  for (const el of document.querySelectorAll('os-venue-queue')) {
    const tiles = el.shadowRoot?.querySelectorAll('[part~="column-preparing"] [part~="tile"]').length ?? 0;
    if (tiles !== 3) missing.push(`board shows ${tiles} preparing tiles`);
  }
  for (const el of document.querySelectorAll('os-venue-watch')) {
    if (el.getAttribute('venue-state') !== 'open') missing.push(`venue watch is ${el.getAttribute('venue-state')}`);
  }
  for (const el of document.querySelectorAll('os-connection-status')) {
    if (/** @type {any} */ (el).state !== 'open') missing.push(`connection status is ${/** @type {any} */ (el).state}`);
  }
  return missing;
}

/** What the page must show after the changes: every element, each change that concerns it. */
function widgetsUpdated(/** @type {string[]} */ notes, /** @type {string} */ reason) {
  const missing = [];
  const step = (/** @type {Element} */ el) =>
    el.shadowRoot?.querySelector('[aria-current="step"]')?.textContent?.trim() ?? '(none)';
  for (const el of document.querySelectorAll('os-order-status')) {
    if (step(el) !== 'Ready for pickup') missing.push(`${el.getAttribute('order-id')} tracker shows ${step(el)}`);
  }
  for (const el of document.querySelectorAll('os-venue-queue')) {
    const ready = el.shadowRoot?.querySelectorAll('[part~="column-ready"] [part~="tile"]').length ?? 0;
    if (ready !== 3) missing.push(`board shows ${ready} ready tiles`);
  }
  for (const el of document.querySelectorAll('os-user-toasts')) {
    const shown = [...(el.shadowRoot?.querySelectorAll('[part~="message"]') ?? [])].map(p => p.textContent?.trim());
    for (const note of notes) if (!shown.includes(note)) missing.push(`toasts lack "${note}"`);
  }
  for (const el of document.querySelectorAll('os-venue-watch')) {
    const label = el.shadowRoot?.querySelector('[part~="label"]')?.textContent ?? '';
    if (el.getAttribute('venue-state') !== 'temp-closed' || !label.includes(reason)) {
      missing.push(`venue watch is ${el.getAttribute('venue-state')} "${label.trim()}"`);
    }
  }
  for (const el of document.querySelectorAll('os-connection-status')) {
    if (/** @type {any} */ (el).state !== 'open') missing.push(`connection status is ${/** @type {any} */ (el).state}`);
  }
  return missing;
}

/** The naive clients: every one connected, and subscribed when it has a destination (the emulator says so). */
function baselineConnected() {
  const clients = /** @type {any} */ (window).__baseline?.clients ?? [];
  if (clients.length === 0) return ['no client yet'];
  return clients.filter((/** @type {any} */ c) => !c.connected).map((/** @type {any} */ c) => `${c.tag} not connected`);
}

/** The naive clients after the changes: each received every message its element would show. */
function baselineUpdated(/** @type {string[]} */ orders, /** @type {string[]} */ notes, /** @type {string} */ reason) {
  const missing = [];
  for (const client of /** @type {any} */ (window).__baseline.clients) {
    const messages = client.messages;
    const readyIds = new Set(
      messages.filter((/** @type {any} */ m) => m.status === 'DELIVER').map((/** @type {any} */ m) => m.id)
    );
    if (client.tag === 'os-order-status') {
      const id = client.destination.split('/').pop();
      if (!readyIds.has(id)) missing.push(`${id} client has no READY`);
    } else if (client.tag === 'os-venue-queue') {
      for (const id of orders) if (!readyIds.has(id)) missing.push(`board client has no READY for ${id}`);
    } else if (client.tag === 'os-user-toasts') {
      const got = messages.map((/** @type {any} */ m) => m.message);
      for (const note of notes) if (!got.includes(note)) missing.push(`toasts client lacks "${note}"`);
    } else if (client.tag === 'os-venue-watch') {
      if (!messages.some((/** @type {any} */ m) => m.tempDisabled === true && m.tempDisabledReason === reason)) {
        missing.push('venue client has no closure');
      }
    } else if (!client.connected) {
      missing.push('status client not connected');
    }
  }
  return missing;
}

/**
 * Loads one page against a fresh emulator and counts what it opens and sends.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} siteDir
 * @param {'widgets' | 'baseline'} variant
 * @param {(line: string) => void} log
 */
async function runVariant(browser, siteDir, variant, log) {
  const emulator = await startEmulatorProcess(['--quiet', '--no-seed', '--static', siteDir]);
  const context = await browser.createBrowserContext();
  try {
    const base = emulator.url;
    for (const id of ORDERS) await control(base, '/orders', { id, userId: USER, venue: VENUE, status: 'PREPARING' });
    const page = await context.newPage();
    await page.setViewport({ width: 1600, height: 1200 });
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', error => errors.push(String(error)));
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const browserCount = { sockets: 0, subscribes: 0 };
    cdp.on('Network.webSocketCreated', () => browserCount.sockets++);
    cdp.on('Network.webSocketFrameSent', event => {
      if (/^SUBSCRIBE\r?\n/.test(event.response.payloadData)) browserCount.subscribes++;
    });
    await resetStats(base);

    await page.goto(`${base}/demo/bench/${variant}.html`);
    if (variant === 'widgets') {
      await waitInPage(page, widgetsLive, [], `${variant}: the elements did not go live`);
    } else {
      const token = await guestToken(base);
      const brokerURL = `${base.replace(/^http/, 'ws')}/websocket`;
      await page.evaluate(options => /** @type {any} */ (window).startBaseline(options), { brokerURL, token });
      await waitInPage(page, baselineConnected, [], `${variant}: the clients did not connect`);
    }
    for (const destination of DESTINATIONS) await waitSubscribed(base, destination, 10000);
    if (variant === 'baseline') await waitForSubscriptionCount(base);
    log(`sharing, ${variant}: live; publishing ${ORDERS.length} order changes, ${ORDERS.length} notes, 1 venue change`);

    for (const id of ORDERS) await control(base, `/orders/${id}/status`, { status: 'READY' });
    for (const id of ORDERS) {
      await control(base, `/users/${USER}/notify`, { kind: 'message', orderId: id, message: noteFor(id) });
    }
    await control(base, `/venues/${VENUE}`, { tempDisabled: true, tempDisabledReason: CLOSED_REASON });
    const notes = ORDERS.map(noteFor);
    if (variant === 'widgets') {
      await waitInPage(
        page,
        widgetsUpdated,
        [notes, CLOSED_REASON],
        `${variant}: not every element showed the changes`
      );
    } else {
      await waitInPage(
        page,
        baselineUpdated,
        [ORDERS, notes, CLOSED_REASON],
        `${variant}: not every client got the changes`
      );
    }
    if (errors.length > 0) throw new Error(`${variant}: page errors: ${errors.slice(0, 3).join('; ')}`);

    const counted = await stats(base);
    const server = { sockets: counted.connections.total, subscribes: counted.frames.SUBSCRIBE ?? 0 };
    if (server.sockets !== browserCount.sockets || server.subscribes !== browserCount.subscribes) {
      throw new Error(
        `${variant}: the browser counted ${browserCount.sockets} WebSockets and ${browserCount.subscribes} SUBSCRIBE ` +
          `frames, the emulator ${server.sockets} and ${server.subscribes}`
      );
    }
    return { ...server, messages: counted.messages, elements: ELEMENTS.length };
  } finally {
    await context.close().catch(() => {});
    await emulator.stop().catch(() => {});
  }
}

/** The naive page subscribes once per element: wait until the emulator holds all of them. */
async function waitForSubscriptionCount(/** @type {string} */ base) {
  const expected = ELEMENTS.filter(element => element.destination).length;
  const deadline = Date.now() + 10000;
  let held = 0;
  while (Date.now() < deadline) {
    const { subscriptions } = await stats(base);
    held = DESTINATIONS.reduce((sum, destination) => sum + (subscriptions[destination] ?? 0), 0);
    if (held >= expected) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`baseline: ${held} of ${expected} subscriptions after 10 s`);
}

/** The guest's access token (password grant), for the naive clients' CONNECT. */
async function guestToken(/** @type {string} */ base) {
  const response = await fetch(`${base}/auth-oauth2/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from('ordering:secret').toString('base64')}`,
      'X-Tenant': 'demo',
      'Content-Type': 'application/x-www-form-urlencoded'
    },
    body: new URLSearchParams({ grant_type: 'password', username: 'guest', password: 'guest' })
  });
  if (!response.ok) throw new Error(`token request: HTTP ${response.status}`);
  return /** @type {{ access_token: string }} */ (await response.json()).access_token;
}

/**
 * Runs both pages, one after the other.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ elements: number, orders: number, destinations: number, changes: number,
 *   ours: { sockets: number, subscribes: number, messages: number },
 *   baseline: { sockets: number, subscribes: number, messages: number } }>}
 */
export async function benchSharing({ log = () => {} } = {}) {
  const site = mkdtempSync(join(tmpdir(), 'os-bench-sharing-'));
  const removed = removeOnExit(site);
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  try {
    await writeSite(site);
    browser = await launchChromium();
    const ours = await runVariant(browser, site, 'widgets', log);
    const baseline = await runVariant(browser, site, 'baseline', log);
    return {
      elements: ELEMENTS.length,
      orders: ORDERS.length,
      destinations: DESTINATIONS.length,
      changes: 2 * ORDERS.length + 1,
      ours,
      baseline
    };
  } finally {
    await browser?.close().catch(() => {});
    rmSync(site, { recursive: true, force: true });
    removed();
  }
}
