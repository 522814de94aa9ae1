// @ts-check
// The demo pages that `npm start` serves, in headless Chromium against the emulator running the quiet scenario: each
// loads without page or console errors, every widget on it connects, and the gallery links to pages that exist.
// Needs a build (`npm test` builds first) and Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { DEMO_PAGES, recordConnectionStates, waitUntilLive } from '../../scripts/lib/demo-pages.mjs';
import { startEmulatorProcess } from '../../scripts/lib/emulator-process.mjs';

describe('demo pages', () => {
  /** @type {{ url: string, stop: () => Promise<void> }} */
  let emulator;
  /** @type {import('puppeteer-core').Browser} */
  let browser;

  before(async () => {
    emulator = await startEmulatorProcess(['--quiet', '--scenario', 'quiet', '--seed', '7']);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  for (const demo of DEMO_PAGES) {
    it(`${demo.title} (${demo.path}) loads without errors and its widgets connect`, async () => {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', error => problems.push(`page error: ${error.message}`));
      page.on('console', message => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('response', response => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      try {
        await recordConnectionStates(page);
        await page.goto(`${emulator.url}${demo.path}`, { waitUntil: 'load' });
        await waitUntilLive(page, demo.parts);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('the gallery links to every demo page, and every link works', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${emulator.url}/`);
      const links = await page.$$eval('a[href]', anchors =>
        anchors.map(anchor => /** @type {HTMLAnchorElement} */ (anchor).href)
      );
      const paths = new Set(links.map(link => new URL(link).pathname));
      for (const demo of DEMO_PAGES.filter(candidate => candidate.path !== '/')) {
        assert.ok(paths.has(demo.path), `the gallery links to ${demo.path}`);
      }
      for (const link of links.filter(candidate => candidate.startsWith(emulator.url))) {
        assert.equal((await fetch(link)).status, 200, link);
      }
    } finally {
      await page.close();
    }
  });

  it("the README's curl example moves the order the tracker shows", async () => {
    const readme = readFileSync('README.md', 'utf8');
    const command = readme.match(/<!-- snippet: curl-latest[^>]*-->\s*\n```sh\n(curl [^\n]+)\n```/)?.[1];
    assert.ok(command, 'README.md has the curl-latest snippet');
    const url = command.match(/curl -X POST (\S+)/)?.[1].replace('http://127.0.0.1:8080', emulator.url);
    const body = command.match(/-d '([^']+)'/)?.[1];
    assert.ok(url && body, `cannot read ${command}`);
    const page = await browser.newPage();
    try {
      await recordConnectionStates(page);
      await page.goto(`${emulator.url}/demo/tracker.html`);
      await waitUntilLive(page, { 'os-order-status': '[aria-current="step"]' });
      const step = () =>
        page.evaluate(() =>
          document
            .querySelector('os-order-status')
            ?.shadowRoot?.querySelector('[aria-current="step"]')
            ?.textContent?.trim()
        );
      // First somewhere else, so that the README's command makes a change the guest sees.
      await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"status":"PREPARING"}'
      });
      await page.waitForFunction(
        () =>
          document
            .querySelector('os-order-status')
            ?.shadowRoot?.querySelector('[aria-current="step"]')
            ?.textContent?.trim() === 'Preparing'
      );
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      assert.equal(response.status, 200);
      const moved = await response.json();
      assert.equal(moved.id, await page.$eval('os-order-status', el => el.getAttribute('order-id')));
      await page.waitForFunction(
        () =>
          document
            .querySelector('os-order-status')
            ?.shadowRoot?.querySelector('[aria-current="step"]')
            ?.textContent?.trim() === 'Ready for pickup'
      );
      assert.equal(await step(), 'Ready for pickup');
    } finally {
      await page.close();
    }
  });

  it('the plain-HTML page needs only the IIFE bundle and attributes: no module script of its own', async () => {
    const html = await (await fetch(`${emulator.url}/demo/cms.html`)).text();
    assert.match(html, /<script src="\/dist\/cdn\/os-widgets\.iife\.js"><\/script>/);
    assert.doesNotMatch(html, /type="module"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
