// @ts-check
// One suite for every app under demo/frameworks/: the app is installed from the packed tarball of os-widgets (as users
// install it), type-checked and built with its framework's own tools, served, and driven in headless Chromium against
// the emulator. Each app implements the same small page (see demo/frameworks/README.md):
//   ?api=<emulator URL>&order=<order id>&venue=<venue id>
//   configure() from 'os-widgets/connection' with the guest's password-grant token source, then
//   <os-order-status> and <os-venue-queue> bound with the framework's own syntax,
//   an os-order-update handler that writes the stage into #last-stage and counts events in #update-count,
//   a button #unmount that removes both widgets through the framework (conditional rendering).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { control, startEmulatorProcess } from '../../scripts/lib/emulator-process.mjs';
import { installApp, packageTarball } from '../../scripts/lib/package-tarball.mjs';
import { serveStatic } from '../../scripts/lib/static-server.mjs';

/**
 * @param {object} app
 * @param {string} app.name e.g. 'React 19'
 * @param {string} app.dir the app's folder, e.g. 'demo/frameworks/react19'
 * @param {string[][]} app.build commands run in the app's folder after install, e.g. [['npx', 'tsc', '-b'], ['npx', 'vite', 'build']]
 * @param {string} app.output the built site's folder inside the app, e.g. 'dist'
 */
export function describeFrameworkApp({ name, dir, build, output }) {
  describe(`${name} app (${dir}) with the packed tarball`, () => {
    /** @type {{ url: string, stop: () => Promise<void> }} */
    let emulator;
    /** @type {{ url: string, stop: () => Promise<void> }} */
    let site;
    /** @type {import('puppeteer-core').Browser} */
    let browser;

    before(async () => {
      installApp(dir, packageTarball());
      for (const [command, ...args] of build) {
        const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
        assert.equal(
          result.status,
          0,
          `${[command, ...args].join(' ')} failed in ${dir}:\n${result.stdout}\n${result.stderr}`
        );
      }
      emulator = await startEmulatorProcess(['--quiet']);
      site = await serveStatic(join(dir, output));
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.stop();
      await emulator?.stop();
    });

    it('shows a live update, hands the element event to the app, and leaves no subscription after unmount', async () => {
      const page = await browser.newPage();
      /** @type {string[]} */
      const problems = [];
      page.on('pageerror', error => problems.push(`page error: ${error.message}`));
      page.on('console', message => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      const order = await control(emulator.url, '/orders', { userId: 'guest-1', status: 'COMPLETED', venue: 'v1' });
      await page.goto(`${site.url}/?api=${encodeURIComponent(emulator.url)}&order=${order.id}&venue=v1`);

      const stepOf = () =>
        page.evaluate(
          () =>
            document
              .querySelector('os-order-status')
              ?.shadowRoot?.querySelector('[aria-current="step"]')
              ?.textContent?.trim() ?? ''
        );
      await page.waitForFunction(
        () => document.querySelector('os-order-status')?.shadowRoot?.querySelector('[aria-current="step"]'),
        { timeout: 15000 }
      );
      await page.waitForFunction(
        () => document.querySelector('os-venue-queue')?.shadowRoot?.querySelector('[part~="tile"]'),
        { timeout: 15000 }
      );
      await control(emulator.url, '/wait-subscribed', { destination: `/order-changes/guest-1/${order.id}` });

      await control(emulator.url, `/orders/${order.id}/status`, { status: 'READY' });
      await page.waitForFunction(() => document.querySelector('#last-stage')?.textContent?.trim() === 'ready', {
        timeout: 15000
      });
      assert.equal(await stepOf(), 'Ready for pickup');
      const count = Number(await page.$eval('#update-count', el => el.textContent));
      assert.ok(count >= 1, `the app's os-order-update handler ran ${count} times`);

      await page.click('#unmount');
      await page.waitForFunction(
        () => !document.querySelector('os-order-status') && !document.querySelector('os-venue-queue')
      );
      const deadline = Date.now() + 10000;
      /** @type {Record<string, number>} */
      let subscriptions = {};
      while (Date.now() < deadline) {
        subscriptions = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()).subscriptions;
        if (Object.values(subscriptions).every(n => n === 0)) break;
        await new Promise(done => setTimeout(done, 200));
      }
      assert.deepEqual(
        Object.entries(subscriptions).filter(([, n]) => n > 0),
        [],
        'subscriptions left at the emulator after unmount and the grace period'
      );
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
