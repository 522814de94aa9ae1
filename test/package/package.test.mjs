// @ts-check
// The npm package as users install it: `npm pack` (its prepack builds), the tarball installed into a scratch project
// outside this repository, then what a TypeScript app, a server-rendering app and a developer at the terminal do
// with it. Needs the npm registry for the scratch project's own dependencies (TypeScript, React).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/lib/chromium.mjs';
import { startEmulatorProcess } from '../../scripts/lib/emulator-process.mjs';
import { packageTarball } from '../../scripts/lib/package-tarball.mjs';

/** The code block under `<!-- snippet: NAME … -->` in README.md: the README's examples are run, not just shown. */
function readmeSnippet(name) {
  const readme = readFileSync('README.md', 'utf8');
  const match = readme.match(new RegExp(`<!-- snippet: ${name}\\b[^>]*-->\\s*\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``));
  assert.ok(match, `README.md has no snippet "${name}"`);
  return match[1];
}

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
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      'typescript@~5.9.3',
      'react@^19',
      '@types/react@^19',
      '@lit/react@^1'
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
    assert.deepEqual(
      listing.filter(file => file.startsWith('package/src/') || file.startsWith('package/test/')),
      []
    );
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
    writeFileSync(
      join(app, 'app.ts'),
      `import 'os-widgets/order-status';\ndocument.createElement('os-order-status').orderId = 42;\n`
    );
    const wrong = run(join(app, 'node_modules/.bin/tsc'), ['-p', '.']);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /TS2322/);
  });

  it('types the plain tags in React 19 JSX with os-widgets/react-jsx, and rejects a wrong prop', () => {
    writeFileSync(
      join(app, 'tsconfig.jsx.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ['es2022', 'dom'],
          types: []
        },
        files: ['view.tsx']
      })
    );
    const view = (/** @type {string} */ props) => `import 'os-widgets/order-status';
import 'os-widgets/react-jsx';
export const View = () => <os-order-status ${props} onos-order-update={event => console.log(event.detail.stage.toUpperCase())} />;
`;
    writeFileSync(join(app, 'view.tsx'), view('orderId="o1" order-id="o1" tenant="t1" className="tracker"'));
    const ok = run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.jsx.json']);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    writeFileSync(join(app, 'view.tsx'), view('orderId={42}'));
    const wrong = run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.jsx.json']);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /TS2322/);
  });

  for (const entry of ENTRIES) {
    it(`imports ${entry} in Node (server rendering) without touching the DOM`, () => {
      const imported = run(process.execPath, [
        '-e',
        `import(${JSON.stringify(entry)}).then(m => console.log(Object.keys(m).length))`
      ]);
      assert.equal(imported.status, 0, imported.stderr);
    });
  }

  it("type-checks the README's npm example under the same strict settings", () => {
    // The example leaves the host app's own names open; declare them the way an app would have them.
    const prelude =
      'declare const myAuth: { accessToken(): Promise<string>; userId: string };\ndeclare const orderId: string;\n';
    writeFileSync(join(app, 'app.ts'), prelude + readmeSnippet('npm'));
    const check = run(join(app, 'node_modules/.bin/tsc'), ['-p', '.']);
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  it("runs the README's server-rendering example in Node", () => {
    writeFileSync(join(app, 'server.mjs'), readmeSnippet('server'));
    const result = run(process.execPath, ['server.mjs']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), 'OsOrderStatus open');
  });

  it('leaves lit and stompjs to the app: the npm modules import them by name', () => {
    const element = readFileSync(
      join(app, 'node_modules/os-widgets/dist/components/order-status/order-status.js'),
      'utf8'
    );
    assert.match(element, /from 'lit'/);
    const hub = readFileSync(join(app, 'node_modules/os-widgets/dist/connection/hub/stomp-hub.js'), 'utf8');
    assert.match(hub, /from '@stomp\/stompjs'/);
  });

  for (const snippet of ['script-tag', 'autoloader']) {
    it(`runs the README's ${snippet} example from the tarball's CDN files against the emulator`, async () => {
      // The page as a CMS editor pastes it, with the CDN address pointing at the tarball's own dist/cdn/ and the API at
      // the emulator: served by the emulator (--static), so the page and the API share an origin as on a real site.
      const site = mkdtempSync(join(tmpdir(), 'os-widgets-site-'));
      spawnSync('tar', ['-xzf', packageTarball(), '-C', site]);
      mkdirSync(join(site, 'package', 'demo'));
      const emulator = await startEmulatorProcess(['--quiet', '--static', join(site, 'package')]);
      const browser = await launchChromium();
      try {
        const html = readmeSnippet(snippet)
          .replaceAll('https://cdn.jsdelivr.net/npm/os-widgets@0.1/', '/')
          .replaceAll('https://api.example.com', emulator.url)
          .replaceAll('your-tenant', 'demo')
          .replaceAll('your-venue-id', 'v1');
        writeFileSync(
          join(site, 'package', 'demo', 'snippet.html'),
          `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>${html}</body></html>`
        );
        const page = await browser.newPage();
        const problems = [];
        /** The element chunks the page requested. */
        const chunks = [];
        page.on('request', request => {
          const chunk =
            /\/dist\/cdn\/chunks\/(order-status|venue-queue|user-toasts|venue-watch|connection-status)-/.exec(
              request.url()
            )?.[1];
          if (chunk) chunks.push(chunk);
        });
        page.on('pageerror', error => problems.push(error.message));
        page.on('console', message => message.type() === 'error' && problems.push(message.text()));
        await page.goto(`${emulator.url}/demo/snippet.html`);
        // The seeded venue v1 has a ready order: the board shows its tile once connected.
        await page.waitForFunction(
          () => document.querySelector('os-venue-queue')?.shadowRoot?.querySelector('[part~="tile"]'),
          { timeout: 15000 }
        );
        assert.deepEqual(problems, []);
        // The autoloader loads the code of the elements on the page only: here the board's.
        if (snippet === 'autoloader') assert.deepEqual(chunks, ['venue-queue']);
      } finally {
        await browser.close();
        await emulator.stop();
        rmSync(site, { recursive: true, force: true });
      }
    });
  }

  it('runs the emulator from the installed package (`npx os-emulator --help`)', () => {
    const help = run('npx', ['--no-install', 'os-emulator', '--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /--scenario/);
  });
});
