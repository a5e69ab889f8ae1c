/**
 * When a yearly date (birthday, anniversary, …) falls, in either calendar.
 *
 * Dates that a year lacks move to the nearest earlier day people use: 29 February to 28 February in
 * common years, a leap-month date to the regular month in years without that leap month, lunar day
 * 30 to day 29 in a 29-day month. When the original year is known, there are no occurrences before
 * the original date itself (years = 0).
 */
import type { YearlyDate } from './yearlyDate.js';
import { addDays, dayFromParts, daysInGregorianMonth, partsOfDay, type CalendarDay } from './day.js';
import { gregorianToLunar, leapMonthOf, lunarMonthLength, lunarToGregorian } from './lunar.js';

export interface Occurrence {
  day: CalendarDay;
  /** occurrence year − original year (lunar years for lunar dates); null when the year is unknown */
  years: number | null;
}

function gregorianOccurrence(date: YearlyDate, year: number): CalendarDay {
  return dayFromParts(year, date.month, Math.min(date.day, daysInGregorianMonth(year, date.month)));
}

function lunarOccurrence(date: YearlyDate, lunarYear: number): CalendarDay {
  const isLeapMonth = date.isLeapMonth && leapMonthOf(lunarYear) === date.month;
  const day = Math.min(date.day, lunarMonthLength(lunarYear, date.month, isLeapMonth));
  const found = lunarToGregorian({ year: lunarYear, month: date.month, day, isLeapMonth });
  if (!found) throw new RangeError(`lunar ${date.month}/${date.day} has no day in ${lunarYear}`);
  return found;
}

/**
 * The day a yearly date falls on in one (lunar or Gregorian) year, remembered: an agenda over 20,000
 * dates asks about a few hundred distinct month/day pairs per year.
 */
const occurrenceDays = new Map<string, CalendarDay>();

function occurrenceIn(date: YearlyDate, year: number): CalendarDay {
  const key = `${date.calendar}:${year}:${date.month}:${date.day}:${date.isLeapMonth}`;
  let day = occurrenceDays.get(key);
  if (day === undefined) {
    day = date.calendar === 'lunar' ? lunarOccurrence(date, year) : gregorianOccurrence(date, year);
    occurrenceDays.set(key, day);
  }
  return day;
}

/** The first occurrence on or after `onOrAfter` (and, for a known year, on or after the date itself). */
export function nextOccurrence(date: YearlyDate, onOrAfter: CalendarDay): Occurrence {
  const yearOfStart = date.calendar === 'lunar' ? gregorianToLunar(onOrAfter).year : partsOfDay(onOrAfter).year;
  // Within the start's own (lunar or Gregorian) year the date may already have passed: then next year.
  let year = date.year === null ? yearOfStart : Math.max(yearOfStart, date.year);
  let day = occurrenceIn(date, year);
  if (day < onOrAfter) day = occurrenceIn(date, ++year);
  return { day, years: date.year === null ? null : year - date.year };
}

/** Every occurrence from `from` to `to`, both included, in date order. */
export function occurrencesBetween(date: YearlyDate, from: CalendarDay, to: CalendarDay): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (let next = nextOccurrence(date, from); next.day <= to; next = nextOccurrence(date, addDays(next.day, 1))) {
    occurrences.push(next);
  }
  return occurrences;
}

/**
 * Years worth a special greeting. Birthdays: every decade (30, 40, … 60 大寿, 70, 80) and the first
 * (周岁). Anniversaries of any kind: the first, then every fifth (5, 10, 15, 20 …).
 */
export function isMilestone(kind: string, years: number | null): boolean {
  if (years === null || !Number.isInteger(years) || years <= 0) return false;
  if (years === 1) return true;
  return kind === 'birthday' ? years % 10 === 0 : years % 5 === 0;
}
