import { describe, expect, it } from 'vitest';
import type { YearlyDate } from '../model/schemas.js';
import { addDays } from './day.js';
import { gregorianToLunar, leapMonthOf, lunarMonthLength, lunarToGregorian } from './lunar.js';
import { isMilestone, nextOccurrence, occurrencesBetween } from './occurrence.js';

const gregorian = (month: number, day: number, year: number | null = null): YearlyDate =>
  ({ calendar: 'gregorian', month, day, isLeapMonth: false, year });
const lunar = (month: number, day: number, year: number | null = null, isLeapMonth = false): YearlyDate =>
  ({ calendar: 'lunar', month, day, isLeapMonth, year });

describe('nextOccurrence, Gregorian', () => {
  it('finds this year\'s day, today included, else next year\'s', () => {
    expect(nextOccurrence(gregorian(3, 5), '2026-01-10')).toEqual({ day: '2026-03-05', years: null });
    expect(nextOccurrence(gregorian(3, 5), '2026-03-05')).toEqual({ day: '2026-03-05', years: null });
    expect(nextOccurrence(gregorian(3, 5), '2026-03-06')).toEqual({ day: '2027-03-05', years: null });
    expect(nextOccurrence(gregorian(1, 1), '2026-12-31')).toEqual({ day: '2027-01-01', years: null });
  });

  it('counts years when the year is known', () => {
    expect(nextOccurrence(gregorian(9, 15, 1966), '2026-06-01')).toEqual({ day: '2026-09-15', years: 60 });
    expect(nextOccurrence(gregorian(9, 15, 1966), '2026-09-16')).toEqual({ day: '2027-09-15', years: 61 });
  });

  it('has no occurrence before the original date', () => {
    expect(nextOccurrence(gregorian(9, 15, 2028), '2026-06-01')).toEqual({ day: '2028-09-15', years: 0 });
  });

  it('moves 29 February to 28 February in common years', () => {
    expect(nextOccurrence(gregorian(2, 29, 1996), '2025-01-01')).toEqual({ day: '2025-02-28', years: 29 });
    expect(nextOccurrence(gregorian(2, 29), '2028-01-01')).toEqual({ day: '2028-02-29', years: null });
    expect(nextOccurrence(gregorian(2, 29), '2100-01-01').day).toBe('2100-02-28');
    expect(nextOccurrence(gregorian(2, 29), '2027-03-01').day).toBe('2028-02-29');
  });
});

describe('nextOccurrence, lunar', () => {
  it('converts through the lunar year of the start day', () => {
    // 中秋 2025 is 2025-10-06, 2026 is 2026-09-25.
    expect(nextOccurrence(lunar(8, 15), '2025-06-01')).toEqual({ day: '2025-10-06', years: null });
    expect(nextOccurrence(lunar(8, 15), '2025-10-07')).toEqual({ day: '2026-09-25', years: null });
    // In January 2026 it is still lunar 2025: 腊月 of 2025 is ahead, 正月初一 2026 is 2026-02-17.
    expect(nextOccurrence(lunar(12, 1), '2026-01-05').day).toBe(lunarToGregorian({ year: 2025, month: 12, day: 1, isLeapMonth: false }));
    expect(nextOccurrence(lunar(1, 1), '2026-01-05').day).toBe('2026-02-17');
  });

  it('counts lunar years', () => {
    const birth = gregorianToLunar('1966-09-29');
    const date = lunar(birth.month, birth.day, birth.year, birth.isLeapMonth);
    const next = nextOccurrence(date, '2026-01-01');
    expect(next.years).toBe(gregorianToLunar(next.day).year - birth.year);
    expect(gregorianToLunar(next.day)).toMatchObject({ month: birth.month, day: birth.day });
  });

  it('falls on the leap month when the year has it, else on the regular month', () => {
    const leapSixth = lunar(6, 1, null, true);
    expect(nextOccurrence(leapSixth, '2025-07-01')).toEqual({ day: '2025-07-25', years: null });
    // 2026 has no 闰六月: the regular 六月初一.
    const next = nextOccurrence(leapSixth, '2025-08-01');
    expect(leapMonthOf(2026)).not.toBe(6);
    expect(next.day).toBe(lunarToGregorian({ year: 2026, month: 6, day: 1, isLeapMonth: false }));
    // A regular-month date in a year with that leap month: only the regular month.
    const regularSixth = lunarToGregorian({ year: 2025, month: 6, day: 1, isLeapMonth: false })!;
    expect(nextOccurrence(lunar(6, 1), '2025-06-01').day).toBe(regularSixth);
    expect(nextOccurrence(lunar(6, 1), addDays(regularSixth, 1)).day).toBe(lunarToGregorian({ year: 2026, month: 6, day: 1, isLeapMonth: false }));
  });

  it('moves lunar day 30 to day 29 in a 29-day month', () => {
    const year = 2026;
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(year, m, false) === 29)!;
    const from = lunarToGregorian({ year, month: 1, day: 1, isLeapMonth: false })!;
    expect(nextOccurrence(lunar(short, 30), from).day).toBe(lunarToGregorian({ year, month: short, day: 29, isLeapMonth: false }));
    const long = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(year, m, false) === 30)!;
    expect(nextOccurrence(lunar(long, 30), from).day).toBe(lunarToGregorian({ year, month: long, day: 30, isLeapMonth: false }));
  });

  it('never returns a day before the start, for any lunar date, from any start', () => {
    const problems: string[] = [];
    for (let start = '2024-01-01'; start <= '2026-12-31'; start = addDays(start, 7)) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 29, 30]) {
          const next = nextOccurrence(lunar(month, day), start);
          const daysAway = (Date.parse(next.day) - Date.parse(start)) / 86_400_000;
          if (daysAway < 0 || daysAway > 385) problems.push(`${month}/${day} from ${start}: ${next.day}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('occurrencesBetween', () => {
  it('lists every occurrence in the range, ends included', () => {
    expect(occurrencesBetween(gregorian(3, 5, 2000), '2024-03-05', '2026-03-05')).toEqual([
      { day: '2024-03-05', years: 24 },
      { day: '2025-03-05', years: 25 },
      { day: '2026-03-05', years: 26 },
    ]);
    expect(occurrencesBetween(lunar(8, 15), '2024-01-01', '2026-12-31').map((o) => o.day)).toEqual(['2024-09-17', '2025-10-06', '2026-09-25']);
    expect(occurrencesBetween(gregorian(3, 5), '2024-03-06', '2025-03-04')).toEqual([]);
  });
});

describe('isMilestone', () => {
  it('flags decade birthdays and the first', () => {
    expect([1, 10, 30, 60, 70, 80].every((y) => isMilestone('birthday', y))).toBe(true);
    expect([2, 5, 15, 59, 61].some((y) => isMilestone('birthday', y))).toBe(false);
  });

  it('flags the first and every fifth anniversary', () => {
    for (const kind of ['wedding_anniversary', 'founding_day', 'contract_anniversary', 'first_deal_anniversary', 'custom'] as const) {
      expect([1, 5, 10, 15, 20, 25].every((y) => isMilestone(kind, y)), kind).toBe(true);
      expect([2, 3, 7, 11, 21].some((y) => isMilestone(kind, y)), kind).toBe(false);
    }
  });

  it('never flags an unknown or non-positive count', () => {
    expect(isMilestone('birthday', null)).toBe(false);
    expect(isMilestone('birthday', 0)).toBe(false);
    expect(isMilestone('wedding_anniversary', -5)).toBe(false);
  });
});
