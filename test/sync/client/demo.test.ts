/**
 * Demo data and the rejected-changes inbox through the app API, on the fake server: demo rows never
 * upload, removing them keeps what the rep typed (which then uploads), and a refused change is named
 * and can be sent again or copied into a new note.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../core/api/contract.js';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { callApi } from '../../../db/service/dispatch.js';
import { DAY_CHECK_MS } from '../../../db/service/agenda.js';
import { createService } from '../../../db/service/index.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { FakeSyncServer } from './fakeServer.js';

const tempDir = useTempDir();
let server: FakeSyncServer;
let db: Db;
let call: <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

beforeEach(() => {
  server = new FakeSyncServer();
  server.addUser('wang', 'secret');
  const dataDir = tempDir();
  db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  const handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', sync: { fetch: server.fetch, tokens: memoryTokenStore(), autoSync: false } });
  call = async (method, input) => {
    const result = await callApi(handlers, method, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as never;
  };
});
afterEach(async () => {
  await call('sync.signOut', {});
  db.close();
});

const signIn = () => call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
const serverIds = (table: 'accounts' | 'notes' | 'contacts') => server.liveRows(table).map((row) => row.id).sort();

describe('demo data', () => {
  it('never uploads, and removing it keeps the rep’s own work, which then uploads', async () => {
    await call('demo.load', {});
    const [worked, untouched] = (await call('accounts.list', { limit: 2 })).rows;
    const own = await call('accounts.create', { name: '自己的客户', tier: 'A', city: '上海' });
    const ownNote = await call('notes.create', { accountId: own.id, body: '自己的笔记' });
    const demoNote = await call('notes.create', { accountId: worked!.id, body: '在演示客户上写的笔记' });
    await call('accounts.update', { id: worked!.id, patch: { city: '苏州' } });

    await signIn();
    const afterSync = await call('sync.now', {});
    // Only the rep's own rows went; the changes about demo data wait on the laptop, refused by no one.
    expect(serverIds('accounts')).toEqual([own.id]);
    expect(serverIds('notes')).toEqual([ownNote.id]);
    expect((await call('sync.conflicts', {})).rejected).toEqual([]);
    expect(afterSync.pending).toBe(2);

    expect(await call('demo.status', {})).toEqual({ present: true, keptAccounts: [worked!.name] });
    expect(await call('demo.remove', {})).toMatchObject({ keptAccounts: [worked!.name] });
    expect(await call('demo.status', {})).toEqual({ present: false, keptAccounts: [] });
    const accountsHere = (await call('accounts.list', {})).rows.map((row) => row.id).sort();
    expect(accountsHere).toEqual([own.id, worked!.id].sort());
    expect(accountsHere).not.toContain(untouched!.id);

    const settled = await call('sync.now', {});
    expect(settled.pending).toBe(0);
    expect(settled.conflicts).toBe(0);
    expect(serverIds('accounts')).toEqual([own.id, worked!.id].sort());
    // The kept account arrives whole, with the rep's change; the note written on it follows.
    const keptOnServer = server.liveRows('accounts').find((row) => row.id === worked!.id)!;
    expect(keptOnServer.data).toMatchObject({ name: worked!.name, city: '苏州', tier: worked!.tier });
    expect(serverIds('notes')).toEqual([ownNote.id, demoNote.id].sort());
    // the demo account's other demo rows (contacts) stayed off the server
    expect(serverIds('contacts')).toEqual([]);
  });

  it('removes demo data nobody worked on entirely, and says so before', async () => {
    await call('demo.load', {});
    expect(await call('demo.status', {})).toEqual({ present: true, keptAccounts: [] });
    await call('demo.remove', {});
    expect((await call('accounts.list', {})).total).toBe(0);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });
});

describe('demo data as the days go by', () => {
  it('lapses or wins back no demo account by itself, so removing the demo keeps nothing the rep did not touch', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const dataDir = tempDir();
      const local = openDatabase(path.join(dataDir, 'rounds.sqlite'));
      let now = new Date('2026-11-23T02:00:00.000Z');
      const handlers = createService({ db: local, dataDir, host: 'browser', version: '0.0.0-test', now: () => now, sync: { tokens: memoryTokenStore(), autoSync: false } });
      const result = async <M extends ApiMethod>(method: M, input: ApiInput<M>) => {
        const answer = await callApi(handlers, method, input);
        if (!answer.ok) throw new Error(JSON.stringify(answer.error));
        return answer.value as ApiOutputs[M];
      };
      await result('demo.load', {});
      // Half a year on: plenty of demo accounts are past the lapse threshold when the day check runs.
      now = new Date('2027-06-01T02:00:00.000Z');
      vi.advanceTimersByTime(DAY_CHECK_MS);
      expect(await result('demo.status', {})).toEqual({ present: true, keptAccounts: [] });
      expect((await result('sync.status', {})).pending).toBe(0);
      local.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the rejected-changes inbox', () => {
  it('names the refused note change, and copies its text into a new note of the account', async () => {
    const acc = await call('accounts.create', { name: '华东电力', tier: 'A', city: '上海' });
    const note = await call('notes.create', { accountId: acc.id, body: '第一版' });
    await signIn();
    await call('sync.now', {});
    server.rejectWhen = (mutation) => (mutation.rowId === note.id ? 'invalid' : null);
    await call('notes.update', { id: note.id, body: '客户要求周五前报价' });
    expect((await call('sync.now', {})).conflicts).toBe(1);

    const [change] = (await call('sync.conflicts', {})).rejected;
    expect(change!.about).toMatchObject({ accountId: acc.id, accountName: '华东电力', when: note.createdAt, canRetry: true, canCopyText: true });
    expect(change!.fields.body).toBe('客户要求周五前报价');

    server.rejectWhen = () => null;
    const { noteId } = await call('sync.copyRejectedNote', { id: change!.id });
    expect((await call('sync.conflicts', {})).rejected).toEqual([]);
    await call('sync.now', {});
    expect(server.liveRows('notes').find((row) => row.id === noteId)?.data.body).toBe('客户要求周五前报价');
  });

  it('sends a refused change again as a new change', async () => {
    const acc = await call('accounts.create', { name: '华东电力', tier: 'A', city: '上海' });
    await signIn();
    await call('sync.now', {});
    server.rejectWhen = (mutation) => (mutation.rowId === acc.id ? 'forbidden' : null);
    await call('accounts.update', { id: acc.id, patch: { city: '杭州' } });
    await call('sync.now', {});
    const [change] = (await call('sync.conflicts', {})).rejected;
    expect(change!.about).toMatchObject({ accountName: '华东电力', canCopyText: false });

    // The fake server sends no copy of its own back, so the row here still shows what was tried.
    expect(change!.about.current).toEqual({ city: '杭州' });
    server.rejectWhen = () => null;
    await call('sync.retryRejected', { id: change!.id });
    expect((await call('sync.now', {})).conflicts).toBe(0);
    expect(server.liveRows('accounts')[0]!.data.city).toBe('杭州');
  });
});
