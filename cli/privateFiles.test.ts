/** `rounds` as a real process: what it writes is the user's alone (umask 077) and encrypted. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { useTempDir } from '../db/testing/tempDir.js';
import { keyFilePathFor } from '../host/databaseKey.js';

const launcher = new URL('./bin/rounds.mjs', import.meta.url).pathname;
const run = promisify(execFile);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const target = path.join(dir, entry.name);
    return entry.isDirectory() ? [target, ...walk(target)] : [target];
  });
}

describe.skipIf(process.platform === 'win32')('rounds on a data folder', () => {
  const tempDir = useTempDir();

  it('creates folders 0700 and files 0600, keeps the key beside the folder, and no customer name is readable', async () => {
    const dataDir = path.join(tempDir(), 'Rounds');
    const env = { ...process.env, ROUNDS_KEY_STORE: 'file' };
    await run(process.execPath, [launcher, '--data-dir', dataDir, 'seed', '--scale', 'demo'], { env });
    await run(process.execPath, [launcher, '--data-dir', dataDir, 'backup'], { env });

    const entries = [dataDir, ...walk(dataDir)];
    expect(entries.some((entry) => entry.includes(`${path.sep}backups${path.sep}`))).toBe(true);
    for (const entry of entries) expect([entry, fs.statSync(entry).mode & 0o777]).toEqual([entry, fs.statSync(entry).isDirectory() ? 0o700 : 0o600]);
    expect(fs.statSync(keyFilePathFor(dataDir)).mode & 0o777).toBe(0o600);

    const key = Buffer.from(fs.readFileSync(keyFilePathFor(dataDir), 'utf8').trim(), 'hex');
    const db = openDatabase(path.join(dataDir, 'rounds.sqlite'), { key });
    const names = db.prepare('SELECT name FROM accounts LIMIT 5').pluck().all() as string[];
    db.close();
    expect(names).toHaveLength(5);
    for (const file of entries.filter((entry) => fs.statSync(entry).isFile())) {
      const bytes = fs.readFileSync(file);
      for (const name of names) expect([file, bytes.includes(Buffer.from(name))]).toEqual([file, false]);
    }
  });
});
