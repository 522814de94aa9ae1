#!/usr/bin/env node
// `npm run size`: what each way of loading os-widgets costs a page, minified + gzip (level 9), beside the floor: lit
// (LitElement, html, css) + the @stomp/stompjs Client alone, bundled the same way. Run `npm run build` first.
//   CDN files: dist/cdn/*.js as shipped.
//   npm entries: each entry of the package bundled by esbuild with lit and stompjs (production build), minified, the
//   way an app's bundler would include it.
// `--json` prints { floor, entries: [{ name, bytes, ratio, budget }] } instead of the table (for `npm run bench`).
// `--check` (npm test) fails when an entry is over its budget in size-budget.json. Raising a budget is a reviewed
// change: say why in the commit.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const gzip = bytes => gzipSync(bytes, { level: 9 }).length;

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    conditions: ['production'],
    write: false,
    logLevel: 'silent'
  });
  return result.outputFiles[0].contents;
}

const floor = gzip(
  await bundle(
    "import { LitElement, html, css } from 'lit'; import { Client } from '@stomp/stompjs'; export { LitElement, html, css, Client };"
  )
);
const rows = [['floor: lit + @stomp/stompjs Client', floor]];
for (const file of ['dist/cdn/os-widgets.js', 'dist/cdn/os-widgets.iife.js'])
  rows.push([file, gzip(readFileSync(file))]);
const entries = {
  'os-widgets': './dist/index.js',
  'os-widgets/order-status': './dist/components/order-status/order-status.js',
  'os-widgets/venue-queue': './dist/components/venue-queue/venue-queue.js',
  'os-widgets/user-toasts': './dist/components/user-toasts/user-toasts.js',
  'os-widgets/venue-watch': './dist/components/venue-watch/venue-watch.js',
  'os-widgets/connection-status': './dist/components/connection-status/connection-status.js',
  'os-widgets/connection': './dist/connection/index.js'
};
for (const [name, path] of Object.entries(entries)) rows.push([name, gzip(await bundle(`export * from '${path}';`))]);

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
