// @ts-check
import { writeFileSync } from 'node:fs';

/**
 * Counts the tests of one test file's results (a suite with nested suites).
 * @param {any} suite a session's `testResults`; undefined when the file never ran its tests
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countTests(suite) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** @param {any} node */
  const walk = node => {
    for (const test of node?.tests ?? []) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else counts.failed++;
    }
    for (const child of node?.suites ?? []) walk(child);
  };
  walk(suite);
  return counts;
}

/**
 * A web-test-runner reporter that counts tests and prints `N passed, N failed, N skipped` as the very last line.
 * A test file that failed without any failed test (an import error, a crash) counts as one failure.
 * With SUMMARY_FILE set, the counts are also written there as JSON (used by scripts/test.mjs).
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryLineReporter() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  return {
    start() {
      process.on('exit', () => {
        if (process.env.SUMMARY_FILE) writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(counts));
        else process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
      });
    },
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const inFile = countTests(session.testResults);
        counts.passed += inFile.passed;
        counts.failed += inFile.failed;
        counts.skipped += inFile.skipped;
        if (!session.passed && inFile.failed === 0) counts.failed++;
      }
    }
  };
}
