/**
 * Property: N laptops of one rep, random creates/edits/deletes of accounts and notes, random offline
 * periods and lost answers; then everyone syncs until quiet. All replicas (and the server) hold the same
 * live rows, no text of a note is lost to a concurrent edit, and nothing deleted comes back. Names,
 * cities and note texts are generated Unicode (NUL, lone surrogates, noncharacters, emoji, CJK…) typed
 * as the app's forms pass them on: through the schemas, which refuse exactly the text that cannot be
 * stored; whatever they let through must arrive everywhere unchanged.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, insertAccount, updateAccount } from '../../../db/repo/accounts.js';
import { deleteNote, getNote, insertNote, updateNoteBody } from '../../../db/repo/notes.js';
import { tombstoneSynced } from '../../../db/synced/localWrites.js';
import { syncOnce } from '../../../db/sync/run.js';
import { AccountFields, NoteCreate } from '../../../core/model/schemas.js';
import { isStorableText } from '../../../core/text/storable.js';
import { countPending } from '../../../db/synced/outbox.js';
import { listRejected } from '../../../db/sync/state.js';
import { closeDevices, createDevice, type Device } from './device.js';
import { fakeBackend, realBackend, type Backend, type BackendFactory } from './backends.js';

const NOW = '2026-11-23T02:00:00.000Z';

const operation = fc.record({
  kind: fc.constantFrom('createAccount', 'editAccount', 'deleteAccount', 'createNote', 'createNote', 'editNote', 'editNote', 'deleteNote', 'sync', 'sync', 'toggleOffline', 'loseAnswer'),
  client: fc.nat(),
  pick: fc.nat(),
  /** what the rep types, any UTF-16 text, with the characters the storable-text rule is about mixed in often */
  typed: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 16 }),
    fc.string({ unit: fc.constantFrom('a', '中', ' ', '\u0000', '\u001f', '\t', '\r\n', '\ud800', '\udc00', '\ufffe', '\ufdd0', '\ud83d\ude00', '\u{10FFFF}', '\u0301', '\ufeff'), maxLength: 8 }),
  ),
});
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

interface World {
  server: Backend;
  devices: Device[];
  offline: boolean[];
  counter: number;
  /** every text written to a note */
  written: Set<string>;
  /** texts replaced by an edit made on a laptop that showed them, or removed with their note */
  removed: Set<string>;
  deletedIds: Set<string>;
}

const liveIds = (device: Device, table: 'accounts' | 'notes'): string[] =>
  device.db.prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).pluck().all() as string[];
const pickFrom = <T>(items: T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];

async function trySync(world: World, index: number): Promise<void> {
  if (world.offline[index]) return;
  // A failed sync (a lost answer) is part of the scenario; the next one must recover.
  await syncOnce(world.devices[index]!.db, world.devices[index]!.connection()).catch(() => undefined);
}

