// @ts-check
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { emulatorPlugin } from './scripts/wtr-emulator-plugin.mjs';
import { rabbitmqPlugin } from './scripts/wtr-rabbitmq-plugin.mjs';
import { isInteractive, plainFileReporter, stripEscapeSequences } from './scripts/wtr-plain-output.mjs';
import { summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `No Chromium found at ${executablePath}.\n` +
      'Install Debian\'s browser with "apt-get install -y chromium", or point CHROME_PATH at a Chrome/Chromium binary.'
  );
  process.exit(1);
}

// In a terminal: the progress bar. In a log (no TTY, or CI set): plain lines, no escape sequences, and no verdict
// but the last line, `N passed, N failed, N skipped`.
const interactive = isInteractive();
if (!interactive) {
  stripEscapeSequences(process.stdout);
  stripEscapeSequences(process.stderr);
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts', '!test/emulator/**'],
  groups: [],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
  browserStartTimeout: 60000,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    emulatorPlugin(),
    // A real RabbitMQ for test/connection/rabbitmq.e2e.test.ts (started by scripts/rabbitmq.sh; .ci/run sets these).
    rabbitmqPlugin({ wsUrl: process.env.RABBITMQ_WS_URL, authUrl: process.env.RABBITMQ_AUTH_URL })
  ],
  staticLogging: !interactive,
  reporters: interactive
    ? [defaultReporter(), summaryLineReporter()]
    : [defaultReporter({ reportTestProgress: false }), plainFileReporter(), summaryLineReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic'
        ]
      }
    })
  ]
};
