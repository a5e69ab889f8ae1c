// The built `rounds` (scripts/build-cli.mjs → dist/cli) and whether it is current: the build lists
// every source file it read with its modification time and size; one that changed, or is gone, since
// makes the build stale. Checking is one stat per file (about 200), a few milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BUILD_DIR = path.join(ROOT, 'dist', 'cli');
/** In the build folder: { "<file relative to ROOT>": [mtimeMs, size], … } */
export const INPUTS_FILE = 'inputs.json';
/** The build's one entry point: cli/start.ts as dist/cli/rounds.mjs. */
export const ENTRY_POINTS = { rounds: 'cli/start.ts' };

/** [mtimeMs, size] of a file under ROOT, or null when it is gone. */
export function fileStamp(file) {
  try {
    const stat = fs.statSync(path.join(ROOT, file));
    return [stat.mtimeMs, stat.size];
  } catch {
    return null;
  }
}

/** The URL of the built `rounds` when the build in `dir` is current for the sources, else null. */
export function currentBuild(dir = CLI_BUILD_DIR) {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(dir, INPUTS_FILE), 'utf8'));
  } catch {
    return null; // not built
  }
  for (const [file, [mtimeMs, size]] of Object.entries(inputs)) {
    const now = fileStamp(file);
    if (now === null || now[0] !== mtimeMs || now[1] !== size) return null;
  }
  return pathToFileURL(path.join(dir, 'rounds.mjs')).href;
}
