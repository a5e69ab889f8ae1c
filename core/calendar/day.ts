/**
 * Calendar days as `YYYY-MM-DD` strings. A calendar day is never a Date: a Date is an instant, and
 * reading it in another time zone can move it to the neighbouring day. Arithmetic goes through the
 * "epoch day" (whole days since 1970-01-01), computed with `Date.UTC`, which has no time zone.
 */

/** `YYYY-MM-DD`, e.g. `2026-02-17`. */
export type CalendarDay = string;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in Gregorian month `month` (1–12) of `year`. */
export function daysInGregorianMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1–12`);
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The day for year, month (1–12) and day of month; throws a RangeError if that day does not exist. */
export function dayFromParts(year: number, month: number, day: number): CalendarDay {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`year ${year} is not 0–9999`);
  if (!Number.isInteger(day) || day < 1 || day > daysInGregorianMonth(year, month)) {
    throw new RangeError(`${year}-${month}-${day} is not a calendar day`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Year, month (1–12) and day of a `YYYY-MM-DD` day; throws a RangeError for anything else. */
export function partsOfDay(day: CalendarDay): DayParts {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= daysInGregorianMonth(parts.year, parts.month)) {
      return parts;
    }
  }
  throw new RangeError(`"${day}" is not a YYYY-MM-DD calendar day`);
}

/** Days already counted: an agenda asks about the same few thousand days again and again. */
const epochDays = new Map<CalendarDay, number>();
const EPOCH_DAYS_KEPT = 50_000;

/** Whole days since 1970-01-01 (negative before it). */
export function epochDayOf(day: CalendarDay): number {
  let epochDay = epochDays.get(day);
  if (epochDay === undefined) {
    const { year, month, day: dayOfMonth } = partsOfDay(day);
    epochDay = utcEpochDay(year, month, dayOfMonth);
    if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
    epochDays.set(day, epochDay);
  }
  return epochDay;
}

function utcEpochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The day `epochDay` whole days after 1970-01-01. */
export function dayOfEpochDay(epochDay: number): CalendarDay {
  // Hot path of every conversion: the parts come from a valid Date, so they need no checking.
  const date = new Date(epochDay * MS_PER_DAY);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfEpochDay(epochDayOf(day) + days);
}

/** Days from `earlier` to `later` (negative when `later` is before `earlier`). */
export function diffDays(later: CalendarDay, earlier: CalendarDay): number {
  return epochDayOf(later) - epochDayOf(earlier);
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date.prototype.getDay`). */
export function weekdayOf(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDayOf(day) + 4) % 7) + 7) % 7;
}

/** One formatter per time zone: creating an Intl.DateTimeFormat costs far more than using one. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormatters.set(key, formatter);
  }
  return formatter;
}

function dayOfDateIn(instant: Date, timeZone: string | undefined): CalendarDay {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  // The runtime's own zone: the Date's local fields say it without a formatter, about ten times faster
  // (the agenda turns thousands of stored instants into days). The same time zone data answers both.
  if (timeZone === undefined) return dayFromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
  const parts = dayFormatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return dayFromParts(part('year'), part('month'), part('day'));
}

/** The calendar day it is at `now` in `timeZone` (an IANA name; default: the runtime's zone). */
export function todayIn(timeZone?: string, now: Date = new Date()): CalendarDay {
  return dayOfDateIn(now, timeZone);
}

/** The calendar day an ISO 8601 instant falls on in `timeZone` (default: the runtime's zone). */
export function dayOfInstant(iso: string, timeZone?: string): CalendarDay {
  return dayOfDateIn(new Date(iso), timeZone);
}
