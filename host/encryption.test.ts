/** The host with encryption at rest: file modes of the data folder, and a backup restored on another laptop. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { writeAtomically } from '../db/export/job.js';
import { backupDirIn, databasePathIn } from '../db/paths.js';
import { useTempDir } from '../db/testing/tempDir.js';
import { startHost, type RoundsHost } from './bootstrap.js';
import { databaseKeys, memoryKeyVault, type KeyVault } from './databaseKey.js';
import { sqliteBackend } from './sqlite-backend.js';

const hosts: RoundsHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

function start(dataDir: string, vault: KeyVault): RoundsHost {
  const host = startHost({ dataDir, host: 'browser', version: '0.0.0', env: {}, backend: sqliteBackend, keys: databaseKeys({ dataDir, vaults: [vault], language: 'en' }) });
  hosts.push(host);
  return host;
}

async function value<T>(host: RoundsHost, method: string, input: unknown): Promise<T> {
  const result = await host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file modes', () => {
  const tempDir = useTempDir();

  it('tightens a data folder left by an older version (0755/0644) and writes backups and exports 0600', async () => {
    const dataDir = path.join(tempDir(), 'Rounds');
    fs.mkdirSync(backupDirIn(dataDir), { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    openDatabase(databasePathIn(dataDir)).close();
    fs.chmodSync(databasePathIn(dataDir), 0o644);
    fs.writeFileSync(path.join(backupDirIn(dataDir), 'rounds-old.sqlite'), 'old', { mode: 0o644 });

    const host = start(dataDir, memoryKeyVault());
    expect([mode(dataDir), mode(backupDirIn(dataDir))]).toEqual([0o700, 0o700]);
    expect([mode(databasePathIn(dataDir)), mode(path.join(backupDirIn(dataDir), 'rounds-old.sqlite'))]).toEqual([0o600, 0o600]);
    const backup = await value<{ path: string }>(host, 'backup.create', {});
    expect(mode(backup.path)).toBe(0o600);

    const exported = path.join(dataDir, 'exports', 'visits.csv');
    await writeAtomically(exported, undefined, async (temp) => fs.promises.writeFile(temp, 'a,b\n', { mode: 0o644 }));
    expect([mode(path.dirname(exported)), mode(exported)]).toEqual([0o700, 0o600]);
  });
});

describe('backups from before encryption', () => {
  const tempDir = useTempDir();

  it('are encrypted in place when the host opens the data folder, keeping their rows', () => {
    const dataDir = tempDir();
    fs.mkdirSync(backupDirIn(dataDir));
    const old = path.join(backupDirIn(dataDir), 'rounds-2026-01-01T00-00-00-000Z.sqlite');
    const plain = openDatabase(old);
    plain.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('repName', JSON.stringify('旧备份里的名字'));
    plain.close();
    expect(fs.readFileSync(old).includes(Buffer.from('旧备份里的名字'))).toBe(true);

    const vault = memoryKeyVault();
    start(dataDir, vault).close();
    expect(fs.readFileSync(old).includes(Buffer.from('旧备份里的名字'))).toBe(false);
    const reopened = openDatabase(old, { key: vault.key! });
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'repName'").pluck().get()).toBe(JSON.stringify('旧备份里的名字'));
    reopened.close();
  });
});

describe('a backup on another laptop', () => {
  const tempDir = useTempDir();

  it('opens after the recovery key is typed, and the new laptop keeps the key', async () => {
    const home = start(tempDir(), memoryKeyVault());
    await value(home, 'accounts.create', { name: '远方客户', tier: 'A' });
    const backup = await value<{ path: string }>(home, 'backup.create', {});
    const { recoveryKey } = await value<{ recoveryKey: string }>(home, 'backup.recoveryKey', {});
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){12}$/);

    const otherDir = tempDir();
    fs.copyFileSync(backup.path, databasePathIn(otherDir));
    const otherVault = memoryKeyVault();
    const other = start(otherDir, otherVault);
    expect(other.status()).toMatchObject({ state: 'problem', code: 'database_key_unknown' });

    expect(await other.call('app.recover', { backup: null, recoveryKey: 'not a key' })).toMatchObject({ ok: false, error: { message: 'errors.recoveryKeyInvalid' } });
    const wrong = `${'0000-'.repeat(12)}0000`;
    expect(await other.call('app.recover', { backup: null, recoveryKey: wrong })).toMatchObject({ ok: false, error: { message: 'errors.recoveryKeyWrong' } });
    expect(other.status()).toMatchObject({ state: 'problem' });

    expect(await other.call('app.recover', { backup: null, recoveryKey: recoveryKey.toLowerCase() })).toEqual({ ok: true, value: { state: 'ready' } });
    expect((await value<{ rows: Array<{ name: string }> }>(other, 'accounts.list', {})).rows.map((row) => row.name)).toEqual(['远方客户']);
    other.close();
    expect(start(otherDir, otherVault).status()).toEqual({ state: 'ready' });
  });
});
