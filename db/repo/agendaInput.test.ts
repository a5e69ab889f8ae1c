// The user's zone decides which day an instant falls on; fixed here before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaForRange, longestDefaultLeadDays, type AgendaSettings, type ImportantDateItem } from '../../core/agenda/index.js';
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { leapMonthOf, lunarMonthLength } from '../../core/calendar/lunar.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { INDEXED_READS, readAgendaInput, type AgendaData } from './agendaInput.js';

const NOW = '2026-11-23T02:00:00.000Z';
const COUNTING = ['routine'] as const;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

let dir: string;
let h: Harness;
let ids: { account: string; contact: string; child: string };

/**
 * One account with a date on every day either calendar has: every Gregorian month and day (29 February
 * too), lunar days 1–30 of every month (a 29-day month's 30th moves to its 29th), and every day of
 * each leap month (with a year that has it; a year without it keeps the date in the regular month).
 * Half the lunar dates are wedding anniversaries, and some are a family member's.
 */
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-agenda-input-'));
  h = createHarness(dir, NOW);
  const account = await h.call('accounts.create', { name: '全年客户', tier: 'A', city: '上海' });
  const contact = await h.call('contacts.create', { accountId: account.id, name: '王芳', isKey: true });
  const child = await h.call('family.create', { contactId: contact.id, name: '王小明', relation: 'child' });
  ids = { account: account.id, contact: contact.id, child: child.id };
  const date = (fields: Record<string, unknown>) => h.call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'birthday', ...fields } as never);
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= DAYS_IN_MONTH[month - 1]!; day++) await date({ calendar: 'gregorian', month, day, year: month === 2 && day === 29 ? 1988 : 1980 });
  }
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= 30; day++) {
      await date({ calendar: 'lunar', month, day, kind: day % 2 === 0 ? 'wedding_anniversary' : 'birthday', familyMemberId: day % 5 === 0 ? child.id : null });
    }
  }
  const leapYears = new Map<number, number>();
  for (let year = 1900; year <= 2100; year++) if (leapMonthOf(year) !== 0 && !leapYears.has(leapMonthOf(year))) leapYears.set(leapMonthOf(year), year);
  for (const [month, year] of leapYears) {
    for (let day = 1; day <= lunarMonthLength(year, month, true); day++) await date({ calendar: 'lunar', month, day, isLeapMonth: true, year });
  }
}, 120_000);

