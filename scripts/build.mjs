#!/usr/bin/env node
// `npm run build`: everything the package ships, into a clean dist/.
//   dist/**/*.js + .d.ts   the npm build: one ES module per source file, lit and @stomp/stompjs as bare imports, the
//                          CSS of every css`` template minified (tsc, through its API: scripts/lib/css-templates.mjs)
//   dist/cdn/              the CDN / CMS builds, bundled from the npm build (rollup, see rollup.config.mjs)
//   dist/emulator/         the emulator as one Node script, for `npx os-emulator` (esbuild)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import ts from 'typescript';
import { cssTemplateTransformer } from './lib/css-templates.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function compile(project) {
  const host = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: diagnostic => report([diagnostic])
  };
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, host);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const emitted = program.emit(undefined, undefined, undefined, false, { before: [cssTemplateTransformer(ts)] });
  report([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
}

function report(diagnostics) {
  if (diagnostics.length === 0) return;
  console.error(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: name => name,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
      getNewLine: () => '\n'
    })
  );
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
compile('tsconfig.build.json');
run('npx', ['rollup', '-c', '--silent']);
run(process.execPath, ['scripts/build-emulator.mjs']);
