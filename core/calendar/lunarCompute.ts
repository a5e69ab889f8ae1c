/**
 * How the kept lunar years (lunarYears.ts) are computed: read from ICU through `Intl.DateTimeFormat`
 * with `-u-ca-chinese`, with ICU's few near-midnight new-moon errors corrected (see newMoon.ts). Used
 * by the test that checks the kept years, and to compute them again.
 *
 * One Intl call costs ~40 µs, so each lunar year is read once into a table of its months. A year's
 * table costs about 15 Intl calls: find the month in progress on Gregorian 20 January (always before
 * the lunar new year, which falls between 21 January and 20 February), then jump 29 days at a time
 * from month start to month start; then one new-moon search per month start (~0.5 ms each).
 */
import { dayFromParts, epochDayOf } from './day.js';
import type { LunarMonth, LunarMonthLength, LunarYearTable } from './lunar.js';
import { newMoonDayNear } from './newMoon.js';

const MS_PER_DAY = 86_400_000;

let chineseFormatter: Intl.DateTimeFormat | undefined;

interface IcuLunarDay {
  relatedYear: number;
  month: number;
  isLeapMonth: boolean;
  day: number;
}

/** Ask ICU which lunar day an epoch day is. The `en` locale writes a leap month as e.g. `6bis`. */
function icuLunarDay(epochDay: number): IcuLunarDay {
  chineseFormatter ??= new Intl.DateTimeFormat('en-u-ca-chinese', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  // Noon UTC: the middle of the day, whatever ICU's own day boundary is.
  const parts = chineseFormatter.formatToParts(new Date(epochDay * MS_PER_DAY + MS_PER_DAY / 2));
  const part = (type: string) => parts.find((p) => (p.type as string) === type)?.value ?? '';
  const month = /^(\d{1,2})(bis)?$/.exec(part('month'));
  const relatedYear = Number(part('relatedYear'));
  const day = Number(part('day'));
  if (!month || !Number.isInteger(relatedYear) || !Number.isInteger(day)) {
    throw new Error('This runtime has no ICU Chinese calendar (Intl with -u-ca-chinese)');
  }
  return { relatedYear, month: Number(month[1]), isLeapMonth: month[2] === 'bis', day };
}

/** Epoch day of the first day of the lunar month that `epochDay` lies in. */
function monthStartOf(epochDay: number): number {
  return epochDay - (icuLunarDay(epochDay).day - 1);
}

/** A lunar year's table read from ICU and the new moons, as described above. */
export function computeLunarYearTable(year: number): LunarYearTable {
  // 20 January lies in the 11th or 12th month of the previous lunar year: walk to this year's 正月.
  let start = monthStartOf(epochDayOf(dayFromParts(year, 1, 20)));
  let current = icuLunarDay(start);
  while (current.relatedYear < year) {
    start = nextMonthStart(start);
    current = icuLunarDay(start);
  }
  const icuMonths: Array<{ month: number; isLeapMonth: boolean; start: number }> = [];
  while (current.relatedYear === year) {
    icuMonths.push({ month: current.month, isLeapMonth: current.isLeapMonth, start });
    start = nextMonthStart(start);
    current = icuLunarDay(start);
  }
  const starts = [...icuMonths.map((m) => m.start), start].map(correctedMonthStart);
  const months = icuMonths.map((m, i): LunarMonth => ({
    month: m.month,
    isLeapMonth: m.isLeapMonth,
    start: starts[i]!,
    length: (starts[i + 1]! - starts[i]!) as LunarMonthLength,
  }));
  if (months.length < 12 || months.some((m) => m.length !== 29 && m.length !== 30)) {
    throw new Error(`lunar year ${year} has an impossible month table`);
  }
  return {
    year,
    start: starts[0]!,
    end: starts[starts.length - 1]!,
    leapMonth: months.find((m) => m.isLeapMonth)?.month ?? 0,
    months,
  };
}

/**
 * ICU's month start, moved to the day of the accurately computed new moon when ICU puts a
 * near-midnight new moon on the neighbouring day (see newMoon.ts). A disagreement of more than a
 * day would be a bug in one of the two, not a near-midnight case: then ICU is kept.
 */
function correctedMonthStart(icuStart: number): number {
  const newMoonDay = newMoonDayNear(icuStart);
  return newMoonDay !== null && Math.abs(newMoonDay - icuStart) <= 1 ? newMoonDay : icuStart;
}

/** A lunar month has 29 or 30 days: day 30 of this month, or day 1 of the next, is 29 days after 初一. */
function nextMonthStart(monthStart: number): number {
  return icuLunarDay(monthStart + 29).day === 1 ? monthStart + 29 : monthStart + 30;
}
