#!/usr/bin/env node
// `npm run bench` (issue "Light and fast for a whole day"): every figure of the issue beside its baseline, measured in
// one run, as one table: size, sharing, the busy board, endurance and start-up. A 2-core machine's milliseconds mean
// little on the next machine, so each figure has a baseline measured in the same run, and the ratio is what to read.
//
//   npm run bench [-- --only size,sharing,board,endurance,startup] [--markdown | --json] [--no-build]
//
//   --only      the sections to run (default all, in that order); `busy-board` and `start-up` are accepted too
//   --markdown  the table as Markdown (for the README's "Performance" section); --json everything, machine-readable
//   --no-build  use dist/ as it is (default: `npm run build` first, so the figures are of the current source)
//
// The table goes to stdout, progress to stderr. It is not a test: a goal not met never fails the run. Exit code 1
// only when a measurement could not be made (a crash, a message not delivered, an element that did not show a
// change), with the reason. Sections run one after the other; every process a section starts (emulators, Chromium,
// size's child) is stopped when it ends, and whatever is left is killed on exit, Ctrl-C and SIGTERM included.
import { execFileSync, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './lib/chromium.mjs';
import { descendantPids, guardChildProcesses, killDescendants } from './lib/process-guard.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root); // the emulator is started from the repository root

/**
 * One line of the table. `ours` and `baseline` are numbers in `unit`; `ratio` is ours / baseline.
 * @typedef {{ area: string, figure: string, ours: number | null, baseline: number | null, unit: string,
 *   ratio: number | null, ratioDigits?: number, goal: string, met: boolean | null }} Row
 * @typedef {{ rows: Row[], notes: string[], result: unknown }} SectionOutput
 * @typedef {{ name: string, title: string, needsBuild: boolean,
 *   run: (log: (line: string) => void) => Promise<SectionOutput> }} Section
 */

/** @type {(fields: Omit<Row, 'ratio' | 'goal' | 'met'> & Partial<Row>) => Row} */
const row = fields => ({
  ratio: fields.ours !== null && fields.baseline ? fields.ours / fields.baseline : null,
  goal: '',
  met: null,
  ...fields
});
const count = (/** @type {number} */ n) => n.toLocaleString('en');

/** @type {Section[]} */
const SECTIONS = [
  {
    name: 'size',
    title: 'size',
    needsBuild: true,
    async run(log) {
      const { benchSize, sizeGoal } = await import('./bench/size.mjs');
      const result = await benchSize({ log });
      const rows = result.entries.map(entry => {
        const goal = sizeGoal(entry.name);
        return row({
          area: 'size',
          figure: `${entry.name}, min+gz`,
          ours: entry.bytes,
          baseline: result.floor,
          unit: 'B',
          ratio: entry.ratio,
          goal: goal ? `≤ ${goal.limit}× (${goal.kind === 'one' ? 'one element' : 'all five'})` : '',
          met: goal ? entry.ratio <= goal.limit : null
        });
      });
      return {
        rows,
        notes: [`size: baseline = the floor, lit + the @stomp/stompjs Client bundled alone (${count(result.floor)} B)`],
        result
      };
    }
  },
  {
    name: 'sharing',
    title: 'sharing',
    needsBuild: true,
    async run(log) {
      const { benchSharing } = await import('./bench/sharing.mjs');
      const r = await benchSharing({ log });
      const on = `${r.elements} elements on ${r.orders} orders`;
      return {
        rows: [
          row({
            area: 'sharing',
            figure: `${on}: WebSockets`,
            ours: r.ours.sockets,
            baseline: r.baseline.sockets,
            unit: '',
            goal: '= 1',
            met: r.ours.sockets === 1
          }),
          row({
            area: 'sharing',
            figure: `${on}: SUBSCRIBE frames`,
            ours: r.ours.subscribes,
            baseline: r.baseline.subscribes,
            unit: '',
            goal: `= ${r.destinations} (1 per destination)`,
            met: r.ours.subscribes === r.destinations
          }),
          row({
            area: 'sharing',
            figure: `${on}: MESSAGE frames for ${r.changes} changes`,
            ours: r.ours.messages,
            baseline: r.baseline.messages,
            unit: ''
          })
        ],
        notes: [
          `sharing: baseline = one bare @stomp/stompjs Client per element, subscribed to what that element shows ` +
            `(${r.destinations} destinations; the status badges subscribe to nothing); sockets and SUBSCRIBEs counted ` +
            `by the browser (CDP) and the emulator, which agree; every element showed every change`
        ],
        result: r
      };
    }
  },
  {
    name: 'board',
    title: 'busy board',
    needsBuild: true,
    async run(log) {
      const { benchBusyBoard } = await import('./bench/busy-board.mjs');
      const options = { orders: 1000, rate: 200, seconds: 10 };
      log(
        `busy board: ${count(options.orders)} orders, ${options.rate} messages/s for ${options.seconds} s, 3 variants`
      );
      const r = await benchBusyBoard(options);
      for (const [name, variant] of Object.entries(r.variants)) {
        if (variant.delivered !== r.published) {
          throw new Error(`busy board, ${name}: ${variant.delivered} of ${r.published} messages delivered`);
        }
      }
      const { ours, naive, naiveCapped: capped } = r.variants;
      const area = 'busy board';
      const vsCapped = (/** @type {string} */ figure, /** @type {keyof typeof ours} */ key, unit = 'ms') =>
        row({ area, figure: `${figure} (vs naive-capped)`, ours: ours[key], baseline: capped[key], unit });
      const vsNaive = (/** @type {string} */ figure, /** @type {keyof typeof ours} */ key, unit = 'ms') =>
        row({ area, figure: `${figure} (vs naive)`, ours: ours[key], baseline: naive[key], unit });
      const cpu = vsCapped('main-thread CPU', 'cpuMs');
      const perRender = vsCapped('CPU per render', 'cpuPerRenderMs');
      const p95 = vsCapped('message → DOM p95', 'p95Ms');
      const longest = vsCapped('longest frame', 'longestFrameMs');
      return {
        rows: [
          { ...cpu, goal: '≤ 0.5×', met: cpu.ratio !== null && cpu.ratio <= 0.5 },
          { ...perRender, goal: '≤ 2×', met: perRender.ratio !== null && perRender.ratio <= 2 },
          vsCapped('renders', 'renders', ''),
          vsCapped('message → DOM p50', 'p50Ms'),
          { ...p95, goal: '≤ naive-capped + 33 ms', met: ours.p95Ms <= capped.p95Ms + 33 },
          { ...longest, goal: '≤ 50 ms', met: ours.longestFrameMs <= 50 },
          vsCapped('frames over 50 ms', 'framesOver50', ''),
          vsNaive('main-thread CPU', 'cpuMs'),
          vsNaive('renders', 'renders', ''),
          vsNaive('message → DOM p95', 'p95Ms'),
          vsNaive('longest frame', 'longestFrameMs')
        ],
        notes: [
          `busy board: ${count(options.orders)} orders, ${count(r.published)} messages (${options.rate}/s for ` +
            `${options.seconds} s), each delivered to all three; naive = an element that re-renders every tile on ` +
            `every message; naive-capped = the same, rendering only the visible tiles`
        ],
        result: r
      };
    }
  },
  {
    name: 'endurance',
    title: 'endurance',
    needsBuild: false,
    async run(log) {
      const { boardEndurance, LIMIT } = await import('../test/endurance/board-endurance.mjs');
      const r = await boardEndurance({ log });
      if (r.problems.length > 0) throw new Error(`endurance: ${r.problems.join('; ')}`);
      const what = `${count(r.lifecycles)} lifecycles + ${r.hours.toFixed(0)} h paging`;
      return {
        rows: r.ratios.map(({ name, start, end, ratio }) =>
          row({
            area: 'endurance',
            figure: `${what}: ${name} after GC`,
            ours: name.startsWith('JS heap') ? end / 1048576 : end,
            baseline: name.startsWith('JS heap') ? start / 1048576 : start,
            unit: name.startsWith('JS heap') ? 'MB' : '',
            ratio,
            ratioDigits: 3,
            goal: `≤ ${LIMIT}`,
            met: ratio <= LIMIT
          })
        ),
        notes: [
          `endurance: one <os-venue-queue> on a fake hub and a fake clock; baseline = the same page at the start ` +
            `(after a 3 h warm-up), ours = at the end; ${count(r.paged)} of ${count(r.steps)} page periods paged`
        ],
        result: r
      };
    }
  },
  {
    name: 'startup',
    title: 'start-up',
    needsBuild: true,
    async run(log) {
      const { benchStartup } = await import('./bench/startup.mjs');
      const r = await benchStartup({ runs: 15, log });
      const [b] = r.bundles;
      const area = 'start-up';
      const render = row({
        area,
        figure: 'script evaluation → first render, tracker + board',
        ours: b.render,
        baseline: r.baseline.render,
        unit: 'ms'
      });
      const alone = (/** @type {string} */ figure, /** @type {number | undefined} */ ms) =>
        row({ area, figure, ours: ms ?? null, baseline: null, unit: 'ms' });
      return {
        rows: [
          { ...render, goal: '≤ 2×', met: render.ratio !== null && render.ratio <= 2 },
          alone('script evaluation → WebSocket open', b.wsOpen),
          alone('script evaluation → live content shown', b.content)
        ],
        notes: [
          `start-up: medians of ${r.runs} fresh-context loads of each page, interleaved; baseline = a trivial Lit ` +
            `element bundled the same way`
        ],
        result: r
      };
    }
  }
];

const ALIASES = /** @type {Record<string, string>} */ ({ 'busy-board': 'board', busy: 'board', 'start-up': 'startup' });

function parseArgs(/** @type {string[]} */ argv) {
  const options = { only: SECTIONS.map(section => section.name), format: 'text', build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--markdown') options.format = 'markdown';
    else if (arg === '--json') options.format = 'json';
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      options.only = (value ?? '').split(',').map(name => ALIASES[name.trim()] ?? name.trim());
      const unknown = options.only.filter(name => !SECTIONS.some(section => section.name === name));
      if (unknown.length > 0 || options.only.length === 0) {
        throw new Error(
          `--only: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map(s => s.name).join(', ')}`
        );
      }
    } else if (arg === '--help' || arg === '-h') {
      console.log('npm run bench [-- --only size,sharing,board,endurance,startup] [--markdown | --json] [--no-build]');
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

/** The value of a cell, in its unit. */
function formatValue(/** @type {number | null} */ value, /** @type {string} */ unit) {
  if (value === null || Number.isNaN(value)) return '';
  if (unit === 'B') return `${count(Math.round(value))} B`;
  if (unit === 'MB') return `${value.toFixed(2)} MB`;
  if (unit === 'ms') return `${value >= 100 ? count(Math.round(value)) : value.toFixed(value < 10 ? 2 : 1)} ms`;
  return Number.isInteger(value) ? count(value) : value.toFixed(2);
}

/** @returns {string[][]} */
function cells(/** @type {Row[]} */ rows) {
  return rows.map(r => [
    r.area,
    r.figure,
    formatValue(r.ours, r.unit),
    formatValue(r.baseline, r.unit),
    r.ratio === null ? '' : `${r.ratio.toFixed(r.ratioDigits ?? 2)}×`,
    r.goal,
    r.met === null ? '' : r.met ? 'yes' : 'NO'
  ]);
}

const HEADINGS = ['area', 'figure', 'ours', 'baseline', 'ratio', 'goal', 'met'];
const RIGHT = new Set([2, 3, 4]);

function textTable(/** @type {Row[]} */ rows) {
  const table = [HEADINGS, ...cells(rows)];
  const widths = HEADINGS.map((_, column) => Math.max(...table.map(line => line[column].length)));
  const line = (/** @type {string[]} */ values) =>
    values
      .map((value, column) => (RIGHT.has(column) ? value.padStart(widths[column]) : value.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(HEADINGS), widths.map(width => '-'.repeat(width)).join('  '), ...table.slice(1).map(line)].join('\n');
}

function markdownTable(/** @type {Row[]} */ rows) {
  const escape = (/** @type {string} */ value) => value.replace(/\|/g, '\\|');
  return [
    `| ${HEADINGS.join(' | ')} |`,
    `|${HEADINGS.map((_, column) => (RIGHT.has(column) ? '---:' : '---')).join('|')}|`,
    ...cells(rows).map(values => `| ${values.map(escape).join(' | ')} |`)
  ].join('\n');
}

function chromiumVersion() {
  try {
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.match(/\d+(\.\d+)+/)?.[0] ?? out.trim();
  } catch {
    return 'unknown';
  }
}

const duration = (/** @type {number} */ seconds) =>
  seconds < 60 ? `${seconds.toFixed(0)} s` : `${Math.floor(seconds / 60)} min ${(seconds % 60).toFixed(0)} s`;

/** Runs `node scripts/build.mjs`, its output on stderr. */
async function runBuild() {
  const child = spawn(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 2, 2] });
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit code ${code})`);
}

/** Waits up to 3 s for the processes a section started to end, then kills what is left (never esbuild's service). */
async function sweep(/** @type {string} */ section, /** @type {(line: string) => void} */ log) {
  const ours = (/** @type {string} */ command) => command !== 'esbuild';
  for (let i = 0; i < 30 && descendantPids(process.pid, ours).length > 0; i++) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  const killed = killDescendants('SIGKILL', ours);
  if (killed.length > 0) log(`${section}: killed ${killed.length} processes it left running`);
}

async function main() {
  guardChildProcesses();
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const log = (/** @type {string} */ line) => process.stderr.write(`[${elapsed().toFixed(0).padStart(4)} s] ${line}\n`);
  const cpuList = cpus();
  const meta = {
    date: new Date().toISOString(),
    cores: cpuList.length,
    cpu: cpuList[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion(),
    seconds: 0
  };
  const sections = SECTIONS.filter(section => options.only.includes(section.name));
  /** @type {Row[]} */
  const rows = [];
  /** @type {string[]} */
  const notes = [];
  /** @type {{ section: string, reason: string }[]} */
  const failures = [];
  /** @type {Record<string, { seconds: number, result?: unknown, error?: string }>} */
  const results = {};

  if (options.build && sections.some(section => section.needsBuild)) {
    log('npm run build');
    try {
      await runBuild();
    } catch (error) {
      failures.push({ section: 'build', reason: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const section of failures.length > 0 ? [] : sections) {
    const sectionStart = Date.now();
    log(`${section.title}: start`);
    try {
      const output = await section.run(log);
      rows.push(...output.rows);
      notes.push(...output.notes);
      results[section.name] = { seconds: (Date.now() - sectionStart) / 1000, result: output.result };
      log(`${section.title}: done in ${duration(results[section.name].seconds)}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ section: section.name, reason });
      results[section.name] = { seconds: (Date.now() - sectionStart) / 1000, error: reason };
      rows.push(row({ area: section.title, figure: 'not measured (see below)', ours: null, baseline: null, unit: '' }));
      log(`${section.title}: FAILED: ${reason}`);
      if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    await sweep(section.title, log);
  }
  meta.seconds = elapsed();

  const header =
    `npm run bench, ${meta.date}: ${meta.cores} cores (${meta.cpu}), Node ${meta.node}, Chromium ${meta.chromium}, ` +
    `run time ${duration(meta.seconds)}`;
  const failureLines = failures.map(({ section, reason }) => `${section}: not measured: ${reason}`);
  if (options.format === 'json') {
    console.log(JSON.stringify({ meta, rows, notes, failures, sections: results }, null, 2));
  } else if (options.format === 'markdown') {
    console.log(`${header}\n\n${markdownTable(rows)}\n`);
    for (const note of [...notes, ...failureLines]) console.log(`- ${note}`);
  } else {
    console.log(`${header}\n\n${textTable(rows)}\n`);
    for (const note of [...notes, ...failureLines]) console.log(`  ${note}`);
  }
  if (failures.length > 0) {
    for (const line of failureLines) process.stderr.write(`FAILED ${line}\n`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
