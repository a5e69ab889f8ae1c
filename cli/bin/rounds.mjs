#!/usr/bin/env node
// The `rounds` launcher: runs the TypeScript CLI through tsx's ESM loader, no build step needed.
import { register } from 'tsx/esm/api';

register();
// Folders 0700, files 0600 for everything rounds (and `rounds serve`) creates: host/privateFiles.ts.
const { usePrivateFileModes } = await import('../../host/privateFiles.ts');
usePrivateFileModes();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
