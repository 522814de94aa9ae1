// @ts-check
// Every gallery page as a newcomer sees it, at a laptop's 1280×800 and a phone's 390×844, in headless Chromium
// against the emulator's quiet scenario: no element says "Unknown", no text overflows the box of an element's part,
// and axe finds no violation (shadow roots included). Needs a build and Chromium.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { DEMO_PAGES, recordConnectionStates, waitUntilLive } from '../../scripts/lib/demo-pages.mjs';
import { startEmulatorProcess } from '../../scripts/lib/emulator-process.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
];

/** In the page: the text of the os-* elements' parts that is wider than its box, and any "Unknown" shown. */
function inspectElements() {
  const overflowing = [];
  const unknown = [];
  for (const host of document.querySelectorAll('*')) {
    if (!host.localName.startsWith('os-') || !host.shadowRoot) continue;
    if (/\bUnknown\b/.test(host.shadowRoot.textContent ?? '')) unknown.push(host.localName);
    for (const part of host.shadowRoot.querySelectorAll('[part]')) {
      const el = /** @type {HTMLElement} */ (part);
      if (el.getClientRects().length === 0 || getComputedStyle(el).overflowX === 'auto') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        overflowing.push(`${host.localName} [part="${el.getAttribute('part')}"] ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
  }
  return { overflowing, unknown };
}

describe('gallery pages at 1280×800 and 390×844', () => {
  /** @type {{ url: string, stop: () => Promise<void> }} */
  let emulator;
  /** @type {import('puppeteer-core').Browser} */
  let browser;

  before(async () => {
    emulator = await startEmulatorProcess(['--quiet', '--scenario', 'quiet', '--seed', '21']);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  for (const viewport of VIEWPORTS) {
    for (const demo of DEMO_PAGES) {
      it(`${demo.title} (${demo.path}) on a ${viewport.name}: nothing unknown, nothing overflowing, no axe violation`, async () => {
        const page = await browser.newPage();
        try {
          await page.setViewport(viewport);
          await recordConnectionStates(page);
          await page.goto(`${emulator.url}${demo.path}`, { waitUntil: 'load' });
          await waitUntilLive(page, demo.parts);
          const { overflowing, unknown } = await page.evaluate(inspectElements);
          assert.deepEqual(unknown, [], 'an element shows "Unknown"');
          assert.deepEqual(overflowing, [], 'text wider than its box');
          await page.addScriptTag({ path: AXE });
          const violations = await page.evaluate(async () => {
            // @ts-expect-error axe is the global of axe-core's script
            const result = await window.axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
          });
          assert.deepEqual(violations, [], 'axe violations');
        } finally {
          await page.close();
        }
      });
    }
  }
});
