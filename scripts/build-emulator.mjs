#!/usr/bin/env node
// Builds the emulator (demo/emulator/cli.ts) into one plain-JavaScript file that runs with Node 20 alone, no
// node_modules: `ws` is bundled in, everything else is a Node builtin. This is what an installed package runs as
// `os-emulator`. The file serves `demo/` and `dist/` of the folder two levels above it (the package root) unless
// `--static DIR` is given.
//
//   node scripts/build-emulator.mjs [--outfile dist/emulator/os-emulator.mjs]
import { chmodSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { outfile: { type: 'string', default: 'dist/emulator/os-emulator.mjs' } } });
const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = resolve(values.outfile);

/** ws loads these native speed-ups in try/catch and works without them; they stay outside the bundle. */
const OPTIONAL_PEERS = ['bufferutil', 'utf-8-validate'];

const result = await build({
  absWorkingDir: root,
  entryPoints: ['demo/emulator/cli.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'inline',
  external: OPTIONAL_PEERS,
  metafile: true,
  logLevel: 'warning',
  banner: {
    // The bundled CommonJS code (ws) calls require() for Node builtins, which an ES module does not have.
    js: [
      '#!/usr/bin/env node',
      '// os-widgets: the Ordering Stack emulator (`os-emulator --help`), built by scripts/build-emulator.mjs.',
      '// Bundles ws (MIT, https://github.com/websockets/ws).',
      "import { createRequire as __osCreateRequire } from 'node:module';",
      'const require = __osCreateRequire(import.meta.url);'
    ].join('\n')
  }
});

// The file must run from anywhere: it may import Node builtins and, inside ws's try/catch, its optional peers only.
const builtins = new Set(builtinModules);
const isBuiltin = path => path.startsWith('node:') || builtins.has(path);
const output = result.metafile.outputs[relative(root, outfile)];
if (!output) throw new Error(`esbuild's metafile has no entry for ${outfile}`);
const foreign = output.imports
  .filter(({ path }) => !isBuiltin(path) && !OPTIONAL_PEERS.includes(path))
  .map(({ path, kind }) => `${path} (${kind})`);
if (foreign.length > 0) throw new Error(`${outfile} imports more than Node's builtins: ${foreign.join(', ')}`);

chmodSync(outfile, 0o755);
const bytes = statSync(outfile).size;
console.log(`${relative(process.cwd(), outfile) || outfile}: ${bytes} B (${(bytes / 1024).toFixed(1)} KiB)`);
