/**
 * A database file that was restored from a backup, copied to another data folder or laptop, or cloned
 * must never reuse the mutation ids its client id already used on the server: every change made after
 * the restore or copy reaches the server, and nothing the server already has is sent twice.
 * (Before client identities were checked, the restored file's new ids fell below the server's counter,
 * the server answered "duplicate" and the client dropped them: 70 accounts on one laptop, 51 on the other.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { SyncController } from '../../../db/sync/controller.js';
import { advanceGeneration, placementFileOf } from '../../../db/sync/identity.js';
import { countPending } from '../../../db/synced/outbox.js';
import { readSyncState } from '../../../db/sync/state.js';
import { memoryTokenStore, type TokenStore } from '../../../db/sync/tokens.js';
import { FakeSyncServer } from './fakeServer.js';

const NOW = '2026-11-23T02:00:00.000Z';
const account = (name: string) =>
  ({ name, tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }) as const;

let server: FakeSyncServer;
let root: string;
const open: Array<{ db: Db; controller: SyncController }> = [];

beforeEach(() => {
  server = new FakeSyncServer();
  server.addUser('wang', 'secret');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-restore-'));
});
afterEach(() => {
  for (const laptop of open.splice(0)) {
    laptop.controller.stop();
    if (laptop.db.open) laptop.db.close();
  }
  fs.rmSync(root, { recursive: true, force: true });
});

/** A laptop's app on the database file in `folder`, as it starts: open, then the sync controller. */
function laptop(folder: string, options: { machineId?: string; tokens?: TokenStore } = {}) {
  fs.mkdirSync(path.join(root, folder), { recursive: true });
  const db = openDatabase(path.join(root, folder, 'rounds.sqlite'), { machineId: options.machineId ?? 'laptop-a' });
  const tokens = options.tokens ?? memoryTokenStore();
  const controller = new SyncController({ db, tokens, fetch: server.fetch, autoSync: false });
  const app = { db, controller, tokens };
  open.push(app);
  return app;
}
type Laptop = ReturnType<typeof laptop>;

function quit(app: Laptop): void {
  app.controller.stop();
  app.db.close();
}

const signIn = (app: Laptop) => app.controller.signIn({ serverUrl: server.url, username: 'wang', password: 'secret' });
const addAccounts = (app: Laptop, prefix: string, count: number) => {
  for (let i = 0; i < count; i++) {
    const acc = insertAccount(app.db, account(`${prefix}${i}`), NOW);
    insertNote(app.db, { accountId: acc.id, visitId: null, contactId: null, body: `${prefix} note ${i}` }, NOW);
  }
};
const serverNames = () => server.liveRows('accounts').map((row) => row.data.name as string).sort();
const localNames = (app: Laptop) => (app.db.prepare('SELECT name FROM accounts WHERE deleted_at IS NULL ORDER BY name').pluck().all() as string[]);
const copyFile = (from: string, to: string) => {
  fs.mkdirSync(path.join(root, to), { recursive: true });
  fs.copyFileSync(path.join(root, from, 'rounds.sqlite'), path.join(root, to, 'rounds.sqlite'));
};

