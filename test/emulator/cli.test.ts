import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../demo/emulator/cli.ts', import.meta.url));

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
});
