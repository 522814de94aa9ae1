#!/usr/bin/env node
// In-repository use only: runs cli.ts through tsx (a devDependency), since Node 20 cannot run TypeScript itself.
// Same options as cli.ts (--help). The published `os-emulator` command is the plain-JavaScript build,
// dist/emulator/os-emulator.mjs (`node scripts/build-emulator.mjs`), which needs no dependencies.
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
