/**
 * A lead's app holds the team's accounts but may change only the lead's own: every write method of the
 * API that touches another rep's account is refused and changes nothing; reads stay open.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type ApiInput, type ApiMethod } from '../../core/api/contract.js';
import type { UserRole } from '../../core/sync/protocol.js';
import { saveOwnerNames, saveSignIn } from '../sync/state.js';
import { DAY_CHECK_MS } from './agenda.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const tempDir = useTempDir();
const LEAD_ID = '01900000-0000-7000-8000-0000000000a1';
const REP_ID = '01900000-0000-7000-8000-0000000000b2';
const SYNCED_TABLES = ['accounts', 'contacts', 'family_members', 'important_dates', 'visits', 'notes', 'complaints', 'orders', 'greetings'];

let h: Harness;

/** Every row this harness holds of `accountId` (and its family members) now belongs to `ownerId`, as a pull would leave them. */
function giveTo(accountId: string, ownerId: string): void {
  for (const table of SYNCED_TABLES) {
    const where = table === 'accounts' ? 'id = ?' : table === 'family_members' ? 'contact_id IN (SELECT id FROM contacts WHERE account_id = ?)' : 'account_id = ?';
    h.db.prepare(`UPDATE ${table} SET owner_id = ? WHERE ${where}`).run(ownerId, accountId);
  }
}

function signInAs(role: UserRole, id = role === 'rep' ? REP_ID : LEAD_ID): void {
  saveSignIn(h.db, 'http://127.0.0.1:9', { id, username: role, displayName: role === 'rep' ? '张伟' : '王经理', role, teamId: 't1', teamName: 'East' });
}

/** An account with one of everything, made before signing in (as a rep's device would have made it). */
async function accountWithHistory(name: string) {
  const account = await h.call('accounts.create', { name, tier: 'A', city: '上海', annualRevenue: 1_000_000 });
  const contact = await h.call('contacts.create', { accountId: account.id, name: `${name}联系人` });
  const member = await h.call('family.create', { contactId: contact.id, name: '小明', relation: 'child' });
  const date = await h.call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 11, day: 25 });
  const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-25T02:00:00.000Z' });
  const done = await h.call('visits.log', { accountId: account.id, doneAt: '2026-11-22T02:00:00.000Z', outcome: '谈了交期' });
  const note = await h.call('notes.create', { accountId: account.id, body: '预算已批' });
  const complaint = await h.call('complaints.create', { accountId: account.id, channel: 'phone', severity: 'high', description: '交货晚了', receivedAt: '2026-11-20T02:00:00.000Z' });
  await h.call('agenda.snooze', { key: `complaint:${complaint.id}`, untilDay: '2026-11-30' });
  await h.call('orders.record', { accountId: account.id, day: '2026-11-01', amount: 8000 });
  const greeting = await h.call('greetings.mark', { key: `date:${date.id}:2025-11-25`, accountId: account.id, dateId: date.id, occurrenceDay: '2025-11-25', channel: 'gift', gift: '蛋糕' });
  const answered = await h.call('complaints.respond', {
    id: (await h.call('complaints.create', { accountId: account.id, channel: 'email', severity: 'low', description: '少发了一箱', receivedAt: '2026-11-19T02:00:00.000Z' })).id,
    respondedAt: '2026-11-19T06:00:00.000Z',
    response: '明天补发',
  });
  return { account, contact, member, date, planned, done, note, complaint, greeting, answered };
}

type History = Awaited<ReturnType<typeof accountWithHistory>>;

