// @ts-check
import { writeFileSync } from 'node:fs';

/**
 * A web-test-runner reporter that counts tests and prints `N passed, N failed, N skipped` as the very last line.
 * A test file that failed without any failed test (an import error, a crash) counts as one failure.
 * With SUMMARY_FILE set, the counts are also written there as JSON (used by scripts/test.mjs).
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryLineReporter() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** @param {any} suite */
  const walk = suite => {
    let failed = 0;
    for (const test of suite.tests ?? []) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else {
        counts.failed++;
        failed++;
      }
    }
    for (const child of suite.suites ?? []) failed += walk(child);
    return failed;
  };
  return {
    start() {
      process.on('exit', () => {
        if (process.env.SUMMARY_FILE) writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(counts));
        else process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
      });
    },
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const failedInFile = session.testResults ? walk(session.testResults) : 0;
        if (!session.passed && failedInFile === 0) counts.failed++;
      }
    }
  };
}
