/**
 * Calendar days and instants in a named time zone. Reports filter by calendar days the user sees;
 * the database stores UTC instants, so a day's bounds are the instants its midnight falls on there.
 */
import { addDays, dayOfEpochDay, partsOfDay, type CalendarDay } from '../calendar/day.js';

const MS_PER_QUARTER_HOUR = 900_000;
const MS_PER_DAY = 86_400_000;

/** One formatter per zone: creating an Intl.DateTimeFormat costs far more than using one. */
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds `timeZone` is ahead of UTC at the instant `ms`, asked of ICU. */
function offsetFromIcu(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(new Date(ms))) fields[part.type] = Number(part.value);
  const wall = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Offsets per quarter hour of UTC: offsets change only on quarter hours (even in zones such as
 * Newfoundland or Nepal), and an export reads millions of instants (ICU costs microseconds a call).
 */
const offsetsByQuarterHour = new Map<string, Map<number, number>>();

function offsetAt(ms: number, timeZone: string): number {
  let offsets = offsetsByQuarterHour.get(timeZone);
  if (!offsets) offsetsByQuarterHour.set(timeZone, (offsets = new Map()));
  const quarterHour = Math.floor(ms / MS_PER_QUARTER_HOUR);
  let offset = offsets.get(quarterHour);
  if (offset === undefined) {
    offset = offsetFromIcu(quarterHour * MS_PER_QUARTER_HOUR, timeZone);
    offsets.set(quarterHour, offset);
  }
  return offset;
}

/**
 * The wall-clock time of `instant` in `timeZone`, as a Date whose UTC fields are that wall time.
 * Spreadsheets have no time zones: a cell holds what the user's clock said.
 */
export function wallClockOf(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  return new Date(ms + offsetAt(ms, timeZone));
}

/** The calendar day an ISO instant falls on in `timeZone` (`dayOfInstant` for hot loops). */
export function dayInZone(iso: string, timeZone: string): CalendarDay {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not an instant`);
  return dayOfEpochDay(Math.floor((ms + offsetAt(ms, timeZone)) / MS_PER_DAY));
}

/** The instant `day` begins in `timeZone` (its first existing minute, should a DST jump skip midnight). */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  const { year, month, day: dayOfMonth } = partsOfDay(day);
  const wallMidnight = Date.UTC(year, month - 1, dayOfMonth);
  // The offset at the guess can differ from the offset at the answer across a DST change: ask twice.
  const guess = wallMidnight - offsetAt(wallMidnight, timeZone);
  return new Date(wallMidnight - offsetAt(guess, timeZone));
}

/** UTC ISO bounds `[start, end)` of the days `from` … `to` (both included) in `timeZone`. */
export function instantRangeOfDays(from: CalendarDay, to: CalendarDay, timeZone: string): { start: string; end: string } {
  return { start: startOfDayIn(from, timeZone).toISOString(), end: startOfDayIn(addDays(to, 1), timeZone).toISOString() };
}
