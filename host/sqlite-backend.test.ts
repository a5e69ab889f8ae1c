/** The host on the real SQLite backend: a damaged database leads to the problem state, and out of it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { memoryTokenStore } from '../db/sync/tokens.js';
import { FakeSyncServer } from '../test/sync/client/fakeServer.js';
import { startHost, type HostOptions, type RoundsHost } from './bootstrap.js';
import { databaseKeys, memoryKeyVault } from './databaseKey.js';
import { sqliteBackend } from './sqlite-backend.js';

const hosts: RoundsHost[] = [];
/** One key place per data folder, kept across restarts like the OS keyring. */
const vaults = new Map<string, ReturnType<typeof memoryKeyVault>>();

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

  it('a damaged page first met by a call (after a clean close, so no full check at open) leads to the problem state, keeping the file aside with the rep\'s data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sqlite-host-'));
    const file = path.join(dataDir, 'rounds.sqlite');
    const healthy = start(dataDir);
    const account = await healthy.call('accounts.create', { name: '王芳的客户', tier: 'A' });
    if (!account.ok) throw new Error('expected an account');
    const accountId = (account.value as { id: string }).id;
    for (let i = 0; i < 200; i++) expect((await healthy.call('notes.create', { accountId, body: `拜访纪要 ${i} ${'很好'.repeat(400)}` })).ok).toBe(true);
    healthy.close();

    // A page of the notes, flipped in place with the file's time kept, as a failing disk does.
    const key = vaults.get(dataDir)!.key!;
    const db = openDatabase(file, { key });
    const page = db.prepare("SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 10").pluck().get() as number;
    db.close();
    const { atime, mtime } = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes[(page - 1) * 4096 + 2048]! ^= 0x5a;
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, atime, mtime);
    const damaged = bytes.subarray((page - 1) * 4096, page * 4096);

    const host = start(dataDir);
    expect(host.status()).toEqual({ state: 'ready' });
    expect(await host.call('accounts.get', { id: accountId })).toMatchObject({ ok: true });
    expect(await host.call('accounts.timeline', { id: accountId })).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    expect(host.status()).toMatchObject({ state: 'problem', code: 'database_corrupt' });
    expect(await host.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    host.close();

    // Quit there: the next start checks every page and finds it at open.
    const again = start(dataDir);
    expect(again.status()).toMatchObject({ state: 'problem', code: 'database_corrupt' });
    expect(await again.call('app.recover', { backup: null })).toEqual({ ok: true, value: { state: 'ready' } });
    const aside = fs.readdirSync(dataDir).filter((name) => /^rounds\.sqlite\.broken-[^.]*$/.test(name));
    expect(aside).toHaveLength(1);
    const asidePath = path.join(dataDir, aside[0]!);
    expect(fs.readFileSync(asidePath).subarray((page - 1) * 4096, page * 4096)).toEqual(damaged);
    const kept = new Database(asidePath, { readonly: true });
    kept.pragma("cipher = 'sqlcipher'");
    kept.pragma('legacy = 4');
    kept.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(kept.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(accountId)).toBe('王芳的客户');
    kept.close();
    expect(await again.call('accounts.list', {})).toMatchObject({ ok: true });
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
