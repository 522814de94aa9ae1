// @ts-check
// `npm run bench`, part "size": what each way of loading os-widgets costs a page (min + gzip -9), beside the floor
// (lit + the @stomp/stompjs Client alone, bundled the same way). The figures are scripts/size.mjs's, run as a child
// process with `--json`; every entry it prints becomes a row, whatever builds there are.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The five elements, as they appear in entry names (`os-widgets/order-status`, `… + os-order-status`). */
export const ELEMENT_NAMES = ['order-status', 'venue-queue', 'user-toasts', 'venue-watch', 'connection-status'];

/** A page with one element may load at most this × the floor. */
export const ONE_ELEMENT_GOAL = 1.6;
/** A page with all five elements may load at most this × the floor. */
export const ALL_ELEMENTS_GOAL = 2.5;

/**
 * Which goal an entry is held to: one element when its name mentions exactly one element, all five for the whole
 * package (`os-widgets`), the full CDN files (`dist/cdn/os-widgets.js`, the IIFE) and names saying "all" or "five",
 * none otherwise
 * (`os-widgets/connection`, an autoloader alone).
 * @param {string} name
 * @returns {{ kind: 'one' | 'all', limit: number } | undefined}
 */
export function sizeGoal(name) {
  const mentioned = ELEMENT_NAMES.filter(element => new RegExp(`(^|[^a-z-])(os-)?${element}([^a-z-]|$)`).test(name));
  if (mentioned.length === 1) return { kind: 'one', limit: ONE_ELEMENT_GOAL };
  if (mentioned.length > 1) return undefined;
  if (name === 'os-widgets' || /(^|\/)os-widgets(\.iife)?(\.min)?\.js$/.test(name) || /\b(all|five)\b/i.test(name)) {
    return { kind: 'all', limit: ALL_ELEMENTS_GOAL };
  }
  return undefined;
}

/**
 * Runs `node scripts/size.mjs --json` (needs a build) and resolves to what it printed.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ floor: number, entries: { name: string, bytes: number, ratio: number, budget: number | null }[] }>}
 */
export async function benchSize({ log = () => {} } = {}) {
  log('size: node scripts/size.mjs --json');
  const child = spawn(process.execPath, ['scripts/size.mjs', '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  let err = '';
  child.stdout.on('data', chunk => (out += chunk));
  child.stderr.on('data', chunk => (err += chunk));
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`scripts/size.mjs exited with ${code}: ${err.trim() || out.trim()}`);
  const line = out.trim().split('\n').pop() ?? '';
  try {
    const result = JSON.parse(line);
    if (typeof result.floor !== 'number' || !Array.isArray(result.entries)) throw new Error('unexpected shape');
    return result;
  } catch (error) {
    throw new Error(`scripts/size.mjs --json printed no result (${error instanceof Error ? error.message : error})`);
  }
}
