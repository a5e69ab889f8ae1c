/**
 * iCalendar (.ics) for Outlook, Google and Apple Calendar: planned visits at their UTC instants (no
 * floating times, so every client shows them at the right local time), important dates and festivals
 * as all-day events on their Gregorian day. UIDs are stable (`<entity id>-<occurrence>@rounds`), so
 * importing a newer export updates the events instead of duplicating them.
 */
import fs from 'node:fs';
import ical from 'ical-generator';
import { addDays, partsOfDay, type CalendarDay } from '../../core/calendar/day.js';
import { formatLunarDate } from '../../core/calendar/format.js';
import type { CalendarEntries } from '../reports/calendar.js';
import { throwIfAborted, writeAtomically, type ExportOptions } from './job.js';
import type { ExportLabels } from './wording.js';

/** A visit has no duration in Rounds; calendars need one. */
const VISIT_MINUTES = 60;

/**
 * An all-day event's day as ical-generator wants it: a Date at UTC midnight, with no calendar time
 * zone set (with one, it reads the day in the process's zone and can shift it).
 */
function allDay(day: CalendarDay): Date {
  const { year, month, day: dayOfMonth } = partsOfDay(day);
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

export const visitUid = (visitId: string) => `${visitId}-visit@rounds`;
export const dateUid = (dateId: string, day: CalendarDay) => `${dateId}-${day}@rounds`;
export const festivalUid = (festivalId: string, day: CalendarDay) => `${festivalId}-${day}@rounds`;

export function calendarText(entries: CalendarEntries, labels: ExportLabels, stamp: Date): string {
  const calendar = ical({ name: labels.calendar.name, prodId: { company: 'Rounds', product: 'Rounds', language: labels.language === 'zh-CN' ? 'ZH' : 'EN' } });
  for (const visit of entries.visits) {
    const start = new Date(visit.plannedAt);
    calendar.createEvent({
      id: visitUid(visit.id),
      stamp,
      start,
      end: new Date(start.getTime() + VISIT_MINUTES * 60_000),
      summary: labels.calendar.visit(labels.visitKind(visit.kind), visit.accountName),
      description: visit.purpose,
      location: visit.address,
    });
  }
  for (const date of entries.dates) {
    const kind = date.kind === 'custom' && date.label ? date.label : labels.dateKind(date.kind);
    calendar.createEvent({
      id: dateUid(date.dateId, date.occursOn),
      stamp,
      allDay: true,
      start: allDay(date.occursOn),
      end: allDay(addDays(date.occursOn, 1)),
      summary: labels.calendar.date(kind, date.person, date.accountName),
      description: date.calendar === 'lunar' ? formatLunarDate(date, labels.language) : null,
    });
  }
  for (const festival of entries.festivals) {
    calendar.createEvent({
      id: festivalUid(festival.id, festival.day),
      stamp,
      allDay: true,
      start: allDay(festival.day),
      end: allDay(addDays(festival.day, 1)),
      summary: labels.festival(festival.id),
    });
  }
  return calendar.toString();
}

export async function writeCalendar(target: string, entries: CalendarEntries, labels: ExportLabels, stamp: Date, options: ExportOptions = {}): Promise<void> {
  const total = entries.visits.length + entries.dates.length + entries.festivals.length;
  await writeAtomically(target, options.signal, async (tempPath) => {
    options.onProgress?.(0, total);
    const text = calendarText(entries, labels, stamp);
    throwIfAborted(options.signal);
    await fs.promises.writeFile(tempPath, text, 'utf8');
    options.onProgress?.(total, total);
  });
}
