// After `npm install`: fetch the Electron binary with electron's install.js under a timeout (since
// Electron 42 the package has no install script of its own and fetches the binary at its first
// `require`, which scripts/electron-runtime.mjs avoids), then build a second copy of
// the SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with SQLCipher) for Electron's ABI.
// Node keeps its own build, so tests never need a rebuild. Last, the `rounds` command is bundled
// (scripts/build-cli.mjs), so it starts without compiling TypeScript from its first run.
// Every failure here is a warning: without Electron, `npm start` runs browser mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ELECTRON_SQLITE_BINDING, ELECTRON_SQLITE_DIR, ROOT, electronBinaryPath, electronVersion } from './electron-runtime.mjs';

const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const COMPILE_TIMEOUT_MS = 10 * 60_000;

function run(args, options = {}) {
  const result = spawnSync(process.execPath, args, { stdio: 'pipe', encoding: 'utf8', ...options });
  return result.status === 0;
}

function warn(message) {
  console.warn(`rounds postinstall: ${message}`);
}

function ensureElectronBinary() {
  if (electronBinaryPath()) return true;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  run([path.join(ROOT, 'node_modules', 'electron', 'install.js')], { cwd: ROOT, timeout: DOWNLOAD_TIMEOUT_MS });
  return electronBinaryPath() !== null;
}

const SQLITE_DRIVER = 'better-sqlite3-multiple-ciphers';

function sqliteDriverVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', SQLITE_DRIVER, 'package.json'), 'utf8')).version;
}

/** Builds the SQLite driver against Electron in a scratch copy, so the Node build stays untouched. */
function ensureElectronSqlite(electron) {
  const stampFile = path.join(ELECTRON_SQLITE_DIR, 'stamp.json');
  const stamp = JSON.stringify({ electron, driver: SQLITE_DRIVER, version: sqliteDriverVersion(), arch: process.arch });
  if (fs.existsSync(ELECTRON_SQLITE_BINDING) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return true;

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-electron-sqlite-'));
  try {
    const copy = path.join(scratch, SQLITE_DRIVER);
    const source = path.join(ROOT, 'node_modules', SQLITE_DRIVER);
    // Leave the Node build behind: the copy must compile (or fetch) its own.
    fs.cpSync(source, copy, { recursive: true, filter: (src) => src !== path.join(source, 'build') });
    const target = ['--runtime', 'electron', '--target', electron, '--arch', process.arch];
    const built =
      run([path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'), ...target], { cwd: copy, timeout: DOWNLOAD_TIMEOUT_MS }) ||
      run([path.join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electron}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: copy, timeout: COMPILE_TIMEOUT_MS });
    const output = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !fs.existsSync(output)) return false;
    fs.mkdirSync(ELECTRON_SQLITE_DIR, { recursive: true });
    fs.copyFileSync(output, ELECTRON_SQLITE_BINDING);
    fs.writeFileSync(stampFile, stamp);
    return true;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function main() {
  const electron = electronVersion();
  if (!electron) return; // a production install without dev dependencies: nothing to prepare
  if (!ensureElectronBinary()) {
    warn('Electron runtime could not be downloaded here; `npm start` will use browser mode');
    return;
  }
  if (!ensureElectronSqlite(electron)) {
    warn(`${SQLITE_DRIVER} could not be built for Electron ${electron}; the desktop app will not open its database until it is (re-run \`npm run postinstall\`)`);
  }
}

try {
  main();
} catch (error) {
  warn(`skipped (${error instanceof Error ? error.message : String(error)})`);
}

try {
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
} catch (error) {
  // e.g. a production install, without esbuild
  warn(`rounds will run from source until \`npm run build:cli\` (${error instanceof Error ? error.message : String(error)})`);
}
