// The user's zone decides what "today" is and which day an instant falls on; fixed here before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintItem, ImportantDateItem } from '../../core/agenda/types.js';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const tempDir = useTempDir();
let h: Harness;

// Monday 2026-11-23, 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

beforeEach(() => {
  h = createHarness(tempDir(), NOW);
});

const account = (name: string, tier: 'A' | 'B' | 'C' = 'B') => h.call('accounts.create', { name, tier, city: '上海' });
const agenda = async (day?: string) => (await h.call('agenda.today', day ? { day } : undefined)).items;

describe('undo of a one-click action is itself a synced change', () => {
  it('undoing a greeting tombstones it: the reminder is back, the outbox holds the insert then the delete', async () => {
    const a = await account('华东钢铁');
    const contact = await h.call('contacts.create', { accountId: a.id, name: '王总' });
    await h.call('dates.create', { accountId: a.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 11, day: 24, isLeapMonth: false, year: null });
    const item = (await agenda()).find((i): i is ImportantDateItem => i.kind === 'important_date')!;
    const greeting = await h.call('greetings.mark', { key: item.key, accountId: a.id, contactId: contact.id, dateId: item.dateId, occurrenceDay: item.occurrenceDay, channel: 'gift', gift: '蛋糕' });
    expect((await agenda()).some((i) => i.key === item.key)).toBe(false);

    expect(await h.call('greetings.undo', { id: greeting.id })).toEqual({ id: greeting.id });
    expect((await agenda()).some((i) => i.key === item.key)).toBe(true);
    expect(await h.call('greetings.list', { accountId: a.id })).toEqual([]);
    expect(outboxFor(h.db, greeting.id).map((entry) => entry.op)).toEqual(['upsert', 'delete']);
    // A second undo finds nothing to undo, and writes nothing.
    expect((await h.fail('greetings.undo', { id: greeting.id })).code).toBe('not_found');
    expect(outboxFor(h.db, greeting.id)).toHaveLength(2);
  });

  it('undoing the planning of a visit removes it (no cancelled visit left behind), only while it is as planned', async () => {
    const a = await account('华东钢铁');
    const planned = await h.call('visits.plan', { accountId: a.id, plannedAt: '2026-11-24T09:00:00+08:00', kind: 'routine', purpose: '续约' });
    expect((await agenda('2026-11-24')).some((i) => i.kind === 'planned_visit' && i.accountId === a.id)).toBe(true);
    expect(await h.call('visits.unplan', { id: planned.id, updatedAt: planned.updatedAt })).toEqual({ id: planned.id });
    expect(outboxFor(h.db, planned.id).map((entry) => entry.op)).toEqual(['upsert', 'delete']);
    expect((await h.call('accounts.timeline', { id: a.id })).some((entry) => entry.type === 'visit')).toBe(false);
    expect((await agenda('2026-11-24')).some((i) => i.kind === 'planned_visit' && i.accountId === a.id)).toBe(false);

    // Rescheduled since, or already done: not the rep's planning any more, refused and nothing written.
    const again = await h.call('visits.plan', { accountId: a.id, plannedAt: '2026-11-24T09:00:00+08:00', kind: 'routine' });
    h.setNow('2026-11-23T02:05:00.000Z');
    const moved = await h.call('visits.reschedule', { id: again.id, plannedAt: '2026-11-25T09:00:00+08:00' });
    const before = outboxFor(h.db, again.id).length;
    expect((await h.fail('visits.unplan', { id: again.id, updatedAt: again.updatedAt })).code).toBe('conflict');
    expect(outboxFor(h.db, again.id)).toHaveLength(before);
    // And not a quarter of an hour later.
    h.setNow('2026-11-23T02:30:00.000Z');
    expect((await h.fail('visits.unplan', { id: moved.id, updatedAt: moved.updatedAt })).message).toBe('errors.undoTooLate');
  });

  it('undoing a logged visit deletes it and its note; undoing a completed planned visit plans it again', async () => {
    const a = await account('华东钢铁');
    const logged = await h.call('visits.log', { accountId: a.id, doneAt: '2026-11-23T09:30:00+08:00', kind: 'routine', note: '谈了续约' });
    const noteId = h.db.prepare('SELECT id FROM notes WHERE visit_id = ?').pluck().get(logged.id) as string;
    expect(await h.call('visits.unlog', { id: logged.id, updatedAt: logged.updatedAt, plannedKind: null })).toEqual({ id: logged.id, status: 'deleted' });
    expect(outboxFor(h.db, logged.id).map((entry) => entry.op)).toEqual(['upsert', 'delete']);
    expect(outboxFor(h.db, noteId).at(-1)?.op).toBe('delete');
    expect((await h.call('accounts.get', { id: a.id })).lastVisitAt).toBeNull();

    const planned = await h.call('visits.plan', { accountId: a.id, plannedAt: '2026-11-23T09:00:00+08:00', kind: 'executive', purpose: '续约' });
    const done = await h.call('visits.log', { visitId: planned.id, accountId: a.id, doneAt: '2026-11-23T09:10:00+08:00', kind: 'routine', outcome: '签了' });
    expect(await h.call('visits.unlog', { id: done.id, updatedAt: done.updatedAt, plannedKind: 'executive' })).toEqual({ id: done.id, status: 'planned' });
    const timeline = await h.call('accounts.timeline', { id: a.id });
    const visit = timeline.flatMap((entry) => (entry.type === 'visit' ? [entry.visit] : []))[0]!;
    expect(visit).toMatchObject({ id: planned.id, status: 'planned', kind: 'executive', purpose: '续约', plannedAt: planned.plannedAt, doneAt: null, outcome: null });
    expect(outboxFor(h.db, planned.id).at(-1)).toEqual({
      op: 'upsert',
      fields: { kind: 'executive', status: 'planned', doneAt: null, outcome: null },
    });
    expect((await agenda()).some((i) => i.kind === 'planned_visit' && i.accountId === a.id)).toBe(true);
  });

  it('refuses to undo a visit changed since (a correction), and changes nothing', async () => {
    const a = await account('华东钢铁');
    const logged = await h.call('visits.log', { accountId: a.id, doneAt: '2026-11-23T09:30:00+08:00', kind: 'routine' });
    h.setNow('2026-11-23T02:05:00.000Z');
    await h.call('visits.edit', { id: logged.id, kind: 'routine', doneAt: '2026-11-23T09:00:00+08:00', metContactIds: [], outcome: '改过', nextStep: null, nextVisitDate: null });
    const entries = outboxFor(h.db, logged.id).length;
    expect((await h.fail('visits.unlog', { id: logged.id, updatedAt: logged.updatedAt, plannedKind: null })).code).toBe('conflict');
    expect(outboxFor(h.db, logged.id)).toHaveLength(entries);
  });

  it('undoing a reply or a resolution puts the complaint back as it was, as an outbox change', async () => {
    const a = await account('华东钢铁');
    const complaint = await h.call('complaints.create', { accountId: a.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-23T08:00:00+08:00' });
    const replied = await h.call('complaints.respond', { id: complaint.id, respondedAt: '2026-11-23T09:00:00+08:00', response: '已安排补货' });
    const reverted = await h.call('complaints.revert', { id: complaint.id, updatedAt: replied.updatedAt, to: { firstRespondedAt: null, response: null, resolvedAt: null, resolution: null } });
    expect(reverted).toMatchObject({ status: 'open', firstRespondedAt: null, response: null });
    expect(outboxFor(h.db, complaint.id).at(-1)).toEqual({ op: 'upsert', fields: { firstRespondedAt: null, response: null } });

    h.setNow('2026-11-23T02:10:00.000Z');
    const again = await h.call('complaints.respond', { id: complaint.id, respondedAt: '2026-11-23T09:00:00+08:00', response: '已安排补货' });
    h.setNow('2026-11-23T02:20:00.000Z');
    const resolved = await h.call('complaints.resolve', { id: complaint.id, resolvedAt: '2026-11-23T10:00:00+08:00', resolution: '补货已到' });
    const before = { firstRespondedAt: again.firstRespondedAt, response: again.response, resolvedAt: null, resolution: null };
    expect(await h.call('complaints.revert', { id: complaint.id, updatedAt: resolved.updatedAt, to: before })).toMatchObject({ status: 'responded', response: '已安排补货', resolvedAt: null });
    expect(outboxFor(h.db, complaint.id).at(-1)).toEqual({ op: 'upsert', fields: { resolvedAt: null, resolution: null } });
    // Undo again with the stale instant: refused, nothing written.
    const entries = outboxFor(h.db, complaint.id).length;
    expect((await h.fail('complaints.revert', { id: complaint.id, updatedAt: resolved.updatedAt, to: before })).code).toBe('conflict');
    expect(outboxFor(h.db, complaint.id)).toHaveLength(entries);
  });
});

describe('complaints stay on Today until resolved', () => {
  it('a replied complaint stays, with its next follow-up due; resolving it takes it off', async () => {
    const a = await account('华东钢铁', 'A');
    const complaint = await h.call('complaints.create', { accountId: a.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-23T08:00:00+08:00' });
    await h.call('complaints.respond', { id: complaint.id, respondedAt: '2026-11-23T09:00:00+08:00', response: '已安排补货' });
    const item = (await agenda()).find((i): i is ComplaintItem => i.kind.startsWith('complaint'));
    expect(item).toMatchObject({
      kind: 'complaint_follow_up',
      complaintId: complaint.id,
      respondedAt: '2026-11-23T01:00:00.000Z',
      // Two days (the default) after its last change, the reply saved at 10:00.
      followUpBy: '2026-11-25T02:00:00.000Z',
      actions: ['resolve_complaint', 'respond_complaint', 'open_account'],
    });
    await h.call('complaints.resolve', { id: complaint.id, resolvedAt: '2026-11-23T09:30:00+08:00', resolution: '补货已到' });
    expect((await agenda()).some((i) => i.kind.startsWith('complaint'))).toBe(false);
  });

  it('lists complaints across accounts: not resolved, past target, by tier', async () => {
    const a = await account('甲 A', 'A');
    const b = await account('乙 B', 'B');
    const late = await h.call('complaints.create', { accountId: a.id, channel: 'phone', severity: 'high', description: 'late', receivedAt: '2026-11-22T08:00:00+08:00' });
    const fresh = await h.call('complaints.create', { accountId: b.id, channel: 'email', severity: 'low', description: 'fresh', receivedAt: '2026-11-23T09:00:00+08:00' });
    const done = await h.call('complaints.create', { accountId: b.id, channel: 'email', severity: 'low', description: 'done', receivedAt: '2026-11-20T09:00:00+08:00' });
    await h.call('complaints.resolve', { id: done.id, resolvedAt: '2026-11-20T10:00:00+08:00', resolution: null });
    const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((row) => row.id);
    expect(ids(await h.call('complaints.list', { unresolved: true }))).toEqual([late.id, fresh.id]);
    expect(ids(await h.call('complaints.list', { breached: true }))).toEqual([late.id]);
    expect(ids(await h.call('complaints.list', { tier: 'B' }))).toEqual([fresh.id, done.id]);
    expect(await h.call('complaints.list', { tier: 'A' })).toEqual([expect.objectContaining({ accountName: '甲 A', tier: 'A', respondBy: '2026-11-22T06:00:00.000Z', breached: true })]);
  });
});

describe('a greeting with a gift leaves a trace', () => {
  it('on the account timeline and on next year’s reminder', async () => {
    const a = await account('华东钢铁');
    const contact = await h.call('contacts.create', { accountId: a.id, name: '王总' });
    await h.call('dates.create', { accountId: a.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 11, day: 24, isLeapMonth: false, year: null });
    const item = (await agenda()).find((i): i is ImportantDateItem => i.kind === 'important_date')!;
    const greeting = await h.call('greetings.mark', { key: item.key, accountId: a.id, contactId: contact.id, dateId: item.dateId, occurrenceDay: item.occurrenceDay, channel: 'visit', gift: '蛋糕' });
    const timeline = await h.call('accounts.timeline', { id: a.id });
    expect(timeline).toContainEqual({ type: 'greeting', at: NOW, greeting });
    const nextYear = (await agenda('2027-11-23')).find((i): i is ImportantDateItem => i.kind === 'important_date');
    expect(nextYear?.lastGreeting).toEqual({ key: item.key, day: '2026-11-24', channel: 'visit', gift: '蛋糕' });
  });
});
