import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDirIn } from '../db/paths.js';
import { startHost, type RoundsHost } from './bootstrap.js';
import { newDatabaseKey } from '../db/encryption.js';
import { databaseKeys, memoryKeyVault } from './databaseKey.js';
import { DataDirLockedError, LOCK_FILE } from './lock.js';
import { createFakeBackend, type FakeBackend } from './test-backend.js';

let dataDir: string;
let backend: FakeBackend;
const hosts: RoundsHost[] = [];

function start(env: NodeJS.ProcessEnv = {}): RoundsHost {
  const host = startHost({ dataDir, host: 'browser', version: '9.9.9', env, backend, keys: databaseKeys({ dataDir, vaults: [memoryKeyVault(newDatabaseKey())], language: 'en' }) });
  hosts.push(host);
  return host;
}

function writeDatabase(content: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'rounds.sqlite'), content);
}

function writeBackup(file: string, content: string): void {
  fs.mkdirSync(backupDirIn(dataDir), { recursive: true });
  fs.writeFileSync(path.join(backupDirIn(dataDir), file), content);
}

beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-host-')), 'nested', 'data');
  backend = createFakeBackend();
});

afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

describe('startHost', () => {
  it('creates the data folder, opens the database and reports ready', async () => {
    const host = start();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    expect(host.status()).toEqual({ state: 'ready' });
    expect(await host.call('app.status', {})).toEqual({ ok: true, value: { state: 'ready' } });
    expect(await host.call('settings.get', {})).toEqual({ ok: true, value: { content: 'fresh' } });
  });

  it('refuses a second instance on the same data folder, naming the holder pid', () => {
    start();
    expect(() => start()).toThrow(DataDirLockedError);
    expect(() => start()).toThrow(`Rounds is already running on this data folder (pid ${process.pid})`);
  });

  it('releases the lock and closes the database on close, so the next start succeeds', () => {
    const first = start();
    first.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(backend.closed).toHaveLength(1);
    expect(start().status().state).toBe('ready');
  });

  it('takes over a lock left by a process that no longer exists', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), '2147483646');
    expect(start().status().state).toBe('ready');
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
  });

  it('passes the ROUNDS_NOW clock and the OS language to the service', () => {
    start({ ROUNDS_NOW: '2026-03-01T08:00:00Z', LANG: 'zh_CN.UTF-8' });
    const deps = backend.serviceDeps[0];
    expect(deps?.now?.().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(deps?.defaultLanguage).toBe('zh-CN');
    expect(deps).toMatchObject({ dataDir, host: 'browser', version: '9.9.9' });
  });

  it("hands the runtime's resources (native SQLite build, shipped font) to the service, for its export workers", () => {
    const resources = { nativeBinding: '/app/electron-abi/better_sqlite3.node', cjkFont: '/app/resources/fonts/NotoSansSC-Regular.ttf' };
    const host = startHost({ dataDir, host: 'electron', version: '9.9.9', env: {}, backend, resources, keys: databaseKeys({ dataDir, vaults: [memoryKeyVault(newDatabaseKey())], language: 'en' }) });
    hosts.push(host);
    expect(backend.serviceDeps[0]?.resources).toEqual(resources);
  });

  it('refuses recovery while the database is healthy', async () => {
    const result = await start().call('app.recover', { backup: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('problem state', () => {
  it('starts anyway, explains the problem and refuses every other method', async () => {
    writeDatabase('newer');
    writeBackup('rounds-2026-01-01.sqlite', 'from backup');
    const host = start();
    expect(host.status()).toEqual({
      state: 'problem',
      code: 'database_newer',
      databasePath: path.join(dataDir, 'rounds.sqlite'),
      backups: [{ file: 'rounds-2026-01-01.sqlite', createdAt: '2026-01-01T00:00:00.000Z', bytes: 11 }],
    });
    expect(await host.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'database_newer' } });
    expect(await host.call('accounts.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('restores a chosen backup after moving the damaged file aside', async () => {
    writeDatabase('corrupt');
    fs.writeFileSync(path.join(dataDir, 'rounds.sqlite-wal'), 'wal of the corrupt file');
    writeBackup('good.sqlite', 'from backup');
    const host = start({ ROUNDS_NOW: '2026-05-06T07:08:09Z' });

    const result = await host.call('app.recover', { backup: 'good.sqlite' });

    expect(result).toEqual({ ok: true, value: { state: 'ready' } });
    const aside = path.join(dataDir, 'rounds.sqlite.broken-2026-05-06T07-08-09Z');
    expect(fs.readFileSync(aside, 'utf8')).toBe('corrupt');
    expect(fs.readFileSync(`${aside}-wal`, 'utf8')).toBe('wal of the corrupt file');
    expect(fs.existsSync(path.join(dataDir, 'rounds.sqlite-wal'))).toBe(false);
    expect(await host.call('settings.get', {})).toEqual({ ok: true, value: { content: 'from backup' } });
  });

  it('starts empty when no backup is chosen, never overwriting an earlier broken file', async () => {
    writeDatabase('corrupt');
    const earlier = path.join(dataDir, 'rounds.sqlite.broken-2026-05-06T07-08-09Z');
    fs.writeFileSync(earlier, 'an earlier broken file');
    const host = start({ ROUNDS_NOW: '2026-05-06T07:08:09Z' });

    expect(await host.call('app.recover', { backup: null })).toEqual({ ok: true, value: { state: 'ready' } });
    expect(fs.readFileSync(earlier, 'utf8')).toBe('an earlier broken file');
    expect(fs.readFileSync(`${earlier}-2`, 'utf8')).toBe('corrupt');
    expect(await host.call('settings.get', {})).toEqual({ ok: true, value: { content: 'fresh' } });
  });

  it('leaves everything in place when the chosen backup does not exist', async () => {
    writeDatabase('corrupt');
    writeBackup('good.sqlite', 'from backup');
    const host = start();
    for (const backup of ['missing.sqlite', '../rounds.sqlite', '../../etc/passwd']) {
      expect(await host.call('app.recover', { backup })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(fs.readFileSync(path.join(dataDir, 'rounds.sqlite'), 'utf8')).toBe('corrupt');
    expect(host.status()).toMatchObject({ state: 'problem', code: 'database_corrupt' });
  });

  it('stays in the problem state when the restored backup is itself unreadable', async () => {
    writeDatabase('corrupt');
    writeBackup('also-bad.sqlite', 'newer');
    const host = start();
    expect(await host.call('app.recover', { backup: 'also-bad.sqlite' })).toMatchObject({ ok: true, value: { state: 'problem', code: 'database_newer' } });
  });
});
