import { describe, expect, it } from 'vitest';
import { parseImportDate, type DateParse } from './dates.js';

const gregorian = (year: number | null, month: number, day: number) => ({ calendar: 'gregorian', year, month, day, isLeapMonth: false });
const lunar = (month: number, day: number, isLeapMonth = false, year: number | null = null) => ({ calendar: 'lunar', year, month, day, isLeapMonth });
const dateOf = (result: DateParse) => (result.ok ? result.value.date : result.issue);
const issueOf = (result: DateParse) => (result.ok ? null : result.issue.key);

describe('parseImportDate', () => {
  it.each([
    ['2026-03-05', gregorian(2026, 3, 5)],
    ['2026/3/5', gregorian(2026, 3, 5)],
    ['2026.3.5', gregorian(2026, 3, 5)],
    ['20260305', gregorian(2026, 3, 5)],
    ['2026年3月5日', gregorian(2026, 3, 5)],
    ['２０２６年３月５日', gregorian(2026, 3, 5)],
    ['3月5日', gregorian(null, 3, 5)],
    ['3月5号', gregorian(null, 3, 5)],
    ['2月29日', gregorian(null, 2, 29)],
    ['农历八月十五', lunar(8, 15)],
    ['闰六月初一', lunar(6, 1, true)],
    ['L8/15', lunar(8, 15)],
    ['腊月廿三', lunar(12, 23)],
  ])('reads %s', (text, expected) => {
    expect(dateOf(parseImportDate(text))).toEqual(expected);
  });

  it('reads day/month orders as chosen, and unambiguous ones without a choice', () => {
    expect(dateOf(parseImportDate('3/5/2026', { order: 'MDY' }))).toEqual(gregorian(2026, 3, 5));
    expect(dateOf(parseImportDate('5/3/2026', { order: 'DMY' }))).toEqual(gregorian(2026, 3, 5));
    expect(dateOf(parseImportDate('25/12/2026'))).toEqual(gregorian(2026, 12, 25));
    expect(dateOf(parseImportDate('12/25/2026'))).toEqual(gregorian(2026, 12, 25));
    expect(dateOf(parseImportDate('3/5', { order: 'DMY' }))).toEqual(gregorian(null, 5, 3));
    expect(parseImportDate('3/5/2026')).toEqual({ ok: false, issue: { key: 'import.date.ambiguousOrder', params: { text: '3/5/2026' } } });
  });

  it('reads Excel serial numbers in the 1900 date system, Lotus leap-year bug included', () => {
    expect(dateOf(parseImportDate(1))).toEqual(gregorian(1900, 1, 1));
    expect(dateOf(parseImportDate(59))).toEqual(gregorian(1900, 2, 28));
    expect(issueOf(parseImportDate(60))).toBe('import.date.excelPhantomDay');
    expect(dateOf(parseImportDate(61))).toEqual(gregorian(1900, 3, 1));
    expect(dateOf(parseImportDate(46086))).toEqual(gregorian(2026, 3, 5));
    expect(dateOf(parseImportDate('46086'))).toEqual(gregorian(2026, 3, 5));
    const withTime = parseImportDate(46086.5);
    expect(withTime.ok && withTime.value.minutes).toBe(720);
    expect(issueOf(parseImportDate(0))).toBe('import.date.unrecognised');
  });

  it('keeps the time of day of a visit', () => {
    const result = parseImportDate('2026-03-05 14:30');
    expect(result).toEqual({ ok: true, value: { date: gregorian(2026, 3, 5), minutes: 870 } });
    expect(issueOf(parseImportDate('2026-03-05 25:00'))).toBe('import.date.invalidTime');
  });

  it('reads numeric dates in a lunar column as lunar', () => {
    expect(dateOf(parseImportDate('8/15', { calendar: 'lunar', order: 'MDY' }))).toEqual(lunar(8, 15));
    expect(dateOf(parseImportDate('1980-08-15', { calendar: 'lunar' }))).toEqual(lunar(8, 15, false, 1980));
    expect(issueOf(parseImportDate('8/31', { calendar: 'lunar', order: 'MDY' }))).toBe('validation.lunarDayRange');
  });

  it.each([
    ['2026-02-30', 'validation.invalidDate'],
    ['2026-13-01', 'validation.invalidDate'],
    ['2月30日', 'validation.invalidDate'],
    ['1850-01-01', 'validation.yearRange'],
    ['农历十三月初一', 'import.date.unrecognised'],
    ['next tuesday', 'import.date.unrecognised'],
    ['', 'validation.required'],
  ])('refuses %s with %s', (text, key) => {
    expect(issueOf(parseImportDate(text))).toBe(key);
  });
});
