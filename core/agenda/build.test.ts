import { describe, expect, it } from 'vitest';
import { agendaForRange, buildAgenda } from './build.js';
import type { AgendaAccount, AgendaContact, AgendaDate, AgendaInput, AgendaItem, ImportantDateItem } from './types.js';

const TODAY = '2026-03-10';
const NOW = new Date('2026-03-10T09:00:00+08:00');

function account(id: string, tier: AgendaAccount['tier'], lastCountedContactDay: string | null, extra: Partial<AgendaAccount> = {}): AgendaAccount {
  return { id, name: `name-${id}`, tier, status: 'active', cadenceDays: null, lastCountedContactDay, lastCountedContactKind: lastCountedContactDay === null ? null : 'routine', lastUncountedContact: null, lastActivityDay: lastCountedContactDay, ...extra };
}

function contact(id: string, accountId: string, isKey = false): AgendaContact {
  return { id, accountId, name: `contact-${id}`, isKey };
}

function date(id: string, accountId: string, fields: Partial<AgendaDate> = {}): AgendaDate {
  return { id, accountId, contactId: null, familyMemberId: null, kind: 'birthday', label: null, leadDays: null, calendar: 'gregorian', month: 3, day: 12, isLeapMonth: false, year: null, ...fields };
}

function input(fields: Partial<AgendaInput>): AgendaInput {
  return { accounts: [], contacts: [], dates: [], plannedVisits: [], complaints: [], snoozes: [], greetings: [], ...fields };
}

const agenda = (fields: Partial<AgendaInput>, today = TODAY) => buildAgenda(input(fields), today, { now: NOW, festivalIds: [] });
const keys = (items: AgendaItem[]) => items.map((item) => item.key);

describe('buildAgenda ranking', () => {
  it('orders complaints, visits, overdue, due, dates, festivals, win-back', () => {
    const items = buildAgenda(
      input({
        accounts: [
          account('late', 'C', '2025-11-01'), // 129 days: overdue
          account('due', 'A', '2026-02-20'), // 18 days: due
          account('lapsed', 'A', null, { status: 'lapsed' }),
          account('busy', 'A', '2025-01-01'),
          account('ok', 'A', '2026-03-09'),
        ],
        contacts: [contact('k', 'ok', true)],
        dates: [date('bday', 'ok', { contactId: 'k' })],
        plannedVisits: [{ id: 'v1', accountId: 'busy', kind: 'routine', plannedAt: '2026-03-10T02:00:00Z', plannedDay: TODAY }],
        complaints: [
          { id: 'c-open', accountId: 'ok', contactId: null, severity: 'high', openedAt: '2026-03-10T00:30:00Z', firstRespondedAt: null, targetHours: null, resolved: false },
          { id: 'c-late', accountId: 'ok', contactId: 'k', severity: 'low', openedAt: '2026-03-09T10:00:00Z', firstRespondedAt: null, targetHours: null, resolved: false },
        ],
      }),
      '2026-03-10',
      { now: NOW, festivalIds: ['labour_day'], festivalLeadDays: 60 },
    );
    expect(items.map((item) => item.kind)).toEqual([
      'complaint_breached',
      'complaint_open',
      'planned_visit',
      'revisit_overdue',
      'revisit_due',
      'important_date',
      'festival',
      'win_back',
    ]);
    expect(keys(items)).toEqual([
      'complaint:c-late',
      'complaint:c-open',
      'visit:v1',
      'revisit:late:2026-01-30',
      'revisit:due:2026-03-06',
      'date:bday:2026-03-12',
      'festival:labour_day:k:2026-05-01',
      'winback:lapsed:never',
    ]);
  });
});

