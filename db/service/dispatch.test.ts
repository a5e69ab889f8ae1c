import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../core/api/contract.js';
import { API_METHODS } from '../../core/api/contract.js';
import { openDatabase } from '../openDatabase.js';
import { createHarness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { callApi } from './dispatch.js';
import { createService } from './index.js';

const tempDir = useTempDir();

describe('callApi', () => {
  it('refuses unknown methods, including inherited property names', async () => {
    const { handlers } = createHarness(tempDir());
    for (const method of ['accounts.drop', 'toString', '__proto__', 42, null]) {
      expect(await callApi(handlers, method, {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_method' }) });
    }
  });

  it('validates input before the handler runs', async () => {
    const handler = vi.fn();
    const handlers = { 'accounts.get': handler } as unknown as ApiHandlers;
    const result = await callApi(handlers, 'accounts.get', { id: 'nope', extra: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('validation');
    expect(!result.ok && result.error.issues?.every((issue) => issue.message.startsWith('validation.'))).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns unexpected errors into "internal", logged but never leaked', async () => {
    const secret = new Error('SQLITE_IOERR at /home/rep/.config/Rounds/rounds.sqlite');
    const handlers = { 'app.info': () => Promise.reject(secret) } as unknown as ApiHandlers;
    const log = vi.fn();
    const result = await callApi(handlers, 'app.info', undefined, log);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'errors.internal', issues: undefined, params: undefined } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_IOERR');
    expect(log).toHaveBeenCalledWith('[rounds] app.info failed', secret);
  });

  it('says the disk is full, from SQLite or the file system, instead of "internal"', async () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      const handlers = { 'backup.create': () => Promise.reject(Object.assign(new Error('database or disk is full'), { code })) } as unknown as ApiHandlers;
      expect(await callApi(handlers, 'backup.create', undefined, vi.fn())).toMatchObject({ ok: false, error: { code: 'disk_full', message: 'errors.disk_full' } });
    }
  });

  it('has a handler for every method of the contract', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    const handlers = createService({ db, dataDir: tempDir(), host: 'electron', version: '1' });
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    db.close();
  });
});

describe('demo.load', () => {
  it('fills an empty database with the demo data set', async () => {
    const h = createHarness(tempDir());
    const counts = await h.call('demo.load', undefined);
    expect(counts.accounts).toBeGreaterThanOrEqual(40);
    expect(counts.contacts).toBeGreaterThan(counts.accounts);
    const list = await h.call('accounts.list', { limit: 1000 });
    expect(list.total).toBe(counts.accounts);
    expect((await h.call('accounts.cities', undefined)).length).toBeGreaterThan(1);
  });
});
