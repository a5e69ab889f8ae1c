/**
 * The app's API: Undo on Today is a reversal offered for a few seconds after a one-click action, not a
 * way to delete history. Called long after (a visit logged last month, a greeting marked last week, a
 * complaint answered yesterday) it is refused and changes nothing — else a rep could erase a done
 * visit and its note, which no other action deletes, from the lead's reports. A complaint's undo puts
 * back only what the step changed: it cannot invent an earlier first response time, which the
 * response target measures.
 */
process.env.TZ = 'Asia/Shanghai';

import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportantDateItem } from '../../core/agenda/types.js';
import { createHarness, outboxFor, type Harness } from '../../db/testing/harness.js';
import { useTempDir } from '../../db/testing/tempDir.js';

const tempDir = useTempDir();
let h: Harness;
const NOW = '2026-11-23T02:00:00.000Z';
const MONTH_LATER = '2026-12-23T02:00:00.000Z';

beforeEach(() => {
  h = createHarness(tempDir(), NOW);
});

const account = (name: string) => h.call('accounts.create', { name, tier: 'B', city: '上海' });

describe('undo long after the action', () => {
  it('visits.unlog a month after the visit was logged: refused, the visit and its note stay', async () => {
    const a = await account('华东钢铁');
    const logged = await h.call('visits.log', { accountId: a.id, doneAt: '2026-11-23T09:30:00+08:00', kind: 'routine', note: '谈了续约' });
    const entries = outboxFor(h.db, logged.id).length;
    h.setNow(MONTH_LATER);
    const refused = await h.fail('visits.unlog', { id: logged.id, updatedAt: logged.updatedAt, plannedKind: null });
    expect(refused).toMatchObject({ code: 'conflict', message: 'errors.undoTooLate' });
    expect(outboxFor(h.db, logged.id)).toHaveLength(entries);
    expect((await h.call('accounts.timeline', { id: a.id })).filter((entry) => entry.type === 'visit' || entry.type === 'note')).toHaveLength(2);
  });

  it('greetings.undo a week after the greeting was marked: refused, the greeting stays', async () => {
    const a = await account('华东钢铁');
    const contact = await h.call('contacts.create', { accountId: a.id, name: '王总' });
    await h.call('dates.create', { accountId: a.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 11, day: 24, isLeapMonth: false, year: null });
    const item = (await h.call('agenda.today', undefined)).items.find((i): i is ImportantDateItem => i.kind === 'important_date')!;
    const greeting = await h.call('greetings.mark', { key: item.key, accountId: a.id, contactId: contact.id, dateId: item.dateId, occurrenceDay: item.occurrenceDay, channel: 'gift', gift: '蛋糕' });
    h.setNow('2026-11-30T02:00:00.000Z');
    expect(await h.fail('greetings.undo', { id: greeting.id })).toMatchObject({ code: 'conflict', message: 'errors.undoTooLate' });
    expect(await h.call('greetings.list', { accountId: a.id })).toHaveLength(1);
    expect(outboxFor(h.db, greeting.id).map((entry) => entry.op)).toEqual(['upsert']);
  });

  it('complaints.revert a day after the reply: refused, the reply stays', async () => {
    const a = await account('华东钢铁');
    const complaint = await h.call('complaints.create', { accountId: a.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-23T08:00:00+08:00' });
    const replied = await h.call('complaints.respond', { id: complaint.id, respondedAt: '2026-11-23T09:00:00+08:00', response: '已安排补货' });
    h.setNow('2026-11-24T02:00:00.000Z');
    const refused = await h.fail('complaints.revert', { id: complaint.id, updatedAt: replied.updatedAt, to: { firstRespondedAt: null, response: null, resolvedAt: null, resolution: null } });
    expect(refused).toMatchObject({ code: 'conflict', message: 'errors.undoTooLate' });
    expect((await h.call('complaints.list', { accountId: a.id }))[0]).toMatchObject({ status: 'responded', response: '已安排补货' });
  });
});

describe('complaints.revert puts back, it does not write', () => {
  it('an earlier first response time than the complaint ever had, or a resolution it never had, is refused', async () => {
    const a = await account('华东钢铁');
    const complaint = await h.call('complaints.create', { accountId: a.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-20T08:00:00+08:00' });
    // Answered days past its target; the undo's "before" forged to a reply an hour after it came in.
    const replied = await h.call('complaints.respond', { id: complaint.id, respondedAt: '2026-11-23T09:00:00+08:00', response: '已安排补货' });
    const entries = outboxFor(h.db, complaint.id).length;
    const forged = { firstRespondedAt: '2026-11-20T09:00:00+08:00', response: '已安排补货', resolvedAt: null, resolution: null };
    expect((await h.fail('complaints.revert', { id: complaint.id, updatedAt: replied.updatedAt, to: forged })).code).toBe('validation');
    const resolvedBefore = { firstRespondedAt: null, response: null, resolvedAt: '2026-11-20T10:00:00+08:00', resolution: '补货已到' };
    expect((await h.fail('complaints.revert', { id: complaint.id, updatedAt: replied.updatedAt, to: resolvedBefore })).code).toBe('validation');
    expect(outboxFor(h.db, complaint.id)).toHaveLength(entries);
    expect((await h.call('complaints.list', { breached: true })).map((row) => row.id)).toEqual([complaint.id]);
  });
});
