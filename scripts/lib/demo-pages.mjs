// @ts-check
/**
 * The demo pages served by `npm start`, with what "ready" means on each: the screenshots script and the demo smoke
 * test both use this list, so a new page is shot and tested once it is added here.
 */

/**
 * Resolves once every `os-*` element on the page that talks to the server has said its connection is open (recorded by
 * {@link recordConnectionStates}) and the given shadow-DOM parts exist.
 * @param {import('puppeteer-core').Page} page
 * @param {Record<string, string>} [parts] element selector → part selector that must exist in its shadow root
 */
export async function waitUntilLive(page, parts = {}) {
  await page.waitForFunction(
    parts => {
      const elements = [
        ...document.querySelectorAll('os-order-status, os-venue-queue, os-user-toasts, os-venue-watch')
      ];
      const states = /** @type {any} */ (window).__osStates;
      const live = elements.every(element => states?.get(element) === 'open');
      const rendered = Object.entries(parts).every(
        ([host, part]) =>
          document.querySelector(host) &&
          [...document.querySelectorAll(host)].every(element => element.shadowRoot?.querySelector(part))
      );
      return live && rendered;
    },
    { timeout: 15000 },
    parts
  );
  await settle(page);
}

/**
 * Records the last `os-connection-change` state of each element in `window.__osStates` (call before `goto`).
 * @param {import('puppeteer-core').Page} page
 */
export async function recordConnectionStates(page) {
  await page.evaluateOnNewDocument(() => {
    const states = new Map();
    Object.defineProperty(window, '__osStates', { value: states });
    document.addEventListener(
      'os-connection-change',
      event => states.set(event.composedPath()[0], /** @type {CustomEvent} */ (event).detail.state),
      true
    );
  });
}

/**
 * Waits for fonts and two animation frames, so that what is shot is what a person sees.
 * @param {import('puppeteer-core').Page} page
 */
export async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * @typedef {object} DemoPage
 * @property {string} title
 * @property {string} path
 * @property {Record<string, string>} [parts] shadow parts that must be rendered once live
 */

/** @type {DemoPage[]} */
export const DEMO_PAGES = [
  { title: 'Gallery', path: '/' },
  { title: 'Order tracker', path: '/demo/tracker.html', parts: { 'os-order-status': '[part~="timeline"]' } },
  { title: 'Pickup board', path: '/demo/board.html', parts: { 'os-venue-queue': '[part~="tile"]' } },
  { title: 'Shop with toasts', path: '/demo/toasts.html' },
  { title: 'Venue watch', path: '/demo/venue.html' },
  { title: 'Plain HTML (CMS)', path: '/demo/cms.html', parts: { 'os-venue-queue': '[part~="columns"]' } },
  { title: 'Theming', path: '/demo/theming.html', parts: { 'os-venue-queue': '[part~="columns"]' } },
  { title: 'Control panel', path: '/demo/control.html' },
  { title: 'Activate a screen', path: '/demo/activate.html' }
];
