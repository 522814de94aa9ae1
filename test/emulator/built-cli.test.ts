/**
 * The plain-JavaScript build of the CLI (scripts/build-emulator.mjs): one file that runs with Node alone, copied
 * outside the repository so that no node_modules can be found, as in an installed package.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@stomp/stompjs';
import WebSocket from 'ws';
import { BASIC_AUTH, connect, STOMP_PROTOCOLS } from './support.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_SCRIPT = join(REPO, 'scripts', 'build-emulator.mjs');
const SCRIPT_JS = 'export const x = 42;\n';

/** The environment without anything that could load tsx or find packages for the child. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.NODE_PATH;
  return env;
}

/** Runs a command to its end and gives its exit code and output. */
async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd, env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

/** True when a node_modules folder exists in `folder` or any folder above it. */
function nodeModulesAbove(folder: string): boolean {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, 'node_modules'))) return true;
    if (current === parse(current).root) return false;
  }
}

describe('built cli (dist/emulator/os-emulator.mjs)', { timeout: 60_000 }, () => {
  let work: string;
  /** The single built file, copied alone into a folder outside the repository. */
  let copy: string;
  const children = new Set<ChildProcess>();

  /** Starts the copy with `--ready-json` and resolves with its URL once it listens. */
  async function serve(
    file: string,
    args: string[]
  ): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
    const child = spawn(
      process.execPath,
      [file, '--port', '0', '--host', '127.0.0.1', '--ready-json', '--quiet', ...args],
      { cwd: dirname(file), env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'] }
    );
    children.add(child);
    let stderr = '';
    child.stderr.on('data', chunk => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within 20 s; stderr: ${stderr}`)), 20_000);
      child.once('exit', code => {
        clearTimeout(timer);
        reject(new Error(`exited with code ${code} before the ready line; stderr: ${stderr}`));
      });
      createInterface({ input: child.stdout! }).once('line', line => {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { url: string }).url);
        } catch {
          reject(new Error(`expected the ready JSON line, got: ${line}`));
        }
      });
    });
    return { url, child, stderr: () => stderr };
  }

  /** Sends a signal unless the child has exited, and resolves with its exit code once it has. */
  async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    const [code] = await exited;
    return code;
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'os-emulator-built-'));
    assert.ok(!work.startsWith(REPO) && !REPO.startsWith(work + sep), `${work} is outside ${REPO}`);
    const outfile = join(work, 'build', 'os-emulator.mjs');
    const build = await run([BUILD_SCRIPT, '--outfile', outfile], REPO);
    assert.equal(build.code, 0, build.stderr);
    assert.match(build.stdout, /os-emulator\.mjs: \d+ B/);
    assert.equal(statSync(outfile).mode & 0o777, 0o755);
    assert.ok(readFileSync(outfile, 'utf8').startsWith('#!/usr/bin/env node\n'));
    mkdirSync(join(work, 'run'));
    copy = join(work, 'run', 'os-emulator.mjs');
    copyFileSync(outfile, copy);
    assert.equal(nodeModulesAbove(dirname(copy)), false, `a node_modules folder is reachable from ${copy}`);
    mkdirSync(join(work, 'site', 'dist'), { recursive: true });
    writeFileSync(join(work, 'site', 'dist', 'x.js'), SCRIPT_JS);
  });

  after(async () => {
    await Promise.all([...children].map(child => stop(child, 'SIGKILL')));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('--help exits 0 and lists --static', async () => {
    const { code, stdout } = await run([copy, '--help'], dirname(copy));
    assert.equal(code, 0);
    assert.match(stdout, /Usage:/);
    assert.match(stdout, /--static DIR/);
  });

  it('grants tokens, accepts a STOMP CONNECT, serves --static files and exits 0 on SIGTERM', async () => {
    const emulator = await serve(copy, ['--static', join(work, 'site')]);
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);

    const tokenResponse = await fetch(`${emulator.url}/auth-oauth2/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: BASIC_AUTH,
        'X-Tenant': 'demo'
      },
      body: new URLSearchParams({ grant_type: 'password', username: 'guest', password: 'guest', scope: 'read' })
    });
    assert.equal(tokenResponse.status, 200);
    const token = (await tokenResponse.json()) as { access_token: string; UUID: string };
    assert.equal(typeof token.access_token, 'string');
    assert.equal(token.UUID, 'guest-1');

    const client = new Client({
      webSocketFactory: () => new WebSocket(`${emulator.url.replace(/^http/, 'ws')}/websocket`, STOMP_PROTOCOLS),
      connectHeaders: { login: token.access_token },
      reconnectDelay: 0,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0
    });
    try {
      const connected = await connect(client);
      assert.equal(connected.command, 'CONNECTED');
      assert.equal(connected.headers['user-name'], 'guest-1');
    } finally {
      await client.deactivate({ force: true });
    }

    const script = await fetch(`${emulator.url}/dist/x.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(await script.text(), SCRIPT_JS);
    assert.equal((await fetch(`${emulator.url}/dist/os-widgets.js`)).status, 404);

    assert.equal(await stop(emulator.child), 0, emulator.stderr());
  });

  it('serves the package root (two folders above the file) without --static', async () => {
    const pkg = join(work, 'package');
    mkdirSync(join(pkg, 'dist', 'emulator'), { recursive: true });
    writeFileSync(join(pkg, 'dist', 'os-widgets.js'), SCRIPT_JS);
    const file = join(pkg, 'dist', 'emulator', 'os-emulator.mjs');
    copyFileSync(copy, file);
    const emulator = await serve(file, []);
    const script = await fetch(`${emulator.url}/dist/os-widgets.js`);
    assert.equal(script.status, 200);
    assert.equal(await script.text(), SCRIPT_JS);
    assert.equal(await stop(emulator.child), 0, emulator.stderr());
  });

  it('refuses a --static that is not a folder with exit code 2', async () => {
    const { code, stderr } = await run([copy, '--static', join(work, 'missing')], dirname(copy));
    assert.equal(code, 2);
    assert.match(stderr, /--static must be a folder/);
  });
});
