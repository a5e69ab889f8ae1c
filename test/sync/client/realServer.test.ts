/**
 * The sync client against the real sync server (`server/`, PGlite in memory, over real HTTP), and the
 * `rounds login` / `rounds sync` commands on data folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import type { CliIo } from '../../../cli/io.js';
import { openDataFolderDatabase } from '../../../cli/database.js';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { databasePathIn } from '../../../db/paths.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { deleteContact, insertContact, updateContact } from '../../../db/repo/contacts.js';
import { insertNote, listRevisions, updateNoteBody } from '../../../db/repo/notes.js';
import { listConflicts } from '../../../db/sync/conflicts.js';
import { SyncController } from '../../../db/sync/controller.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { revokeDevice } from '../../../server/auth/sessions.js';
import { addUser, listUserDevices } from '../../../server/users.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-23T02:00:00.000Z';
let store: SqlClient;
let app: FastifyInstance;
let url: string;
const dirs: string[] = [];
const dbs: Db[] = [];

beforeAll(async () => {
  store = await openStore({ memory: true });
  await addUser(store, { username: 'wang', role: 'rep', teamName: 'East', password: PASSWORD });
  app = buildSyncServer({ store, tokenSecret: 'client-test-secret-0123456789', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  for (const db of dbs) db.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  await app.close();
  await store.close();
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-real-sync-'));
  dirs.push(dir);
  return dir;
}

async function laptop(): Promise<{ db: Db; controller: SyncController }> {
  const db = openDatabase(databasePathIn(dataDir()));
  dbs.push(db);
  const controller = new SyncController({ db, tokens: memoryTokenStore(), autoSync: false });
  await controller.signIn({ serverUrl: url, username: 'wang', password: PASSWORD });
  return { db, controller };
}

function capture(env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, now: () => new Date(NOW) };
}

describe('sync client against the real server', () => {
  it('carries notes between laptops and keeps both texts of a note edited on both offline', async () => {
    const a = await laptop();
    const b = await laptop();
    const account = insertAccount(a.db, { name: '华东电力', tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    const note = insertNote(a.db, { accountId: account.id, visitId: null, contactId: null, body: 'original' }, NOW);
    expect(await a.controller.runOnce()).toMatchObject({ pushed: 2, rejected: 0 });
    expect(await b.controller.runOnce()).toMatchObject({ pulled: 2 });

    updateNoteBody(a.db, note.id, 'text from A', NOW);
    updateNoteBody(b.db, note.id, 'text from B', NOW);
    await a.controller.runOnce();
    await b.controller.runOnce();
    await a.controller.runOnce();
    for (const device of [a, b]) {
      const bodies = device.db.prepare('SELECT body FROM notes WHERE deleted_at IS NULL ORDER BY body').pluck().all();
      expect(bodies).toEqual(['text from A', 'text from B']);
      expect(listConflicts(device.db).notes).toHaveLength(1);
      expect(device.controller.status()).toMatchObject({ pending: 0, conflicts: 1, lastError: null });
    }
  }, 60_000);

  it('a note text written on another laptop joins this one’s history; an edit of a row deleted elsewhere goes back to the tombstone', async () => {
    const a = await laptop();
    const b = await laptop();
    const account = insertAccount(a.db, { name: '西南物流', tier: 'B', tierSource: 'manual', status: 'active', industry: null, city: '成都', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    const note = insertNote(a.db, { accountId: account.id, visitId: null, contactId: null, body: '第一稿' }, NOW);
    await a.controller.runOnce();
    await b.controller.runOnce();
    updateNoteBody(a.db, note.id, '第二稿', NOW);
    await a.controller.runOnce();
    await b.controller.runOnce();
    expect(listRevisions(b.db, note.id).map((r) => r.body)).toEqual(['第二稿', '第一稿']);
    // B's own edit after that continues the history instead of colliding with a pulled revision number.
    updateNoteBody(b.db, note.id, '第三稿', NOW);
    expect(listRevisions(b.db, note.id).map((r) => [r.revision, r.body])).toEqual([
      [3, '第三稿'],
      [2, '第二稿'],
      [1, '第一稿'],
    ]);
    await b.controller.runOnce();
    await a.controller.runOnce();
    expect(listRevisions(a.db, note.id).map((r) => r.body)).toEqual(['第三稿', '第二稿', '第一稿']);

    const contact = insertContact(a.db, { accountId: account.id, name: '赵敏', title: '采购', role: null, phone: null, email: null, wechat: null, interests: null, isKey: false }, NOW);
    await a.controller.runOnce();
    await b.controller.runOnce();
    deleteContact(a.db, contact.id, NOW);
    await a.controller.runOnce();
    updateContact(b.db, contact.id, { title: '总经理' }, NOW);
    expect(await b.controller.runOnce()).toMatchObject({ rejected: 1 });
    expect(b.db.prepare('SELECT title, deleted_at FROM contacts WHERE id = ?').get(contact.id)).toEqual({ title: '采购', deleted_at: expect.any(String) });
    expect(b.controller.status()).toMatchObject({ pending: 0, lastError: null });
  }, 60_000);

  it('signs a data folder in with rounds login and syncs it with rounds sync', async () => {
    const dir = dataDir();
    const login = capture({ ROUNDS_PASSWORD: PASSWORD });
    expect(await main(['--data-dir', dir, 'login', '--server', url, '--user', 'wang'], login)).toBe(0);
    expect(login.out.join('')).toContain('Signed in as wang (team East)');
    expect(fs.statSync(path.join(dir, 'sync-tokens.json')).mode & 0o777).toBe(0o600);

    const sync = capture();
    expect(await main(['--data-dir', dir, 'sync'], sync)).toBe(0);
    expect(sync.out.join('')).toMatch(/Synced: 0 sent, \d+ received/);

    const wrong = capture({ ROUNDS_PASSWORD: 'wrong password' });
    expect(await main(['--data-dir', dataDir(), 'login', '--server', url, '--user', 'wang'], wrong)).toBe(1);
    expect(wrong.err.join('')).toContain('Wrong user name or password');
  }, 60_000);

  it('a backup put back over the database: every change made after it reaches the other laptop (was 51 of 70 accounts)', async () => {
    const dir = dataDir();
    const file = databasePathIn(dir);
    const tokens = memoryTokenStore();
    const open = () => {
      const db = openDatabase(file);
      dbs.push(db);
      return { db, controller: new SyncController({ db, tokens, autoSync: false }) };
    };
    const addAccounts = (db: Db, prefix: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const account = insertAccount(db, { name: `${prefix}${i}`, tier: 'B', tierSource: 'manual', status: 'active', industry: null, city: '杭州', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
        insertContact(db, { accountId: account.id, name: `${prefix}联系人${i}`, title: null, role: null, phone: null, email: null, wechat: null, interests: null, isKey: false }, NOW);
      }
    };
    const a = open();
    await a.controller.signIn({ serverUrl: url, username: 'wang', password: PASSWORD });
    addAccounts(a.db, 'restore-before-', 20);
    await a.controller.runOnce();
    const backup = path.join(dir, 'backup.sqlite');
    await a.db.backup(backup);
    addAccounts(a.db, 'restore-after-', 25);
    await a.controller.runOnce();
    a.controller.stop();
    a.db.close();
    fs.copyFileSync(backup, file);
    const restored = open();
    addAccounts(restored.db, 'restore-later-', 25);
    expect(restored.controller.status()).toMatchObject({ state: 'signed_out', identityReset: 'restored' });
    await restored.controller.signIn({ serverUrl: url, username: 'wang', password: PASSWORD });
    await restored.controller.runOnce();
    expect(restored.controller.status()).toMatchObject({ pending: 0, lastError: null });

    const b = await laptop();
    await b.controller.runOnce();
    const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL AND name LIKE 'restore-%'`).pluck().get();
    expect(count(restored.db, 'accounts')).toBe(70);
    expect(count(b.db, 'accounts')).toBe(70);
    expect(count(b.db, 'contacts')).toBe(70);
  }, 60_000);

  it('tells a signing-in laptop how far it got with its earlier client id only when that id is the same user’s', async () => {
    await addUser(store, { username: 'li', role: 'rep', teamName: 'East', password: PASSWORD });
    const a = await laptop();
    insertAccount(a.db, { name: '别人的', tier: 'C', tierSource: 'manual', status: 'active', industry: null, city: null, address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    await a.controller.runOnce();
    const previousClientId = a.db.prepare('SELECT client_id FROM sync_state').pluck().get() as string;
    const login = (username: string) =>
      fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD, deviceName: 'copy', clientId: crypto.randomUUID(), previousClientId }),
      }).then((response) => response.json() as Promise<{ previousLastMutationId?: number }>);
    expect((await login('wang')).previousLastMutationId).toBeGreaterThanOrEqual(1);
    expect((await login('li')).previousLastMutationId).toBe(0);
  }, 60_000);

  it('rounds sync prints what went each way, in the user’s language, and why it failed when it did (exit code 1)', async () => {
    await addUser(store, { username: 'zhao', role: 'rep', teamName: 'West', password: PASSWORD });
    const signIn = async (dir: string) => expect(await main(['--data-dir', dir, 'login', '--server', url, '--user', 'zhao'], capture({ ROUNDS_PASSWORD: PASSWORD }))).toBe(0);
    const sync = async (dir: string, env: NodeJS.ProcessEnv = {}) => {
      const io = capture(env);
      const code = await main(['--data-dir', dir, 'sync'], io);
      return { code, out: io.out.join(''), err: io.err.join('') };
    };
    const [first, second] = [dataDir(), dataDir()];
    await signIn(first);
    const db = openDataFolderDatabase(first);
    for (const name of ['西部电网', '成都机械']) {
      insertAccount(db, { name, tier: 'B', tierSource: 'manual', status: 'active', industry: null, city: '成都', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    }
    db.close();
    expect(await sync(first)).toEqual({ code: 0, out: 'Synced: 2 sent, 2 received, 0 note conflicts, 0 refused.\n', err: '' });
    await signIn(second);
    expect(await sync(second, { LANG: 'zh_CN.UTF-8' })).toEqual({ code: 0, out: '同步完成：发送 0 条，接收 2 条，笔记冲突 0 条，被拒绝 0 条。\n', err: '' });

    // An administrator revokes the first laptop: its sync ends with the next step, its sign-in says why.
    const devices = await listUserDevices(store, 'zhao');
    expect(devices).toHaveLength(2);
    for (const device of devices) await revokeDevice(store, device.id);
    expect(await sync(first)).toMatchObject({ code: 1, out: '', err: expect.stringContaining('Not signed in, or the session ended. Run `rounds login') });
    const again = capture({ ROUNDS_PASSWORD: PASSWORD, LANG: 'zh_CN.UTF-8' });
    expect(await main(['--data-dir', first, 'login', '--server', url, '--user', 'zhao'], again)).toBe(1);
    expect(again.err.join('')).toContain('管理员已撤销此设备');
    // A folder never signed in: nothing to sync with.
    const fresh = dataDir();
    openDataFolderDatabase(fresh).close();
    expect(await sync(fresh)).toMatchObject({ code: 1, err: expect.stringContaining('Not signed in') });
  }, 60_000);

  it('fails rounds sync with exit code 1 when the server is unreachable', async () => {
    const dir = dataDir();
    expect(await main(['--data-dir', dir, 'login', '--server', url, '--user', 'wang'], capture({ ROUNDS_PASSWORD: PASSWORD }))).toBe(0);
    // point the folder at a port nobody listens on
    const db = openDataFolderDatabase(dir);
    db.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'").run();
    db.close();
    const sync = capture();
    expect(await main(['--data-dir', dir, 'sync'], sync)).toBe(1);
    expect(sync.err.join('')).toContain('cannot be reached');
  });
});
