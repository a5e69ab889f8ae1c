import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../core/api/errors.js';
import { backupDirIn } from '../db/paths.js';

/** SQLite's companions of a database file; they belong to it and move with it. */
const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal'];

function timestampForFileName(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

/**
 * Moves a database that cannot be opened out of the way as `<name>.broken-<timestamp>` (with its
 * -wal/-shm files), choosing a name that does not exist yet — nothing is ever overwritten.
 * Returns the new path of the main file, or null when there was no file.
 */
export function moveDatabaseAside(databasePath: string, now: Date): string | null {
  if (!fs.existsSync(databasePath)) return null;
  const base = `${databasePath}.broken-${timestampForFileName(now)}`;
  let target = base;
  for (let n = 2; COMPANION_SUFFIXES.some((suffix) => fs.existsSync(target + suffix)); n++) target = `${base}-${n}`;
  for (const suffix of COMPANION_SUFFIXES) {
    if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, target + suffix);
  }
  return target;
}

/**
 * Copies a backup (a bare file name as listed by `listBackups`) into place as the database. The
 * name must be one of `available`, which also rules out paths like `../../etc/passwd`.
 */
export function restoreBackup(dataDir: string, databasePath: string, file: string, available: readonly string[]): void {
  if (!available.includes(file) || path.basename(file) !== file) {
    throw new ApiError('not_found', { params: { file } });
  }
  fs.copyFileSync(path.join(backupDirIn(dataDir), file), databasePath, fs.constants.COPYFILE_EXCL);
}
