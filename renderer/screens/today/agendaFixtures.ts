/** Agenda items for the Today tests: one of each group, on a fixed host day. */
import type { AgendaItem } from '../../../core/agenda/types.js';

export const TODAY = '2026-09-21';
const ACCOUNT = (n: number) => `01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const base = (n: number, name: string) => ({
  accountId: ACCOUNT(n),
  accountName: name,
  tier: 'A' as const,
  contactId: null,
  contactName: null,
  occurrenceDay: TODAY,
  daysUntil: 0,
  daysOverdue: 0,
});
const cadence = { state: 'overdue' as const, dueDay: '2026-09-02', overdueDay: '2026-09-10', daysSince: 33, daysOverdue: 12 };

export const birthday: AgendaItem = {
  ...base(1, '华东石化'),
  kind: 'important_date',
  key: 'date:d1:2026-09-25',
  contactId: '01900000-0000-7000-8000-000000000211',
  contactName: '张伟',
  occurrenceDay: '2026-09-25',
  daysUntil: 4,
  dateId: '01900000-0000-7000-8000-000000000301',
  dateKind: 'birthday',
  label: null,
  familyMemberId: null,
  familyMemberName: null,
  familyMemberRelation: null,
  source: { calendar: 'lunar', month: 8, day: 15, isLeapMonth: false, year: 1966 },
  years: 60,
  milestone: true,
  lastGreeting: { key: 'date:d1:2025-10-06', day: '2025-10-06', channel: 'wechat', gift: '鲜花' },
  actions: ['mark_greeted', 'snooze', 'open_account'],
};

/** A Gregorian birthday of a contact's spouse: hers, and her age. */
export const familyBirthday: AgendaItem = {
  ...base(6, '东方化工'),
  kind: 'important_date',
  key: 'date:d2:2026-09-23',
  contactId: '01900000-0000-7000-8000-000000000212',
  contactName: '唐敏刚',
  occurrenceDay: '2026-09-23',
  daysUntil: 2,
  dateId: '01900000-0000-7000-8000-000000000302',
  dateKind: 'birthday',
  label: null,
  familyMemberId: '01900000-0000-7000-8000-000000000501',
  familyMemberName: '孙丽文',
  familyMemberRelation: 'spouse',
  source: { calendar: 'gregorian', month: 9, day: 23, isLeapMonth: false, year: 1958 },
  years: 68,
  milestone: false,
  lastGreeting: null,
  actions: ['mark_greeted', 'snooze', 'open_account'],
};

/** Last counted visit 33 days ago; a phone call since, which does not count. */
export const overdue: AgendaItem = {
  ...base(2, 'Acme Trucks'),
  kind: 'revisit_overdue',
  key: 'revisit:a2',
  daysOverdue: 12,
  cadence,
  gap: { ideal: 14, maximum: 21 },
  ownCadence: false,
  lastCounted: { day: '2026-08-19', kind: 'routine' },
  lastUncounted: { day: '2026-09-15', kind: 'phone_call' },
  actions: ['log_visit', 'plan_visit', 'snooze', 'open_account'],
};

export const breached: AgendaItem = {
  ...base(3, 'Beta Steel'),
  kind: 'complaint_breached',
  key: 'complaint:c1',
  complaintId: '01900000-0000-7000-8000-000000000401',
  severity: 'high',
  openedAt: '2026-09-20T01:00:00.000Z',
  respondBy: '2026-09-20T07:00:00.000Z',
  minutesPastTarget: 180,
  respondedAt: null,
  followUpBy: null,
  daysOverdue: 0,
  actions: ['respond_complaint', 'open_account'],
};

export const festival: AgendaItem = {
  ...base(4, 'Gamma Oil'),
  kind: 'festival',
  key: 'festival:mid_autumn:c9:2026-09-25',
  occurrenceDay: '2026-09-25',
  festivalId: 'mid_autumn',
  traditional: true,
  lastGreeting: null,
  actions: ['mark_greeted', 'snooze', 'open_account'],
};

export const winBack: AgendaItem = { ...base(5, 'Delta Foods'), tier: 'C', kind: 'win_back', key: 'winback:a5', lastActivityDay: '2026-01-10', actions: ['log_visit', 'plan_visit', 'snooze', 'open_account'] };
