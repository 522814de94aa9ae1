// @ts-check
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * Starts the emulator CLI (demo/emulator/cli.ts) in a child process on 127.0.0.1 and a free port, and resolves once
 * it listens. Its log lines go to this process's stderr unless `quiet` is among the arguments.
 * @param {string[]} [args] more CLI arguments, e.g. `['--scenario', 'quiet', '--seed', '7', '--paused']`
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmulatorProcess(args = []) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'demo/emulator/cli.ts', '--port', '0', '--host', '127.0.0.1', '--ready-json', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
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

/**
 * POSTs JSON to the emulator's control API and returns the parsed answer; throws on an error status.
 * @param {string} base the emulator's URL
 * @param {string} path below `/__emulator`, e.g. `/orders/1001/status`
 * @param {unknown} [body]
 */
export async function control(base, path, body = {}) {
  const response = await fetch(`${base}/__emulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${answer.error}`);
  return answer;
}