describe('complaints', () => {
  const base = { accountId: 'a', contactId: null, severity: 'medium', firstRespondedAt: null, targetHours: null, resolved: false };
  const accounts = [account('a', 'B', TODAY)];

  it('puts the oldest breach first and measures minutes against the 6-hour target', () => {
    const items = agenda({
      accounts,
      complaints: [
        { ...base, id: 'newer', openedAt: '2026-03-09T22:00:00Z' }, // due 04:00Z, now 01:00Z: 180 min left
        { ...base, id: 'older', openedAt: '2026-03-08T01:00:00Z' }, // due 2026-03-08T07:00Z: 42 h late
        { ...base, id: 'old', openedAt: '2026-03-09T12:00:00Z' }, // due 18:00Z: 7 h late
      ],
    });
    expect(keys(items)).toEqual(['complaint:older', 'complaint:old', 'complaint:newer']);
    expect(items[0]).toMatchObject({ kind: 'complaint_breached', minutesPastTarget: 42 * 60, daysOverdue: 1, respondBy: '2026-03-08T07:00:00.000Z' });
    expect(items[2]).toMatchObject({ kind: 'complaint_open', minutesPastTarget: -180, daysOverdue: 0 });
  });

  it('keeps an answered complaint until it is resolved, after those awaiting a reply, and honours a per-complaint target', () => {
    const items = agenda({
      accounts,
      complaints: [
        { ...base, id: 'answered', openedAt: '2026-03-01T00:00:00Z', firstRespondedAt: '2026-03-01T01:00:00Z', updatedAt: '2026-03-05T02:00:00Z' },
        { ...base, id: 'resolved', openedAt: '2026-03-01T00:00:00Z', firstRespondedAt: '2026-03-01T01:00:00Z', resolved: true },
        { ...base, id: 'slow', openedAt: '2026-03-09T00:00:00Z', targetHours: 48 },
      ],
    });
    expect(keys(items)).toEqual(['complaint:slow', 'complaint:answered']);
    expect(items[0]).toMatchObject({ kind: 'complaint_open', actions: ['respond_complaint', 'open_account'], respondedAt: null, followUpBy: null });
    // Followed up two days (the default) after its last change, a second reply on Mar 5: overdue since Mar 7.
    expect(items[1]).toMatchObject({
      kind: 'complaint_follow_up',
      actions: ['resolve_complaint', 'respond_complaint', 'open_account'],
      respondedAt: '2026-03-01T01:00:00Z',
      followUpBy: '2026-03-07T02:00:00.000Z',
    });
    expect(items[1]!.daysOverdue).toBeGreaterThan(0);
  });
});

