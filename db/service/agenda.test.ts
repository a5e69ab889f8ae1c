// The user's zone decides what "today" is and which day an instant falls on; fixed here before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgendaItem, ImportantDateItem } from '../../core/agenda/types.js';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { DAY_CHECK_MS } from './agenda.js';

const tempDir = useTempDir();
let h: Harness;

// Monday 2026-11-23, 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const TODAY = '2026-11-23';

beforeEach(() => {
  h = createHarness(tempDir(), NOW);
});

const account = (name: string, tier: 'A' | 'B' | 'C', extra: Record<string, unknown> = {}) => h.call('accounts.create', { name, tier, city: '上海', ...extra });
const visitDone = (accountId: string, doneAt: string, kind: 'routine' | 'phone_call' = 'routine') => h.call('visits.log', { accountId, doneAt, kind });
const kinds = (items: readonly AgendaItem[]) => items.map((item) => `${item.kind}:${item.accountName}`);

/** A small book covering every kind of item on 2026-11-23. */
async function handBuiltBook() {
  const overdueA = await account('甲 overdue A', 'A');
  await visitDone(overdueA.id, '2026-10-20T03:00:00.000Z'); // 34 days: past A's 21-day maximum
  const dueB = await account('乙 due B', 'B');
  await visitDone(dueB.id, '2026-10-14T03:00:00.000Z'); // 40 days: between B's 30 and 45
  const planned = await account('丙 planned', 'C');
  await h.call('visits.plan', { accountId: planned.id, plannedAt: '2026-11-23T14:00:00+08:00' });
  const lapsed = await account('丁 lapsed', 'C');
  await visitDone(lapsed.id, '2026-04-01T03:00:00.000Z'); // 236 days: past the 180-day lapse threshold
  const birthdayAccount = await account('戊 birthday', 'B');
  await visitDone(birthdayAccount.id, '2026-11-20T03:00:00.000Z');
  const contact = await h.call('contacts.create', { accountId: birthdayAccount.id, name: '李娜' });
  // 1984 had a leap tenth month; 2026 has none, so 闰十月十七 falls on the regular 十月十七 = 2026-11-25.
  const birthday = await h.call('dates.create', {
    accountId: birthdayAccount.id, contactId: contact.id, kind: 'birthday', calendar: 'lunar', month: 10, day: 17, isLeapMonth: true, year: 1984,
  });
  const breached = await h.call('complaints.create', {
    accountId: dueB.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-22T18:00:00+08:00',
  });
  const waiting = await h.call('complaints.create', {
    accountId: overdueA.id, channel: 'email', severity: 'low', description: 'Invoice typo', receivedAt: '2026-11-23T09:00:00+08:00',
  });
  return { overdueA, dueB, planned, lapsed, birthdayAccount, contact, birthday, breached, waiting };
}

