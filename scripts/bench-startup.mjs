#!/usr/bin/env node
// Start-up cost of the CDN bundle beside a trivial Lit element measured in the same run: the measurement is
// scripts/bench/startup.mjs (also part "start-up" of `npm run bench`), this prints it on its own, with every mark.
// Needs a build (`node scripts/build.mjs`) and Chromium (/usr/bin/chromium or CHROME_PATH).
// Run: node scripts/bench-startup.mjs [--runs 15] [--bundle FILE --bundle FILE2 …]
//   --bundle  the CDN file to measure (default dist/cdn/os-widgets.js); give several builds to compare them in one
//             run, their runs interleaved with the baseline's so that they share the machine's load
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchStartup } from './bench/startup.mjs';
import { guardChildProcesses } from './lib/process-guard.mjs';

const values = name => process.argv.flatMap((arg, index) => (arg === `--${name}` ? [process.argv[index + 1]] : []));
const runs = Number(values('runs')[0]) || 15;
const bundles = values('bundle').map(file => resolve(file));
process.chdir(fileURLToPath(new URL('..', import.meta.url))); // the emulator is started from the repository root

guardChildProcesses();
const ms = value => `${value.toFixed(1)} ms`.padStart(9);
try {
  const result = await benchStartup({ runs, bundles: bundles.length ? bundles : undefined });
  console.log(`Start-up, medians of ${runs} interleaved runs each, from the bundle's evaluation start:`);
  console.log(`  trivial Lit element, first render        ${ms(result.baseline.render)}`);
  for (const bundle of result.bundles) {
    console.log(`${bundle.path}:`);
    console.log(`  tracker + board, first render            ${ms(bundle.render)}   ratio ${bundle.ratio.toFixed(2)}×`);
    console.log(`  tracker + board, token request sent      ${ms(bundle.tokenStart)}`);
    console.log(`  tracker + board, token received          ${ms(bundle.tokenEnd)}`);
    console.log(`  tracker + board, WebSocket constructed   ${ms(bundle.ws)}`);
    console.log(`  tracker + board, WebSocket open          ${ms(bundle.wsOpen)}`);
    console.log(`  tracker + board, live content shown      ${ms(bundle.content)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
