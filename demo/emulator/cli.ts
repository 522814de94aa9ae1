/**
 * Command line: `node --import tsx demo/emulator/cli.ts [options]`. Run with `--help` for the options.
 */
import { parseArgs } from 'node:util';
import { startEmulator, type Emulator } from './index.js';

const USAGE = `Ordering Stack emulator: tokens, order REST reads, STOMP over WebSocket and a control API.

Usage: node --import tsx demo/emulator/cli.ts [options]

Options:
  --port N         port to listen on (default: $PORT, else 8080; 0 picks a free one)
  --host H         interface to listen on (default 127.0.0.1)
  --token-ttl S    access token lifetime in seconds (default 3600)
  --no-seed        start without the demo orders
  --quiet          no log lines
  --ready-json     print exactly one stdout line {"url":"http://HOST:PORT"} once listening (logs go to stderr)
  --help           show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'token-ttl': { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'ready-json': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    },
    strict: true
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const readyJson = values['ready-json'];
  const emulator = await startEmulator({
    port: toInteger('--port', values.port ?? process.env.PORT ?? '8080'),
    host: values.host,
    tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : toInteger('--token-ttl', values['token-ttl']),
    seed: !values['no-seed'],
    quiet: values.quiet,
    log: line => (readyJson ? process.stderr : process.stdout).write(`${new Date().toISOString()} ${line}\n`)
  });
  stopOnSignals(emulator);
  if (readyJson) process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  else if (!values.quiet) process.stdout.write(banner(emulator));
}

function banner(emulator: Emulator): string {
  const ws = emulator.url.replace(/^http/, 'ws');
  return `
  Ordering Stack emulator (tenant "${emulator.tenant}")

  Demo page      ${emulator.url}/
  STOMP          ${ws}/websocket  (also ${ws}/ws)
  Token          POST ${emulator.url}/auth-oauth2/oauth/token  (guest/guest, staff/staff, anonymous)
  Control API    ${emulator.url}/__emulator/...  (see demo/emulator/README.md)

  Press Ctrl+C to stop.

`;
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