/** Every method that writes an account's rows (or this device's state about them). */
const ACCOUNT_WRITES = [
  'accounts.update', 'accounts.archive', 'accounts.restore',
  'contacts.create', 'contacts.update', 'contacts.delete',
  'family.create', 'family.update', 'family.delete',
  'dates.create', 'dates.update', 'dates.delete',
  'visits.plan', 'visits.log', 'visits.cancel', 'visits.reschedule', 'visits.edit', 'visits.unlog', 'visits.unplan',
  'notes.create', 'notes.update', 'notes.delete',
  'agenda.snooze', 'agenda.unsnooze', 'greetings.mark', 'greetings.undo',
  'complaints.create', 'complaints.respond', 'complaints.resolve', 'complaints.revert',
  'orders.record', 'tiers.accept', 'tiers.ignore', 'plan.acceptWeek', 'imports.apply',
] as const satisfies readonly ApiMethod[];
type AccountWrite = (typeof ACCOUNT_WRITES)[number];
/** Refused as a whole; an import instead reports its rows of a rep's account as invalid rows (db/import). */
const REFUSED_WRITES = ACCOUNT_WRITES.filter((method) => method !== 'imports.apply');

/** One call per account-writing method, aimed at the account `x`. */
function writesTo(x: History): { [M in AccountWrite]: ApiInput<M> } {
  const accountId = x.account.id;
  return {
    'accounts.update': { id: accountId, patch: { tier: 'B' } },
    'accounts.archive': { id: accountId },
    'accounts.restore': { id: accountId },
    'contacts.create': { accountId, name: '新联系人' },
    'contacts.update': { id: x.contact.id, patch: { title: '总经理' } },
    'contacts.delete': { id: x.contact.id },
    'family.create': { contactId: x.contact.id, name: '小红', relation: 'child' },
    'family.update': { id: x.member.id, patch: { name: '小亮' } },
    'family.delete': { id: x.member.id },
    'dates.create': { accountId, kind: 'founding_day', calendar: 'gregorian', month: 3, day: 1 },
    'dates.update': { id: x.date.id, patch: { kind: 'birthday', calendar: 'gregorian', month: 12, day: 1 } },
    'dates.delete': { id: x.date.id },
    'visits.plan': { accountId, plannedAt: '2026-11-26T02:00:00.000Z' },
    'visits.log': { accountId, visitId: x.planned.id, doneAt: '2026-11-23T01:00:00.000Z', note: '谈妥了' },
    'visits.cancel': { id: x.planned.id },
    'visits.reschedule': { id: x.planned.id, plannedAt: '2026-11-27T02:00:00.000Z' },
    'visits.edit': { id: x.done.id, doneAt: '2026-11-22T03:00:00.000Z', outcome: '谈妥了交期' },
    'visits.unlog': { id: x.done.id, updatedAt: x.done.updatedAt, plannedKind: null },
    'visits.unplan': { id: x.planned.id, updatedAt: x.planned.updatedAt },
    'notes.create': { accountId, body: '新笔记' },
    'notes.update': { id: x.note.id, body: '改过的笔记' },
    'notes.delete': { id: x.note.id },
    'agenda.snooze': { key: `revisit:${accountId}:2026-11-20`, untilDay: '2026-11-30' },
    'agenda.unsnooze': { key: `complaint:${x.complaint.id}` },
    'greetings.mark': { key: `date:${x.date.id}:2026-11-25`, accountId, dateId: x.date.id, occurrenceDay: '2026-11-25', channel: 'wechat' },
    'greetings.undo': { id: x.greeting.id },
    'complaints.create': { accountId, channel: 'email', severity: 'low', description: '发票错了', receivedAt: '2026-11-22T02:00:00.000Z' },
    'complaints.respond': { id: x.complaint.id, respondedAt: '2026-11-23T01:00:00.000Z', response: '已处理' },
    'complaints.resolve': { id: x.complaint.id, resolvedAt: '2026-11-23T01:00:00.000Z', resolution: '已补发' },
    'complaints.revert': { id: x.answered.id, updatedAt: x.answered.updatedAt, to: { firstRespondedAt: null, response: null, resolvedAt: null, resolution: null } },
    'orders.record': { accountId, day: '2026-11-20', amount: 5000 },
    'tiers.accept': { accountIds: [accountId] },
    'tiers.ignore': { accountIds: [accountId] },
    'plan.acceptWeek': { visits: [{ accountId, plannedAt: '2026-11-27T02:00:00.000Z' }] },
    'imports.apply': { fileName: 'accounts.csv', contentBase64: Buffer.from(`客户名称,城市,客户等级\n${x.account.name},上海,C\n`).toString('base64') },
  };
}

