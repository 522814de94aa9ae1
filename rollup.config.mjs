import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// One self-contained, minified file per format: every element plus the shared connection, with lit and
// @stomp/stompjs inlined (lit's production build).
const plugins = [
  resolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: './tsconfig.json' }),
  terser({ ecma: 2020, module: true, format: { comments: false } })
];

export default [
  { input: 'src/index.ts', output: { file: 'dist/os-widgets.js', format: 'es', sourcemap: true }, plugins },
  {
    input: 'src/index.ts',
    output: { file: 'dist/os-widgets.iife.js', format: 'iife', name: 'OsWidgets', sourcemap: true },
    plugins
  }
];
