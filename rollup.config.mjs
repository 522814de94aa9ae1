import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// The CDN / CMS builds: one self-contained, minified file per format with every element and the shared connection,
// lit (its production build) and @stomp/stompjs inlined. The npm build (unbundled ESM + .d.ts, lit and stompjs left as
// bare imports) is tsc's, see tsconfig.build.json and scripts/build.mjs.
const plugins = [
  resolve({ browser: true, exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: './tsconfig.json' })
];

// terser's `module: true` lets it drop unused top-level names: right for the ES module, fatal for the classic script,
// whose only top-level name is the global `OsWidgets`.
const minify = module => terser({ ecma: 2020, module, format: { comments: false } });

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/cdn/os-widgets.js', format: 'es', sourcemap: true, plugins: [minify(true)] },
    plugins
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/cdn/os-widgets.iife.js',
      format: 'iife',
      name: 'OsWidgets',
      sourcemap: true,
      plugins: [minify(false)]
    },
    plugins
  }
];
