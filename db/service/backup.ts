/** Manual backups: consistent copies of the live database in `<dataDir>/backups`. */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../connection.js';
import { backupDirIn } from '../paths.js';

export interface BackupFile {
  /** file name inside the backups folder */
  file: string;
  createdAt: string;
  bytes: number;
}

const BACKUP_FILE = /^rounds-[\w-]+\.sqlite$/;

/** Copies the database (SQLite's online backup: safe while the app keeps writing) to a new file. */
export async function createBackup(db: Db, dataDir: string, now: Date): Promise<{ path: string; bytes: number }> {
  const dir = backupDirIn(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  // ISO time without ':' and '.', which some file systems refuse: rounds-2026-11-23T08-30-00-000Z.sqlite
  const target = path.join(dir, `rounds-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  await db.backup(target);
  return { path: target, bytes: fs.statSync(target).size };
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
