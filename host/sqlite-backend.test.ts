/** The host on the real SQLite backend: a damaged database leads to the problem state, and out of it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryTokenStore } from '../db/sync/tokens.js';
import { FakeSyncServer } from '../test/sync/client/fakeServer.js';
import { startHost, type HostOptions, type RoundsHost } from './bootstrap.js';
import { databaseKeys, memoryKeyVault, type KeyVault } from './databaseKey.js';
import { sqliteBackend } from './sqlite-backend.js';

const hosts: RoundsHost[] = [];
/** One key place per data folder, kept across restarts like the OS keyring. */
const vaults = new Map<string, KeyVault>();

function start(dataDir: string, sync?: HostOptions['sync']): RoundsHost {
  if (!vaults.has(dataDir)) vaults.set(dataDir, memoryKeyVault());
  const keys = databaseKeys({ dataDir, vaults: [vaults.get(dataDir)!], language: 'en' });
  const host = startHost({ dataDir, host: 'browser', version: '0.0.0', env: {}, backend: sqliteBackend, keys, ...(sync ? { sync } : {}) });
  hosts.push(host);
  return host;
}

afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

describe('startHost on SQLite', () => {
  it('reports a corrupt file, keeps it aside on recovery and starts empty', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sqlite-host-'));
    // SQLite's header, then garbage: a damaged plain file (without the header it could be an encrypted one)
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0x5a)]);
    fs.writeFileSync(path.join(dataDir, 'rounds.sqlite'), garbage);
    const host = start(dataDir);

    expect(host.status()).toMatchObject({ state: 'problem', code: 'database_corrupt', backups: [] });
    expect(await host.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });

    expect(await host.call('app.recover', { backup: null })).toEqual({ ok: true, value: { state: 'ready' } });
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('rounds.sqlite.broken-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0] ?? ''))).toEqual(garbage);
    expect(await host.call('settings.get', {})).toMatchObject({ ok: true });
  });

  it('restores a backup made by backup.create', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sqlite-host-'));
    const healthy = start(dataDir);
    await healthy.call('settings.update', { repName: '王芳' });
    const backup = await healthy.call('backup.create', {});
    expect(backup.ok).toBe(true);
    healthy.close();

    fs.writeFileSync(path.join(dataDir, 'rounds.sqlite'), Buffer.alloc(8192, 0x5a));
    for (const companion of ['-wal', '-shm']) fs.rmSync(path.join(dataDir, `rounds.sqlite${companion}`), { force: true });
    const host = start(dataDir);
    const status = host.status();
    if (status.state !== 'problem') throw new Error('expected the problem state');
    expect(status.backups).toHaveLength(1);

    expect(await host.call('app.recover', { backup: status.backups[0]?.file ?? null })).toEqual({ ok: true, value: { state: 'ready' } });
    expect(await host.call('settings.get', {})).toMatchObject({ ok: true, value: { repName: '王芳' } });
  });

  it('after restoring a backup on the recovery screen, syncs as a new device and every later change reaches the server', async () => {
    const server = new FakeSyncServer();
    server.addUser('wang', 'secret');
    const sync = { fetch: server.fetch, tokens: memoryTokenStore(), autoSync: false };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sqlite-host-'));
    const addAccount = async (host: RoundsHost, name: string) => expect(await host.call('accounts.create', { name, tier: 'A' })).toMatchObject({ ok: true });
    const signIn = async (host: RoundsHost) =>
      expect(await host.call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' })).toMatchObject({ ok: true });
    const healthy = start(dataDir, sync);
    await signIn(healthy);
    await addAccount(healthy, '备份前');
    await healthy.call('sync.now', {});
    expect((await healthy.call('backup.create', {})).ok).toBe(true);
    await addAccount(healthy, '备份后');
    await healthy.call('sync.now', {});
    healthy.close();

    fs.writeFileSync(path.join(dataDir, 'rounds.sqlite'), Buffer.alloc(8192, 0x5a));
    for (const companion of ['-wal', '-shm']) fs.rmSync(path.join(dataDir, `rounds.sqlite${companion}`), { force: true });
    const host = start(dataDir, sync);
    const status = host.status();
    if (status.state !== 'problem') throw new Error('expected the problem state');
    expect(await host.call('app.recover', { backup: status.backups[0]?.file ?? null })).toEqual({ ok: true, value: { state: 'ready' } });
    expect(await host.call('sync.status', {})).toMatchObject({ ok: true, value: { state: 'signed_out', identityReset: 'restored' } });
    await addAccount(host, '恢复后');
    await signIn(host);
    expect(await host.call('sync.now', {})).toMatchObject({ ok: true, value: { pending: 0, lastError: null } });
    expect(server.liveRows('accounts').map((row) => row.data.name).sort()).toEqual(['备份前', '备份后', '恢复后'].sort());
  });
});