/** Methods that change no account's rows: reads, this device's settings and sync, reports and exports. */
const NOT_ACCOUNT_WRITES: readonly ApiMethod[] = [
  'app.info', 'app.status', 'app.recover', 'settings.get', 'settings.update', 'demo.load', 'backup.create', 'backup.recoveryKey',
  'accounts.list', 'accounts.cities', 'accounts.get', 'accounts.create', 'accounts.timeline',
  'dates.upcoming', 'visits.upcoming', 'visits.revisions', 'notes.revisions', 'search.quick',
  'agenda.today', 'agenda.range', 'greetings.list', 'complaints.list', 'orders.list', 'tiers.suggestions', 'plan.proposeWeek',
  'notifications.due', 'notifications.fired',
  'sync.status', 'sync.signIn', 'sync.signOut', 'sync.now', 'sync.conflicts', 'sync.resolveConflict', 'sync.dismissRejected',
  // demo rows have no owner; a refused change is sent again or copied through the synced writers, which check
  'demo.status', 'demo.remove', 'sync.retryRejected', 'sync.copyRejectedNote',
  'reports.reps', 'reports.visitLog', 'reports.coverage', 'reports.coverageTrend', 'reports.visitsPerWeek',
  'exports.start', 'exports.status', 'exports.cancel', 'imports.preview', 'imports.saveMapping', 'imports.mappings',
];

let own: History;
let reps: History;

async function leadAppWithTwoAccounts(): Promise<void> {
  h = createHarness(tempDir());
  own = await accountWithHistory('自己的客户');
  reps = await accountWithHistory('张伟的客户');
  giveTo(own.account.id, LEAD_ID);
  giveTo(reps.account.id, REP_ID);
  saveOwnerNames(h.db, [{ id: REP_ID, displayName: '张伟' }]);
}

beforeEach(leadAppWithTwoAccounts);

