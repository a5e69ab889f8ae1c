import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/api/errors.js';
import { isDamagedDatabaseError, readMigrations, SCHEMA_VERSION } from './connection.js';
import { cleanCloseFileOf, markDamaged, openDatabase } from './openDatabase.js';
import { newDatabaseKey, type DatabaseKey } from './encryption.js';
import { editVisitRecord } from './repo/visits.js';
import { listVisitRevisions } from './synced/visitHistory.js';
import { useTempDir } from './testing/tempDir.js';

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const CRASH_CHILD = fileURLToPath(new URL('./testing/crashChild.ts', import.meta.url));
const PAGE = 4096;

/** An encrypted database with 2,000 settings rows of 200 characters (about 100 pages of them), closed cleanly. */
function encryptedDatabase(file: string, key: DatabaseKey): void {
  const db = openDatabase(file, { key });
  const insert = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`key${i}`, 'x'.repeat(200));
  })();
  db.close();
}

/** A page of the settings rows (1-based); opening for it is a clean open and close like the app's. */
function settingsPage(file: string, key: DatabaseKey): number {
  const db = openDatabase(file, { key });
  const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'settings' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20").pluck().get() as number;
  db.close();
  return page;
}

/** Flips one byte in the middle of `page`, keeping the file's modification time, as a failing disk does. */
function damagePage(file: string, page: number): Buffer {
  const { atime, mtime } = fs.statSync(file);
  const fd = fs.openSync(file, 'r+');
  const offset = (page - 1) * PAGE + PAGE / 2;
  const byte = Buffer.alloc(1);
  fs.readSync(fd, byte, 0, 1, offset);
  byte[0]! ^= 0x5a;
  fs.writeSync(fd, byte, 0, 1, offset);
  fs.closeSync(fd);
  fs.utimesSync(file, atime, mtime);
  return pageBytes(file, page);
}

const pageBytes = (file: string, page: number) => fs.readFileSync(file).subarray((page - 1) * PAGE, page * PAGE);

function expectApiError(run: () => unknown, code: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(code);
    return;
  }
  throw new Error(`expected ApiError(${code})`);
}

