#!/usr/bin/env node
// The `rounds` launcher: runs the TypeScript CLI through tsx's ESM loader, no build step needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
