import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../core/api/errors.js';
import type { Db } from './connection.js';
import { openDatabase } from './openDatabase.js';
import { encryptingPathOf, formatRecoveryKey, isPlainDatabaseFile, newDatabaseKey, parseRecoveryKey } from './encryption.js';
import { createBackup } from './service/backup.js';
import { useTempDir } from './testing/tempDir.js';

/** A customer name that must never be readable in any file on disk. */
const CUSTOMER = '张伟测试客户 Zhangwei Trading';
const CHILD = fileURLToPath(new URL('./testing/encryptChild.ts', import.meta.url));

function addAccounts(db: Db, count: number, name = CUSTOMER): void {
  const at = '2026-01-01T00:00:00.000Z';
  const insert = db.prepare("INSERT INTO accounts (id, name, tier, created_at, updated_at) VALUES (?, ?, 'A', ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`acc-${i}`, i === 0 ? name : `${name} ${i}`, at, at);
  })();
}

const accountCount = (db: Db) => db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
const readable = (file: string) => fs.readFileSync(file).includes(Buffer.from('Zhangwei')) || fs.readFileSync(file).includes(Buffer.from('张伟'));
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('encryption at rest', () => {
  const tempDir = useTempDir();

  it('keeps no readable customer text in the database, its WAL or a backup, while the app reads them', () => {
    const dir = tempDir();
    const file = path.join(dir, 'rounds.sqlite');
    const key = newDatabaseKey();
    const db = openDatabase(file, { key });
    addAccounts(db, 50);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(readable(`${file}-wal`)).toBe(false);
    const backup = createBackup(db, dir, new Date('2026-11-23T08:00:00Z'));
    expect(db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get('acc-0')).toBe(CUSTOMER);
    db.close();

    for (const written of [file, backup.path]) {
      expect(readable(written)).toBe(false);
      expect(isPlainDatabaseFile(written)).toBe(false);
    }
    const restored = openDatabase(backup.path, { key });
    expect(accountCount(restored)).toBe(50);
    restored.close();
  });

  it('refuses a database the key does not open as key-unknown, never as damaged, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const db = openDatabase(file, { key: newDatabaseKey() });
    addAccounts(db, 1);
    db.close();
    const before = digest(file);
    expect(codeOf(() => openDatabase(file, { key: newDatabaseKey() }))).toBe('database_key_unknown');
    expect(digest(file)).toBe(before);
    // Without any key it cannot tell an encrypted file from garbage.
    expect(codeOf(() => openDatabase(file))).toBe('database_corrupt');
    expect(digest(file)).toBe(before);
  });

  it('encrypts a plain database in place with every row, and leaves no plain WAL or temp file', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const plain = openDatabase(file);
    addAccounts(plain, 500);
    plain.close();
    expect(readable(file)).toBe(true);
    fs.writeFileSync(encryptingPathOf(file), 'left by a killed run');

    const key = newDatabaseKey();
    const db = openDatabase(file, { key });
    expect(accountCount(db)).toBe(500);
    db.close();
    expect(readable(file)).toBe(false);
    expect(fs.existsSync(encryptingPathOf(file))).toBe(false);
    expect(fs.existsSync(`${file}-wal`) && readable(`${file}-wal`)).toBe(false);
  });

  it('with no room for the encrypted copy, opens the plain database as it is and encrypts it next time', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const plain = openDatabase(file);
    addAccounts(plain, 10);
    plain.close();
    const key = newDatabaseKey();
    const full = vi.spyOn(fs, 'copyFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const db = openDatabase(file, { key });
    full.mockRestore();
    expect(accountCount(db)).toBe(10);
    db.close();
    expect(isPlainDatabaseFile(file)).toBe(true);
    expect(fs.existsSync(encryptingPathOf(file))).toBe(false);
    const later = openDatabase(file, { key });
    later.close();
    expect(isPlainDatabaseFile(file)).toBe(false);
  });

  it('never encrypts a plain file it must not modify (damaged, or from a newer version)', () => {
    const dir = tempDir();
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0x5a)]));
    const newer = path.join(dir, 'newer.sqlite');
    const db = openDatabase(newer);
    db.pragma('user_version = 9999');
    db.close();
    const before = [digest(damaged), digest(newer)];
    expect(codeOf(() => openDatabase(damaged, { key: newDatabaseKey() }))).toBe('database_corrupt');
    expect(codeOf(() => openDatabase(newer, { key: newDatabaseKey() }))).toBe('database_newer');
    expect([digest(damaged), digest(newer)]).toEqual(before);
  });

  it('survives kill -9 at any point of the encryption: the database opens afterwards with all its rows', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const template = path.join(dir, 'template.sqlite');
    const seed = openDatabase(template);
    addAccounts(seed, 20_000);
    seed.close();
    const key = newDatabaseKey();

    /** Runs the child on a fresh copy; kills it `killAfterMs` after it is ready (null: let it finish). Returns ms from ready to exit. */
    const run = async (name: string, killAfterMs: number | null) => {
      const file = path.join(dir, `${name}.sqlite`);
      fs.copyFileSync(template, file);
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, key.toString('hex')], { stdio: ['ignore', 'pipe', 'inherit'] });
      const readyAt = await new Promise<number>((resolve) => child.stdout.once('data', () => resolve(performance.now())));
      if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await new Promise((resolve) => child.once('exit', resolve));
      return { file, ms: performance.now() - readyAt };
    };

    const full = await run('full', null);
    const states = new Set<string>();
    for (const [i, share] of [0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1].entries()) {
      const { file } = await run(`killed-${i}`, Math.round(full.ms * share));
      states.add(isPlainDatabaseFile(file) ? 'plain' : 'encrypted');
      const db = openDatabase(file, { key });
      expect(accountCount(db)).toBe(20_000);
      db.close();
      expect(readable(file)).toBe(false);
    }
    // The kills must have landed both before and after the switch, or the test proved little.
    expect([...states].sort()).toEqual(['encrypted', 'plain']);
  });

  it('writes the key as a recovery key in groups of four and reads it back, forgiving case, spaces and look-alikes', () => {
    const key = newDatabaseKey();
    const text = formatRecoveryKey(key);
    expect(text).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){12}$/);
    expect(parseRecoveryKey(text)).toEqual(key);
    const typed = text.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(parseRecoveryKey(typed)).toEqual(key);
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(`${text.slice(0, -1)}U`)).toBeNull();
  });
});