describe('agenda.today on a hand-built database', () => {
  it('ranks complaints past target, waiting complaints, planned visits, overdue then due revisits, dates, win-back', async () => {
    const book = await handBuiltBook();
    const today = await h.call('agenda.today', undefined);
    expect(today.day).toBe(TODAY);
    expect(kinds(today.items)).toEqual([
      'complaint_breached:乙 due B',
      'complaint_open:甲 overdue A',
      'planned_visit:丙 planned',
      'revisit_overdue:甲 overdue A',
      'revisit_due:乙 due B',
      'important_date:戊 birthday',
      'win_back:丁 lapsed',
    ]);
    const birthday = today.items.find((item): item is ImportantDateItem => item.kind === 'important_date');
    expect(birthday).toMatchObject({
      dateId: book.birthday.id,
      contactName: '李娜',
      occurrenceDay: '2026-11-25',
      daysUntil: 2,
      years: 42,
      source: { calendar: 'lunar', month: 10, day: 17, isLeapMonth: true, year: 1984 },
      lastGreeting: null,
    });
    expect(today.items[0]).toMatchObject({ complaintId: book.breached.id, respondBy: '2026-11-22T16:00:00.000Z', minutesPastTarget: 600 });
  });

  it('shows a planned visit on the day it falls on in the user’s zone, not in UTC', async () => {
    const early = await account('早 early', 'A');
    // 07:30 in Shanghai on the 24th is still the 23rd in UTC.
    await h.call('visits.plan', { accountId: early.id, plannedAt: '2026-11-23T23:30:00.000Z' });
    expect(kinds((await h.call('agenda.today', undefined)).items)).not.toContain('planned_visit:早 early');
    expect(kinds((await h.call('agenda.today', { day: '2026-11-24' })).items)).toContain('planned_visit:早 early');
  });

  it('hides a snoozed item until its day, and the snooze survives a restart', async () => {
    const book = await handBuiltBook();
    const revisit = (await h.call('agenda.today', undefined)).items.find((item) => item.accountId === book.dueB.id && item.kind === 'revisit_due')!;
    await h.call('agenda.snooze', { key: revisit.key, untilDay: '2026-11-25' });
    const restarted = createHarness(h.dataDir, NOW);
    expect((await restarted.call('agenda.today', undefined)).items.map((item) => item.key)).not.toContain(revisit.key);
    expect((await restarted.call('agenda.today', { day: '2026-11-24' })).items.map((item) => item.key)).not.toContain(revisit.key);
    expect((await restarted.call('agenda.today', { day: '2026-11-25' })).items.map((item) => item.key)).toContain(revisit.key);
    await restarted.call('agenda.unsnooze', { key: revisit.key });
    expect((await restarted.call('agenda.today', undefined)).items.map((item) => item.key)).toContain(revisit.key);
    restarted.db.close();
  });

  it('a greeting removes the date and shows as last year’s greeting at the next occurrence', async () => {
    const book = await handBuiltBook();
    const item = (await h.call('agenda.today', undefined)).items.find((i): i is ImportantDateItem => i.kind === 'important_date')!;
    const greeting = await h.call('greetings.mark', {
      key: item.key, accountId: item.accountId, contactId: item.contactId, dateId: item.dateId, occurrenceDay: item.occurrenceDay, channel: 'gift', gift: '一束鲜花',
    });
    expect(greeting).toMatchObject({ key: 'date:' + book.birthday.id + ':2026-11-25', channel: 'gift', gift: '一束鲜花', greetedAt: NOW });
    expect(outboxFor(h.db, greeting.id)).toHaveLength(1);
    expect((await h.call('agenda.today', undefined)).items.some((i) => i.kind === 'important_date')).toBe(false);
    // 2027's 十月十七 is 2027-11-14.
    const nextYear = (await h.call('agenda.today', { day: '2027-11-14' })).items.find((i): i is ImportantDateItem => i.kind === 'important_date');
    expect(nextYear).toMatchObject({ occurrenceDay: '2027-11-14', years: 43, lastGreeting: { day: '2026-11-25', channel: 'gift', gift: '一束鲜花' } });
    expect(await h.call('greetings.list', { accountId: book.birthdayAccount.id })).toEqual([greeting]);
  });

  it('lists each day of a range as it will look that day', async () => {
    await handBuiltBook();
    const days = await h.call('agenda.range', { from: TODAY, days: 3 });
    expect(days.map((day) => day.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(days[2]!.items.find((item) => item.kind === 'important_date')).toMatchObject({ daysUntil: 0 });
    expect(days[1]!.items.some((item) => item.kind.startsWith('complaint'))).toBe(false);
  });

  // Today reads only the dates its days can show; a later request for other days must not get Today's.
  it('after Today, a range of later days shows the dates of its own days, and Today still only its own', async () => {
    const founded = await account('己 founded', 'B');
    const foundingDay = await h.call('dates.create', { accountId: founded.id, kind: 'founding_day', calendar: 'gregorian', month: 3, day: 10, year: 2001 });
    const dateIds = (items: readonly AgendaItem[]) => items.flatMap((item) => (item.kind === 'important_date' ? [item.dateId] : []));
    expect(dateIds((await h.call('agenda.today', undefined)).items)).toEqual([]);
    const march = await h.call('agenda.range', { from: '2027-03-08', days: 3 });
    expect(march.map((day) => dateIds(day.items))).toEqual([[foundingDay.id], [foundingDay.id], [foundingDay.id]]);
    expect(march[2]!.items.find((item) => item.kind === 'important_date')).toMatchObject({ occurrenceDay: '2027-03-10', daysUntil: 0, years: 26 });
    expect(dateIds((await h.call('agenda.today', undefined)).items)).toEqual([]);
  });

  it('reminds of a kind of date as early as the settings say for that kind', async () => {
    const book = await handBuiltBook();
    const contact = await h.call('contacts.create', { accountId: book.dueB.id, name: '赵敏' });
    // 25 days ahead: past the default 3 days' lead, within the 30 set for birthdays.
    const birthday = await h.call('dates.create', { accountId: book.dueB.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 12, day: 18 });
    const shown = async () => (await h.call('agenda.today', undefined)).items.find((item): item is ImportantDateItem => item.kind === 'important_date' && item.dateId === birthday.id);
    expect(await shown()).toBeUndefined();
    await h.call('settings.update', { reminders: { leadDaysByKind: { birthday: 30 } } });
    expect(await shown()).toMatchObject({ occurrenceDay: '2026-12-18', daysUntil: 25, contactName: '赵敏' });
  });

  it('counts phone calls toward cadence only when the settings say so', async () => {
    const called = await account('电 called', 'A');
    await visitDone(called.id, '2026-10-01T03:00:00.000Z');
    await visitDone(called.id, '2026-11-20T03:00:00.000Z', 'phone_call');
    expect(kinds((await h.call('agenda.today', undefined)).items)).toContain('revisit_overdue:电 called');
    const { reminders } = await h.call('settings.get', undefined);
    await h.call('settings.update', { reminders: { countingKinds: [...reminders.countingKinds, 'phone_call'] } });
    expect(kinds((await h.call('agenda.today', undefined)).items)).not.toContain('revisit_overdue:电 called');
    expect((await h.call('settings.get', undefined)).reminders.digestTime).toBe(reminders.digestTime);
  });

  it('says why a revisit is listed: the gap, the contact it counts from and the later call that did not count', async () => {
    const called = await account('电 called', 'A');
    await visitDone(called.id, '2026-10-01T03:00:00.000Z');
    await visitDone(called.id, '2026-11-20T03:00:00.000Z', 'phone_call');
    const item = (await h.call('agenda.today', undefined)).items.find((i) => i.accountId === called.id);
    expect(item).toMatchObject({
      kind: 'revisit_overdue',
      gap: { ideal: 14, maximum: 21 },
      ownCadence: false,
      lastCounted: { day: '2026-10-01', kind: 'routine' },
      lastUncounted: { day: '2026-11-20', kind: 'phone_call' },
    });
    const { reminders } = await h.call('settings.get', undefined);
    await h.call('settings.update', { reminders: { countingKinds: [...reminders.countingKinds, 'phone_call'] } });
    await h.call('accounts.update', { id: called.id, patch: { cadenceDays: 7 } });
    const counted = (await h.call('agenda.today', { day: '2026-12-10' })).items.find((i) => i.accountId === called.id);
    expect(counted).toMatchObject({ gap: { ideal: 7, maximum: 11 }, ownCadence: true, lastCounted: { day: '2026-11-20', kind: 'phone_call' }, lastUncounted: null });
  });

  it('counts the overdue accounts a planned visit keeps off the list, as Team still counts them', async () => {
    const book = await handBuiltBook();
    await h.call('visits.plan', { accountId: book.overdueA.id, plannedAt: '2026-11-26T10:00:00+08:00' });
    const today = await h.call('agenda.today', undefined);
    expect(kinds(today.items)).not.toContain('revisit_overdue:甲 overdue A');
    // 丙 planned, never visited, is due (as Today would list it) and has its visit planned too.
    expect(today.plannedAhead).toEqual({ overdue: 1, due: 1 });
  });

  it('counts what was done today: greetings marked, visits done, complaints answered', async () => {
    const book = await handBuiltBook();
    expect((await h.call('agenda.today', undefined)).done).toBe(0);
    await visitDone(book.dueB.id, '2026-11-23T01:30:00.000Z');
    await visitDone(book.dueB.id, '2026-11-22T15:30:00.000Z'); // 23:30 on the 22nd in Shanghai
    await h.call('complaints.respond', { id: book.breached.id, respondedAt: NOW, response: '已致电说明' });
    const item = (await h.call('agenda.today', undefined)).items.find((i): i is ImportantDateItem => i.kind === 'important_date')!;
    await h.call('greetings.mark', { key: item.key, accountId: item.accountId, contactId: item.contactId, dateId: item.dateId, occurrenceDay: item.occurrenceDay, channel: 'wechat' });
    expect((await h.call('agenda.today', undefined)).done).toBe(3);
  });
});

describe('lifecycle', () => {
  it('lapses an active account past the threshold with an ordinary outbox-written update', async () => {
    const quiet = await account('静 quiet', 'B');
    await visitDone(quiet.id, '2026-05-01T03:00:00.000Z');
    await h.call('agenda.today', undefined);
    expect((await h.call('accounts.get', { id: quiet.id })).account.status).toBe('lapsed');
    expect(outboxFor(h.db, quiet.id).at(-1)).toEqual({ op: 'upsert', fields: { status: 'lapsed' } });
    // Nothing more to write the next time.
    const entries = outboxFor(h.db, quiet.id).length;
    await h.call('agenda.today', undefined);
    expect(outboxFor(h.db, quiet.id)).toHaveLength(entries);
  });

  it('reading Today writes nothing; statuses move with the calendar day, checked while the app runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      h = createHarness(tempDir(), NOW);
      const quiet = await account('眠 sleeping', 'B');
      // 179 days before today: one day short of the 180-day lapse threshold.
      await visitDone(quiet.id, '2026-05-28T03:00:00.000Z');
      const before = h.snapshot();
      await h.call('agenda.today', undefined);
      await h.call('agenda.range', { from: TODAY, days: 30 });
      expect(h.snapshot()).toBe(before);

      h.setNow('2026-11-25T02:00:00.000Z');
      await h.call('agenda.today', undefined);
      expect((await h.call('accounts.get', { id: quiet.id })).account.status).toBe('active');
      vi.advanceTimersByTime(DAY_CHECK_MS);
      expect((await h.call('accounts.get', { id: quiet.id })).account.status).toBe('lapsed');
      expect(outboxFor(h.db, quiet.id).at(-1)).toEqual({ op: 'upsert', fields: { status: 'lapsed' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('wins a lapsed account back when a visit is logged', async () => {
    const quiet = await account('访 visited', 'B');
    await visitDone(quiet.id, '2026-05-01T03:00:00.000Z');
    await h.call('agenda.today', undefined);
    await visitDone(quiet.id, '2026-11-23T01:00:00.000Z');
    expect((await h.call('accounts.get', { id: quiet.id })).account.status).toBe('won_back');
    expect(kinds((await h.call('agenda.today', undefined)).items)).not.toContain('win_back:访 visited');
  });

  it('wins a lapsed account back when an order is recorded', async () => {
    const quiet = await account('订 ordered', 'C', { status: 'lapsed' });
    const order = await h.call('orders.record', { accountId: quiet.id, day: TODAY, amount: 5000, reference: 'PO-1' });
    expect(order).toMatchObject({ accountId: quiet.id, day: TODAY, amount: 5000, reference: 'PO-1' });
    expect((await h.call('accounts.get', { id: quiet.id })).account.status).toBe('won_back');
    expect(await h.call('orders.list', { accountId: quiet.id })).toEqual([order]);
  });

  it('leaves out the contacts and dates of an archived account, and shows them again when it is restored', async () => {
    const book = await handBuiltBook();
    const dateItems = async () => (await h.call('agenda.range', { from: TODAY, days: 7 })).flatMap((day) => day.items).filter((item) => item.kind === 'important_date');
    const people = async () => [...new Set((await dateItems()).map((item) => item.contactName))];
    expect(await people()).toEqual(['李娜']);
    await h.call('accounts.archive', { id: book.birthdayAccount.id });
    expect(await dateItems()).toEqual([]);
    await h.call('accounts.restore', { id: book.birthdayAccount.id });
    expect(await people()).toEqual(['李娜']);
  });

  it('leaves prospects alone', async () => {
    const prospect = await account('新 prospect', 'C', { status: 'prospect' });
    await visitDone(prospect.id, '2025-01-01T03:00:00.000Z');
    await h.call('agenda.today', undefined);
    expect((await h.call('accounts.get', { id: prospect.id })).account.status).toBe('prospect');
  });
});
