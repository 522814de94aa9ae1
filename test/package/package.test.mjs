// @ts-check
// The npm package as users install it: `npm pack` (its prepack builds), the tarball installed into a scratch project
// outside this repository, then what a TypeScript app, a server-rendering app and a developer at the terminal do
// with it. Needs the npm registry for the scratch project's own dependencies (TypeScript, React).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packageTarball } from '../../scripts/lib/package-tarball.mjs';

/** Every entry of the exports map that has code. */
const ENTRIES = [
  'os-widgets',
  'os-widgets/order-status',
  'os-widgets/venue-queue',
  'os-widgets/user-toasts',
  'os-widgets/venue-watch',
  'os-widgets/connection-status',
  'os-widgets/connection',
  'os-widgets/react',
  'os-widgets/react-jsx',
  'os-widgets/vue'
];

describe('the packed tarball in a scratch project', () => {
  /** @type {string} */
  let app;
  /** @type {(command: string, args: string[]) => import('node:child_process').SpawnSyncReturns<string>} */
  const run = (command, args) => spawnSync(command, args, { cwd: app, encoding: 'utf8', timeout: 240000 });

  before(() => {
    const tarball = packageTarball();
    app = mkdtempSync(join(tmpdir(), 'os-widgets-scratch-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    const install = run('npm', [
      'install', '--no-audit', '--no-fund', '--prefer-offline',
      tarball, 'typescript@~5.9.3', 'react@^19', '@types/react@^19', '@lit/react@^1'
    ]);
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => rmSync(app, { recursive: true, force: true }));

  it('ships the build, the typings, the manifest and the licence, and no sources', () => {
    const listing = spawnSync('tar', ['-tzf', packageTarball()], { encoding: 'utf8' }).stdout.split('\n');
    for (const file of [
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/dist/components/order-status/order-status.d.ts',
      'package/dist/cdn/os-widgets.js',
      'package/dist/cdn/os-widgets.iife.js',
      'package/dist/emulator/os-emulator.mjs',
      'package/custom-elements.json',
      'package/LICENSE'
    ]) {
      assert.ok(listing.includes(file), `${file} is missing from the tarball`);
    }
    assert.deepEqual(listing.filter(file => file.startsWith('package/src/') || file.startsWith('package/test/')), []);
  });

  it('type-checks an app that configures the page and sets a property, under strict settings', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noPropertyAccessFromIndexSignature: true,
          noUncheckedIndexedAccess: true,
          erasableSyntaxOnly: true,
          verbatimModuleSyntax: true,
          types: []
        },
        files: ['app.ts']
      })
    );
    writeFileSync(
      join(app, 'app.ts'),
      `import { configure, getConnection, type OsOrderUpdateEvent } from 'os-widgets';
import { ConnectionState } from 'os-widgets/connection';
import 'os-widgets/order-status';

configure({ apiUrl: 'https://api.example.com', tenant: 't1' });
const el = document.createElement('os-order-status');
el.orderId = 'x';
el.addEventListener('os-order-update', (event: OsOrderUpdateEvent) => console.log(event.detail.stage));
el.addEventListener('os-order-update', event => console.log(event.detail.order.id));
const open: boolean = getConnection().state === ConnectionState.Open;
console.log(open);
`
    );
    const check = run(join(app, 'node_modules/.bin/tsc'), ['-p', '.']);
    assert.equal(check.status, 0, check.stdout + check.stderr);

    // The check can fail: a wrong property type is an error.
    writeFileSync(join(app, 'app.ts'), `import 'os-widgets/order-status';\ndocument.createElement('os-order-status').orderId = 42;\n`);
    const wrong = run(join(app, 'node_modules/.bin/tsc'), ['-p', '.']);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /TS2322/);
  });

  for (const entry of ENTRIES) {
    it(`imports ${entry} in Node (server rendering) without touching the DOM`, () => {
      const imported = run(process.execPath, ['-e', `import(${JSON.stringify(entry)}).then(m => console.log(Object.keys(m).length))`]);
      assert.equal(imported.status, 0, imported.stderr);
    });
  }

  it('runs the emulator from the installed package (`npx os-emulator --help`)', () => {
    const help = run('npx', ['--no-install', 'os-emulator', '--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--scenario/);
  });
});
