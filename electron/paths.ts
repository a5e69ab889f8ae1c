import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '../db/paths.js';

/** `--data-dir X` / `--data-dir=X` among Electron's arguments (which also carry Chromium switches). */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
    if (arg === '--data-dir') return argv[i + 1];
  }
  return undefined;
}

/** The flag or ROUNDS_DATA_DIR when given; otherwise Electron's own per-user folder. */
export function electronDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = dataDirFlag(argv);
  return flag || env.ROUNDS_DATA_DIR ? resolveDataDir({ flag, env }) : userData;
}

/**
 * better-sqlite3 compiled for Electron's ABI (made by scripts/postinstall.mjs, shipped by
 * electron-builder as an extra resource). Node keeps the regular build, so tests never need a rebuild.
 */
export function electronNativeBinding(options: { isPackaged: boolean; appPath: string; resourcesPath: string }): string | undefined {
  const file = options.isPackaged
    ? path.join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(options.appPath, 'node_modules', '.rounds-electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
