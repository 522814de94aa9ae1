#!/usr/bin/env node
// The `os-emulator` command of package.json: runs cli.ts through tsx (a devDependency), since Node 20 cannot run
// TypeScript itself. Same options as cli.ts (--help).
import { register } from 'tsx/esm/api';

register();
await import('../cli.ts');
