// Where the Electron runtime stands on this machine. Shared by postinstall and start.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

const ELECTRON_PACKAGE_DIR = path.join(ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, or null when the package or its downloaded binary is missing. Found the way
 * electron's index.js finds it (path.txt, written by its install.js, names it under dist/, or under
 * ELECTRON_OVERRIDE_DIST_PATH) without requiring that file: since Electron 42 it downloads the binary
 * when it is missing, which would try a download at every `npm start` on a machine without one.
 */
export function electronBinaryPath(packageDir = ELECTRON_PACKAGE_DIR) {
  let executable = null;
  try {
    executable = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8');
  } catch {
    // never installed
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, executable ?? 'electron') : executable && path.join(packageDir, 'dist', executable);
  return binary && fs.existsSync(binary) ? binary : null;
}

/** The installed Electron version (from its package.json), or null when electron is not installed. */
export function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return null;
  }
}

/** better-sqlite3 compiled for Electron's ABI; main.ts passes it as `nativeBinding`. */
export const ELECTRON_SQLITE_DIR = path.join(ROOT, 'node_modules', '.rounds-electron');
export const ELECTRON_SQLITE_BINDING = path.join(ELECTRON_SQLITE_DIR, 'better_sqlite3.node');
