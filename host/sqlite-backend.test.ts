/** The host on the real SQLite backend: a damaged database leads to the problem state, and out of it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RoundsHost } from './bootstrap.js';
import { sqliteBackend } from './sqlite-backend.js';

const hosts: RoundsHost[] = [];

function start(dataDir: string): RoundsHost {
  const host = startHost({ dataDir, host: 'browser', version: '0.0.0', env: {}, backend: sqliteBackend });
  hosts.push(host);
  return host;
}

afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

describe('startHost on SQLite', () => {
  it('reports a corrupt file, keeps it aside on recovery and starts empty', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sqlite-host-'));
    const garbage = Buffer.alloc(8192, 0x5a);
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
});
