/**
 * Command line: `node --import tsx demo/emulator/cli.ts [options]`, or the plain-JavaScript build of it
 * (`node scripts/build-emulator.mjs` writes dist/emulator/os-emulator.mjs). Run with `--help` for the options.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type Emulator } from './index.js';
import { isValidSpeed } from './options.js';
import { isScenarioName, SCENARIO_NAMES, SCENARIOS } from './simulation/scenarios.js';

const USAGE = `Ordering Stack emulator: tokens, order REST reads, STOMP over WebSocket, a simulated restaurant and a
control API, with the os-widgets demo pages on the same port.

Usage: npx os-emulator [options]        (or: npm run emulator -- [options])

Options:
  --port N          port to listen on (default: $PORT, else 8080; 0 picks a free one)
  --host H          interface to listen on (default 127.0.0.1)
  --scenario NAME   a simulated restaurant (default none: the static demo orders only):
${Object.values(SCENARIOS)
  .map(scenario => `                      ${scenario.name.padEnd(10)} ${scenario.description}`)
  .join('\n')}
  --seed N          the simulation's seed: the same seed gives the same restaurant (default 1)
  --speed X         simulated seconds per real second (default 1)
  --paused          start the simulation paused, after its warm-up
  --token-ttl S     access token lifetime in seconds (default 3600)
  --no-seed         start without the static demo orders (scenario none)
  --quiet           no log lines
  --static DIR      serve the demo/ and dist/ folders of DIR (default: the os-widgets package root), e.g. your
                    own page in DIR/demo/ and your build in DIR/dist/
  --ready-json      print exactly one stdout line {"url":"http://HOST:PORT"} once listening (logs go to stderr)
  --help            show this help

Examples:
  npx os-emulator --scenario rush-hour --seed 7
  npx os-emulator --port 8080 --host 127.0.0.1 --scenario chaos --speed 5
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'token-ttl': { type: 'string' },
      scenario: { type: 'string', default: 'none' },
      seed: { type: 'string', default: '1' },
      speed: { type: 'string', default: '1' },
      paused: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'ready-json': { type: 'boolean', default: false },
      static: { type: 'string' },
      help: { type: 'boolean', default: false }
    },
    strict: true
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const readyJson = values['ready-json'];
  const { scenario } = values;
  if (!isScenarioName(scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${scenario}"`);
  }
  const speed = Number(values.speed);
  if (!isValidSpeed(speed)) throw new UsageError(`--speed must be a number from 0.1 to 1000, got "${values.speed}"`);
  const staticRoot = values.static === undefined ? undefined : toFolder('--static', values.static);
  const emulator = await startEmulator({
    port: toInteger('--port', values.port ?? process.env.PORT ?? '8080'),
    host: values.host,
    tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : toInteger('--token-ttl', values['token-ttl']),
    seed: !values['no-seed'],
    scenario,
    randomSeed: toInteger('--seed', values.seed),
    speed,
    paused: values.paused,
    staticRoot,
    quiet: values.quiet,
    log: line => (readyJson ? process.stderr : process.stdout).write(`${new Date().toISOString()} ${line}\n`)
  });
  stopOnSignals(emulator);
  if (readyJson) process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  else if (!values.quiet) process.stdout.write(banner(emulator, staticRoot));
}

function banner(emulator: Emulator, staticRoot: string | undefined): string {
  const ws = emulator.url.replace(/^http/, 'ws');
  return `
  Ordering Stack emulator (tenant "${emulator.tenant}")

  Demo gallery   ${emulator.url}/
  Control panel  ${emulator.url}/demo/control.html
  Simulation     ${simulation(emulator)}
  STOMP          ${ws}/websocket  (also ${ws}/ws)
  Token          POST ${emulator.url}/auth-oauth2/oauth/token  (guest/guest, staff/staff, anonymous)
  Control API    ${emulator.url}/__emulator/...  (see demo/emulator/README.md)
${staticRoot === undefined ? '' : `  Static files   ${emulator.url}/demo/, /dist/  from ${staticRoot}\n`}
  Press Ctrl+C to stop.

`;
}

function simulation(emulator: Emulator): string {
  const { name, seed, speed, paused } = emulator.scenario();
  if (name === 'none') return 'none (start one with --scenario quiet, rush-hour or chaos)';
  return `${name}, seed ${seed}${speed === 1 ? '' : `, speed ${speed}`}${paused ? ', paused' : ''}`;
}

function stopOnSignals(emulator: Emulator): void {
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A bad command line: reported with the usage text and exit code 2. */
class UsageError extends Error {}

function toFolder(name: string, path: string): string {
  const folder = resolve(path);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`${name} must be a folder, got "${path}"`);
  }
  return folder;
}

function toInteger(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const code = String((error as { code?: unknown } | undefined)?.code);
  const usageError = error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(usageError ? `os-emulator: ${message}\n\n${USAGE}` : `os-emulator: ${message}\n`);
  process.exit(usageError ? 2 : 1);
});
