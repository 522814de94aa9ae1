// Start-up cost of the CDN bundle, beside a baseline measured in the same run (a loaded 2-core machine makes bare
// milliseconds meaningless; the ratio is what to compare). Each run is a fresh browser context on a page the emulator
// serves; the two pages alternate.
//   widgets:  <os-order-status order-id="1001"> + <os-venue-queue venue="v1">, configured as the guest (password
//             grant), from dist/cdn/os-widgets.js
//   baseline: one trivial Lit element, bundled on the fly with esbuild the way rollup builds the CDN file (ESM,
//             minified, lit's production build)
// Times are from the start of the bundle's evaluation (a tiny module imported just before it records
// performance.now(); ES modules are all fetched before any is evaluated) to:
//   render   both elements' first update has completed (`updateComplete`)
//   ws       the WebSocket is constructed (a page-side wrapper around window.WebSocket, installed before the bundle)
//   wsOpen   that socket's `open` event
//   content  the tracker shows its step and the board its columns (token, CONNECT, SUBSCRIBE and snapshots done)
//   tokenStart, tokenEnd  the password-grant token request, sent and answered (resource timing), which the socket
//            waits for
// Used by `npm run bench` (part "start-up") and by scripts/bench-startup.mjs (the same, printed on its own).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';
import { bundlePage } from '../lib/bundle-page.mjs';
import { removeOnExit } from '../lib/process-guard.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Inline, before any module: records when the first WebSocket is constructed and when it opens. */
const WEBSOCKET_PROBE = `
  window.__bench = {};
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      const at = performance.now();
      super(...args);
      if (window.__bench.ws === undefined) {
        window.__bench.ws = at;
        this.addEventListener('open', () => (window.__bench.wsOpen = performance.now()), { once: true });
      }
    }
  };`;

const page = (title, entry) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <script>${WEBSOCKET_PROBE}</script>
    <script type="module" src="${entry}"></script>
  </head>
  <body></body>
</html>
`;

const MARK = 'window.__bench.start = performance.now();\n';

const widgetsEntry = bundlePath => `import './mark.js';
import { configure, passwordGrantSource } from '${bundlePath}';

const apiUrl = location.origin;
configure({
  apiUrl,
  tenant: 'demo',
  token: passwordGrantSource({ apiUrl, tenant: 'demo', username: 'guest', password: 'guest' })
});
const tracker = document.createElement('os-order-status');
tracker.setAttribute('tenant', 'demo');
tracker.setAttribute('order-id', '1001');
const board = document.createElement('os-venue-queue');
board.setAttribute('venue', 'v1');
document.body.append(tracker, board);
await Promise.all([tracker.updateComplete, board.updateComplete]);
window.__bench.render = performance.now();

const shown = () =>
  tracker.shadowRoot?.querySelector('[aria-current="step"]') && board.shadowRoot?.querySelector('.column');
await new Promise(resolve => {
  if (shown()) return resolve();
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    resolve();
  });
  for (const element of [tracker, board]) {
    observer.observe(element.shadowRoot, { childList: true, subtree: true, attributes: true });
  }
});
window.__bench.content = performance.now();
const token = performance.getEntriesByType('resource').find(entry => entry.name.includes('/oauth/token'));
if (token) Object.assign(window.__bench, { tokenStart: token.startTime, tokenEnd: token.responseEnd });
window.__bench.done = true;
`;

const BASELINE_ENTRY = `import './mark.js';
import './trivial.js';

const element = document.createElement('trivial-element');
document.body.append(element);
await element.updateComplete;
window.__bench.render = performance.now();
window.__bench.done = true;
`;

const TRIVIAL_ELEMENT = `import { LitElement, css, html } from 'lit';

class TrivialElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; font: 16px sans-serif; }\`;
  constructor() {
    super();
    this.name = 'world';
  }
  render() {
    return html\`<p>Hello, \${this.name}!</p>\`;
  }
}
customElements.define('trivial-element', TrivialElement);
`;

