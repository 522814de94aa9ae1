#!/usr/bin/env node
// `npm run size`: what each way of loading os-widgets costs a page, minified + gzip (level 9), beside the floor: lit
// (LitElement, html, css) + the @stomp/stompjs Client alone, bundled the same way. Run `npm run build` first.
//   CDN: os-widgets.js and the IIFE as shipped (one file each), and what a page with the autoloader and one element
//   (or all five) loads: the autoloader, the element's chunk and the chunks they import, each gzipped on its own.
//   npm entries: each entry of the package bundled by esbuild with lit and stompjs (production build), minified, the
//   way an app's bundler would include it.
// `--json` prints { floor, entries: [{ name, bytes, ratio, budget }] } instead of the table (for `npm run bench`).
// `--check` (npm test) fails when an entry is over its budget in size-budget.json. Raising a budget is a reviewed
// change: say why in the commit.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import rollupConfig from '../rollup.config.mjs';

const gzip = bytes => gzipSync(bytes, { level: 9 }).length;

/**
 * The bytes a page loads up front for `contents` bundled like an app's bundler would: minified, lit's production build,
 * code split so that what is only imported dynamically (catalogues other than English, ...) stays in chunks loaded on
 * demand. Returns the gzip size of the entry and the chunks it imports statically (each gzipped on its own).
 */
async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    target: 'es2021',
    conditions: ['production'],
    write: false,
    metafile: true,
    logLevel: 'silent'
  });
  const files = new Map(result.outputFiles.map(file => [relative(process.cwd(), file.path), file.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find(name => outputs[name].entryPoint);
  const loaded = new Set();
  const visit = name => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const { path, kind } of outputs[name].imports) if (kind === 'import-statement') visit(path);
  };
  visit(entry);
  return [...loaded].reduce((sum, name) => sum + gzip(files.get(name)), 0);
}

const floor = await bundle(
  "import { LitElement, html, css } from 'lit'; import { Client } from '@stomp/stompjs'; export { LitElement, html, css, Client };"
);
const rows = [['floor: lit + @stomp/stompjs Client', floor]];

// The CDN's ES modules: what a page loads up front from an entry (it and the chunks it imports statically), each
// file gzipped on its own as a server sends it; through the autoloader, that plus each element's chunk(s).
const esm = rollupConfig[0];
const cdn = await rollup({ ...esm, onLog: () => {} });
const chunks = new Map(
  (await cdn.generate(esm.output)).output.filter(item => item.type === 'chunk').map(chunk => [chunk.fileName, chunk])
);
await cdn.close();
const loadedFrom = (...names) => {
  const loaded = new Set();
  const visit = name => {
    if (loaded.has(name)) return;
    loaded.add(name);
    chunks.get(name).imports.forEach(visit);
  };
  names.forEach(visit);
  return [...loaded].reduce((sum, name) => sum + gzip(chunks.get(name).code), 0);
};
const elementChunk = tag =>
  [...chunks.values()].find(chunk => chunk.facadeModuleId?.endsWith(`/components/${tag.slice(3)}/${tag.slice(3)}.js`))
    .fileName;
const tags = ['os-order-status', 'os-venue-queue', 'os-user-toasts', 'os-venue-watch', 'os-connection-status'];
rows.push(['dist/cdn/os-widgets.js', gzip(readFileSync('dist/cdn/os-widgets.js'))]);
rows.push(['dist/cdn/os-widgets.iife.js', gzip(readFileSync('dist/cdn/os-widgets.iife.js'))]);
for (const tag of tags) rows.push([`cdn autoloader + <${tag}>`, loadedFrom('autoloader.js', elementChunk(tag))]);
rows.push(['cdn autoloader + all five', loadedFrom('autoloader.js', ...tags.map(elementChunk))]);
const entries = {
  'os-widgets': './dist/index.js',
  'os-widgets/order-status': './dist/components/order-status/order-status.js',
  'os-widgets/venue-queue': './dist/components/venue-queue/venue-queue.js',
  'os-widgets/user-toasts': './dist/components/user-toasts/user-toasts.js',
  'os-widgets/venue-watch': './dist/components/venue-watch/venue-watch.js',
  'os-widgets/connection-status': './dist/components/connection-status/connection-status.js',
  'os-widgets/connection': './dist/connection/index.js'
};
for (const [name, path] of Object.entries(entries)) rows.push([name, await bundle(`export * from '${path}';`)]);

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8')).budgets;
if (process.argv.includes('--json')) {
  // For `npm run bench`: the same figures, machine-readable.
  const entries = rows
    .slice(1)
    .map(([name, bytes]) => ({ name, bytes, ratio: bytes / floor, budget: budget[name] ?? null }));
  console.log(JSON.stringify({ floor, entries }));
  process.exit(0);
}
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'what'.padEnd(width)}  min+gz (B)  × floor  budget (B)`);
const over = [];
for (const [name, bytes] of rows) {
  const limit = budget[name];
  if (limit !== undefined && bytes > limit) over.push(`${name}: ${bytes} B > ${limit} B`);
  console.log(
    `${name.padEnd(width)}  ${String(bytes).padStart(10)}  ${(bytes / floor).toFixed(2).padStart(7)}  ${String(limit ?? '').padStart(10)}`
  );
}
if (process.argv.includes('--check') && over.length > 0) {
  console.error(`Over the size budget (size-budget.json):\n  ${over.join('\n  ')}`);
  process.exit(1);
}
