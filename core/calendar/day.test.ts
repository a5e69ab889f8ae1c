import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dayFromParts,
  dayOfEpochDay,
  dayOfInstant,
  daysInGregorianMonth,
  diffDays,
  epochDayOf,
  isLeapYear,
  partsOfDay,
  todayIn,
  weekdayOf,
} from './day.js';

describe('calendar days', () => {
  it('builds and splits YYYY-MM-DD days', () => {
    expect(dayFromParts(2026, 2, 7)).toBe('2026-02-07');
    expect(dayFromParts(45, 12, 31)).toBe('0045-12-31');
    expect(partsOfDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('refuses days that do not exist', () => {
    expect(() => dayFromParts(2023, 2, 29)).toThrow(RangeError);
    expect(() => dayFromParts(2024, 13, 1)).toThrow(RangeError);
    expect(() => dayFromParts(2024, 4, 31)).toThrow(RangeError);
    expect(() => dayFromParts(2024, 1, 0)).toThrow(RangeError);
    for (const text of ['2023-02-29', '2024-1-05', '2024-00-10', '20240105', '2024-01-05T00:00', '']) {
      expect(() => partsOfDay(text), text).toThrow(RangeError);
    }
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInGregorianMonth(2024, 2)).toBe(29);
    expect(daysInGregorianMonth(1900, 2)).toBe(28);
    expect(daysInGregorianMonth(2023, 4)).toBe(30);
    expect(daysInGregorianMonth(2023, 12)).toBe(31);
    expect(() => daysInGregorianMonth(2023, 0)).toThrow(RangeError);
  });

  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2000-01-01', 366)).toBe('2001-01-01');
    expect(diffDays('2026-02-17', '2025-01-29')).toBe(384);
    expect(diffDays('2025-01-29', '2026-02-17')).toBe(-384);
    expect(epochDayOf('1970-01-01')).toBe(0);
    expect(epochDayOf('1969-12-31')).toBe(-1);
    expect(dayOfEpochDay(epochDayOf('1900-03-01'))).toBe('1900-03-01');
  });

  it('round-trips every day of 1900–2100 through the epoch day', () => {
    const mismatches: string[] = [];
    let day = '1900-01-01';
    let epochDay = epochDayOf(day);
    while (day <= '2100-12-31') {
      if (epochDayOf(day) !== epochDay) mismatches.push(day);
      day = dayOfEpochDay(++epochDay);
    }
    expect(mismatches).toEqual([]);
    expect(day).toBe('2101-01-01');
  });

  it('gives the weekday with Sunday as 0', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(weekdayOf('1900-01-01')).toBe(1);
    expect(weekdayOf('2024-12-29')).toBe(0);
  });

  it('reads the calendar day of an instant in a time zone', () => {
    const instant = new Date('2026-02-16T20:30:00Z');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-02-17');
    expect(todayIn('UTC', instant)).toBe('2026-02-16');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-02-16');
    expect(dayOfInstant('2026-02-16T23:59:59-08:00', 'Asia/Shanghai')).toBe('2026-02-17');
    expect(dayOfInstant('2026-02-16T23:59:59-08:00', 'America/Los_Angeles')).toBe('2026-02-16');
    expect(todayIn()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => dayOfInstant('not a date', 'UTC')).toThrow(RangeError);
  });
});

describe('the day of an instant in the runtime’s own zone', () => {
  const zoneBefore = process.env.TZ;
  afterEach(() => {
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  // Zones whose day boundary moves: DST at midnight (Santiago), half-hour DST (Lord Howe), half-hour offset (Kolkata), none (Shanghai), Europe.
  it.each(['America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York'])(
    'is the day the zone’s formatter names, across its transitions (%s)',
    (zone) => {
      process.env.TZ = zone;
      const mismatches: string[] = [];
      // Every 15 minutes through 2024 and 1990 (older rules) around each zone's change-over months.
      for (const [from, to] of [['1990-03-01', '1990-05-01'], ['1990-09-01', '1990-11-01'], ['2024-03-25', '2024-04-10'], ['2024-09-01', '2024-11-05']]) {
        for (let ms = Date.parse(`${from}T00:00:00Z`); ms < Date.parse(`${to}T00:00:00Z`); ms += 15 * 60_000) {
          const iso = new Date(ms).toISOString();
          if (dayOfInstant(iso) !== dayOfInstant(iso, zone)) mismatches.push(iso);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});