async function perform(world: World, op: Operation): Promise<void> {
  const index = op.client % world.devices.length;
  const { db } = world.devices[index]!;
  /** The typed text as the schema passes it to the writer, or null: refused (then nothing is written). */
  const typed = (field: { safeParse(value: unknown): { success: boolean; data?: string | null } }, label: string): string | null => {
    const text = `${label} ${(world.counter += 1)} ${op.typed}`;
    const parsed = field.safeParse(text);
    expect(parsed.success, JSON.stringify(text)).toBe(isStorableText(text));
    return parsed.success ? parsed.data! : null;
  };
  const accountId = pickFrom(liveIds(world.devices[index]!, 'accounts'), op.pick);
  const noteId = pickFrom(liveIds(world.devices[index]!, 'notes'), op.pick);
  switch (op.kind) {
    case 'createAccount': {
      const name = typed(AccountFields.shape.name, '客户');
      if (name === null) return;
      insertAccount(db, { name, tier: 'B', tierSource: 'manual', status: 'active', industry: null, city: null, address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
      return;
    }
    case 'editAccount': {
      const city = typed(AccountFields.shape.city, '城市');
      if (accountId && city !== null) updateAccount(db, accountId, { city }, NOW);
      return;
    }
    case 'deleteAccount':
      if (accountId) {
        tombstoneSynced(db, ACCOUNTS, accountId, NOW);
        world.deletedIds.add(accountId);
      }
      return;
    case 'createNote': {
      const body = typed(NoteCreate.shape.body, 'text');
      if (accountId && body !== null) world.written.add(insertNote(db, { accountId, visitId: null, contactId: null, body }, NOW).body);
      return;
    }
    case 'editNote': {
      const body = typed(NoteCreate.shape.body, 'text');
      if (noteId && body !== null) {
        world.removed.add(getNote(db, noteId)!.body);
        world.written.add(updateNoteBody(db, noteId, body, NOW).body);
      }
      return;
    }
    case 'deleteNote':
      if (noteId) {
        world.removed.add(getNote(db, noteId)!.body);
        deleteNote(db, noteId, NOW);
        world.deletedIds.add(noteId);
      }
      return;
    case 'sync':
      return trySync(world, index);
    case 'toggleOffline':
      world.offline[index] = !world.offline[index];
      return;
    case 'loseAnswer':
      world.server.losePushAnswers(1);
      await trySync(world, index);
      world.server.losePushAnswers(0);
      return;
  }
}

const snapshot = (device: Device) => ({
  accounts: device.db.prepare('SELECT id, name, city, tier, owner_id FROM accounts WHERE deleted_at IS NULL ORDER BY id').all(),
  notes: device.db.prepare('SELECT id, account_id, body, conflict_of, owner_id FROM notes WHERE deleted_at IS NULL ORDER BY id').all(),
});

afterEach(closeDevices);

function convergenceProperty(backend: () => BackendFactory) {
  return fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(operation, { minLength: 5, maxLength: 40 }), async (clients, operations) => {
    const server = await backend()();
    const devices: Device[] = [];
    for (let i = 0; i < clients; i += 1) devices.push(await createDevice(server, server.username, server.password));
    const world: World = { server, devices, offline: devices.map(() => false), counter: 0, written: new Set(), removed: new Set(), deletedIds: new Set() };
    for (const op of operations) await perform(world, op);

    world.offline.fill(false);
    for (let round = 0; round < 5; round += 1) {
      for (const device of devices) await syncOnce(device.db, device.connection());
    }
    const [first, ...others] = devices.map(snapshot);
    for (const other of others) expect(other).toEqual(first);
    for (const device of devices) expect(countPending(device.db)).toBe(0);
    expect(first!.notes.map((note) => (note as { id: string }).id)).toEqual(await server.liveNoteIds());

    const liveBodies = new Set(first!.notes.map((note) => (note as { body: string }).body));
    const rejectedBodies = new Set(devices.flatMap((device) => listRejected(device.db).map((change) => change.fields.body)));
    for (const text of world.written) {
      if (!world.removed.has(text)) expect(liveBodies.has(text) || rejectedBodies.has(text), `text lost: ${text}`).toBe(true);
    }
    const liveEverywhere = new Set([...first!.accounts, ...first!.notes].map((row) => (row as { id: string }).id));
    for (const id of world.deletedIds) expect(liveEverywhere.has(id), `resurrected: ${id}`).toBe(false);
    closeDevices();
  });
}

describe('sync convergence (property)', () => {
  it('converges with nothing lost and nothing resurrected (fake server)', async () => {
    await fc.assert(convergenceProperty(() => fakeBackend), { numRuns: 30 });
  }, 120_000);

  describe('on the real server', () => {
    let real: { factory: BackendFactory; close(): Promise<void> };
    beforeAll(async () => {
      real = await realBackend();
    }, 60_000);
    afterAll(() => real.close());

    it('converges with nothing lost and nothing resurrected (real server, PGlite)', async () => {
      await fc.assert(convergenceProperty(() => real.factory), { numRuns: 8 });
    }, 300_000);
  });
});
