import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/api/errors.js';
import { openDatabase, readMigrations, SCHEMA_VERSION } from './connection.js';
import { useTempDir } from './testing/tempDir.js';

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

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

  it('creates a new database at the current schema with WAL and foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
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

describe('readMigrations', () => {
  it('numbers the shipped migrations 1..SCHEMA_VERSION', () => {
    expect(readMigrations().map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});
