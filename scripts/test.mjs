#!/usr/bin/env node
// The project's test command (`npm test`): type-check, manifest up to date, bundle builds, the emulator's own tests
// and the demo pages' smoke tests in Node, then every browser test in headless Chromium. Prints `N passed, N failed, N skipped` as its last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'os-widgets-test-'));
const extraArgs = process.argv.slice(2);

function run(label, command, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

// A check that is not a test (type-check, manifest, build): a failure counts as one failed test, a pass adds nothing.
function step(label, command, args) {
  if (!run(label, command, args)) {
    totals.failed++;
    process.stdout.write(`✖ ${label} failed\n`);
  }
}

function finish() {
  rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

const browser = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(browser)) {
  process.stdout.write(
    `No Chromium found at ${browser}. The browser tests need one:\n` +
      '  apt-get install -y chromium      (Debian/Ubuntu), or\n' +
      '  CHROME_PATH=/path/to/chrome npm test\n'
  );
  totals.failed++;
  finish();
}

const npx = 'npx';
if (extraArgs.length === 0) {
  step('type-check (src, test)', npx, ['tsc', '-p', '.']);
  step('type-check (emulator)', npx, ['tsc', '-p', 'demo/emulator/tsconfig.json']);
  step('custom-elements.json is up to date', process.execPath, ['scripts/check-manifest.mjs']);
  step('bundle builds', npx, ['rollup', '-c', '--silent']);

  // The emulator's own tests and the demo pages' smoke tests, in Node.
  const tap = join(tmp, 'node.tap');
  const nodeTests = ['test/emulator', 'test/demo'].flatMap(folder =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter(file => /\.test\.(ts|mjs)$/.test(file))
          .map(file => `${folder}/${file}`)
      : []
  );
  if (nodeTests.length > 0) {
    run('emulator and demo page tests (Node)', process.execPath, [
      '--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...nodeTests
    ]);
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = name => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
    if (!text) totals.failed++;
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
  }
}

// Browser tests, in headless Chromium. Extra arguments (e.g. `-- --files test/models/*.test.ts`) go to wtr.
const summary = join(tmp, 'wtr.json');
run('browser tests (Chromium)', npx, ['wtr', ...extraArgs], { SUMMARY_FILE: summary });
if (existsSync(summary)) {
  const counts = JSON.parse(readFileSync(summary, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
} else totals.failed++;
finish();
