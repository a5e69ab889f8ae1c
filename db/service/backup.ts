/**
 * Manual backups: consistent copies of the live database in `<dataDir>/backups`, encrypted with the
 * database's own key (so they restore on this laptop as they are, and elsewhere with the recovery key).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { databaseKeyOf, type Db } from '../connection.js';
import { encryptPlainDatabase, formatRecoveryKey, isPlainDatabaseFile, type DatabaseKey } from '../encryption.js';
import { backupDirIn } from '../paths.js';

export interface BackupFile {
  /** file name inside the backups folder */
  file: string;
  createdAt: string;
  bytes: number;
}

const BACKUP_FILE = /^rounds-[\w-]+\.sqlite$/;

/**
 * Writes a consistent copy of the database to `target` (one read transaction: safe while the app keeps
 * writing). `VACUUM INTO` rather than SQLite's online backup, which refuses an encrypted source: the copy
 * is encrypted with the source's key, 0600, and appears under its name only once complete.
 */
export function writeBackup(db: Db, target: string): { path: string; bytes: number } {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { path: target, bytes: fs.statSync(target).size };
}

/** A new backup in the data folder's backups folder. */
export function createBackup(db: Db, dataDir: string, now: Date): { path: string; bytes: number } {
  // ISO time without ':' and '.', which some file systems refuse: rounds-2026-11-23T08-30-00-000Z.sqlite
  return writeBackup(db, path.join(backupDirIn(dataDir), `rounds-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`));
}

/**
 * Backups written before encryption are encrypted in place under the database's key, as the database
 * itself was, so no plain copy of the customers stays in the data folder. One that cannot be (damaged)
 * stays as it was, reported to `log`: a backup is never lost.
 */
export function encryptPlainBackups(dataDir: string, key: DatabaseKey, nativeBinding?: string, log: (message: string, error: unknown) => void = console.warn): void {
  for (const { file } of listBackups(dataDir)) {
    const target = path.join(backupDirIn(dataDir), file);
    if (!isPlainDatabaseFile(target)) continue;
    try {
      encryptPlainDatabase(target, key, nativeBinding ? { nativeBinding } : {});
    } catch (error) {
      log(`[rounds] backup ${file} could not be encrypted; left as it was`, error);
    }
  }
}

export function backupHandlers(db: Db): Pick<ApiHandlers, 'backup.recoveryKey'> {
  return {
    'backup.recoveryKey': () => {
      const key = databaseKeyOf(db);
      // Only a database opened without a key (tests, a plain file) has none.
      if (!key) throw new ApiError('not_found');
      return { recoveryKey: formatRecoveryKey(key) };
    },
  };
}

/** Backups in the data folder, newest first; none when the folder does not exist yet. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDirIn(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => BACKUP_FILE.test(file))
    .map((file) => {
      const stat = fs.statSync(path.join(dir, file));
      return { file, createdAt: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}