describe('planned visits and revisits', () => {
  it('lists the day’s planned visits by time, whatever the offsets', () => {
    const items = agenda({
      accounts: [account('a', 'C', TODAY), account('b', 'C', TODAY)],
      plannedVisits: [
        { id: 'late', accountId: 'a', kind: 'routine', plannedAt: '2026-03-10T15:00:00+08:00', plannedDay: TODAY },
        { id: 'early', accountId: 'b', kind: 'delivery', plannedAt: '2026-03-10T01:30:00Z', plannedDay: TODAY }, // 09:30 +08
        { id: 'tomorrow', accountId: 'b', kind: 'routine', plannedAt: '2026-03-11T01:30:00Z', plannedDay: '2026-03-11' },
      ],
    });
    expect(keys(items)).toEqual(['visit:early', 'visit:late']);
    expect(items[0]).toMatchObject({ kind: 'planned_visit', visitKind: 'delivery', accountName: 'name-b' });
  });

  it('ranks overdue A before B before C, longest overdue first, then due the same way', () => {
    const items = agenda({
      accounts: [
        account('c-over', 'C', '2025-11-01'),
        account('b-over', 'B', '2026-01-10'), // 59 days, max 45: 14 over
        account('a-over-1', 'A', '2026-02-14'), // 24 days: 3 over
        account('a-over-9', 'A', '2026-02-08'), // 30 days: 9 over
        account('b-due', 'B', '2026-02-05'), // 33 days: due since 03-07
        account('a-due-old', 'A', '2026-02-17'), // due since 03-03
        account('a-due-new', 'A', '2026-02-24'), // due today
        account('a-never', 'A', null),
        account('a-ok', 'A', '2026-03-01'),
        account('prospect', 'A', '2025-01-01', { status: 'prospect' }),
      ],
    });
    expect(items.map((item) => item.accountId)).toEqual(['a-over-9', 'a-over-1', 'b-over', 'c-over', 'a-due-old', 'a-due-new', 'a-never', 'b-due']);
    expect(items[0]).toMatchObject({ kind: 'revisit_overdue', daysOverdue: 9, occurrenceDay: '2026-02-22', daysUntil: -16 });
    expect(items[5]).toMatchObject({ kind: 'revisit_due', daysUntil: 0, key: 'revisit:a-due-new:2026-03-10' });
    expect(items[6]).toMatchObject({ key: 'revisit:a-never:never', occurrenceDay: TODAY });
  });

  it('keeps quiet about an account with a visit already planned from today on', () => {
    const accounts = [account('a', 'A', '2025-12-01')];
    const planned = (plannedDay: string) => [{ id: 'v', accountId: 'a', kind: 'routine' as const, plannedAt: `${plannedDay}T01:00:00Z`, plannedDay }];
    expect(agenda({ accounts, plannedVisits: planned('2026-03-20') })).toEqual([]);
    const lapsed = [account('a', 'A', '2025-01-01')];
    expect(agenda({ accounts: lapsed, plannedVisits: planned('2026-03-20') })).toEqual([]);
    expect(keys(agenda({ accounts, plannedVisits: planned('2026-03-01') }))).toEqual(['revisit:a:2025-12-15']);
  });

  it('hides a snoozed revisit until the snooze day', () => {
    const fields = { accounts: [account('a', 'A', '2026-02-01')], snoozes: [{ key: 'revisit:a:2026-02-15', untilDay: '2026-03-12' }] };
    expect(agenda(fields, '2026-03-11')).toEqual([]);
    expect(keys(agenda(fields, '2026-03-12'))).toEqual(['revisit:a:2026-02-15']);
  });

  it('suggests win-back for lapsed accounts, including ones that lapse by inactivity', () => {
    const items = agenda({
      accounts: [
        account('stored', 'B', '2025-01-01', { status: 'lapsed' }),
        account('lapses', 'A', '2025-09-01'), // 190 days > 180
        account('back', 'A', TODAY, { status: 'lapsed' }), // active again: won back
      ],
    });
    expect(items.map((item) => [item.kind, item.accountId])).toEqual([
      ['win_back', 'lapses'],
      ['win_back', 'stored'],
    ]);
    expect(items[0]).toMatchObject({ key: 'winback:lapses:2025-09-01', lastActivityDay: '2025-09-01', actions: ['plan_visit', 'log_visit', 'snooze', 'open_account'] });
  });
});

describe('important dates', () => {
  const accounts = [account('a', 'A', TODAY)];
  const contacts = [contact('k', 'a')];
  const dated = (fields: Partial<AgendaInput>, today = TODAY) => agenda({ accounts, contacts, ...fields }, today) as ImportantDateItem[];

  it('shows a date within its lead time: own, else its kind’s, else 3 days', () => {
    const dates = [
      date('in3', 'a', { month: 3, day: 13 }),
      date('in4', 'a', { month: 3, day: 14 }),
      date('own', 'a', { month: 3, day: 20, leadDays: 10 }),
      date('kind', 'a', { month: 3, day: 17, kind: 'founding_day' }),
      date('past', 'a', { month: 3, day: 9 }),
    ];
    const defaultLead = dated({ dates }).map((item) => item.dateId);
    expect(defaultLead).toEqual(['in3', 'own']);
    const items = buildAgenda(input({ accounts, dates }), TODAY, { now: NOW, festivalIds: [], leadDaysByKind: { founding_day: 7 } });
    expect(items.map((item) => (item as ImportantDateItem).dateId)).toEqual(['in3', 'kind', 'own']);
  });

  it('carries the source date, years, milestone, names and actions', () => {
    const [item] = dated({
      dates: [date('d', 'a', { contactId: 'k', familyMemberId: 'f', month: 3, day: 11, year: 1966 })],
      familyMembers: [{ id: 'f', name: 'spouse-name', relation: 'spouse' }],
    });
    expect(item).toMatchObject({
      kind: 'important_date',
      key: 'date:d:2026-03-11',
      occurrenceDay: '2026-03-11',
      daysUntil: 1,
      contactId: 'k',
      contactName: 'contact-k',
      familyMemberName: 'spouse-name',
      familyMemberRelation: 'spouse',
      source: { calendar: 'gregorian', month: 3, day: 11, isLeapMonth: false, year: 1966 },
      years: 60,
      milestone: true,
      actions: ['mark_greeted', 'snooze', 'open_account'],
    });
  });

  it('finds lunar dates: 正月初一 2026 is 2026-02-17', () => {
    const items = dated({ dates: [date('lunar', 'a', { calendar: 'lunar', month: 1, day: 1, year: 2000 })] }, '2026-02-15');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ occurrenceDay: '2026-02-17', daysUntil: 2, years: 26, milestone: false });
  });

  it('ranks the soonest first and a milestone first on the same day', () => {
    const items = dated({
      dates: [
        date('later', 'a', { month: 3, day: 12 }),
        date('plain', 'a', { month: 3, day: 11, year: 1981 }),
        date('round', 'a', { month: 3, day: 11, year: 1976 }),
      ],
    });
    expect(items.map((item) => item.dateId)).toEqual(['round', 'plain', 'later']);
  });

  it('drops a greeted date and shows last year’s greeting on this year’s', () => {
    const dates = [date('d', 'a', { month: 3, day: 12 })];
    const lastYear = { key: 'date:d:2025-03-12', day: '2025-03-11', channel: 'gift' as const, gift: 'flowers' };
    const older = { key: 'date:d:2024-03-12', day: '2024-03-12', channel: 'call' as const, gift: null };
    const [item] = dated({ dates, greetings: [older, lastYear] });
    expect(item?.lastGreeting).toEqual(lastYear);
    expect(dated({ dates, greetings: [{ ...lastYear, key: 'date:d:2026-03-12' }] })).toEqual([]);
  });

  it('hides a snoozed date until the snooze day', () => {
    const fields = { dates: [date('d', 'a', { month: 3, day: 12 })], snoozes: [{ key: 'date:d:2026-03-12', untilDay: '2026-03-11' }] };
    expect(dated(fields)).toEqual([]);
    expect(dated(fields, '2026-03-11')).toHaveLength(1);
  });
});

