import { executeServerCommand } from '@web/test-runner-commands';

/** The base URL of the emulator the test run started (scripts/wtr-emulator-plugin.mjs), e.g. `http://127.0.0.1:PORT`. */
export async function emulatorUrl(): Promise<string> {
  const url = await executeServerCommand<string, undefined>('emulator-url');
  if (!url) throw new Error('The emulator is not running (see scripts/wtr-emulator-plugin.mjs)');
  return url;
}

/** POSTs JSON to the emulator (control API and friends) and returns the parsed answer; throws on a non-2xx status. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function emulatorPost(base: string, path: string, body: unknown = {}): Promise<any> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
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
