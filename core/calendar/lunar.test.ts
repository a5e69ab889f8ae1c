import { describe, expect, it } from 'vitest';
import { addDays } from './day.js';
import {
  gregorianToLunar,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearOf,
  lunarToGregorian,
  type LunarDate,
} from './lunar.js';

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

describe('lunar calendar', () => {
  it('agrees with ICU on every day of 2000–2031, round-trips, and has ICU month lengths and leap months', () => {
    const mismatches: string[] = [];
    const daysPerMonth = new Map<string, { year: number; month: number; isLeapMonth: boolean; days: number }>();
    for (let day = '2000-01-01'; day <= '2031-12-31'; day = addDays(day, 1)) {
      const expected = icuLunar(day);
      const actual = gregorianToLunar(day);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${day}: ${JSON.stringify(actual)}`);
      if (lunarToGregorian(actual) !== day) mismatches.push(`${day} does not round-trip`);
      const key = monthKey(expected);
      const entry = daysPerMonth.get(key) ?? { ...expected, days: 0 };
      entry.days = Math.max(entry.days, expected.day);
      daysPerMonth.set(key, entry);
    }
    expect(mismatches).toEqual([]);

    // Months wholly inside the span (the first and last are cut by it).
    const whole = [...daysPerMonth.values()].slice(1, -1);
    expect(whole.length).toBeGreaterThan(390);
    for (const m of whole) expect(lunarMonthLength(m.year, m.month, m.isLeapMonth), monthKey({ ...m, day: 1 })).toBe(m.days);
    for (let year = 2000; year <= 2030; year++) {
      const leap = whole.find((m) => m.year === year && m.isLeapMonth)?.month ?? 0;
      expect(leapMonthOf(year), String(year)).toBe(leap);
    }
  });

  it('has the ICU month starts and lengths for every month of lunar years 1900–2100', () => {
    const mismatches: string[] = [];
    for (let year = 1900; year <= 2100; year++) {
      const leap = leapMonthOf(year);
      const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].flatMap((month) =>
        month === leap ? [{ month, isLeapMonth: false }, { month, isLeapMonth: true }] : [{ month, isLeapMonth: false }],
      );
      for (const { month, isLeapMonth } of months) {
        const length = lunarMonthLength(year, month, isLeapMonth);
        const first = lunarToGregorian({ year, month, day: 1, isLeapMonth });
        const last = lunarToGregorian({ year, month, day: length, isLeapMonth });
        const expectedFirst = { year, month, day: 1, isLeapMonth };
        const ok = first !== null && last !== null &&
          JSON.stringify(icuLunar(first)) === JSON.stringify(expectedFirst) &&
          JSON.stringify(icuLunar(last)) === JSON.stringify({ ...expectedFirst, day: length }) &&
          icuLunar(addDays(last, 1)).day === 1;
        if (!ok) mismatches.push(monthKey({ year, month, day: 1, isLeapMonth }));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the published dates', () => {
    expect(gregorianToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(lunarToGregorian({ year: 2025, month: 6, day: 1, isLeapMonth: true })).toBe('2025-07-25');
    expect(lunarToGregorian({ year: 2026, month: 1, day: 1, isLeapMonth: false })).toBe('2026-02-17');
    expect(lunarNewYearOf(2026)).toBe('2026-02-17');
    expect(gregorianToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBe(0);
    expect(leapMonthOf(2028)).toBe(5);
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
    for (const day of ['1900-01-01', '1900-01-30', '1900-01-31', '2100-02-08', '2100-02-09', '2100-12-31']) {
      expect(gregorianToLunar(day), day).toEqual(icuLunar(day));
      expect(lunarToGregorian(gregorianToLunar(day))).toBe(day);
    }
    expect(gregorianToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, isLeapMonth: false });
    expect(() => gregorianToLunar('1800-06-01')).toThrow(RangeError);
  });

  it('converts 20,000 days fast once the year tables are built', () => {
    gregorianToLunar('2026-06-01');
    gregorianToLunar('2027-06-01');
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) gregorianToLunar(addDays('2026-01-01', i % 600));
    expect(performance.now() - start).toBeLessThan(200);
  });
});
