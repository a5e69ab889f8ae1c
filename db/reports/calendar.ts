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
}

export interface PlannedVisitEntry {
  id: string;
  accountName: string;
  kind: VisitKind;
  /** ISO UTC instant */
  plannedAt: string;
  purpose: string | null;
  address: string | null;
}

export interface DateOccurrenceEntry {
  dateId: string;
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
  const visitOwner = ownerFilter('v.owner_id', query.ownerIds);
  const visits = db
    .prepare(
      `SELECT v.id, a.name AS accountName, v.kind, v.planned_at AS plannedAt, v.purpose, coalesce(a.address, a.city) AS address
       FROM visits v JOIN accounts a ON a.id = v.account_id
       WHERE v.status = 'planned' AND v.deleted_at IS NULL AND a.deleted_at IS NULL AND ${visitOwner.sql}
         AND v.planned_at >= ? AND v.planned_at < ?
       ORDER BY v.planned_at, v.id`,
    )
    .all(...visitOwner.params, startOfDayIn(query.from, query.timeZone).toISOString(), startOfDayIn(addDays(query.to, 1), query.timeZone).toISOString()) as PlannedVisitEntry[];

  const dateOwner = ownerFilter('a.owner_id', query.ownerIds);
  const dateRows = db
    .prepare(
      `SELECT d.id AS dateId, d.kind, d.label, d.calendar, d.month, d.day, d.is_leap_month AS isLeapMonth, d.year,
              coalesce(f.name, c.name, a.name) AS person, a.name AS accountName
       FROM important_dates d JOIN accounts a ON a.id = d.account_id
         LEFT JOIN contacts c ON c.id = d.contact_id AND c.deleted_at IS NULL
         LEFT JOIN family_members f ON f.id = d.family_member_id AND f.deleted_at IS NULL
       WHERE d.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL AND ${dateOwner.sql}`,
    )
    .all(...dateOwner.params) as Array<Omit<DateOccurrenceEntry, 'occursOn' | 'years' | 'isLeapMonth'> & { isLeapMonth: number; year: number | null }>;
  const dates = dateRows.flatMap(({ year, ...row }) => {
    const yearly = { calendar: row.calendar, month: row.month, day: row.day, isLeapMonth: row.isLeapMonth === 1, year };
    return occurrencesBetween(yearly, query.from, query.to).map((occurrence) => ({ ...row, isLeapMonth: yearly.isLeapMonth, occursOn: occurrence.day, years: occurrence.years }));
  });
  dates.sort((a, b) => (a.occursOn < b.occursOn ? -1 : a.occursOn > b.occursOn ? 1 : a.dateId < b.dateId ? -1 : 1));

  return { visits, dates, festivals: festivalsBetween(query.from, query.to) };
}
