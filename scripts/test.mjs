#!/usr/bin/env node
// The project's test command (`npm test`): type-check, lint, format, template bindings, manifest and framework typings up
// to date, build, the emulator's own tests,
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
  step('lint (ESLint)', npx, ['eslint', '.', '--max-warnings', '0']);
  step('format (Prettier)', npx, ['prettier', '--check', '.', '--log-level', 'warn']);
  step('template bindings (lit-analyzer)', npx, ['lit-analyzer', 'src/components/**/*.ts', '--strict', '--quiet']);
  step('custom-elements.json is up to date', process.execPath, ['scripts/check-manifest.mjs']);
  step('framework typings are up to date', process.execPath, ['scripts/generate-framework-types.mjs', '--check']);
  step('build (npm, CDN, emulator)', process.execPath, ['scripts/build.mjs']);
  step('size within size-budget.json', process.execPath, ['scripts/size.mjs', '--check']);

  // In Node: the emulator's own tests, the demo pages' smoke tests, the packed tarball and the framework apps.
  const tap = join(tmp, 'node.tap');
  // The package as users get it, packed once from the build above for the package and framework app tests.
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp], {
    encoding: 'utf8'
  });
  const tarball = readdirSync(tmp).find(file => file.endsWith('.tgz'));
  if (packed.status !== 0 || !tarball) {
    process.stdout.write(`✖ npm pack failed\n${packed.stderr}\n`);
    totals.failed++;
  }
  const nodeTests = ['test/emulator', 'test/demo', 'test/package', 'test/frameworks'].flatMap(folder =>
    existsSync(folder)
      ? readdirSync(folder)
          .filter(file => /\.test\.(ts|mjs)$/.test(file))
          .map(file => `${folder}/${file}`)
      : []
  );
  if (nodeTests.length > 0) {
    run(
      'Node tests: emulator, demo pages, packed tarball, framework apps',
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...nodeTests
      ],
      tarball ? { OS_WIDGETS_TARBALL: join(tmp, tarball) } : {}
    );
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
