import { describe, expect, it } from 'vitest';
import { addDays, epochDayOf } from './day.js';
import {
  gregorianToLunar,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearOf,
  lunarToGregorian,
  type LunarDate,
} from './lunar.js';
import { newMoonNear } from './newMoon.js';

/** ICU asked directly, one call per day, with the zh-CN month names (闰六月) as an independent reading. */
const icu = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const ZH_MONTHS: Record<string, number> = {
  正月: 1, 二月: 2, 三月: 3, 四月: 4, 五月: 5, 六月: 6, 七月: 7, 八月: 8, 九月: 9, 十月: 10,
  十一月: 11, 冬月: 11, 十二月: 12, 腊月: 12,
};
function icuLunar(day: string): LunarDate {
  const parts = icu.formatToParts(new Date(`${day}T12:00:00Z`));
  const value = (type: string) => parts.find((p) => (p.type as string) === type)!.value;
  const monthName = value('month');
  const isLeapMonth = monthName.startsWith('闰');
  const month = ZH_MONTHS[isLeapMonth ? monthName.slice(1) : monthName];
  if (month === undefined) throw new Error(`unexpected ICU month name ${monthName}`);
  return { year: Number(value('relatedYear')), month, day: Number(value('day')), isLeapMonth };
}

const monthKey = (l: LunarDate) => `${l.year}/${l.isLeapMonth ? 'leap' : ''}${l.month}`;

const MS_PER_DAY = 86_400_000;
const BEIJING_MEAN_TIME_MS = ((116 + 25 / 60) / 360) * MS_PER_DAY;
const clock = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 19).replace('T', ' ');
/** The new moon of the month starting on `day`, e.g. `2027-02-06 23:56:02 UTC+8` (and in Beijing mean time before 1929). */
function newMoonClock(day: string): string {
  const moment = newMoonNear(epochDayOf(day))! * MS_PER_DAY;
  const chinaStandardTime = `${clock(moment + 8 * 3_600_000)} UTC+8`;
  return day < '1929-01-01' ? `${chinaStandardTime} = ${clock(moment + BEIJING_MEAN_TIME_MS)} Beijing mean time` : chinaStandardTime;
}