describe('a database file restored from a backup', () => {
  it('made by the app and put back by hand over the live file: the changes made after it all reach the server', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'before-backup-', 3);
    await a.controller.runOnce();
    const backup = path.join(root, 'backup.sqlite');
    // What "Back up now" and `rounds backup` do.
    await a.db.backup(backup);
    advanceGeneration(a.db);
    addAccounts(a, 'after-backup-', 5);
    await a.controller.runOnce();
    quit(a);

    // The user copies the backup over the database while the app is closed.
    fs.copyFileSync(backup, path.join(root, 'data', 'rounds.sqlite'));
    const restored = laptop('data', { tokens: a.tokens });
    expect(restored.controller.status()).toMatchObject({ state: 'signed_out', identityReset: 'restored' });
    addAccounts(restored, 'after-restore-', 4);
    // Signed out: the copy's session belongs to the old identity, and syncing refuses rather than drop anything.
    await expect(restored.controller.runOnce()).rejects.toMatchObject({ code: 'signed_out' });
    await signIn(restored);
    expect(restored.controller.status().identityReset).toBeUndefined();
    await restored.controller.runOnce();

    expect(countPending(restored.db)).toBe(0);
    const expected = [...names('before-backup-', 3), ...names('after-backup-', 5), ...names('after-restore-', 4)].sort();
    expect(serverNames()).toEqual(expected);
    expect(server.liveRows('notes')).toHaveLength(12);
    expect(localNames(restored)).toEqual(expected);
  });

  it('copied by hand while the app ran: recognised because every sync since moved the live file to a new generation', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'kept-', 2);
    await a.controller.runOnce();
    const backup = path.join(root, 'backup.sqlite');
    await a.db.backup(backup);
    addAccounts(a, 'later-', 2);
    await a.controller.runOnce();
    quit(a);
    fs.copyFileSync(backup, path.join(root, 'data', 'rounds.sqlite'));
    const restored = laptop('data', { tokens: a.tokens });
    addAccounts(restored, 'restored-', 3);
    await expect(restored.controller.runOnce()).rejects.toMatchObject({ code: 'signed_out' });
    expect(restored.controller.status()).toMatchObject({ state: 'signed_out', identityReset: 'restored', pending: 6 });
    await signIn(restored);
    await restored.controller.runOnce();
    expect(serverNames()).toEqual([...names('kept-', 2), ...names('later-', 2), ...names('restored-', 3)].sort());
    expect(countPending(restored.db)).toBe(0);
  });
});

describe('a whole data folder put back (database and placement file together)', () => {
  it.each([
    { kept: 2, later: 3, madeAfter: 2, case: 'fewer new changes than the server is ahead' },
    { kept: 1, later: 1, madeAfter: 3, case: 'more new changes than the server is ahead, where its counter alone cannot tell' },
  ])('with $case: the older copy is refused before any change is dropped', async ({ kept, later, madeAfter }) => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'kept-', kept);
    await a.controller.runOnce();
    quit(a);
    // A whole-folder copy (database and placement file) taken while the app was closed…
    const databaseFile = path.join(root, 'data', 'rounds.sqlite');
    const savedDb = fs.readFileSync(databaseFile);
    const savedPlacement = fs.readFileSync(placementFileOf(databaseFile));
    const original = laptop('data', { tokens: a.tokens });
    addAccounts(original, 'later-', later);
    await original.controller.runOnce();
    quit(original);
    // …put back whole, so the file looks like the one last opened here.
    fs.writeFileSync(databaseFile, savedDb);
    fs.writeFileSync(placementFileOf(databaseFile), savedPlacement);

    const restored = laptop('data', { tokens: a.tokens });
    addAccounts(restored, 'restored-', madeAfter);
    await expect(restored.controller.runOnce()).rejects.toMatchObject({ code: 'database_copied' });
    expect(restored.controller.status()).toMatchObject({ state: 'signed_out', identityReset: 'restored', pending: 2 * madeAfter });
    await signIn(restored);
    await restored.controller.runOnce();
    expect(serverNames()).toEqual([...names('kept-', kept), ...names('later-', later), ...names('restored-', madeAfter)].sort());
    expect(countPending(restored.db)).toBe(0);
  });
});

