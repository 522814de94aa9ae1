import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const CLI = fileURLToPath(new URL('../../demo/emulator/cli.ts', import.meta.url));

/** Runs the CLI to its end and gives its exit code and output. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

/** Starts the CLI with `--ready-json` and resolves with its URL and a function that stops it. */
async function serve(args: string[]): Promise<{ url: string; logs: string[]; stop: () => Promise<number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--ready-json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const logs: string[] = [];
  createInterface({ input: child.stderr }).on('line', line => logs.push(line));
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  const stop = async () => {
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    return code;
  };
  return { url, logs, stop };
}

describe('cli', () => {
  it('prints one ready line with --ready-json, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--port', '0', '--host', '127.0.0.1', '--quiet', '--ready-json', '--no-seed'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    reader.on('line', line => lines.push(line));
    const [firstLine] = (await once(reader, 'line')) as [string];
    const { url } = JSON.parse(firstLine) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const orders = await (await fetch(`${url}/__emulator/orders`)).json();
    assert.deepEqual(orders, []);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.deepEqual(lines, [firstLine]);
  });

  it('prints usage and exits 2 for an unknown option', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--bogus'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /Usage:/);
  });

  it('--help lists every option and scenario and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    for (const text of [
      '--port',
      '--host',
      '--scenario',
      '--seed',
      '--speed',
      '--paused',
      '--quiet',
      'quiet',
      'rush-hour',
      'chaos'
    ]) {
      assert.ok(stdout.includes(text), text);
    }
  });

  it('refuses an unknown scenario, a bad seed and a bad speed with exit code 2', async () => {
    for (const args of [
      ['--scenario', 'lunch'],
      ['--seed', 'x'],
      ['--speed', '0']
    ]) {
      const { code, stderr } = await run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, new RegExp(args[0]!));
    }
  });

  it('runs the scenario and seed given, logs one line per connection and published message, stops on Ctrl+C', async () => {
    const emulator = await serve(['--scenario', 'rush-hour', '--seed', '7', '--paused']);
    const scenario = (await (await fetch(`${emulator.url}/__emulator/scenario`)).json()) as Record<string, unknown>;
    assert.equal(scenario.name, 'rush-hour');
    assert.equal(scenario.seed, 7);
    assert.equal(scenario.paused, true);
    const orders = (await (await fetch(`${emulator.url}/__emulator/orders`)).json()) as unknown[];
    assert.ok(orders.length > 100, `${orders.length} orders after the warm-up`);
    await fetch(`${emulator.url}/__emulator/orders`, { method: 'POST', body: '{"venue":"v2"}' });
    const socket = new WebSocket(`${emulator.url.replace('http', 'ws')}/websocket`, ['v12.stomp']);
    await once(socket, 'open');
    socket.close();
    await once(socket, 'close');
    assert.equal(await emulator.stop(), 0);
    assert.ok(
      emulator.logs.some(line => / publish order \d+ COMPLETED \(v2\)/.test(line)),
      emulator.logs.join('\n')
    );
    assert.ok(emulator.logs.some(line => / ws s1 open on \/websocket/.test(line)));
    assert.ok(emulator.logs.every(line => !line.includes('\n')));
  });

  it('is silent with --quiet', async () => {
    const emulator = await serve(['--scenario', 'chaos', '--speed', '1000', '--quiet']);
    await fetch(`${emulator.url}/__emulator/orders`, { method: 'POST', body: '{}' });
    assert.equal(await emulator.stop(), 0);
    assert.deepEqual(emulator.logs, []);
  });
});
