import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The CDN / CMS builds, bundled from the npm build (dist/, made first by scripts/build.mjs: unbundled ESM, CSS already
// minified, decorator helpers imported once from tslib), with lit (its production build) and @stomp/stompjs inlined.
//   dist/cdn/os-widgets.js       ES module, one file: every element and the whole public API
//   dist/cdn/os-widgets.iife.js  the same as a classic script, global `OsWidgets`
//   dist/cdn/autoloader.js       ES module: the API without the elements; loads each element when its tag appears,
//   dist/cdn/chunks/*.js         from these chunks (the core every element needs, then one per element)
// One file is smaller than the same code in chunks (each chunk is compressed on its own), so a page that shows every
// element is best served by os-widgets.js, and a page that shows one or two by the autoloader.
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
    input: 'dist/autoloader.js',
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
      file: 'dist/cdn/os-widgets.js',
      format: 'es',
      inlineDynamicImports: true,
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
