import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { control, resetStats, stats } from '../../demo/emulator-client.js';

export { stats as emulatorStats, type EmulatorStats } from '../../demo/emulator-client.js';

/** The base URL of the emulator the test run started (scripts/wtr-emulator-plugin.mjs), e.g. `http://127.0.0.1:PORT`. */
export async function emulatorUrl(): Promise<string> {
  const url = await executeServerCommand<string, undefined>('emulator-url');
  if (!url) throw new Error('The emulator is not running (see scripts/wtr-emulator-plugin.mjs)');
  return url;
}

/**
 * POSTs JSON to the emulator's control API and returns the parsed answer; throws on a non-2xx status.
 * @param path the whole path, `/__emulator/…` (see `control()` in demo/emulator-client.js for the path below it)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function emulatorPost(base: string, path: string, body: unknown = {}): Promise<any> {
  const below = path.replace(/^\/__emulator(?=\/)/, '');
  if (below === path) throw new Error(`${path} is not a control API path (/__emulator/…)`);
  return control(base, below, body);
}

/** Waits until no socket of an earlier test (or test file) is open, then zeroes the emulator's counters. */
export async function freshStats(base: string): Promise<void> {
  await waitUntil(async () => (await stats(base)).connections.open === 0, 'sockets of earlier tests still open');
  await resetStats(base);
}

/** Resolves at the element's next `os-connection-change` to a state other than `open` (e.g. after a dropped socket). */
export function connectionLeavesOpen(el: HTMLElement): Promise<void> {
  return new Promise(resolve => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<{ state: string }>).detail.state === 'open') return;
      el.removeEventListener('os-connection-change', listener);
      resolve();
    };
    el.addEventListener('os-connection-change', listener);
  });
}
