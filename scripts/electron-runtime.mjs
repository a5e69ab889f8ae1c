// Where the Electron runtime stands on this machine. Shared by postinstall and start.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** The Electron executable, or null when the package or its downloaded binary is missing. */
export function electronBinaryPath() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null; // electron's index.js throws when its binary was never downloaded
  }
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
