// @ts-check
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Starts the Ordering Stack emulator (demo/emulator) in a child process on 127.0.0.1 and a free port for the
 * duration of the test run. Browser tests get its base URL with `executeServerCommand('emulator-url')` and drive
 * it through its HTTP control API (`/__emulator/...`).
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function emulatorPlugin() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {string | undefined} */
  let url;
  return {
    name: 'os-emulator',
    async serverStart() {
      child = spawn(
        process.execPath,
        ['--import', 'tsx', 'demo/emulator/cli.ts', '--port', '0', '--host', '127.0.0.1', '--quiet', '--ready-json'],
        { stdio: ['ignore', 'pipe', 'inherit'] }
      );
      const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
      url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('The emulator did not start within 20 s')), 20000);
        child?.once('exit', code => reject(new Error(`The emulator exited with code ${code}`)));
        lines.on('line', line => {
          try {
            const ready = JSON.parse(line);
            if (ready.url) {
              clearTimeout(timer);
              resolve(ready.url);
            }
          } catch {
            // not the ready line
          }
        });
      });
    },
    async serverStop() {
      child?.kill('SIGTERM');
    },
    executeCommand({ command }) {
      if (command === 'emulator-url') return url;
      return undefined;
    }
  };
}
