// @ts-check
// web-test-runner output for logs: when stdout is not a terminal (a CI job, `npm test | tee log`) or CI is set,
// web-test-runner.config.mjs drops the progress bar and its "all tests passed! 🎉" verdict, prints one plain line
// per test file, and strips terminal escape sequences, so the last line (`N passed, N failed, N skipped`) is the
// only verdict.
import { relative } from 'node:path';
import { countTests } from './wtr-summary-reporter.mjs';

/**
 * True when output goes to a live terminal that may be redrawn: stdout is a TTY and CI is not set (or is
 * `false`/`0`).
 * @param {NodeJS.ProcessEnv} env
 * @param {{ isTTY?: boolean }} stdout
 */
export function isInteractive(env = process.env, stdout = process.stdout) {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return Boolean(stdout.isTTY) && !ci;
}

/** CSI sequences (colours, cursor moves, erasing lines) and OSC sequences, as terminals read them. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/**
 * Removes terminal escape sequences from everything written to `stream`. web-test-runner always erases and
 * redraws its progress area with cursor escapes, even without a TTY and with `staticLogging`
 * (https://github.com/modernweb-dev/web/issues/2623), and colours output when CI is set; in a log file those
 * are noise. Only for non-interactive output.
 * @param {NodeJS.WriteStream} stream
 */
export function stripEscapeSequences(stream) {
  const write = stream.write.bind(stream);
  /** @type {any} */ (stream).write = (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    if (typeof chunk === 'string') return write(chunk.replace(ESCAPE_SEQUENCE, ''), ...rest);
    if (chunk instanceof Uint8Array && chunk.includes(0x1b)) {
      const text = Buffer.from(chunk).toString('utf8').replace(ESCAPE_SEQUENCE, '');
      return write(text, ...rest.map(arg => (typeof arg === 'string' ? 'utf8' : arg)));
    }
    return write(chunk, ...rest);
  };
}

/**
 * A reporter that prints one plain line per test file and browser once it has run, e.g.
 * `ok   test/models/order.test.ts: 16 tests` or `FAIL test/models/order.test.ts: 1 of 16 tests failed`.
 * It prints no overall verdict: failures' details come from `defaultReporter({ reportTestProgress: false })`,
 * the totals from `summaryLineReporter()`.
 * @returns {import('@web/test-runner').Reporter}
 */
export function plainFileReporter() {
  /** @type {string[]} */
  let browserNames = [];
  return {
    start(args) {
      browserNames = args.browserNames;
    },
    reportTestFileResults({ logger, sessionsForTestFile, testFile }) {
      const file = relative(process.cwd(), testFile);
      for (const session of sessionsForTestFile) {
        const browser = browserNames.length > 1 ? ` [${session.browser.name}]` : '';
        const counts = countTests(session.testResults);
        const total = counts.passed + counts.failed + counts.skipped;
        const tests = `${total} test${total === 1 ? '' : 's'}`;
        const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
        if (session.passed) logger.log(`ok   ${file}${browser}: ${tests}${skipped}`);
        else if (counts.failed) logger.log(`FAIL ${file}${browser}: ${counts.failed} of ${tests} failed${skipped}`);
        else logger.log(`FAIL ${file}${browser}: an error outside the tests (see above); ${tests}${skipped}`);
      }
    }
  };
}
