#!/usr/bin/env node
// Fails when custom-elements.json differs from what the analyzer generates from the sources now.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves --outdir against the working directory.
const out = join('node_modules', '.cache', 'cem-check');
mkdirSync(out, { recursive: true });
const result = spawnSync('npx', ['cem', 'analyze', '--outdir', out, '--quiet'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
rmSync(out, { recursive: true, force: true });
let committed = '';
try {
  committed = readFileSync('custom-elements.json', 'utf8');
} catch {
  // missing counts as stale
}
if (fresh.trim() !== committed.trim()) {
  console.error('custom-elements.json is out of date: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
