import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The CDN / CMS builds, bundled from the npm build (dist/, made first by scripts/build.mjs: unbundled ESM, CSS already
// minified, decorator helpers imported once from tslib), with lit (its production build) and @stomp/stompjs inlined.
//   dist/cdn/os-widgets.js     ES module: every element and the whole public API
//   dist/cdn/autoloader.js     ES module: the API without the elements; loads each element when its tag appears
//   dist/cdn/chunks/*.js       what those two share, and each element's own code (loaded by the autoloader on demand)
//   dist/cdn/os-widgets.iife.js  classic script, self-contained (one file, no chunks), global `OsWidgets`
const plugins = [resolve({ browser: true, exportConditions: ['production'] })];
// Chunks: one `core` with what every element needs (lit, @stomp/stompjs, the connection, the base element, English
// texts, shared styles), one per element, and what some elements share as rollup cuts it. Fewer, larger chunks
// compress better than the many small ones rollup would cut by dependency set alone.
const core =
  /node_modules\/|\/dist\/(connection|internal|events|styles)\/|\/dist\/i18n\/(localize|en|plural)\.js|\/dist\/controllers\/(hub-status|stomp-topic)-controller\.js/;
const manualChunks = id => (core.test(id) ? 'core' : undefined);

// terser's `module: true` lets it drop unused top-level names: right for ES modules, fatal for the classic script,
// whose only top-level name is the global `OsWidgets`.
const minify = module => terser({ ecma: 2020, module, format: { comments: false } });

export default [
  {
    input: { 'os-widgets': 'dist/index.js', autoloader: 'dist/autoloader.js' },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
      sourcemap: true,
      plugins: [minify(true)]
    },
    plugins
  },
  {
    input: 'dist/index.js',
    output: {
      file: 'dist/cdn/os-widgets.iife.js',
      format: 'iife',
      name: 'OsWidgets',
      inlineDynamicImports: true,
      sourcemap: true,
      plugins: [minify(false)]
    },
    plugins
  }
];
