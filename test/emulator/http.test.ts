import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Emulator } from '../../demo/emulator/index.js';
import { fetchJson, startTestEmulator } from './support.js';

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(emulator: Emulator, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port: emulator.port, path }, response => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('HTTP', () => {
  let emulator: Emulator;
  let root: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'os-emulator-'));
    await mkdir(join(root, 'demo', 'pages'), { recursive: true });
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'demo', 'index.html'), '<h1>demo</h1>');
    await writeFile(join(root, 'demo', 'pages', 'index.html'), '<h1>pages</h1>');
    await writeFile(join(root, 'dist', 'os-widgets.js'), 'export {};');
    await writeFile(join(root, 'dist', 'os-widgets.js.map'), '{}');
    await writeFile(join(root, 'secret.txt'), 'secret');
    emulator = await startTestEmulator({ staticRoot: root });
  });
  after(async () => {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  });

  describe('CORS', () => {
    it('answers preflights with 204 for any origin', async () => {
      const response = await fetch(`${emulator.url}/auth-oauth2/oauth/token`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, x-tenant'
        }
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization, Content-Type, X-Tenant/);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /GET, POST, OPTIONS/);
    });

    it('adds CORS headers to every answer, errors included', async () => {
      const withOrigin = await fetchJson(`${emulator.url}/ordering-api/api/orders/opened`, {
        headers: { Origin: 'http://localhost:8000' }
      });
      assert.equal(withOrigin.status, 401);
      assert.equal(withOrigin.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      const withoutOrigin = await fetchJson(`${emulator.url}/__emulator/stats`);
      assert.equal(withoutOrigin.headers.get('access-control-allow-origin'), '*');
    });
  });

  describe('static files', () => {
    it('serves demo/index.html at /', async () => {
      const response = await fetch(`${emulator.url}/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(await response.text(), '<h1>demo</h1>');
    });

    it('serves files below demo/ and dist/ with their content types', async () => {
      const script = await fetch(`${emulator.url}/dist/os-widgets.js`);
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(await script.text(), 'export {};');
      const map = await fetch(`${emulator.url}/dist/os-widgets.js.map`);
      assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(await (await fetch(`${emulator.url}/demo/pages/`)).text(), '<h1>pages</h1>');
    });

    it('answers 404 outside demo/ and dist/ and for missing files', async () => {
      for (const path of ['/secret.txt', '/package.json', '/demo/missing.js', '/demox/index.html']) {
        assert.equal((await fetch(`${emulator.url}${path}`)).status, 404, path);
      }
    });

    it('refuses .. traversal, encoded or not', async () => {
      const paths = ['/demo/../secret.txt', '/dist/..%2fsecret.txt', '/demo/%2e%2e/secret.txt', '/demo/..\\secret.txt'];
      for (const path of paths) {
        assert.equal(await rawGet(emulator, path), 403, path);
      }
    });
  });

  it('answers 404 JSON for unknown POST paths and 405 for a wrong method', async () => {
    const unknown = await fetchJson(`${emulator.url}/nowhere`, { method: 'POST' });
    assert.deepEqual([unknown.status, unknown.body], [404, { error: 'Not found' }]);
    assert.equal((await fetchJson(`${emulator.url}/__emulator/publish`)).status, 405);
  });
});