/** A static root for the emulator (`--static`): demo/bench/… pages and a copy of each bundle's folder in dist/cdn/. */
async function writeSite(/** @type {string} */ dir, /** @type {string[]} */ bundles) {
  const bench = join(dir, 'demo/bench');
  mkdirSync(bench, { recursive: true });
  bundles.forEach((bundle, index) => {
    // The bundle's whole folder: a build that loads chunks next to it keeps working.
    const path = index === 0 ? `/dist/cdn/${basename(bundle)}` : `/dist/cdn/${index}/${basename(bundle)}`;
    cpSync(dirname(bundle), join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(bench, `widgets-${index}.js`), widgetsEntry(path));
    writeFileSync(
      join(bench, `widgets-${index}.html`),
      page('startup: tracker + board', `/demo/bench/widgets-${index}.js`)
    );
  });
  writeFileSync(join(bench, 'mark.js'), MARK);
  writeFileSync(join(bench, 'baseline.js'), BASELINE_ENTRY);
  writeFileSync(join(bench, 'baseline.html'), page('startup: trivial Lit element', '/demo/bench/baseline.js'));
  // Built as rollup.config.mjs builds the CDN file: one minified ES module, lit's production build, ES2021.
  await bundlePage({ contents: TRIVIAL_ELEMENT, name: 'trivial.js', outfile: join(bench, 'trivial.js') });
}

/** One load of `path` in a fresh browser context; resolves to the page's `__bench` record. */
async function measure(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', error => errors.push(error.message));
    await tab.goto(url);
    await tab
      .waitForFunction(() => window.__bench?.done === true, { timeout: 15000 })
      .catch(error => {
        throw new Error(`${url}: ${error.message}${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
      });
    return await tab.evaluate(() => {
      const { start, ...marks } = window.__bench;
      const since = {};
      for (const [name, at] of Object.entries(marks)) if (typeof at === 'number') since[name] = at - start;
      return since;
    });
  } finally {
    await context.close();
  }
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * @typedef {{ render: number, ws?: number, wsOpen?: number, content?: number, tokenStart?: number, tokenEnd?: number }}
 *   StartupMarks milliseconds from the start of the bundle's evaluation (medians over the runs)
 */

/**
 * Measures the start-up of each bundle beside the trivial Lit element, `runs` interleaved fresh-context loads each
 * (after one warm-up load of each page).
 * @param {{ runs?: number, bundles?: string[], log?: (line: string) => void }} [options]
 *   `bundles`: CDN files to measure (default dist/cdn/os-widgets.js); several are interleaved with the baseline
 * @returns {Promise<{ runs: number, baseline: StartupMarks, bundles: (StartupMarks & { path: string, ratio: number })[] }>}
 */
export async function benchStartup({
  runs = 15,
  bundles = [join(root, 'dist/cdn/os-widgets.js')],
  log = () => {}
} = {}) {
  const paths = bundles.map(file => resolve(file));
  for (const bundle of paths) {
    if (!existsSync(bundle)) throw new Error(`No ${bundle}: run \`npm run build\` first.`);
  }
  const site = mkdtempSync(join(tmpdir(), 'os-bench-startup-'));
  const removed = removeOnExit(site);
  /** @type {{ url: string, stop: () => Promise<void> } | undefined} */
  let emulator;
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  try {
    await writeSite(site, paths);
    emulator = await startEmulatorProcess(['--quiet', '--static', site]);
    browser = await launchChromium();
    const widgetsUrls = paths.map((_, index) => `${emulator?.url}/demo/bench/widgets-${index}.html`);
    const baselineUrl = `${emulator.url}/demo/bench/baseline.html`;
    for (const url of [...widgetsUrls, baselineUrl]) await measure(browser, url); // warm-up: first requests, contexts
    /** @type {Record<string, number>[][]} */
    const widgets = paths.map(() => []);
    /** @type {Record<string, number>[]} */
    const baseline = [];
    for (let run = 0; run < runs; run++) {
      for (const [index, url] of widgetsUrls.entries()) widgets[index].push(await measure(browser, url));
      baseline.push(await measure(browser, baselineUrl));
      if (run % 5 === 4) log(`start-up: ${run + 1} of ${runs} runs`);
    }
    /** @returns {StartupMarks} */
    const medians = (/** @type {Record<string, number>[]} */ records) => {
      const names = [...new Set(records.flatMap(record => Object.keys(record)))];
      return /** @type {StartupMarks} */ (
        Object.fromEntries(
          names.map(name => [name, median(records.map(record => record[name]).filter(v => v !== undefined))])
        )
      );
    };
    const trivial = medians(baseline);
    return {
      runs,
      baseline: trivial,
      bundles: widgets.map((records, index) => {
        const marks = medians(records);
        return { path: paths[index], ...marks, ratio: marks.render / trivial.render };
      })
    };
  } finally {
    await browser?.close().catch(() => {});
    await emulator?.stop().catch(() => {});
    rmSync(site, { recursive: true, force: true });
    removed();
  }
}
