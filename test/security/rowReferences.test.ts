/**
 * Sync server (issue 11): a row may name only rows of its own account. A note pointing at a contact of
 * another account of the same rep, of another rep's account, of another team, or at nothing, is refused
 * (`invalid`, `sync.rejected.foreignReference` on the field) for every reference field of every synced
 * table, on create and on an update that moves the reference; the same push may name a row it created
 * earlier. A reference made stays valid whatever becomes of the row it names (deleted later, or
 * deleted already: a row of the same account, as a delete on another device races an offline edit).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncedTable } from '../../core/sync/protocol.js';
import { SYNCED_ENTITIES } from '../../server/sync/entities.js';
import { BACKENDS } from '../sync/server/backends.js';
import { accountFields, newId, noteFields, type TestDevice, useSyncServer } from '../sync/server/fixture.js';

const NOW = '2026-11-23T02:00:00.000Z';
const FOREIGN_REFERENCE = 'sync.rejected.foreignReference';

/** One row of each kind another row may name, in one account. */
interface AccountRows {
  account: string;
  contact: string;
  familyMember: string;
  date: string;
  visit: string;
  note: string;
}

type NamedRow = Exclude<keyof AccountRows, 'account'>;
const TABLE_OF: Record<NamedRow, SyncedTable> = {
  contact: 'contacts',
  familyMember: 'family_members',
  date: 'important_dates',
  visit: 'visits',
  note: 'notes',
};

const doneVisit = (accountId: string, metContactIds: string[] = []) => ({
  accountId,
  kind: 'routine',
  status: 'done',
  plannedAt: null,
  doneAt: NOW,
  cancelledAt: null,
  purpose: null,
  metContactIds,
  outcome: null,
  nextStep: null,
  nextVisitDate: null,
});
const birthday = (accountId: string, extra: Record<string, unknown>) => ({ accountId, kind: 'birthday', calendar: 'gregorian', month: 5, day: 1, ...extra });
const greeting = (accountId: string, extra: Record<string, unknown>) => ({ key: `date:${newId()}:2026-11-23`, accountId, occurrenceDay: '2026-11-23', channel: 'wechat', greetedAt: NOW, ...extra });
const complaint = (accountId: string, extra: Record<string, unknown>) => ({ accountId, channel: 'phone', severity: 'low', description: '投诉', receivedAt: NOW, ...extra });

/** Creates an account with one row of each kind, through an ordinary push. */
async function seedAccount(device: TestDevice, name: string): Promise<AccountRows> {
  const rows: AccountRows = { account: newId(), contact: newId(), familyMember: newId(), date: newId(), visit: newId(), note: newId() };
  const { results } = await device.push([
    device.mutation('accounts', rows.account, accountFields(name)),
    device.mutation('contacts', rows.contact, { accountId: rows.account, name: '王经理' }),
    device.mutation('family_members', rows.familyMember, { contactId: rows.contact, name: '王小明', relation: 'child' }),
    device.mutation('important_dates', rows.date, birthday(rows.account, { contactId: rows.contact })),
    device.mutation('visits', rows.visit, doneVisit(rows.account, [rows.contact])),
    device.mutation('notes', rows.note, noteFields(rows.account, '第一次拜访')),
  ]);
  expect(results.map((r) => r.status)).toEqual(Array(6).fill('applied'));
  return rows;
}

/** Every reference field: the row it belongs to, naming `ref` from account `accountId` (and the path of the issue). */
const REFERENCE_CASES: Array<{
  table: SyncedTable;
  field: string;
  /** the kind of row the field names */
  names: NamedRow;
  path: Array<string | number>;
  fields: (accountId: string, ref: string, own: AccountRows) => Record<string, unknown>;
}> = [
  { table: 'notes', field: 'contactId', names: 'contact', path: ['contactId'], fields: (a, ref) => ({ ...noteFields(a, '见了谁'), contactId: ref }) },
  { table: 'notes', field: 'visitId', names: 'visit', path: ['visitId'], fields: (a, ref) => ({ ...noteFields(a, '哪次拜访'), visitId: ref }) },
  { table: 'notes', field: 'conflictOf', names: 'note', path: ['conflictOf'], fields: (a, ref) => ({ ...noteFields(a, '副本'), conflictOf: ref }) },
  { table: 'visits', field: 'metContactIds', names: 'contact', path: ['metContactIds', 1], fields: (a, ref, own) => doneVisit(a, [own.contact, ref]) },
  { table: 'important_dates', field: 'contactId', names: 'contact', path: ['contactId'], fields: (a, ref) => birthday(a, { contactId: ref }) },
  { table: 'important_dates', field: 'familyMemberId', names: 'familyMember', path: ['familyMemberId'], fields: (a, ref) => birthday(a, { familyMemberId: ref }) },
  { table: 'complaints', field: 'contactId', names: 'contact', path: ['contactId'], fields: (a, ref) => complaint(a, { contactId: ref }) },
  { table: 'greetings', field: 'contactId', names: 'contact', path: ['contactId'], fields: (a, ref) => greeting(a, { contactId: ref }) },
  { table: 'greetings', field: 'familyMemberId', names: 'familyMember', path: ['familyMemberId'], fields: (a, ref) => greeting(a, { familyMemberId: ref }) },
  { table: 'greetings', field: 'dateId', names: 'date', path: ['dateId'], fields: (a, ref) => greeting(a, { dateId: ref }) },
];

