// `npm start [-- --data-dir DIR --port N --no-open]`: build when dist/ is missing or older than the
// sources, then open the desktop app if the Electron runtime is installed, else run browser mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_OUTPUTS, buildAll } from './build.mjs';
import { ROOT, electronBinaryPath } from './electron-runtime.mjs';

const SOURCES = ['core', 'renderer', 'electron', 'host', 'db', 'vite.config.ts', 'package.json'].map((p) => path.join(ROOT, p));

function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(file).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(file, entry))), stat.mtimeMs);
}

export function isBuildStale() {
  if (!BUILD_OUTPUTS.every((output) => fs.existsSync(output))) return true;
  const oldestOutput = Math.min(...BUILD_OUTPUTS.map((output) => fs.statSync(output).mtimeMs));
  return SOURCES.some((source) => newestMtime(source) > oldestOutput);
}

/** Runs the host as a child, passing our signals on so its shutdown (DB close, lock release) happens. */
function runHost(command, args) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const args = process.argv.slice(2);
  if (isBuildStale()) await buildAll();
  const electron = electronBinaryPath();
  if (electron) {
    runHost(electron, [ROOT, ...args]);
  } else {
    console.log('Electron runtime not installed on this machine — starting browser mode');
    runHost(process.execPath, ['--import', 'tsx', path.join(ROOT, 'host', 'browser-main.ts'), ...args]);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
