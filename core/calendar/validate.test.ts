import { describe, expect, it } from 'vitest';
import type { YearlyDate } from '../model/schemas.js';
import { validateYearlyDate } from './validate.js';
import { lunarMonthLength } from './lunar.js';

const gregorian = (month: number, day: number, year: number | null = null): YearlyDate =>
  ({ calendar: 'gregorian', month, day, isLeapMonth: false, year });
const lunar = (month: number, day: number, year: number | null = null, isLeapMonth = false): YearlyDate =>
  ({ calendar: 'lunar', month, day, isLeapMonth, year });

describe('validateYearlyDate', () => {
  it('accepts real dates', () => {
    expect(validateYearlyDate(gregorian(3, 5))).toBeNull();
    expect(validateYearlyDate(gregorian(12, 31, 1990))).toBeNull();
    expect(validateYearlyDate(lunar(8, 15))).toBeNull();
    expect(validateYearlyDate(lunar(6, 1, 2025, true))).toBeNull();
  });

  it('refuses a year outside 1900–2100', () => {
    expect(validateYearlyDate(gregorian(1, 1, 1899))).toEqual({ field: 'year', messageKey: 'validation.yearRange' });
    expect(validateYearlyDate(lunar(1, 1, 2101))).toEqual({ field: 'year', messageKey: 'validation.yearRange' });
    expect(validateYearlyDate(gregorian(1, 1, 1990.5))).toEqual({ field: 'year', messageKey: 'validation.yearRange' });
  });

  it('refuses a month outside 1–12 in either calendar', () => {
    for (const date of [gregorian(0, 1), gregorian(13, 1), lunar(13, 1), lunar(0, 1), lunar(1.5, 1)]) {
      expect(validateYearlyDate(date)).toEqual({ field: 'month', messageKey: 'validation.monthRange' });
    }
  });

  it('checks Gregorian days against the month, allowing 29 February when the year allows it', () => {
    expect(validateYearlyDate(gregorian(1, 32))).toEqual({ field: 'day', messageKey: 'validation.dayRange' });
    expect(validateYearlyDate(gregorian(1, 0))).toEqual({ field: 'day', messageKey: 'validation.dayRange' });
    expect(validateYearlyDate(gregorian(4, 31))).toEqual({ field: 'day', messageKey: 'validation.invalidDate' });
    expect(validateYearlyDate(gregorian(2, 30))).toEqual({ field: 'day', messageKey: 'validation.invalidDate' });
    expect(validateYearlyDate(gregorian(2, 29))).toBeNull();
    expect(validateYearlyDate(gregorian(2, 29, 1992))).toBeNull();
    expect(validateYearlyDate(gregorian(2, 29, 1900))).toEqual({ field: 'day', messageKey: 'validation.invalidDate' });
    expect(validateYearlyDate(gregorian(2, 29, 2023))).toEqual({ field: 'day', messageKey: 'validation.invalidDate' });
  });

  it('refuses a leap flag on a Gregorian date', () => {
    expect(validateYearlyDate({ ...gregorian(6, 1), isLeapMonth: true })).toEqual({ field: 'isLeapMonth', messageKey: 'validation.invalidDate' });
  });

  it('keeps lunar days within 1–30', () => {
    expect(validateYearlyDate(lunar(8, 31))).toEqual({ field: 'day', messageKey: 'validation.lunarDayRange' });
    expect(validateYearlyDate(lunar(8, 0))).toEqual({ field: 'day', messageKey: 'validation.lunarDayRange' });
    expect(validateYearlyDate(lunar(8, 30))).toBeNull();
  });

  it('allows the leap flag on any month when the year is unknown, and only on the year\'s leap month when known', () => {
    expect(validateYearlyDate(lunar(6, 1, null, true))).toBeNull();
    expect(validateYearlyDate(lunar(11, 1, null, true))).toBeNull();
    expect(validateYearlyDate(lunar(6, 1, 2024, true))).toEqual({ field: 'isLeapMonth', messageKey: 'validation.noLeapMonthInYear' });
    expect(validateYearlyDate(lunar(5, 1, 2025, true))).toEqual({ field: 'isLeapMonth', messageKey: 'validation.noLeapMonthInYear' });
    expect(validateYearlyDate(lunar(2, 10, 2023, true))).toBeNull();
    expect(validateYearlyDate(lunar(4, 10, 2020, true))).toBeNull();
  });

  it('refuses lunar day 30 in a 29-day month of a known year', () => {
    const year = 2025;
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(year, m, false) === 29)!;
    const long = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(year, m, false) === 30)!;
    expect(validateYearlyDate(lunar(short, 30, year))).toEqual({ field: 'day', messageKey: 'validation.invalidDate' });
    expect(validateYearlyDate(lunar(long, 30, year))).toBeNull();
    expect(validateYearlyDate(lunar(short, 30))).toBeNull();
  });
});