describe('lunar calendar', () => {
  it('agrees with ICU on every day of 2000–2031 except where ICU misplaces a near-midnight new moon', () => {
    const problems: string[] = [];
    const disagreementRuns: string[] = [];
    let previousDisagreed = false;
    const icuDays = new Map<string, string>();
    const icuText = (day: string) => {
      if (!icuDays.has(day)) icuDays.set(day, JSON.stringify(icuLunar(day)));
      return icuDays.get(day)!;
    };
    for (let day = '2000-01-01'; day <= '2031-12-31'; day = addDays(day, 1)) {
      const ours = gregorianToLunar(day);
      if (lunarToGregorian(ours) !== day) problems.push(`${day} does not round-trip`);
      const oursText = JSON.stringify(ours);
      const disagrees = oursText !== icuText(day);
      // A corrected month starts one day earlier or later than ICU's, so each day reads as ICU's
      // neighbour, except the day 30 that a month gains when its successor starts a day later.
      const shifted = ours.day === 30 || [addDays(day, 1), addDays(day, -1)].some((d) => icuText(d) === oursText);
      if (disagrees && !shifted) problems.push(`${day}: ${JSON.stringify(ours)}`);
      if (disagrees && !previousDisagreed) disagreementRuns.push(day);
      previousDisagreed = disagrees;
    }
    expect(problems).toEqual([]);
    expect(disagreementRuns).toEqual(['2012-08-17', '2018-11-07', '2027-02-06', '2030-02-02']);
  });

  it('has ICU\'s months, leap months and month starts for lunar years 1900–2100, but for the corrected new moons', () => {
    const differences: string[] = [];
    const problems: string[] = [];
    for (let year = 1900; year <= 2100; year++) {
      const leap = leapMonthOf(year);
      const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((month) =>
        month === leap ? [{ month, isLeapMonth: false }, { month, isLeapMonth: true }] : [{ month, isLeapMonth: false }],
      );
      for (const { month, isLeapMonth } of months) {
        const length = lunarMonthLength(year, month, isLeapMonth);
        const first = lunarToGregorian({ year, month, day: 1, isLeapMonth })!;
        const expected = { year, month, day: 1, isLeapMonth };
        if (length !== 29 && length !== 30) problems.push(`${monthKey(expected)} has ${length} days`);
        if (JSON.stringify(icuLunar(first)) === JSON.stringify(expected)) continue;
        const icuFirst = [addDays(first, -1), addDays(first, 1)].find((d) => JSON.stringify(icuLunar(d)) === JSON.stringify(expected));
        if (icuFirst) differences.push(`${monthKey(expected)} ${first} (ICU ${icuFirst}), new moon ${newMoonClock(first)}`);
        else problems.push(`${monthKey(expected)} starts ${first}, nowhere near ICU`);
      }
    }
    expect(problems).toEqual([]);
    // Every month start that differs from ICU's, with the new moon in China Standard Time; before 1929
    // the day is reckoned in Beijing mean time (chinaTime.ts), given too. A new difference fails here.
    expect(differences).toEqual([
      '1906/4 1906-04-23 (ICU 1906-04-24), new moon 1906-04-24 00:06:22 UTC+8 = 1906-04-23 23:52:02 Beijing mean time',
      '1954/1 1954-02-03 (ICU 1954-02-04), new moon 1954-02-03 23:55:22 UTC+8',
      '1955/2 1955-02-22 (ICU 1955-02-23), new moon 1955-02-22 23:54:15 UTC+8',
      '1998/12 1999-01-17 (ICU 1999-01-18), new moon 1999-01-17 23:46:06 UTC+8',
      '2012/7 2012-08-17 (ICU 2012-08-18), new moon 2012-08-17 23:54:28 UTC+8',
      '2018/10 2018-11-08 (ICU 2018-11-07), new moon 2018-11-08 00:02:02 UTC+8',
      '2027/1 2027-02-06 (ICU 2027-02-07), new moon 2027-02-06 23:56:02 UTC+8',
      '2030/1 2030-02-03 (ICU 2030-02-02), new moon 2030-02-03 00:07:26 UTC+8',
      '2070/2 2070-03-12 (ICU 2070-03-13), new moon 2070-03-12 23:51:59 UTC+8',
    ]);
  });

  it('knows the published dates', () => {
    expect(gregorianToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(lunarToGregorian({ year: 2025, month: 6, day: 1, isLeapMonth: true })).toBe('2025-07-25');
    expect(lunarToGregorian({ year: 2026, month: 1, day: 1, isLeapMonth: false })).toBe('2026-02-17');
    expect(lunarNewYearOf(2026)).toBe('2026-02-17');
    expect(gregorianToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    // Hong Kong Observatory: 春节 2027 is 6 February, 2030 is 3 February (ICU 78 says 7 and 2 February).
    expect(lunarNewYearOf(2027)).toBe('2027-02-06');
    expect(gregorianToLunar('2030-02-02')).toEqual({ year: 2029, month: 12, day: 30, isLeapMonth: false });
    expect(lunarNewYearOf(2030)).toBe('2030-02-03');
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBe(0);
    expect(leapMonthOf(2028)).toBe(5);
  });

  it('puts 九月初一 2057 on 29 September, the new moon being seconds after midnight (as ICU and lunar-javascript do)', () => {
    expect(lunarMonthLength(2057, 8, false)).toBe(30);
    expect(gregorianToLunar('2057-09-28')).toEqual({ year: 2057, month: 8, day: 30, isLeapMonth: false });
    expect(lunarToGregorian({ year: 2057, month: 9, day: 1, isLeapMonth: false })).toBe('2057-09-29');
    expect(gregorianToLunar('2057-10-27')).toEqual({ year: 2057, month: 9, day: 29, isLeapMonth: false });
  });

  it('gives 0 for a month the year does not have and null for a date that does not exist', () => {
    expect(lunarMonthLength(2024, 6, true)).toBe(0);
    expect(lunarMonthLength(2025, 6, true)).toBeOneOf([29, 30]);
    expect(lunarToGregorian({ year: 2024, month: 6, day: 1, isLeapMonth: true })).toBeNull();
    const twentyNineDayMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(2025, m, false) === 29)!;
    expect(lunarToGregorian({ year: 2025, month: twentyNineDayMonth, day: 30, isLeapMonth: false })).toBeNull();
    expect(lunarToGregorian({ year: 2025, month: 13, day: 1, isLeapMonth: false })).toBeNull();
    expect(lunarToGregorian({ year: 2025, month: 1, day: 0, isLeapMonth: false })).toBeNull();
    expect(lunarToGregorian({ year: 1700, month: 1, day: 1, isLeapMonth: false })).toBeNull();
  });

  it('covers the ends of 1900–2100', () => {
    for (const day of ['1900-01-01', '1900-01-30', '1900-01-31', '2100-02-08', '2100-02-09', '2100-12-31', '2101-01-01']) {
      expect(gregorianToLunar(day), day).toEqual(icuLunar(day));
      expect(lunarToGregorian(gregorianToLunar(day))).toBe(day);
    }
    expect(gregorianToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, isLeapMonth: false });
    expect(() => gregorianToLunar('1800-06-01')).toThrow(RangeError);
  });
});