describe.each(BACKENDS)('references between rows on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north'], ['lena', 'lead', 'north'], ['zed', 'rep', 'south']]);
  let alice: TestDevice;
  let lena: TestDevice;
  /** alice's account and another of hers, bob's (same team), zed's (another team) */
  let own: AccountRows;
  let sameOwner: AccountRows;
  let otherRep: AccountRows;
  let otherTeam: AccountRows;

  beforeAll(async () => {
    const [bob, zed] = await Promise.all([testServer.fixture.signIn('bob'), testServer.fixture.signIn('zed')]);
    [alice, lena] = await Promise.all([testServer.fixture.signIn('alice'), testServer.fixture.signIn('lena')]);
    own = await seedAccount(alice, 'Alice Co');
    sameOwner = await seedAccount(alice, 'Alice Other Co');
    otherRep = await seedAccount(bob, 'Bob Co');
    otherTeam = await seedAccount(zed, 'South Co');
  }, 60_000);

  const rowExists = async (id: string) => (await testServer.db.store.query('SELECT 1 FROM sync_rows WHERE id = $1', [id])).length === 1;
  const recordedIssues = async (device: TestDevice, rowId: string) => {
    const [row] = await testServer.db.store.query<{ reason: string; message: string; mutation: { issues: unknown } }>(
      'SELECT reason, message, mutation FROM rejected_mutations WHERE client_id = $1 AND row_id = $2',
      [device.clientId, rowId],
    );
    return row && { reason: row.reason, message: row.message, issues: row.mutation.issues };
  };

  it('has a case for every reference field the server knows', () => {
    const known = Object.entries(SYNCED_ENTITIES).flatMap(([table, entity]) => Object.entries(entity.references).map(([field, names]) => `${table}.${field} → ${names}`));
    expect(REFERENCE_CASES.map((c) => `${c.table}.${c.field} → ${TABLE_OF[c.names]}`).sort()).toEqual(known.sort());
  });

  const TARGETS = ['own', 'sameOwner', 'otherRep', 'otherTeam', 'missing'] as const;
  const CASES = REFERENCE_CASES.flatMap((c) => TARGETS.map((where) => ({ ...c, where, name: `${c.table}.${c.field} → ${where}` })));

  it.each(CASES)('a new row naming a row by $name', async ({ table, names, path, fields, where }) => {
    const rows = { own, sameOwner, otherRep, otherTeam }[where as Exclude<typeof where, 'missing'>];
    const ref = rows ? rows[names] : newId();
    const rowId = newId();
    const { results } = await alice.push([alice.mutation(table, rowId, fields(own.account, ref, own))]);
    if (where === 'own') {
      // the control: the same row naming one of its own account's rows is applied
      expect(results[0]).toMatchObject({ status: 'applied' });
      return;
    }
    // another account of the same rep, another rep's, another team's and none are answered alike
    expect(results[0]).toEqual({ mutationId: expect.any(Number), status: 'rejected', reason: 'invalid', message: FOREIGN_REFERENCE });
    expect(await rowExists(rowId)).toBe(false);
    expect(await recordedIssues(alice, rowId)).toEqual({ reason: 'invalid', message: FOREIGN_REFERENCE, issues: [{ path, message: FOREIGN_REFERENCE }] });
  });

  it('a lead, who reads the whole team, still may not point a row of theirs at a rep’s contact', async () => {
    const leadAccount = newId();
    const note = newId();
    const { results } = await lena.push([
      lena.mutation('accounts', leadAccount, accountFields('Lena Co')),
      lena.mutation('notes', note, { ...noteFields(leadAccount, '替同事记的'), contactId: own.contact }),
    ]);
    expect(results.map((r) => [r.status, r.message])).toEqual([['applied', undefined], ['rejected', FOREIGN_REFERENCE]]);
    expect(await rowExists(note)).toBe(false);
  });

  it('an update that moves a reference out of the account is refused and changes nothing; within it, applied', async () => {
    const note = newId();
    const visit = newId();
    const ownSecond = newId();
    await alice.push([
      alice.mutation('contacts', ownSecond, { accountId: own.account, name: '李娜' }),
      alice.mutation('notes', note, { ...noteFields(own.account, '原来的'), contactId: own.contact, visitId: own.visit }),
      alice.mutation('visits', visit, doneVisit(own.account, [own.contact])),
    ]);
    const before = await testServer.db.store.query('SELECT id, version, data FROM sync_rows WHERE id IN ($1, $2) ORDER BY id', [note, visit]);
    const { results } = await alice.push([
      alice.mutation('notes', note, { contactId: sameOwner.contact }),
      alice.mutation('notes', note, { contactId: otherRep.contact }),
      alice.mutation('notes', note, { contactId: otherTeam.contact, body: '改了' }),
      alice.mutation('notes', note, { visitId: newId() }),
      alice.mutation('visits', visit, { metContactIds: [own.contact, otherTeam.contact] }),
    ]);
    expect(results.map((r) => [r.status, r.reason, r.message])).toEqual(Array(5).fill(['rejected', 'invalid', FOREIGN_REFERENCE]));
    expect(await testServer.db.store.query('SELECT id, version, data FROM sync_rows WHERE id IN ($1, $2) ORDER BY id', [note, visit])).toEqual(before);
    expect((await recordedIssues(alice, visit))?.issues).toEqual([{ path: ['metContactIds', 1], message: FOREIGN_REFERENCE }]);

    const moved = await alice.push([alice.mutation('notes', note, { contactId: ownSecond }), alice.mutation('visits', visit, { metContactIds: [own.contact, ownSecond] })]);
    expect(moved.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('names rows created earlier in the same push, never later ones, nor new rows of another account', async () => {
    const [contact, member, date, visit, note, complaintId, greetingId] = [newId(), newId(), newId(), newId(), newId(), newId(), newId()];
    const { results } = await alice.push([
      alice.mutation('contacts', contact, { accountId: own.account, name: '新联系人' }),
      alice.mutation('family_members', member, { contactId: contact, name: '新家人', relation: 'spouse' }),
      alice.mutation('important_dates', date, birthday(own.account, { contactId: contact, familyMemberId: member })),
      alice.mutation('visits', visit, doneVisit(own.account, [contact])),
      alice.mutation('notes', note, { ...noteFields(own.account, '同一批'), contactId: contact, visitId: visit }),
      alice.mutation('complaints', complaintId, complaint(own.account, { contactId: contact })),
      alice.mutation('greetings', greetingId, greeting(own.account, { contactId: contact, familyMemberId: member, dateId: date })),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(7).fill('applied'));

    const [early, later, newAccount, newContact, across] = [newId(), newId(), newId(), newId(), newId()];
    const order = await alice.push([
      alice.mutation('notes', early, { ...noteFields(own.account, '太早'), contactId: later }),
      alice.mutation('contacts', later, { accountId: own.account, name: '后来的' }),
      alice.mutation('accounts', newAccount, accountFields('New Co')),
      alice.mutation('contacts', newContact, { accountId: newAccount, name: '新客户的人' }),
      alice.mutation('notes', across, { ...noteFields(own.account, '跨客户'), contactId: newContact }),
    ]);
    expect(order.results.map((r) => [r.status, r.message])).toEqual([
      ['rejected', FOREIGN_REFERENCE],
      ['applied', undefined],
      ['applied', undefined],
      ['applied', undefined],
      ['rejected', FOREIGN_REFERENCE],
    ]);
    expect([await rowExists(early), await rowExists(across)]).toEqual([false, false]);
  });

  it('a reference stays valid when the row it names is deleted, later or already (same account)', async () => {
    const [contact, note, late] = [newId(), newId(), newId()];
    await alice.push([
      alice.mutation('contacts', contact, { accountId: own.account, name: '要删的' }),
      alice.mutation('notes', note, { ...noteFields(own.account, '提到他'), contactId: contact }),
    ]);
    const { results } = await alice.push([
      alice.mutation('contacts', contact, {}, { op: 'delete' }),
      // the note's other fields still change: the reference it already had is not checked again
      alice.mutation('notes', note, { body: '提到他（已删）', contactId: contact }),
      // a row of the same account deleted already: an edit made offline while another device deleted it
      alice.mutation('notes', late, { ...noteFields(own.account, '离线写的'), contactId: contact }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const notes = await testServer.db.store.query<{ id: string; data: { contactId: string } }>('SELECT id, data FROM sync_rows WHERE id IN ($1, $2)', [note, late]);
    expect(notes.map((row) => row.data.contactId)).toEqual([contact, contact]);
  });
});
