/**
 * Opens the local SQLite database: with its key when it has one (db/encryption.ts), checks it before
 * touching it (in full unless the file was closed cleanly by this app, see `takeCleanClose`), then WAL,
 * foreign keys and the numbered migrations in `db/migrations/NNN_name.sql` (tracked in
 * `PRAGMA user_version`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, type DatabaseKey } from './encryption.js';

export type Db = Database.Database;

/** The schema this build of the app writes; equals the highest migration number. */
export const SCHEMA_VERSION = 14;

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_FILE = /^(\d{3})_[\w-]+\.sql$/;

export interface Migration {
  version: number;
  file: string;
  sql: string;
}

/** Migrations in version order; numbering must be 1, 2, 3 … without gaps or duplicates. */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .flatMap((file) => {
      const match = MIGRATION_FILE.exec(file);
      return match ? [{ version: Number(match[1]), file, sql: fs.readFileSync(path.join(dir, file), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.file} is out of sequence (expected ${index + 1})`);
  });
  return migrations;
}

/** The key each open connection was opened with, so backups and export workers use the same one. */
const connectionKeys = new WeakMap<Db, DatabaseKey>();

export function databaseKeyOf(db: Db): DatabaseKey | null {
  return connectionKeys.get(db) ?? null;
}

/**
 * A connection with the key applied and nothing read yet. `openDatabase` (db/openDatabase.ts) is the way to the
 * app's database; this is for a second reader of an open one (the export worker).
 */
export function connect(file: string, options: { key?: DatabaseKey | null; nativeBinding?: string; readonly?: boolean } = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  if (options.key) {
    applyKey(db, options.key);
    connectionKeys.set(db, options.key);
  }
  db.pragma('busy_timeout = 5000');
  return db;
}

/** SQLite's answer for a damaged file or page; in an encrypted file also a page whose HMAC fails. */
export function isDamagedDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

