import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Rounds';
export const DATABASE_FILE = 'rounds.sqlite';
export const BACKUP_FOLDER = 'backups';

/**
 * The per-user data folder: `--data-dir` beats `ROUNDS_DATA_DIR` beats the OS convention
 * (the same folder Electron's `app.getPath('userData')` uses for an app named Rounds).
 */
export function resolveDataDir(options: { flag?: string | undefined; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return path.resolve(options.flag);
  if (env.ROUNDS_DATA_DIR) return path.resolve(env.ROUNDS_DATA_DIR);
  const platform = options.platform ?? process.platform;
  const home = options.home ?? os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

export function databasePathIn(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function backupDirIn(dataDir: string): string {
  return path.join(dataDir, BACKUP_FOLDER);
}
