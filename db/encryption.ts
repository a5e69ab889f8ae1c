/**
 * Encryption at rest: the laptop's database, its WAL and its backups are SQLCipher 4 files (AES-256
 * pages with an HMAC each) under a random 256-bit key that is kept outside the data folder
 * (host/databaseKey.ts). Here: applying the key to a connection, the key's recovery form, and turning a
 * plain database into an encrypted one without ever putting the plain file at risk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** 32 random bytes; used as SQLCipher's raw key. */
export type DatabaseKey = Buffer;

export const DATABASE_KEY_BYTES = 32;

export function newDatabaseKey(): DatabaseKey {
  return crypto.randomBytes(DATABASE_KEY_BYTES);
}

type DriverOptions = Pick<Database.Options, 'nativeBinding'>;

/**
 * Must run before the connection reads anything. A raw key (`x'…'`) skips SQLCipher's PBKDF2: the key
 * is already random, and opening stays as fast as without encryption.
 */
export function applyKey(db: Database.Database, key: DatabaseKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file is an unencrypted SQLite database (its first 16 bytes are SQLite's magic header). */
export function isPlainDatabaseFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(PLAIN_HEADER.length);
    return fs.readSync(fd, header, 0, header.length, 0) === header.length && header.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** Schema version and row count of every ordinary table: equal fingerprints mean no row was lost. */
function fingerprint(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  const counts = tables.map((table) => `${table}:${String(db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get())}`);
  return [`user_version:${String(db.pragma('user_version', { simple: true }))}`, ...counts].join(',');
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    // Windows cannot fsync a directory; the rename is still atomic there.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** The temp file an encryption in progress writes; a leftover one (the app was killed) is discarded. */
export function encryptingPathOf(file: string): string {
  return `${file}.encrypting`;
}

/**
 * Encrypts a plain database in place. Every step before the final rename works on a copy, so a kill at
 * any point leaves either the untouched plain database or the verified encrypted one:
 * fold the WAL into the file → copy → encrypt the copy (rekey, which needs a rollback journal) → fsync →
 * reopen it with the key and compare schema version and row counts → drop the plain file's (empty) WAL
 * and shared memory, which must never be replayed into the encrypted file → rename over the plain file.
 * The caller has checked the plain file is healthy and not from a newer version.
 */
export function encryptPlainDatabase(file: string, key: DatabaseKey, driverOptions: DriverOptions = {}): void {
  const temp = encryptingPathOf(file);
  const removeTemp = () => {
    for (const leftover of [temp, `${temp}-journal`]) fs.rmSync(leftover, { force: true });
  };
  removeTemp();
  try {
    writeEncryptedCopy(file, temp, key, driverOptions);
  } catch (error) {
    removeTemp();
    throw error;
  }
  for (const companion of ['-wal', '-shm']) fs.rmSync(file + companion, { force: true });
  fs.renameSync(temp, file);
  fsyncPath(path.dirname(file));
}

/** The encrypted, verified and flushed copy of `file` at `temp`; `file` itself is only checkpointed. */
function writeEncryptedCopy(file: string, temp: string, key: DatabaseKey, driverOptions: DriverOptions): void {
  const plain = new Database(file, driverOptions);
  let expected: string;
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    expected = fingerprint(plain);
  } finally {
    plain.close();
  }
  fs.copyFileSync(file, temp);

  const copy = new Database(temp, driverOptions);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma("cipher = 'sqlcipher'");
    copy.pragma('legacy = 4');
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  fsyncPath(temp);

  const check = new Database(temp, { ...driverOptions, readonly: true });
  try {
    applyKey(check, key);
    const found = fingerprint(check);
    if (found !== expected) throw new Error(`the encrypted copy differs from the plain database (${found} ≠ ${expected})`);
  } finally {
    check.close();
  }
}

// Crockford's base32: no I, L, O or U, so a key read aloud or copied by hand survives 1/I/L and 0/O mix-ups.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_GROUP = 4;
const RECOVERY_CHARS = Math.ceil((DATABASE_KEY_BYTES * 8) / 5);

/** The key as the user writes it down: 52 characters in groups of four (`7K3M-…`). */
export function formatRecoveryKey(key: DatabaseKey): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += RECOVERY_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += RECOVERY_ALPHABET[(value << (5 - bits)) & 31];
  return out.match(new RegExp(`.{1,${RECOVERY_GROUP}}`, 'g'))!.join('-');
}

/** The key from what the user typed (spaces, dashes, case and 0/O 1/I/L mix-ups forgiven); null if it cannot be one. */
export function parseRecoveryKey(text: string): DatabaseKey | null {
  const chars = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== RECOVERY_CHARS) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of chars) {
    const digit = RECOVERY_ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return bytes.length === DATABASE_KEY_BYTES ? Buffer.from(bytes) : null;
}
