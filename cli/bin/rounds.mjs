#!/usr/bin/env node
// The `rounds` launcher: runs the bundled CLI in dist/cli (scripts/build-cli.mjs) while it is current
// for the sources, else the TypeScript sources through tsx's ESM loader — never an outdated build.
import { currentBuild } from './build.mjs';

const built = currentBuild();
if (built) {
  await import(built);
} else {
  process.stderr.write('rounds: running from source (dist/cli is missing or older than the sources; `npm run build:cli` builds it)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../start.ts');
}
