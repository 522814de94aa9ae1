#!/usr/bin/env node
// `npm run build`: everything the package ships, into a clean dist/.
//   dist/**/*.js + .d.ts   the npm build: one ES module per source file, lit and @stomp/stompjs as bare imports (tsc)
//   dist/cdn/              the CDN / CMS builds: os-widgets.js (ESM) and os-widgets.iife.js (global OsWidgets) (rollup)
//   dist/emulator/         the emulator as one Node script, for `npx os-emulator` (esbuild)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['rollup', '-c', '--silent']);
run(process.execPath, ['scripts/build-emulator.mjs']);
