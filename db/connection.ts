/**
 * Opens the local SQLite database: checks it before touching it, then WAL, foreign keys and the
 * numbered migrations in `db/migrations/NNN_name.sql` (tracked in `PRAGMA user_version`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../core/api/errors.js';

export type Db = Database.Database;

/** The schema this build of the app writes; equals the highest migration number. */
export const SCHEMA_VERSION = 9;

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

export interface OpenOptions {
  /** path to a better-sqlite3 native addon built for another runtime (Electron) */
  nativeBinding?: string;
  /** for tests: a different migrations folder */
  migrationsDir?: string;
}

/**
 * Throws `ApiError('database_corrupt')` for a file that is not a healthy SQLite database and
 * `ApiError('database_newer')` for one written by a newer app; in both cases nothing is written.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    // Everything up to here only reads: a refused file stays byte for byte as it was.
    const version = checkReadable(db);
    if (version > SCHEMA_VERSION) {
      throw new ApiError('database_newer', { params: { found: version, supported: SCHEMA_VERSION } });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version, readMigrations(options.migrationsDir));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Returns the stored schema version of a database that passes `quick_check`. */
function checkReadable(db: Db): number {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const problems = db.pragma('quick_check', { simple: true });
    if (problems !== 'ok') throw new ApiError('database_corrupt', { detail: String(problems) });
    return version;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
      throw new ApiError('database_corrupt', { detail: (error as Error).message });
    }
    throw error;
  }
}

/** All pending migrations in one transaction: a failure leaves the database at its old version. */
function migrate(db: Db, current: number, migrations: Migration[]): void {
  const pending = migrations.filter((m) => m.version > current && m.version <= SCHEMA_VERSION);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
}
