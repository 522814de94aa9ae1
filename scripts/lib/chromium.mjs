// @ts-check
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

/** Debian's Chromium, or `CHROME_PATH`. Nothing is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for headless Chromium in containers and CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
  '--font-render-hinting=none'
];

/**
 * Launches headless Chromium with puppeteer-core; fails with a clear message when there is none.
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y chromium) or set CHROME_PATH.`
    );
  }
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
