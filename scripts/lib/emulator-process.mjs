// @ts-check
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Emulators started by this process and not stopped yet: they are killed when this process ends, however it ends. */
const running = new Set();
let exitHooked = false;

/** Kills every emulator this process started when it exits, crashes, or is interrupted, so none is left orphaned. */
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
  }
}

/**
 * Starts the emulator CLI (demo/emulator/cli.ts) in a child process on 127.0.0.1 and a free port, and resolves once
 * it listens. Its log lines go to this process's stderr unless `quiet` is among the arguments. The child is killed
 * when this process exits for any reason (an uncaught error too), so a failing script leaves no emulator behind.
 * @param {string[]} [args] more CLI arguments, e.g. `['--scenario', 'quiet', '--seed', '7', '--paused']`
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmulatorProcess(args = []) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'demo/emulator/cli.ts', '--port', '0', '--host', '127.0.0.1', '--ready-json', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  hookExit();
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The emulator did not start within 20 s')), 20000);
    child.once('exit', code => reject(new Error(`The emulator exited with code ${code}`)));
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
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return { url, stop };
}

/** POSTs JSON to the emulator's control API: `control(base, '/orders/1001/status', { status: 'READY' })`. */
export { control } from '../../demo/emulator-client.js';
