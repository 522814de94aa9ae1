// @ts-check
import { startEmulatorProcess } from './lib/emulator-process.mjs';

/**
 * Starts the Ordering Stack emulator (demo/emulator) in a child process on 127.0.0.1 and a free port for the
 * duration of the test run, with the static demo orders and no simulation. Browser tests get its base URL with
 * `executeServerCommand('emulator-url')` and drive it through its HTTP control API (`/__emulator/...`).
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function emulatorPlugin() {
  /** @type {{ url: string, stop: () => Promise<void> } | undefined} */
  let emulator;
  return {
    name: 'os-emulator',
    async serverStart() {
      emulator = await startEmulatorProcess(['--quiet']);
    },
    async serverStop() {
      await emulator?.stop();
    },
    executeCommand({ command }) {
      if (command === 'emulator-url') return emulator?.url;
      return undefined;
    }
  };
}
