/** The sync client against the in-memory fake server: each sync pitfall of docs/ARCHITECTURE.md "Sync" is a test here. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount, updateAccount } from '../../../db/repo/accounts.js';
import { deleteNote, getNote, insertNote, updateNoteBody } from '../../../db/repo/notes.js';
import { listConflicts, resolveNoteConflict } from '../../../db/sync/conflicts.js';
import { pullChanges } from '../../../db/sync/pull.js';
import { syncOnce } from '../../../db/sync/run.js';
import { countPending } from '../../../db/synced/outbox.js';
import { readSyncState } from '../../../db/sync/state.js';
import { closeDevices, createDevice, type Device } from './device.js';
import { FakeSyncServer } from './fakeServer.js';

const NOW = '2026-11-23T02:00:00.000Z';
const account = (name: string) =>
  ({ name, tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }) as const;
const note = (accountId: string, body: string) => ({ accountId, visitId: null, contactId: null, body });
const sync = (device: Device) => syncOnce(device.db, device.connection());
const liveNotes = (device: Device) =>
  (device.db.prepare('SELECT body FROM notes WHERE deleted_at IS NULL ORDER BY body').pluck().all() as string[]);

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
  server.addUser('wang', 'secret');
});
afterEach(closeDevices);

describe('sync client', () => {
  it('carries a note written on one laptop to the other, and empties the outbox', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    insertNote(a.db, note(acc.id, '客户想要新报价'), NOW);
    const report = await sync(a);
    expect(report).toMatchObject({ pushed: 2, rejected: 0 });
    expect(countPending(a.db)).toBe(0);
    expect((await sync(b)).pulled).toBe(2);
    expect(liveNotes(b)).toEqual(['客户想要新报价']);
    // pulled rows write no outbox entries, and the pinyin search keys are derived locally
    expect(countPending(b.db)).toBe(0);
    expect(b.db.prepare('SELECT name_initials FROM accounts').pluck().get()).toBe('hddl');
    expect(readSyncState(b.db).lastSyncedAt).not.toBeNull();
  });

  it('applies a push once when the answer is lost after the server committed it', async () => {
    const a = await createDevice(server);
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    insertNote(a.db, note(acc.id, 'first'), NOW);
    server.dropPushResponses = 1;
    await expect(sync(a)).rejects.toMatchObject({ code: 'offline' });
    expect(readSyncState(a.db).lastError).toBe('sync:errors.offline');
    const appliedBefore = server.appliedCount;
    expect(countPending(a.db)).toBe(2);
    await sync(a);
    expect(server.appliedCount).toBe(appliedBefore);
    expect(countPending(a.db)).toBe(0);
    expect(server.liveRows('notes')).toHaveLength(1);
    expect(readSyncState(a.db).lastError).toBeNull();
  });

  it('keeps a change made just before the app was killed and syncs it next time', async () => {
    const a = await createDevice(server);
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    await sync(a);
    updateAccount(a.db, acc.id, { city: '杭州' }, NOW);
    a.restart();
    expect(countPending(a.db)).toBe(1);
    await sync(a);
    expect(server.liveRows('accounts')[0]!.data.city).toBe('杭州');
  });

  it('does not let a rejected change block the ones behind it, and lists it in the inbox', async () => {
    const a = await createDevice(server);
    const bad = insertAccount(a.db, account('被拒绝'), NOW);
    const good = insertAccount(a.db, account('正常'), NOW);
    server.rejectWhen = (mutation) => (mutation.rowId === bad.id ? 'invalid' : null);
    const report = await sync(a);
    expect(report).toMatchObject({ pushed: 1, rejected: 1 });
    expect(server.liveRows('accounts').map((row) => row.id)).toEqual([good.id]);
    expect(countPending(a.db)).toBe(0);
    const { rejected } = listConflicts(a.db);
    expect(rejected).toEqual([expect.objectContaining({ rowId: bad.id, table: 'accounts', reason: 'invalid', message: 'sync:rejected.invalid' })]);
  });

  it('never overwrites a field with a pending local edit when pulling, and merges the others', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    await sync(a);
    await sync(b);
    updateAccount(b.db, acc.id, { city: '南京', tier: 'B' }, NOW);
    await sync(b);
    updateAccount(a.db, acc.id, { name: '华东电力集团', tier: 'C' }, NOW);
    await pullChanges(a.db, a.connection());
    const row = a.db.prepare('SELECT name, city, tier FROM accounts WHERE id = ?').get(acc.id);
    expect(row).toEqual({ name: '华东电力集团', city: '南京', tier: 'C' });
    await sync(a);
    await sync(b);
    expect(b.db.prepare('SELECT name, city, tier FROM accounts WHERE id = ?').get(acc.id)).toEqual(row);
  });

  it('carries deletes as tombstones', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    const n = insertNote(a.db, note(acc.id, 'to delete'), NOW);
    await sync(a);
    await sync(b);
    deleteNote(b.db, n.id, NOW);
    await sync(b);
    await sync(a);
    expect(getNote(a.db, n.id)).toBeUndefined();
    expect(a.db.prepare('SELECT deleted_at FROM notes WHERE id = ?').pluck().get(n.id)).not.toBeNull();
  });

  it('resyncs from scratch when the server says the cursor is too old, keeping pending changes', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    const gone = insertNote(a.db, note(acc.id, 'deleted elsewhere'), NOW);
    await sync(a);
    await sync(b);
    deleteNote(b.db, gone.id, NOW);
    await sync(b);
    server.purgeTombstones();
    const local = insertNote(a.db, note(acc.id, 'written offline'), NOW);
    const report = await sync(a);
    expect(report.reset).toBe(true);
    expect(getNote(a.db, gone.id)).toBeUndefined();
    expect(getNote(a.db, local.id)?.body).toBe('written offline');
    expect(server.liveRows('notes').map((row) => row.data.body)).toEqual(['written offline']);
  });

  it('keeps both texts when one note is edited offline on two laptops, and resolves the conflict', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    const n = insertNote(a.db, note(acc.id, 'original'), NOW);
    await sync(a);
    await sync(b);
    updateNoteBody(a.db, n.id, 'text from A', NOW);
    updateNoteBody(b.db, n.id, 'text from B', NOW);
    await sync(a);
    expect((await sync(b)).conflicts).toBe(1);
    await sync(a);
    for (const device of [a, b]) {
      expect(liveNotes(device)).toEqual(['text from A', 'text from B']);
      const [conflict] = listConflicts(device.db).notes;
      expect(conflict).toMatchObject({ copy: { body: 'text from B' }, current: { id: n.id, body: 'text from A' }, accountName: '华东电力' });
    }
    const copyId = listConflicts(a.db).notes[0]!.copy.id;
    resolveNoteConflict(a.db, { noteId: copyId, keep: 'theirs' }, NOW);
    await sync(a);
    await sync(b);
    for (const device of [a, b]) {
      expect(liveNotes(device)).toEqual(['text from B']);
      expect(listConflicts(device.db).notes).toEqual([]);
    }
  });

  it('does not treat its own successive edits of a note as a conflict', async () => {
    const a = await createDevice(server);
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    const n = insertNote(a.db, note(acc.id, 'v1'), NOW);
    updateNoteBody(a.db, n.id, 'v2', NOW);
    updateNoteBody(a.db, n.id, 'v3', NOW);
    const report = await sync(a);
    expect(report.conflicts).toBe(0);
    expect(server.liveRows('notes').map((row) => row.data.body)).toEqual(['v3']);
  });

  it('refreshes an expired access token once and carries on', async () => {
    const a = await createDevice(server);
    insertAccount(a.db, account('华东电力'), NOW);
    server.expireAccessTokens();
    await sync(a);
    expect(server.requests.filter((route) => route === '/v1/auth/refresh')).toHaveLength(1);
    expect(server.liveRows('accounts')).toHaveLength(1);
  });

  it('is signed out when the refresh token is refused', async () => {
    const a = await createDevice(server);
    server.expireAccessTokens();
    server.addUser('wang', 'new password'); // a new user record: the old refresh token no longer matches anyone
    await expect(sync(a)).rejects.toMatchObject({ code: 'signed_out' });
    expect(a.tokens.load()).toBeNull();
    expect(a.controller.status().state).toBe('signed_out');
  });

  it('pulls in pages and reports progress against the total', async () => {
    const [a, b] = [await createDevice(server), await createDevice(server)];
    const acc = insertAccount(a.db, account('华东电力'), NOW);
    for (let i = 0; i < 4; i += 1) insertNote(a.db, note(acc.id, `note ${i}`), NOW);
    await sync(a);
    server.pageLimit = 2;
    const progress: Array<{ done: number; total?: number }> = [];
    await pullChanges(b.db, b.connection(), { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([
      { done: 2, total: 5 },
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
    expect(liveNotes(b)).toHaveLength(4);
  });
});
