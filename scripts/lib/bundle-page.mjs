// @ts-check
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a benchmark page's script the way rollup.config.mjs builds the CDN files (minified, lit's production
 * build, ES2021) and writes it to `outfile`. Bare imports resolve from the repository's node_modules.
 * @param {{ contents: string, name: string, outfile: string, format?: 'esm' | 'iife', external?: string[] }} page
 *   `name` is the file name shown in errors; `external` are imports left as they are (e.g. '/dist/cdn/os-widgets.js')
 */
export async function bundlePage({ contents, name, outfile, format = 'esm', external = [] }) {
  await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: name },
    bundle: true,
    format,
    minify: true,
    target: 'es2021',
    platform: 'browser',
    conditions: ['production'],
    external,
    outfile,
    logLevel: 'error'
  });
}
