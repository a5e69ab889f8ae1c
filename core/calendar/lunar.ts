/**
 * The Chinese lunar calendar (农历), read from ICU through `Intl.DateTimeFormat` with `-u-ca-chinese`,
 * with ICU's few near-midnight new-moon errors corrected (see newMoon.ts).
 *
 * One Intl call costs ~40 µs, far too slow for an agenda over 20,000 dates, so each lunar year is read
 * once into a table of its months (start day, length, leap flag) and every conversion after that is
 * arithmetic. A year's table costs about 15 Intl calls: find the month in progress on Gregorian
 * 20 January (always before the lunar new year, which falls between 21 January and 20 February), then
 * jump 29 days at a time from month start to month start; then one new-moon search per month start
 * (~0.5 ms each), so a table takes about 6 ms once.
 */
import { dayFromParts, dayOfEpochDay, epochDayOf, partsOfDay, type CalendarDay } from './day.js';
import { LUNAR_YEAR_CODES } from './lunarYears.js';
import { newMoonDayNear } from './newMoon.js';

export interface LunarDate {
  /** The Gregorian year in which this lunar year begins (its 正月初一). */
  year: number;
  /** 1–12 */
  month: number;
  /** 1–30 */
  day: number;
  /** true for the days of a leap month (闰月), which repeats the month before it */
  isLeapMonth: boolean;
}

export type LunarMonthLength = 29 | 30;

interface LunarMonth {
  month: number;
  isLeapMonth: boolean;
  /** epoch day of the month's first day (初一) */
  start: number;
  length: LunarMonthLength;
}

export interface LunarYearTable {
  year: number;
  /** epoch day of 正月初一 */
  start: number;
  /** epoch day of the next year's 正月初一 */
  end: number;
  /** 0 when the year has no leap month */
  leapMonth: number;
  months: LunarMonth[];
}

/**
 * Lunar years the tables cover: 1899 holds Gregorian 1900-01-01 (腊月), 2101 holds the occurrences a
 * yearly date can have after 2100. The product promises 1900–2100.
 */
export const FIRST_LUNAR_YEAR = 1899;
export const LAST_LUNAR_YEAR = 2101;

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

/**
 * A lunar year's table read from ICU and the new moons, as described above. The tables of
 * 1899–2101 are kept, computed, in lunarYears.ts (a test computes them again): reading them costs
 * nothing, where computing a year takes milliseconds of ICU calls and new-moon searches.
 */
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

/**
 * A year's table in one number: the days from 1 January to 正月初一 (bits 0–5), the leap month (bits
 * 6–9, 0 for none) and which of its 12 or 13 months have 30 days (bit 10 + i for the i-th month).
 */
export function encodeLunarYear(table: LunarYearTable): number {
  const offset = table.start - epochDayOf(dayFromParts(table.year, 1, 1));
  const longMonths = table.months.reduce((bits, month, i) => (month.length === 30 ? bits | (1 << i) : bits), 0);
  return offset | (table.leapMonth << 6) | (longMonths << 10);
}

export function decodeLunarYear(year: number, code: number): LunarYearTable {
  const leapMonth = (code >> 6) & 0b1111;
  const start = epochDayOf(dayFromParts(year, 1, 1)) + (code & 0b111111);
  const months: LunarMonth[] = [];
  let monthStart = start;
  for (let i = 0; i < (leapMonth === 0 ? 12 : 13); i++) {
    const month = leapMonth !== 0 && i >= leapMonth ? i : i + 1;
    const length: LunarMonthLength = (code >> (10 + i)) & 1 ? 30 : 29;
    months.push({ month, isLeapMonth: leapMonth !== 0 && i === leapMonth, start: monthStart, length });
    monthStart += length;
  }
  return { year, start, end: monthStart, leapMonth, months };
}

const yearTables = new Map<number, LunarYearTable>();

function yearTable(year: number): LunarYearTable {
  let table = yearTables.get(year);
  if (!table) {
    const code = isWithinTables(year) ? LUNAR_YEAR_CODES[year - FIRST_LUNAR_YEAR] : undefined;
    if (code === undefined) throw new RangeError(`lunar year ${year} is outside ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
    table = decodeLunarYear(year, code);
    yearTables.set(year, table);
  }
  return table;
}

function findMonth(table: LunarYearTable, month: number, isLeapMonth: boolean): LunarMonth | undefined {
  return table.months.find((m) => m.month === month && m.isLeapMonth === isLeapMonth);
}

/** The last answer: an agenda asks about the same day for thousands of dates in a row. */
let lastConversion: { day: CalendarDay; lunar: LunarDate } | undefined;

/** The lunar date of a Gregorian day (1900-01-01 … 2100-12-31). */
export function gregorianToLunar(day: CalendarDay): LunarDate {
  if (lastConversion?.day !== day) lastConversion = { day, lunar: convertToLunar(day) };
  return { ...lastConversion.lunar };
}

function convertToLunar(day: CalendarDay): LunarDate {
  const epochDay = epochDayOf(day);
  const gregorianYear = partsOfDay(day).year;
  // Before this year's 正月初一 the day still belongs to the previous lunar year.
  const table = epochDay >= yearTable(gregorianYear).start ? yearTable(gregorianYear) : yearTable(gregorianYear - 1);
  for (let i = table.months.length - 1; i >= 0; i--) {
    const month = table.months[i]!;
    if (epochDay >= month.start) {
      return { year: table.year, month: month.month, day: epochDay - month.start + 1, isLeapMonth: month.isLeapMonth };
    }
  }
  throw new Error(`${day} is not inside lunar year ${table.year}`);
}

/** The Gregorian day of a lunar date, or null if that date does not exist (no such leap month, no day 30). */
export function lunarToGregorian(date: LunarDate): CalendarDay | null {
  if (!isWithinTables(date.year)) return null;
  const month = findMonth(yearTable(date.year), date.month, date.isLeapMonth);
  if (!month || !Number.isInteger(date.day) || date.day < 1 || date.day > month.length) return null;
  return dayOfEpochDay(month.start + date.day - 1);
}

/** The month that `lunarYear` repeats as a leap month (闰月), or 0 if it has none. */
export function leapMonthOf(lunarYear: number): number {
  return yearTable(lunarYear).leapMonth;
}

/** Days in a lunar month: 29 or 30, or 0 if the year has no such month. */
export function lunarMonthLength(lunarYear: number, month: number, isLeapMonth: boolean): 0 | LunarMonthLength {
  return findMonth(yearTable(lunarYear), month, isLeapMonth)?.length ?? 0;
}

/** The Gregorian day of 正月初一 (Spring Festival) of `lunarYear`. */
export function lunarNewYearOf(lunarYear: number): CalendarDay {
  return dayOfEpochDay(yearTable(lunarYear).start);
}

function isWithinTables(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_LUNAR_YEAR && year <= LAST_LUNAR_YEAR;
}
