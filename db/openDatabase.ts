/**
 * Opening the rep's database: check the file (a clean close skips the full integrity scan), encrypt a
 * plain one in place, migrate, and confirm the file's placement before anything can write — so a
 * restored or copied file gets its own client identity (db/sync/identity.ts). It sits above the sync
 * client for that reason; `connection.ts` below it only connects.
 */
import fs from 'node:fs';
import { ApiError } from '../core/api/errors.js';
import { connect, isDamagedDatabaseError, readMigrations, SCHEMA_VERSION, type Db, type Migration } from './connection.js';
import { isDiskFull } from './diskFull.js';
import { encryptPlainDatabase, isPlainDatabaseFile, type DatabaseKey } from './encryption.js';
import { confirmPlacement } from './sync/identity.js';
import { INDEXES_SET_ASIDE_SINCE, rebuildIndexesSetAside } from './synced/indexesSetAside.js';

export interface OpenOptions {
  /** path to a better-sqlite3 native addon built for another runtime (Electron) */
  nativeBinding?: string;
  /** for tests: a different migrations folder */
  migrationsDir?: string;
  /**
   * The data folder's database key (host/databaseKey.ts). With it the file is encrypted: a new one from
   * the start, a plain one in place the first time (crash-safe, see `encryptPlainDatabase`). Without
   * it the file stays plain (tests, benchmarks' plain baseline).
   */
  key?: DatabaseKey;
  /** for tests: stands for another laptop (see `confirmPlacement`) */
  machineId?: string;
}

/**
 * SQLite's page cache per connection, in KiB (this build's default is 16 MB). For an encrypted file it is
 * the only place decrypted pages are kept — the OS caches the file as ciphertext — so a page read again
 * from it costs no AES and no HMAC; 64 MB holds the `rep` data set's notes (27 MB) and the rest of what a
 * rep reads. It grows only as pages are read.
 */
const PAGE_CACHE_KIB = 65_536;

/**
 * The record of a clean close beside a database file: the file's inode, size and modification time as
 * the app left it. While they still match at the next open (and no WAL was left behind), the file is
 * the one this app closed cleanly, so the open skips the full integrity check (0.9–2.5 s on the `rep` data
 * set, encrypted: every page read, decrypted and authenticated). A page damaged since then fails its
 * first read (SQLCipher's per-page HMAC), which the host turns into the same problem state.
 */
export const cleanCloseFileOf = (file: string): string => `${file}.closed`;

/** Inode, size and modification time to the second. */
function fileState(file: string): string | null {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs / 1000n}` : null;
}

/**
 * Whether the file was closed cleanly by this app and not replaced since. The record is used up here,
 * so after a crash, `kill -9` or a power cut (no close), a restored backup or a copied file (another
 * inode, size or time) the open runs the full check.
 */
function takeCleanClose(file: string): boolean {
  const record = cleanCloseFileOf(file);
  let recorded: string;
  try {
    recorded = fs.readFileSync(record, 'utf8');
  } catch {
    return false;
  }
  fs.rmSync(record, { force: true });
  return recorded === fileState(file) && !fs.existsSync(`${file}-wal`);
}

/** Connections that met a damaged page: their close is not clean, so the next open checks in full. */
const damagedConnections = new WeakSet<Db>();

export function markDamaged(db: Db): void {
  damagedConnections.add(db);
}

/**
 * Makes `db.close()` write the clean-close record once SQLite has folded the WAL into the file and
 * removed it (it does at the last connection's close). Without the record the next open checks in full,
 * so a record that cannot be written (a read-only folder, a full disk) costs only time.
 */
function recordCleanCloseOnClose(db: Db, file: string): void {
  const close = db.close.bind(db);
  db.close = function closeCleanly() {
    close();
    const state = fileState(file);
    if (damagedConnections.has(db) || state === null || fs.existsSync(`${file}-wal`)) return this;
    try {
      fs.writeFileSync(cleanCloseFileOf(file), state, { mode: 0o600 });
    } catch {
      // the next open checks in full
    }
    return this;
  };
}

/**
 * Throws `ApiError('database_corrupt')` for a file that is not a healthy SQLite database,
 * `ApiError('database_newer')` for one written by a newer app and `ApiError('database_key_unknown')`
 * for an encrypted one the key does not open; in each case nothing is written.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const closedCleanly = takeCleanClose(file);
  let key = options.key;
  if (key && isPlainDatabaseFile(file)) {
    // Refuse a damaged or newer plain file before encrypting it: those are never modified.
    const plain = connect(file, driverOptions);
    try {
      checkVersion(checkReadable(plain, { encrypted: false, full: true }));
    } finally {
      plain.close();
    }
    try {
      encryptPlainDatabase(file, key, driverOptions);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      // No room for the encrypted copy: the plain file is untouched, so work on it; the next open tries again.
      key = undefined;
    }
  }
  const db = connect(file, { ...driverOptions, ...(key ? { key } : {}) });
  try {
    // Everything up to here only reads: a refused file stays byte for byte as it was.
    const version = checkVersion(checkReadable(db, { encrypted: key !== undefined && !isPlainDatabaseFile(file), full: !closedCleanly }));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // A first sync killed while its indexes were set aside: they are back before anything reads or migrates.
    if (version >= INDEXES_SET_ASIDE_SINCE) rebuildAtOpen(db);
    // Up to date (every open but the first after an update): the migration files are not even read.
    if (version < SCHEMA_VERSION) migrate(db, version, readMigrations(options.migrationsDir));
    // Before anything can write: a restored or copied file must not issue a mutation id under the
    // client identity of the file it came from (db/sync/identity.ts).
    confirmPlacement(db, { databasePath: file, ...(options.machineId ? { machineId: options.machineId } : {}) });
  } catch (error) {
    db.close();
    // Without the full check a damaged page may first be met here (the migrations, the placement).
    if (isDamagedDatabaseError(error)) throw new ApiError('database_corrupt', { detail: (error as Error).message });
    throw error;
  }
  recordCleanCloseOnClose(db, file);
  return db;
}

/**
 * Rebuilds what a killed first sync set aside — unless the disk is full: the app answers without them
 * meanwhile (scans), and the next open or pull builds them. Never a reason not to open.
 */
function rebuildAtOpen(db: Db): void {
  try {
    rebuildIndexesSetAside(db);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
  }
}

function checkVersion(version: number): number {
  if (version > SCHEMA_VERSION) throw new ApiError('database_newer', { params: { found: version, supported: SCHEMA_VERSION } });
  return version;
}

/**
 * Returns the stored schema version of a readable database. `full`: every page must pass `quick_check`;
 * otherwise only the header and the schema are read (a file closed cleanly by this app). `encrypted`:
 * the file was opened with a key and is not plain SQLite, so "not a database" means the key does not
 * open it (a database from another laptop or data folder), not that it is damaged.
 */
function checkReadable(db: Db, { encrypted, full }: { encrypted: boolean; full: boolean }): number {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (full) {
      const problems = db.pragma('quick_check', { simple: true });
      if (problems !== 'ok') throw new ApiError('database_corrupt', { detail: String(problems) });
    } else {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    }
    return version;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (encrypted && code.startsWith('SQLITE_NOTADB')) throw new ApiError('database_key_unknown', { detail: (error as Error).message });
    if (isDamagedDatabaseError(error)) throw new ApiError('database_corrupt', { detail: (error as Error).message });
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
