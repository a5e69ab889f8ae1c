/**
 * The story against the real sync server (PGlite in memory, real HTTP), which refuses what the
 * fake one lets through (a change of some fields of a row it never had, a note on an unknown account):
 * a rep loads the demo, works on it, signs in, and nothing is refused; removing the demo data then
 * uploads the rep's work whole.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../core/api/contract.js';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { databasePathIn } from '../../../db/paths.js';
import { callApi } from '../../../db/service/dispatch.js';
import { createService } from '../../../db/service/index.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';

const PASSWORD = 'correct horse battery';
const tempDir = useTempDir();
let store: SqlClient;
let app: FastifyInstance;
let url: string;
const dbs: Db[] = [];

beforeAll(async () => {
  store = await openStore({ memory: true });
  await addUser(store, { username: 'wang', role: 'rep', teamName: 'East', password: PASSWORD });
  app = buildSyncServer({ store, tokenSecret: 'demo-test-secret-0123456789abcdef', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  for (const db of dbs) db.close();
  await app.close();
  await store.close();
});

/** A fresh laptop (data folder, service) whose sync goes to the real server. */
function laptop() {
  const dataDir = tempDir();
  const db = openDatabase(databasePathIn(dataDir));
  dbs.push(db);
  const handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', sync: { tokens: memoryTokenStore(), autoSync: false } });
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
    const result = await callApi(handlers, method, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as ApiOutputs[M];
  };
  return { db, call };
}

const uploaded = async () =>
  (await store.query<{ table_name: string; id: string }>('SELECT table_name, id FROM sync_rows WHERE deleted_at IS NULL')).map((row) => `${row.table_name}/${row.id}`);

it('uploads nothing of the demo, refuses nothing, and uploads the rep’s work once the demo data is removed', async () => {
  const { call } = laptop();

  await call('demo.load', {});
  const [worked] = (await call('accounts.list', { limit: 1 })).rows;
  const detail = await call('accounts.get', { id: worked!.id });
  const contact = detail.contacts[0]!;
  await call('notes.create', { accountId: worked!.id, contactId: contact.id, body: '演示客户上的真实笔记' });
  await call('accounts.update', { id: worked!.id, patch: { city: '苏州' } });
  await call('contacts.update', { id: contact.id, patch: { phone: '13800000000' } });
  const own = await call('accounts.create', { name: '自己的客户', tier: 'B', city: '上海' });

  await call('sync.signIn', { serverUrl: url, username: 'wang', password: PASSWORD });
  const first = await call('sync.now', {});
  expect(first).toMatchObject({ lastError: null, conflicts: 0 });
  expect(await uploaded()).toEqual([`accounts/${own.id}`]);

  await call('demo.remove', {});
  const settled = await call('sync.now', {});
  expect(settled).toMatchObject({ lastError: null, conflicts: 0, pending: 0 });
  const after = await uploaded();
  expect(after.filter((key) => !key.startsWith('notes/')).sort()).toEqual([`accounts/${own.id}`, `accounts/${worked!.id}`, `contacts/${contact.id}`].sort());
  expect(after.filter((key) => key.startsWith('notes/'))).toHaveLength(1);
  await call('sync.signOut', {});
}, 60_000);

it('keeps a demo account for a person the rep added there, and drops one where the rep only deleted a demo note', async () => {
  const { db, call } = laptop();
  await call('demo.load', {});
  const [first, second] = (await call('accounts.list', { limit: 2 })).rows;
  const person = await call('contacts.create', { accountId: first!.id, name: '新认识的人' });
  const child = await call('family.create', { contactId: person.id, name: '小明', relation: 'child' });
  const demoNoteId = db.prepare('SELECT id FROM notes WHERE account_id = ? LIMIT 1').pluck().get(second!.id) as string;
  await call('notes.delete', { id: demoNoteId });

  expect(await call('demo.status', {})).toEqual({ present: true, keptAccounts: [first!.name] });
  const before = await uploaded();
  await call('sync.signIn', { serverUrl: url, username: 'wang', password: PASSWORD });
  const held = await call('sync.now', {});
  expect(held.conflicts).toBe(0);
  expect(held.pending).toBeGreaterThanOrEqual(3);
  expect(await uploaded()).toEqual(before);

  await call('demo.remove', {});
  expect(db.prepare('SELECT count(*) FROM accounts WHERE id = ?').pluck().get(second!.id)).toBe(0);
  expect(await call('sync.now', {})).toMatchObject({ lastError: null, conflicts: 0, pending: 0 });
  expect(await uploaded()).toEqual(expect.arrayContaining([`accounts/${first!.id}`, `contacts/${person.id}`, `family_members/${child.id}`]));
  expect((await uploaded()).filter((key) => key.includes(second!.id) || key === `notes/${demoNoteId}`)).toEqual([]);
  await call('sync.signOut', {});
}, 60_000);

it('keeps the demo people a kept visit met, so the server takes the visit (it names only rows of its account)', async () => {
  const { db, call } = laptop();
  await call('demo.load', {});
  const planned = db.prepare("SELECT id, account_id FROM visits WHERE status = 'planned' AND deleted_at IS NULL LIMIT 1").get() as { id: string; account_id: string };
  const [met] = (await call('accounts.get', { id: planned.account_id })).contacts;
  const [otherAccount] = (await call('accounts.list', { limit: 10 })).rows.filter((row) => row.id !== planned.account_id);
  const [otherMet] = (await call('accounts.get', { id: otherAccount!.id })).contacts;
  // a demo visit the rep completed, and a visit of the rep's own on another demo account
  await call('visits.log', { visitId: planned.id, accountId: planned.account_id, doneAt: '2026-11-23T02:00:00.000Z', metContactIds: [met!.id] });
  const own = await call('visits.log', { accountId: otherAccount!.id, doneAt: '2026-11-23T03:00:00.000Z', metContactIds: [otherMet!.id] });

  await call('sync.signIn', { serverUrl: url, username: 'wang', password: PASSWORD });
  await call('demo.remove', {});
  expect(await call('sync.now', {})).toMatchObject({ lastError: null, conflicts: 0, pending: 0 });
  expect(await uploaded()).toEqual(expect.arrayContaining([`visits/${planned.id}`, `contacts/${met!.id}`, `visits/${own.id}`, `contacts/${otherMet!.id}`]));
  await call('sync.signOut', {});
}, 60_000);
