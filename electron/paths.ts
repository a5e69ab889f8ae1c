import fs from 'node:fs';
import path from 'node:path';
import type { RuntimeResources } from '../db/jobs/protocol.js';
import { resolveDataDir } from '../db/paths.js';

interface ElectronLocation {
  /** `app.isPackaged` */
  isPackaged: boolean;
  /** `app.getAppPath()` */
  appPath: string;
  /** `process.resourcesPath` */
  resourcesPath: string;
}

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
export function electronNativeBinding(options: ElectronLocation): string | undefined {
  const file = options.isPackaged
    ? path.join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(options.appPath, 'node_modules', '.rounds-electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Noto Sans SC as electron-builder ships it (build/electron-builder.config.cjs); the font resolver checks
 * that it exists. Unpackaged, the export worker finds the same file in node_modules by itself
 * (db/export/fonts.ts), so there is nothing to pass.
 */
export function electronCjkFont(options: ElectronLocation): string | undefined {
  return options.isPackaged ? path.join(options.resourcesPath, 'fonts', 'NotoSansSC-Regular.ttf') : undefined;
}

/** What the Electron host hands to its database and export workers. */
export function electronResources(options: ElectronLocation): RuntimeResources {
  const nativeBinding = electronNativeBinding(options);
  const cjkFont = electronCjkFont(options);
  return { ...(nativeBinding ? { nativeBinding } : {}), ...(cjkFont ? { cjkFont } : {}) };
}
