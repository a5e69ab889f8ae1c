/**
 * What goes into a calendar export for a range of days: planned visits, the occurrences of important
 * dates (lunar ones converted to their Gregorian day) and festivals.
 */
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { festivalsBetween, type Festival } from '../../core/calendar/festivals.js';
import { occurrencesBetween } from '../../core/calendar/occurrence.js';
import type { CalendarKind, DateKind, VisitKind } from '../../core/model/enums.js';
import { startOfDayIn } from '../../core/reports/zone.js';
import type { Db } from '../connection.js';
import { ownerFilter } from './owners.js';

export interface CalendarQuery {
  from: CalendarDay;
  to: CalendarDay;
  timeZone: string;
  /** reps whose entries to include (null = this device's user); omitted: everyone's */
  ownerIds?: ReadonlyArray<string | null>;
  /** which kinds of entry to include; omitted: all three */
  include?: CalendarContents;
}

/** What a calendar export holds: planned visits, the contacts' important dates, festivals. */
export interface CalendarContents {
  visits: boolean;
  dates: boolean;
  festivals: boolean;
}

export interface PlannedVisitEntry {
  id: string;
  /** the rep the visit is planned for (null = this device's user) */
  ownerId: string | null;
  accountName: string;
  kind: VisitKind;
  /** ISO UTC instant */
  plannedAt: string;
  purpose: string | null;
  address: string | null;
  city: string | null;
}

export interface DateOccurrenceEntry {
  dateId: string;
  accountId: string;
  /** the rep who owns the account (null = this device's user) */
  ownerId: string | null;
  kind: DateKind;
  label: string | null;
  calendar: CalendarKind;
  month: number;
  day: number;
  isLeapMonth: boolean;
  /** whose date: the family member's, else the contact's, else the account's name */
  person: string;
  accountName: string;
  /** the Gregorian day it falls on */
  occursOn: CalendarDay;
  /** years since the original date, when its year is known */
  years: number | null;
}

export interface CalendarEntries {
  visits: PlannedVisitEntry[];
  dates: DateOccurrenceEntry[];
  festivals: Festival[];
}

export function calendarEntries(db: Db, query: CalendarQuery): CalendarEntries {
  const include = query.include ?? { visits: true, dates: true, festivals: true };
  return {
    visits: include.visits ? plannedVisits(db, query) : [],
    dates: include.dates ? dateOccurrences(db, query) : [],
    festivals: include.festivals ? festivalsBetween(query.from, query.to) : [],
  };
}

/** The reps' planned (not done, not cancelled) visits in the range, in time order. */
function plannedVisits(db: Db, query: CalendarQuery): PlannedVisitEntry[] {
  const visitOwner = ownerFilter('v.owner_id', query.ownerIds);
  return db
    .prepare(
      `SELECT v.id, v.owner_id AS ownerId, a.name AS accountName, v.kind, v.planned_at AS plannedAt, v.purpose, a.address, a.city
       FROM visits v JOIN accounts a ON a.id = v.account_id
       WHERE v.status = 'planned' AND v.deleted_at IS NULL AND a.deleted_at IS NULL AND ${visitOwner.sql}
         AND v.planned_at >= ? AND v.planned_at < ?
       ORDER BY v.planned_at, v.id`,
    )
    .all(...visitOwner.params, startOfDayIn(query.from, query.timeZone).toISOString(), startOfDayIn(addDays(query.to, 1), query.timeZone).toISOString()) as PlannedVisitEntry[];
}

/** The earliest year a yearly date may have (the schema's range): occurrences are computed from it once per month/day. */
const EARLIEST_YEAR = 1900;

/**
 * Occurrences in the range for a month/day, with the (lunar or Gregorian) year each falls in, computed
 * once per distinct month/day: a team's 400,000 dates share a few thousand. A date with a known year
 * keeps the occurrences from its own year on.
 */
export function occurrenceMemo(from: CalendarDay, to: CalendarDay) {
  const memo = new Map<string, Array<{ day: CalendarDay; year: number }>>();
  return (calendar: CalendarKind, month: number, day: number, isLeapMonth: boolean) => {
    const key = `${calendar}:${month}:${day}:${isLeapMonth}`;
    let occurrences = memo.get(key);
    if (!occurrences) {
      occurrences = occurrencesBetween({ calendar, month, day, isLeapMonth, year: EARLIEST_YEAR }, from, to).map((o) => ({ day: o.day, year: EARLIEST_YEAR + o.years! }));
      memo.set(key, occurrences);
    }
    return occurrences;
  };
}

/** Every occurrence from `from` to `to` of the important dates of the reps' (non-archived) accounts, by day. */
export function dateOccurrences(db: Db, query: CalendarQuery): DateOccurrenceEntry[] {
  const dateOwner = ownerFilter('a.owner_id', query.ownerIds);
  const dateRows = db
    .prepare(
      `SELECT d.id AS dateId, d.account_id AS accountId, a.owner_id AS ownerId, d.kind, d.label, d.calendar, d.month, d.day, d.is_leap_month AS isLeapMonth, d.year,
              coalesce(f.name, c.name, a.name) AS person, a.name AS accountName
       FROM important_dates d JOIN accounts a ON a.id = d.account_id
         LEFT JOIN contacts c ON c.id = d.contact_id AND c.deleted_at IS NULL
         LEFT JOIN family_members f ON f.id = d.family_member_id AND f.deleted_at IS NULL
       WHERE d.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL AND ${dateOwner.sql}`,
    )
    .all(...dateOwner.params) as Array<Omit<DateOccurrenceEntry, 'occursOn' | 'years' | 'isLeapMonth'> & { isLeapMonth: number; year: number | null }>;
  const occurrencesOf = occurrenceMemo(query.from, query.to);
  const dates = dateRows.flatMap(({ year, ...row }) => {
    const isLeapMonth = row.isLeapMonth === 1;
    return occurrencesOf(row.calendar, row.month, row.day, isLeapMonth)
      .filter((occurrence) => year === null || occurrence.year >= year)
      .map((occurrence) => ({ ...row, isLeapMonth, occursOn: occurrence.day, years: year === null ? null : occurrence.year - year }));
  });
  return dates.sort((a, b) => (a.occursOn < b.occursOn ? -1 : a.occursOn > b.occursOn ? 1 : a.dateId < b.dateId ? -1 : 1));
}