describe('a database file copied elsewhere', () => {
  it('to another data folder: it syncs as a new device and its new changes all arrive', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'shared-', 2);
    await a.controller.runOnce();
    const oldClientId = readSyncState(a.db).clientId;
    quit(a);
    copyFile('data', 'other');
    const copy = laptop('other');
    expect(readSyncState(copy.db).clientId).not.toBe(oldClientId);
    expect(copy.controller.status().identityReset).toBe('copied');
    const original = laptop('data', { tokens: a.tokens });
    expect(readSyncState(original.db).clientId).toBe(oldClientId);
    expect(original.controller.status()).toMatchObject({ state: 'online' });

    addAccounts(original, 'original-', 3);
    await original.controller.runOnce();
    addAccounts(copy, 'copy-', 3);
    await signIn(copy);
    await copy.controller.runOnce();
    await original.controller.runOnce();
    const all = [...names('shared-', 2), ...names('original-', 3), ...names('copy-', 3)].sort();
    expect(serverNames()).toEqual(all);
    expect(localNames(original)).toEqual(all);
    expect(localNames(copy)).toEqual(all);
  });

  it('two laptops started from one copy: each gets its own identity and nothing of either is lost', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'synced-', 2);
    await a.controller.runOnce();
    // Pending when the copy is taken: both laptops inherit these; the server must get them once.
    addAccounts(a, 'inherited-', 2);
    quit(a);
    copyFile('data', 'laptop1');
    copyFile('data', 'laptop2');
    const one = laptop('laptop1', { machineId: 'laptop-1' });
    const two = laptop('laptop2', { machineId: 'laptop-2' });
    expect(readSyncState(one.db).clientId).not.toBe(readSyncState(two.db).clientId);

    addAccounts(one, 'one-', 3);
    addAccounts(two, 'two-', 4);
    await signIn(one);
    await one.controller.runOnce();
    await signIn(two);
    await two.controller.runOnce();
    await one.controller.runOnce();

    const all = [...names('synced-', 2), ...names('inherited-', 2), ...names('one-', 3), ...names('two-', 4)].sort();
    expect(serverNames()).toEqual(all);
    expect(localNames(one)).toEqual(all);
    expect(localNames(two)).toEqual(all);
    expect(countPending(one.db) + countPending(two.db)).toBe(0);
  });

  it('changes a command (an import) makes in the copy before the app ever opens it still reach the server', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'shared-', 1);
    await a.controller.runOnce();
    quit(a);
    copyFile('data', 'other');
    const original = laptop('data', { tokens: a.tokens });
    addAccounts(original, 'original-', 3);
    await original.controller.runOnce();
    // `rounds import` on the copy: the database opened without any sync controller.
    const command = openDatabase(path.join(root, 'other', 'rounds.sqlite'), { machineId: 'laptop-a' });
    for (let i = 0; i < 2; i++) insertAccount(command, account(`imported-${i}`), NOW);
    command.close();
    const copy = laptop('other');
    await signIn(copy);
    await copy.controller.runOnce();
    expect(serverNames()).toEqual([...names('shared-', 1), ...names('original-', 3), ...names('imported-', 2)].sort());
  });

  it('inherited changes the server already has from the original are not sent again', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'pending-', 2);
    quit(a);
    copyFile('data', 'other');
    // The original sends its pending changes; the copy holds the same ones.
    const original = laptop('data', { tokens: a.tokens });
    await original.controller.runOnce();
    const applied = server.appliedCount;
    const copy = laptop('other');
    expect(countPending(copy.db)).toBe(4);
    await signIn(copy);
    expect(countPending(copy.db)).toBe(0);
    await copy.controller.runOnce();
    expect(server.appliedCount).toBe(applied);
    expect(serverNames()).toEqual(names('pending-', 2));
  });
});

describe('the placement file beside the database', () => {
  it('a directory in its place is replaced, and the app starts and syncs as before', async () => {
    const a = laptop('data');
    await signIn(a);
    addAccounts(a, 'kept-', 1);
    await a.controller.runOnce();
    quit(a);
    const file = placementFileOf(path.join(root, 'data', 'rounds.sqlite'));
    fs.rmSync(file);
    fs.mkdirSync(file);
    const again = laptop('data', { tokens: a.tokens });
    expect(fs.statSync(file).isFile()).toBe(true);
    addAccounts(again, 'more-', 1);
    await signIn(again);
    await again.controller.runOnce();
    expect(serverNames()).toEqual(['kept-0', 'more-0']);
  });
});

function names(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}