describe('a lead signed in', () => {
  beforeEach(() => signInAs('lead'));

  it('covers every method that writes an account’s rows (a new method must be placed here)', () => {
    const covered = new Set<string>([...ACCOUNT_WRITES, ...NOT_ACCOUNT_WRITES]);
    expect(API_METHODS.filter((method) => !covered.has(method))).toEqual([]);
  });

  it.each(REFUSED_WRITES)('refuses %s on a rep’s account and changes nothing', async (method) => {
    const before = h.snapshot();
    const error = await h.fail(method, writesTo(reps)[method]);
    expect(error).toMatchObject({ code: 'forbidden', message: 'errors.readOnlyAccount', params: { owner: '张伟' } });
    expect(h.snapshot()).toBe(before);
  });

  it.each(ACCOUNT_WRITES)('allows %s on the lead’s own account', async (method) => {
    await h.call(method, writesTo(own)[method] as never);
  });

  it('imports nothing of a file that would change a rep’s account, reporting the row with its owner', async () => {
    const before = h.snapshot();
    const outcome = await h.call('imports.apply', writesTo(reps)['imports.apply']);
    expect(outcome).toMatchObject({ imported: false, invalid: [{ line: 2, issue: { key: 'import.row.readOnlyAccount', params: { owner: '张伟' } } }] });
    expect(h.snapshot()).toBe(before);
  });

  it('refuses a batch that includes a rep’s account as a whole', async () => {
    const before = h.snapshot();
    const error = await h.fail('plan.acceptWeek', {
      visits: [
        { accountId: own.account.id, plannedAt: '2026-11-27T02:00:00.000Z' },
        { accountId: reps.account.id, plannedAt: '2026-11-27T03:00:00.000Z' },
      ],
    });
    expect(error.code).toBe('forbidden');
    expect(h.snapshot()).toBe(before);
  });

  it('names no one when the owner’s name is unknown', async () => {
    h.db.prepare('DELETE FROM sync_owners WHERE id = ?').run(REP_ID);
    expect(await h.fail('notes.create', { accountId: reps.account.id, body: 'x' })).toMatchObject({ code: 'forbidden', message: 'errors.readOnlyAccountOtherRep' });
  });

  it('still reads a rep’s account, marked read-only with its owner', async () => {
    expect(await h.call('accounts.get', { id: reps.account.id })).toMatchObject({ ownerName: '张伟', readOnly: true, contacts: [expect.objectContaining({ id: reps.contact.id })] });
    expect(await h.call('accounts.get', { id: own.account.id })).toMatchObject({ ownerName: '王经理', readOnly: false });
    expect((await h.call('accounts.timeline', { id: reps.account.id })).length).toBeGreaterThan(0);
    const { rows } = await h.call('accounts.list', {});
    expect(rows.map(({ name, ownerName, readOnly }) => ({ name, ownerName, readOnly }))).toEqual(
      expect.arrayContaining([
        { name: '张伟的客户', ownerName: '张伟', readOnly: true },
        { name: '自己的客户', ownerName: '王经理', readOnly: false },
      ]),
    );
  });

  it('keeps a rep’s reminders off Today and never refreshes their account’s lifecycle', async () => {
    // Both accounts lapse: no activity for a year.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      // A service started under fake timers, so that its day check can be stepped.
      await leadAppWithTwoAccounts();
      signInAs('lead');
      h.setNow('2028-01-10T02:00:00.000Z');
      // The day changed: the next check brings the statuses up to date.
      vi.advanceTimersByTime(DAY_CHECK_MS);
    } finally {
      vi.useRealTimers();
    }
    const outboxBefore = h.db.prepare('SELECT count(*) FROM outbox WHERE row_id = ?').pluck().get(reps.account.id);
    const { items } = await h.call('agenda.today', {});
    expect(items.some((item) => item.accountId === own.account.id)).toBe(true);
    expect(items.filter((item) => item.accountId === reps.account.id)).toEqual([]);
    expect(h.db.prepare('SELECT count(*) FROM outbox WHERE row_id = ?').pluck().get(reps.account.id)).toBe(outboxBefore);
    expect((await h.call('accounts.get', { id: own.account.id })).account.status).toBe('lapsed');
    expect((await h.call('accounts.get', { id: reps.account.id })).account.status).toBe('active');
  });

  it('suggests tiers over the lead’s own book only', async () => {
    expect((await h.call('tiers.suggestions', undefined)).map((s) => s.accountId)).not.toContain(reps.account.id);
  });
});

describe('not restricted', () => {
  it('a rep may change any account on their device, including one shared with them', async () => {
    signInAs('rep', '01900000-0000-7000-8000-0000000000c3');
    await h.call('notes.create', { accountId: reps.account.id, body: '共享客户的笔记' });
    expect((await h.call('accounts.get', { id: reps.account.id })).readOnly).toBe(false);
    expect((await h.call('accounts.list', {})).rows.every((row) => row.readOnly === false)).toBe(true);
  });

  it('a device never signed in writes every account', async () => {
    await h.call('accounts.update', { id: reps.account.id, patch: { tier: 'B' } });
    expect((await h.call('accounts.get', { id: reps.account.id })).readOnly).toBe(false);
  });

  it('a lead writes an account still without an owner (made on this device, not yet synced)', async () => {
    signInAs('lead');
    const local = await h.call('accounts.create', { name: '新客户', tier: 'C' });
    await h.call('contacts.create', { accountId: local.id, name: '赵六' });
    expect((await h.call('accounts.get', { id: local.id })).readOnly).toBe(false);
  });
});
