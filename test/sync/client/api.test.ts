/** The sync.* methods of the app API, called the way the transports call them, on a fake server. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../core/api/contract.js';
import type { ApiErrorBody } from '../../../core/api/errors.js';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { callApi } from '../../../db/service/dispatch.js';
import { createService } from '../../../db/service/index.js';
import { updateNoteBody } from '../../../db/repo/notes.js';
import { syncOnce } from '../../../db/sync/run.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { closeDevices, createDevice } from './device.js';
import { FakeSyncServer } from './fakeServer.js';

const tempDir = useTempDir();
let server: FakeSyncServer;
let db: Db;
let call: <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;
let fail: (method: ApiMethod, input: unknown) => Promise<ApiErrorBody>;

beforeEach(() => {
  server = new FakeSyncServer();
  server.addUser('wang', 'secret', 'lead');
  const dataDir = tempDir();
  db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  const handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', sync: { fetch: server.fetch, tokens: memoryTokenStore() } });
  call = async (method, input) => {
    const result = await callApi(handlers, method, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as never;
  };
  fail = async (method, input) => {
    const result = await callApi(handlers, method, input, () => {});
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error;
  };
});
afterEach(async () => {
  await call('sync.signOut', {});
  db.close();
  closeDevices();
});

const account = { name: '华东电力', tier: 'A', city: '上海' } as const;

describe('sync API', () => {
  it('signs in, shows pending changes, syncs now and signs out', async () => {
    expect(await call('sync.status', {})).toMatchObject({ state: 'signed_out', pending: 0, user: null });
    const acc = await call('accounts.create', account);
    const signedIn = await call('sync.signIn', { serverUrl: `${server.url}/`, username: 'wang', password: 'secret' });
    expect(signedIn).toMatchObject({ state: 'online', serverUrl: server.url, user: { username: 'wang', role: 'lead', teamName: 'East' } });
    const synced = await call('sync.now', {});
    expect(synced).toMatchObject({ pending: 0, lastError: null, running: false });
    expect(synced.lastSyncedAt).not.toBeNull();
    // the list shows whose account it is
    const { rows } = await call('accounts.list', {});
    expect(rows).toEqual([expect.objectContaining({ id: acc.id, ownerName: 'WANG' })]);
    expect(await call('sync.signOut', {})).toMatchObject({ state: 'signed_out', user: null });
  });

  it('says a revoked device was revoked and to ask the administrator, not that the password is wrong', async () => {
    server.devicesRevoked = true;
    const refused = await fail('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
    expect(refused.issues).toEqual([{ path: ['serverUrl'], message: 'sync:errors.device_revoked' }]);
  });

  it('puts a wrong password on the password field and an unreachable server on the URL field', async () => {
    const wrong = await fail('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'nope' });
    expect(wrong).toMatchObject({ code: 'validation', issues: [{ path: ['password'], message: 'sync:errors.bad_credentials' }] });
    server.online = false;
    const down = await fail('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
    expect(down.issues).toEqual([{ path: ['serverUrl'], message: 'sync:errors.offline' }]);
  });

  it('refuses a server address without http:// or https:// on the URL field, and never contacts it', async () => {
    const bare = server.url.replace(/^http:\/\//, '');
    const refused = await fail('sync.signIn', { serverUrl: bare, username: 'wang', password: 'secret' });
    expect(refused).toMatchObject({ code: 'validation', issues: [{ path: ['serverUrl'], message: 'sync:errors.scheme_required' }] });
    expect(server.requests).toEqual([]);
    expect(await call('sync.status', {})).toMatchObject({ state: 'signed_out', user: null });
    // An explicit http:// still signs in (local servers and tests use it).
    expect(await call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' })).toMatchObject({ state: 'online', serverUrl: server.url });
  });

  it('reports offline when the server stops answering, and the error in plain words', async () => {
    await call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
    await call('sync.now', {});
    server.online = false;
    await call('accounts.create', account);
    expect(await call('sync.now', {})).toMatchObject({ state: 'offline', pending: 1, lastError: 'sync:errors.offline' });
    server.online = true;
    expect(await call('sync.now', { trigger: 'online' })).toMatchObject({ state: 'online', pending: 0, lastError: null });
  });

  it('sync now says what the sync sent and received, or why it failed, as the app and rounds sync show it', async () => {
    expect(await call('sync.now', {})).toMatchObject({ run: null, failure: { code: 'signed_out', message: 'sync:errors.signed_out' } });
    await call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
    await call('sync.now', {});
    await call('accounts.create', account);
    await call('accounts.create', { ...account, name: '华北电力' });
    expect(await call('sync.now', {})).toMatchObject({ pending: 0, failure: null, run: { pushed: 2, pulled: expect.any(Number), rejected: 0, conflicts: 0, reset: false } });
    server.online = false;
    await call('accounts.create', { ...account, name: '华南电力' });
    const offline = { run: null, failure: { code: 'offline', message: 'sync:errors.offline' }, pending: 1 };
    expect(await call('sync.now', {})).toMatchObject(offline);
    // the next attempt only asks whether the server answers: still offline, still said
    expect(await call('sync.now', {})).toMatchObject(offline);
    server.online = true;
    expect(await call('sync.now', {})).toMatchObject({ failure: null, run: { pushed: 1 }, pending: 0 });
  });

  it('lists note conflicts in the inbox and resolves them', async () => {
    await call('sync.signIn', { serverUrl: server.url, username: 'wang', password: 'secret' });
    const acc = await call('accounts.create', account);
    const note = await call('notes.create', { accountId: acc.id, body: 'original' });
    await call('sync.now', {});
    const other = await createDevice(server);
    updateNoteBody(other.db, note.id, 'from the other laptop', '2026-11-23T03:00:00.000Z');
    await call('notes.update', { id: note.id, body: 'from this laptop' });
    await syncOnce(other.db, other.connection());
    const status = await call('sync.now', {});
    expect(status.conflicts).toBe(1);
    const { notes } = await call('sync.conflicts', {});
    expect(notes).toEqual([expect.objectContaining({ copy: expect.objectContaining({ body: 'from this laptop' }), current: expect.objectContaining({ body: 'from the other laptop' }) })]);
    await call('sync.resolveConflict', { noteId: notes[0]!.copy.id, keep: 'both', mergedBody: 'merged text' });
    expect((await call('sync.conflicts', {})).notes).toEqual([]);
    expect((await call('accounts.timeline', { id: acc.id })).filter((item) => item.type === 'note').map((item) => item.type === 'note' && item.note.body)).toEqual(['merged text']);
    expect((await fail('sync.dismissRejected', { id: 99 })).code).toBe('not_found');
  });
});
