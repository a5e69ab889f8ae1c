/** Recording the truth about visits: no done time in the future, planned visits moved, done visits corrected with their history. */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPulledRow } from '../synced/remoteRows.js';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const tempDir = useTempDir();
let h: Harness;

beforeEach(() => {
  // Wednesday 2026-11-25, 10:00 in Shanghai
  h = createHarness(tempDir(), '2026-11-25T02:00:00.000Z');
});

async function accountWithContacts() {
  const account = await h.call('accounts.create', { name: '华东医药', tier: 'A' });
  const zhang = await h.call('contacts.create', { accountId: account.id, name: '张伟' });
  const li = await h.call('contacts.create', { accountId: account.id, name: '李娜' });
  return { account, zhang, li };
}

describe('completing a visit', () => {
  it('refuses a done time in the future, naming the field, and writes nothing', async () => {
    const { account } = await accountWithContacts();
    // planned for Friday
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-27T06:00:00.000Z' });
    const before = h.snapshot();
    expect(await h.fail('visits.log', { visitId: planned.id, accountId: account.id, doneAt: planned.plannedAt! })).toMatchObject({
      code: 'validation',
      issues: [{ path: ['doneAt'], message: 'validation.inFuture' }],
      params: { field: 'doneAt' },
    });
    expect(await h.fail('visits.log', { accountId: account.id, doneAt: '2026-11-25T02:05:00.000Z' })).toMatchObject({ code: 'validation' });
    expect(h.snapshot()).toBe(before);
    // done today, on the day the rep chose
    expect(await h.call('visits.log', { visitId: planned.id, accountId: account.id, doneAt: '2026-11-25T01:30:00.000Z' })).toMatchObject({
      status: 'done',
      doneAt: '2026-11-25T01:30:00.000Z',
      plannedAt: '2026-11-27T06:00:00.000Z',
    });
  });
});

describe('rescheduling a planned visit', () => {
  it('moves its planned time and queues the change; a done visit cannot be moved', async () => {
    const { account } = await accountWithContacts();
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-27T06:00:00.000Z' });
    const moved = await h.call('visits.reschedule', { id: planned.id, plannedAt: '2026-12-01T10:00:00+08:00' });
    expect(moved).toMatchObject({ id: planned.id, status: 'planned', plannedAt: '2026-12-01T02:00:00.000Z' });
    expect(outboxFor(h.db, planned.id).at(-1)).toEqual({ op: 'upsert', fields: { plannedAt: '2026-12-01T02:00:00.000Z' } });
    expect((await h.call('visits.upcoming', { from: '2026-11-25T00:00:00Z', days: 5 })).map((v) => v.id)).toEqual([]);
    expect((await h.call('visits.upcoming', { from: '2026-12-01T00:00:00Z', days: 1 })).map((v) => v.id)).toEqual([planned.id]);

    await h.call('visits.log', { visitId: planned.id, accountId: account.id, doneAt: '2026-11-25T01:00:00.000Z' });
    expect((await h.fail('visits.reschedule', { id: planned.id, plannedAt: '2026-12-02T02:00:00.000Z' })).code).toBe('conflict');
  });
});

describe('correcting a done visit', () => {
  it('changes its record, queues only the changed fields and keeps every record in its history', async () => {
    const { account, zhang, li } = await accountWithContacts();
    const logged = await h.call('visits.log', {
      accountId: account.id,
      doneAt: '2026-11-24T06:00:00.000Z',
      metContactIds: [zhang.id],
      outcome: '谈了价格',
    });
    expect(await h.call('visits.revisions', { id: logged.id })).toEqual([]);

    h.setNow('2026-11-25T03:00:00.000Z');
    const edited = await h.call('visits.edit', {
      id: logged.id,
      kind: 'routine',
      doneAt: '2026-11-24T07:00:00.000Z',
      metContactIds: [zhang.id, li.id],
      outcome: '谈了价格，李娜也在',
      nextStep: null,
      nextVisitDate: '2026-12-08',
    });
    expect(edited).toMatchObject({ status: 'done', doneAt: '2026-11-24T07:00:00.000Z', metContactIds: [zhang.id, li.id], nextVisitDate: '2026-12-08' });
    expect(outboxFor(h.db, logged.id).at(-1)).toEqual({
      op: 'upsert',
      fields: { doneAt: '2026-11-24T07:00:00.000Z', metContactIds: [zhang.id, li.id], outcome: '谈了价格，李娜也在', nextVisitDate: '2026-12-08' },
    });
    const revisions = await h.call('visits.revisions', { id: logged.id });
    expect(revisions.map((r) => [r.revision, r.createdAt, r.record.outcome, r.record.doneAt])).toEqual([
      [2, '2026-11-25T03:00:00.000Z', '谈了价格，李娜也在', '2026-11-24T07:00:00.000Z'],
      [1, logged.updatedAt, '谈了价格', '2026-11-24T06:00:00.000Z'],
    ]);

    // the same record again is no new revision and no change to send
    const queued = outboxFor(h.db, logged.id).length;
    await h.call('visits.edit', { id: logged.id, doneAt: edited.doneAt!, metContactIds: edited.metContactIds, outcome: edited.outcome, nextVisitDate: '2026-12-08' });
    expect(outboxFor(h.db, logged.id)).toHaveLength(queued);
    expect(await h.call('visits.revisions', { id: logged.id })).toHaveLength(2);

    // a correction made on another laptop joins the history when it is pulled (ours was pushed and settled)
    h.db.prepare('DELETE FROM outbox').run();
    applyPulledRow(h.db, {
      table: 'visits',
      id: logged.id,
      version: 7,
      ownerId: '01900000-0000-7000-8000-0000000000b2',
      data: { ...edited, outcome: '另一台电脑上改的', updatedAt: '2026-11-25T04:00:00.000Z' },
    });
    expect((await h.call('visits.revisions', { id: logged.id }))[0]).toMatchObject({ revision: 3, record: { outcome: '另一台电脑上改的' } });
  });

  it('refuses a planned visit, a future done time or another account’s people, changing nothing', async () => {
    const { account } = await accountWithContacts();
    const other = await accountWithContacts();
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-27T06:00:00.000Z' });
    const done = await h.call('visits.log', { accountId: account.id, doneAt: '2026-11-24T06:00:00.000Z' });
    const before = h.snapshot();
    expect((await h.fail('visits.edit', { id: planned.id, doneAt: '2026-11-24T06:00:00.000Z' })).code).toBe('conflict');
    expect((await h.fail('visits.edit', { id: done.id, doneAt: '2026-11-26T06:00:00.000Z' })).issues).toEqual([{ path: ['doneAt'], message: 'validation.inFuture' }]);
    expect((await h.fail('visits.edit', { id: done.id, doneAt: done.doneAt, metContactIds: [other.zhang.id] })).issues?.[0]?.path).toEqual(['metContactIds', 0]);
    expect(h.snapshot()).toBe(before);
  });
});