describe('openDatabase', () => {
  const tempDir = useTempDir();

  it('creates a new database at the current schema with WAL, foreign keys and a 64 MB page cache', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('cache_size', { simple: true })).toBe(-65_536);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['accounts', 'contacts', 'visits', 'notes', 'outbox', 'accounts_fts']));
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings(key, value) VALUES ('k', '1')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('1');
    second.close();
  });

  it('upgrades an older database to the current schema', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rounds.sqlite');
    const old = new Database(file);
    old.exec(readMigrations()[0]!.sql);
    old.pragma('user_version = 1');
    const at = '2026-01-01T00:00:00.000Z';
    old.prepare("INSERT INTO accounts (id, name, tier, created_at, updated_at) VALUES ('a1', '甲', 'A', ?, ?)").run(at, at);
    const visit = old.prepare("INSERT INTO visits (id, account_id, kind, status, done_at, created_at, updated_at) VALUES (?, 'a1', 'routine', 'done', ?, ?, ?)");
    visit.run('v1', '2026-03-01T00:00:00.000Z', at, at);
    visit.run('v2', '2026-02-01T00:00:00.000Z', at, at);
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'visits_account_last_done'").get()).toBeTruthy();
    // migration 003 fills in the last visit of existing accounts
    expect(db.prepare("SELECT last_visit_at FROM accounts WHERE id = 'a1'").pluck().get()).toBe('2026-03-01T00:00:00.000Z');
    db.close();
  });

  it('upgrades a schema 9 database: schema 10 keeps a done visit, and its first correction keeps what it was', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const old = new Database(file);
    for (const migration of readMigrations().filter((m) => m.version <= 9)) old.exec(migration.sql);
    old.pragma('user_version = 9');
    const at = '2026-01-01T00:00:00.000Z';
    old.prepare("INSERT INTO accounts (id, name, tier, created_at, updated_at) VALUES ('a1', '甲', 'A', ?, ?)").run(at, at);
    old.prepare("INSERT INTO visits (id, account_id, kind, status, done_at, outcome, created_at, updated_at) VALUES ('v1', 'a1', 'routine', 'done', ?, '谈了', ?, ?)").run(at, at, at);
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(listVisitRevisions(db, 'v1')).toEqual([]);
    editVisitRecord(db, 'v1', { kind: 'routine', doneAt: at, metContactIds: [], outcome: '谈妥了', nextStep: null, nextVisitDate: null }, '2026-01-02T00:00:00.000Z');
    expect(listVisitRevisions(db, 'v1').map((r) => [r.revision, r.record.outcome, r.createdAt])).toEqual([
      [2, '谈妥了', '2026-01-02T00:00:00.000Z'],
      [1, '谈了', at],
    ]);
    // deleting the visit row (seed --force, demo removal) takes its history along
    db.prepare("DELETE FROM visits WHERE id = 'v1'").run();
    expect(listVisitRevisions(db, 'v1')).toEqual([]);
    db.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the old version', () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, '001_first.sql'), 'CREATE TABLE first (x INTEGER);');
    fs.writeFileSync(path.join(migrations, '002_broken.sql'), 'CREATE TABLE second (x INTEGER); NOT SQL;');
    const file = path.join(dir, 'rounds.sqlite');
    expect(() => openDatabase(file, { migrationsDir: migrations })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'first'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = digest(file);
    expectApiError(() => openDatabase(file), 'database_corrupt');
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database with damaged pages', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const db = openDatabase(file);
    const insert = db.prepare("INSERT INTO settings(key, value) VALUES (?, ?)");
    for (let i = 0; i < 2000; i++) insert.run(`key${i}`, 'x'.repeat(200));
    db.pragma('journal_mode = DELETE');
    db.close();
    // as after a crash or for a file put in place by hand: no record of a clean close
    fs.rmSync(cleanCloseFileOf(file));
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096 * 3, 4096 * 6); // overwrite a few pages past the header
    fs.writeFileSync(file, bytes);
    const before = digest(file);
    expectApiError(() => openDatabase(file), 'database_corrupt');
    expect(digest(file)).toBe(before);
  });

  it('refuses a database from a newer app version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma('user_version = 999');
    newer.close();
    const before = digest(file);
    expectApiError(() => openDatabase(file), 'database_newer');
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('the integrity check at open', () => {
  const tempDir = useTempDir();

  it('is skipped after a clean close; a page damaged since fails its first read, and then the next open checks every page', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const key = newDatabaseKey();
    encryptedDatabase(file, key);
    const page = settingsPage(file, key);
    expect(fs.existsSync(cleanCloseFileOf(file))).toBe(true);
    const damaged = damagePage(file, page);

    const db = openDatabase(file, { key });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'key0'").pluck().get()).toBe('x'.repeat(200));
    let failure: unknown = null;
    try {
      db.prepare('SELECT count(*), sum(length(value)) FROM settings').get();
    } catch (error) {
      failure = error;
    }
    // SQLCipher's HMAC of the page fails: SQLite says the file is damaged
    expect(isDamagedDatabaseError(failure)).toBe(true);
    markDamaged(db);
    db.close();

    expect(fs.existsSync(cleanCloseFileOf(file))).toBe(false);
    expectApiError(() => openDatabase(file, { key }), 'database_corrupt');
    expect(pageBytes(file, page)).toEqual(damaged);
  });

  it('runs in full after an unclean close (kill -9) and refuses a damaged page, leaving it as it was', { timeout: 60_000 }, async () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const key = newDatabaseKey();
    encryptedDatabase(file, key);
    const page = settingsPage(file, key);
    const child = spawn(process.execPath, ['--import', 'tsx', CRASH_CHILD, file, key.toString('hex')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(fs.existsSync(cleanCloseFileOf(file))).toBe(false);

    const damaged = damagePage(file, page);
    expectApiError(() => openDatabase(file, { key }), 'database_corrupt');
    // SQLite folds the WAL the kill left into the file when the refusing connection closes: the rep's
    // last changes stay in it, and the damaged page is not among them.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(pageBytes(file, page)).toEqual(damaged);
    expect(fs.existsSync(cleanCloseFileOf(file))).toBe(false);
  });

  it('runs in full on a file put in place of the one closed cleanly (a backup copied back)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rounds.sqlite');
    const key = newDatabaseKey();
    encryptedDatabase(file, key);
    const page = settingsPage(file, key);
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    damagePage(copy, page);
    fs.renameSync(copy, file);
    expectApiError(() => openDatabase(file, { key }), 'database_corrupt');
  });
});

describe('readMigrations', () => {
  it('numbers the shipped migrations 1..SCHEMA_VERSION', () => {
    expect(readMigrations().map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});
