/**
 * The Chinese lunar calendar (农历) of 1899–2101: Gregorian day ↔ lunar date, leap months, month
 * lengths. Each lunar year is a table of its months (start day, length, leap flag), kept in
 * lunarYears.ts as computed from ICU with its near-midnight new moons corrected (lunarCompute.ts), so
 * every conversion is arithmetic and nothing is computed at start.
 */
import { dayFromParts, dayOfEpochDay, epochDayOf, partsOfDay, type CalendarDay } from './day.js';
import { LUNAR_YEAR_CODES } from './lunarYears.js';

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

export interface LunarMonth {
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