afterAll(() => {
  h.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}.key`, { force: true });
});

const SETTINGS: Record<string, AgendaSettings> = {
  'the default lead time': { now: new Date(NOW), defaultLeadDays: 3 },
  'a longer lead time for wedding anniversaries': { now: new Date(NOW), defaultLeadDays: 0, leadDaysByKind: { wedding_anniversary: 14 } },
};

/** Year ends, 28/29 February in common and leap years, Spring Festivals, the edges of leap months (闰六月 2025, 闰十一月 2033). */
const FROM_DAYS: CalendarDay[] = [
  '2026-11-23', '2026-12-31', '2027-01-01', '2027-02-05', '2027-02-26', '2027-02-28', '2028-02-27', '2028-02-28', '2028-02-29',
  '2026-02-16', '2025-07-24', '2025-08-22', '2033-12-20', '2034-01-19',
];

function agendaOf(data: AgendaData, from: CalendarDay, days: number, settings: AgendaSettings) {
  return agendaForRange(data, from, days, settings);
}

function read(window?: { from: CalendarDay; days: number; settings: AgendaSettings }): AgendaData {
  if (!window) return readAgendaInput(h.db, { countingKinds: COUNTING });
  const leadDays = longestDefaultLeadDays({ defaultLeadDays: window.settings.defaultLeadDays ?? 3, leadDaysByKind: window.settings.leadDaysByKind ?? {} });
  return readAgendaInput(h.db, { countingKinds: COUNTING, dates: { from: window.from, to: addDays(window.from, window.days - 1), leadDays } });
}

const dateItems = (days: ReturnType<typeof agendaOf>) => days.flatMap((day) => day.items.filter((item): item is ImportantDateItem => item.kind === 'important_date').map((item) => ({ ...item, day: day.day })));

describe('the important dates read for an agenda of a few days', () => {
  it('give the same agenda as every date, on every kind of window, while reading only a few of them', () => {
    const all = read();
    for (const [name, settings] of Object.entries(SETTINGS)) {
      for (const from of FROM_DAYS) {
        for (const days of [1, 2, 7, 31]) {
          const window = read({ from, days, settings });
          const expected = agendaOf(all, from, days, settings);
          expect(dateItems(expected).length, `${name}, ${days} days from ${from}`).toBeGreaterThan(0);
          expect(agendaOf(window, from, days, settings), `${name}, ${days} days from ${from}`).toEqual(expected);
          expect(window.dates.length, `${name}, ${days} days from ${from}`).toBeLessThan(all.dates.length / 2);
        }
      }
    }
  });

  it('keep the dates that move: 29 February to the 28th, a lunar 30th to a short month’s 29th, a missing leap month to the regular one', () => {
    const settings = SETTINGS['the default lead time']!;
    const shown = (from: CalendarDay, days = 1) => dateItems(agendaOf(read({ from, days, settings }), from, days, settings));
    // 2027 is a common year: the leap-day birthday is kept on 28 February.
    expect(shown('2027-02-28').filter((item) => item.daysUntil === 0).map((item) => item.source)).toContainEqual({ calendar: 'gregorian', month: 2, day: 29, isLeapMonth: false, year: 1988 });
    // 2028-02-29 exists: the date is on it, and not on the 28th.
    expect(shown('2028-02-28').find((item) => item.source.month === 2 && item.source.day === 29 && item.source.calendar === 'gregorian')?.occurrenceDay).toBe('2028-02-29');
    // 2026's 腊月 has 29 days: its 30th (除夕 in a long year) falls on the 29th, 2027-02-05.
    expect(shown('2027-02-05').filter((item) => item.daysUntil === 0).map((item) => `${item.source.calendar} ${item.source.month}/${item.source.day}`)).toContain('lunar 12/30');
    // 2026 has no leap month: 闰六月初一 of 2025 falls on the regular 六月初一 (2026-07-14).
    expect(shown('2026-07-14').filter((item) => item.daysUntil === 0 && item.source.isLeapMonth).map((item) => `${item.source.month}/${item.source.day}`)).toContain('6/1');
    // A window across the year end sees January's dates.
    expect(shown('2026-12-31').some((item) => item.occurrenceDay === '2027-01-03' && item.source.calendar === 'gregorian')).toBe(true);
    // A family member's date names them.
    expect(shown('2026-11-23', 31).some((item) => item.familyMemberName === '王小明')).toBe(true);
  });

  it('look as far ahead as the longest lead time a date has of its own', async () => {
    const settings = SETTINGS['the default lead time']!;
    // 43 days ahead of 2026-11-23, reminded of 45 days before.
    const renewal = await h.call('dates.create', { accountId: ids.account, kind: 'custom', label: '合同续签', calendar: 'gregorian', month: 1, day: 5, leadDays: 45 });
    try {
      const agenda = agendaOf(read({ from: '2026-11-23', days: 1, settings }), '2026-11-23', 1, settings);
      expect(dateItems(agenda).find((item) => item.dateId === renewal.id)).toMatchObject({ occurrenceDay: '2027-01-05', daysUntil: 43 });
      expect(agenda).toEqual(agendaOf(read(), '2026-11-23', 1, settings));
    } finally {
      await h.call('dates.delete', { id: renewal.id });
    }
  });

  it('come from indexes alone: the agenda’s dates, how far ahead to look and the last orders never visit their tables', () => {
    const plan = (sql: string) =>
      (h.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.includes('?') ? ['[]'] : [])) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(plan(INDEXED_READS.datesByDay)).toContain('USING COVERING INDEX important_dates_by_day (calendar=? AND month=? AND day=?)');
    expect(plan(INDEXED_READS.longestOwnLead)).toContain('USING COVERING INDEX important_dates_own_lead');
    expect(plan(INDEXED_READS.lastOrders)).toContain('USING COVERING INDEX orders_live_by_account_day');
  });
});
