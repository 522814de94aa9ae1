// @ts-check
import { readFileSync, readdirSync, rmSync } from 'node:fs';

/**
 * The ids of every process below `root` (children, their children, …), read from /proc; empty where there is no
 * /proc (not Linux). Processes that left the tree (re-parented to init) are not found.
 * @param {number} [root] default this process
 * @param {(command: string) => boolean} [keep] which to list, by command name (`/proc/PID/comm`); default all
 * @returns {number[]}
 */
export function descendantPids(root = process.pid, keep = () => true) {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  /** @type {Map<number, { pid: number, command: string }[]>} */
  const children = new Map();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const list = children.get(ppid) ?? [];
    list.push({ pid: Number(name), command });
    children.set(ppid, list);
  }
  const found = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(/** @type {number} */ (queue.shift())) ?? []) {
      if (keep(child.command)) found.push(child.pid);
      queue.push(child.pid);
    }
  }
  return found;
}

/**
 * Sends `signal` to every process below this one (or those `keep` selects), deepest first; returns the ids signalled.
 * @param {NodeJS.Signals} [signal]
 * @param {(command: string) => boolean} [keep]
 * @returns {number[]}
 */
export function killDescendants(signal = 'SIGKILL', keep = () => true) {
  const pids = descendantPids(process.pid, keep).reverse();
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
  return pids;
}

let guarded = false;
/** @type {Set<string>} */
const folders = new Set();

/**
 * Removes `folder` (recursively) when this process exits, if it still exists then; call the returned function once
 * it has been removed the ordinary way.
 * @param {string} folder
 * @returns {() => void}
 */
export function removeOnExit(folder) {
  folders.add(folder);
  return () => folders.delete(folder);
}

/**
 * Makes sure that no process started by this one outlives it: on exit (normal, `process.exit()`, an uncaught error)
 * every descendant still running is killed, and SIGINT, SIGTERM and SIGHUP end this process through `process.exit()`
 * (a signal's default action would skip the `exit` handlers). Sections still stop what they start themselves; this is
 * the net under them, for processes started by code that failed half-way. Folders given to {@link removeOnExit} are
 * removed too.
 */
export function guardChildProcesses() {
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    killDescendants('SIGKILL');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  for (const [signal, code] of /** @type {const} */ ([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129]
  ])) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping every process started\n`);
      process.exit(code);
    });
  }
}