describe('festivals', () => {
  const accounts = [account('a', 'A', '2026-09-20'), account('b', 'B', '2026-09-20')];
  const contacts = [contact('key-a', 'a', true), contact('plain-a', 'a'), contact('key-b', 'b', true)];
  const festivalsOn = (today: string, settings: Record<string, unknown> = {}) =>
    buildAgenda(input({ accounts, contacts }), today, { now: NOW, festivalIds: ['mid_autumn'], ...settings });

  it('greets key contacts of A-tier accounts within 3 days of 中秋 (2026-09-25)', () => {
    expect(festivalsOn('2026-09-21')).toEqual([]);
    const items = festivalsOn('2026-09-22');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'festival', festivalId: 'mid_autumn', contactId: 'key-a', occurrenceDay: '2026-09-25', daysUntil: 3, traditional: true });
  });

  it('greets the chosen contacts instead when the user picks them', () => {
    const items = festivalsOn('2026-09-25', { festivalContactIds: ['plain-a', 'key-b'] });
    expect(keys(items)).toEqual(['festival:mid_autumn:plain-a:2026-09-25', 'festival:mid_autumn:key-b:2026-09-25']);
  });

  it('uses only the festivals in use', () => {
    expect(festivalsOn('2026-09-25', { festivalIds: ['spring_festival'] })).toEqual([]);
  });
});

describe('agendaForRange', () => {
  it('lists each day as it will look that day; complaints on the first day only', () => {
    const days = agendaForRange(
      input({
        accounts: [account('a', 'A', '2026-02-28')], // due 03-14, overdue 03-22
        dates: [date('d', 'a', { month: 3, day: 15, leadDays: 1 })],
        complaints: [{ id: 'c', accountId: 'a', contactId: null, severity: 'low', openedAt: '2026-03-10T00:00:00Z', firstRespondedAt: null, targetHours: null, resolved: false }],
      }),
      '2026-03-13',
      4,
      { now: NOW, festivalIds: [] },
    );
    expect(days.map((d) => [d.day, keys(d.items)])).toEqual([
      ['2026-03-13', ['complaint:c']],
      ['2026-03-14', ['revisit:a:2026-03-14', 'date:d:2026-03-15']],
      ['2026-03-15', ['revisit:a:2026-03-14', 'date:d:2026-03-15']],
      ['2026-03-16', ['revisit:a:2026-03-14']],
    ]);
  });
});
