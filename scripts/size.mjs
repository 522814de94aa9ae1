#!/usr/bin/env node
// Prints the size of the built bundles: raw, minified + gzip (level 9) and brotli. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

for (const file of ['dist/os-widgets.js', 'dist/os-widgets.iife.js']) {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes).length;
  console.log(`${file}: ${bytes.length} B min, ${gz} B min+gz (${(gz / 1024).toFixed(1)} KiB), ${br} B brotli`);
}
