import { waitUntil } from '@open-wc/testing';
import { emulatorPost } from '../support/emulator.js';

/** The public surface of the CDN builds (and of `os-widgets`): every runtime export, by name. */
export const PUBLIC_RUNTIME_NAMES = [
  'AuthError',
  'ConnectionState',
  'OsConnectionStatus',
  'OsOrderStatus',
  'OsUserToasts',
  'OsVenueQueue',
  'OsVenueWatch',
  'StompTopicController',
  'configure',
  'deviceCodeSource',
  'getConnection',
  'passwordGrantSource',
  'refreshTokenSource',
  'registerTranslation'
];

export interface EmulatorStats {
  connections: { open: number; total: number };
  frames: Record<string, number>;
  subscriptions: Record<string, number>;
}

export async function emulatorStats(base: string): Promise<EmulatorStats> {
  return (await (await fetch(`${base}/__emulator/stats`)).json()) as EmulatorStats;
}

/** Waits until no socket of an earlier test file is open, then zeroes the emulator's counters. */
export async function freshStats(base: string): Promise<void> {
  await waitUntil(async () => (await emulatorStats(base)).connections.open === 0, 'sockets of earlier tests still open');
  await emulatorPost(base, '/__emulator/stats/reset');
}

/** Runs a classic `<script src>` and resolves once it has run; fails clearly when the build is missing. */
export async function loadClassicScript(src: string): Promise<void> {
  const probe = await fetch(src, { method: 'HEAD' });
  if (!probe.ok) throw new Error(`${src}: HTTP ${probe.status}. Run \`npm run build\` first.`);
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} failed to load`));
    document.head.append(script);
  });
}

/** The text of the current step of an `<os-order-status>`. */
export function currentStep(el: Element): string | undefined {
  return el.shadowRoot?.querySelector('[aria-current="step"]')?.textContent?.trim();
}
