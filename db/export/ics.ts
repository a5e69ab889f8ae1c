/**
 * iCalendar (.ics) for Outlook, Google and Apple Calendar: planned visits at their UTC instants (no
 * floating times, so every client shows them at the right local time), important dates and festivals
 * as all-day events on their Gregorian day. UIDs are stable (`<entity id>-<occurrence>@rounds`), so
 * importing a newer export updates the events instead of duplicating them. A team's calendar names
 * the rep of each visit; it comes as one file, or as one file per rep in a zip (./zip.ts).
 *
 * Text follows RFC 5545 (ical-generator escapes `\\ ; ,` and newlines, and folds lines at 75 octets
 * without splitting a UTF-8 character); control characters, which a TEXT value may not hold, are
 * dropped here.
 */
import fs from 'node:fs';
import ical from 'ical-generator';
import { addDays, partsOfDay, type CalendarDay } from '../../core/calendar/day.js';
import { formatLunarDate } from '../../core/calendar/format.js';
import { translator } from '../../core/i18n/translator.js';
import type { CalendarEntries } from '../reports/calendar.js';
import type { RepNamer } from './columns.js';
import { throwIfAborted, writeAtomically, type ExportOptions } from './job.js';
import type { ExportLabels } from './wording.js';
import { zipStored } from './zip.js';

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

/** Control characters (all but tab, CR and LF) are not allowed in an iCalendar TEXT value. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (text: string | null): string | null => (text === null ? null : text.replace(CONTROL, ''));

/** Where a visit is: the account's address, with its city in front when the address does not name it. */
function locationOf(address: string | null, city: string | null): string | null {
  const street = address?.trim() || null;
  const town = city?.trim() || null;
  if (street && town && !street.includes(town)) return `${town} ${street}`;
  return street ?? town;
}

/**
 * The calendar's text. With `repName`, each visit names its rep (in the summary and the description):
 * a lead's calendar holds the whole team's visits.
 */
export function calendarText(entries: CalendarEntries, labels: ExportLabels, stamp: Date, repName?: RepNamer): string {
  const t = translator(labels.language, 'team');
  const calendar = ical({ name: labels.calendar.name, prodId: { company: 'Rounds', product: 'Rounds', language: labels.language === 'zh-CN' ? 'ZH' : 'EN' } });
  for (const visit of entries.visits) {
    const start = new Date(visit.plannedAt);
    const kind = labels.visitKind(visit.kind);
    const rep = repName ? clean(repName(visit.ownerId)) : null;
    const purpose = clean(visit.purpose);
    const description = rep === null ? purpose : [t('export.calendar.repLine', { rep }), ...(purpose ? [t('export.calendar.purposeLine', { purpose })] : [])].join('\n');
    calendar.createEvent({
      id: visitUid(visit.id),
      stamp,
      start,
      end: new Date(start.getTime() + VISIT_MINUTES * 60_000),
      summary: clean(rep === null ? labels.calendar.visit(kind, visit.accountName) : t('export.calendar.visitOfRep', { kind, account: visit.accountName, rep }))!,
      description,
      location: clean(locationOf(visit.address, visit.city)),
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
      summary: clean(labels.calendar.date(kind, date.person, date.accountName))!,
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
  // every content line ends with CRLF (RFC 5545 §3.1), the last one too
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

export const entryCount = (entries: CalendarEntries) => entries.visits.length + entries.dates.length + entries.festivals.length;

export async function writeCalendar(target: string, entries: CalendarEntries, labels: ExportLabels, stamp: Date, options: ExportOptions = {}, repName?: RepNamer): Promise<void> {
  const total = entryCount(entries);
  await writeAtomically(target, options.signal, async (tempPath) => {
    options.onProgress?.(0, total);
    const text = calendarText(entries, labels, stamp, repName);
    throwIfAborted(options.signal);
    await fs.promises.writeFile(tempPath, text, 'utf8');
    options.onProgress?.(total, total);
  });
}

/** One rep's part of a team calendar: their visits, their accounts' dates, and the festivals. */
export function calendarOfRep(entries: CalendarEntries, ownerId: string | null): CalendarEntries {
  return {
    visits: entries.visits.filter((visit) => visit.ownerId === ownerId),
    dates: entries.dates.filter((date) => date.ownerId === ownerId),
    festivals: entries.festivals,
  };
}

/** Characters no file system (Windows' the strictest) allows in a name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001F\u007F]/g;

/** Names Windows keeps for devices, whatever follows their first dot (`CON.txt` too). */
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** UTF-8 bytes a name keeps before ` (n).ics`: file systems allow 255 (ext4, APFS). */
const MOST_NAME_BYTES = 200;

/** The longest start of `text` within `most` UTF-8 bytes, never cutting a character (an emoji) in half. */
function withinBytes(text: string, most: number): string {
  let kept = '';
  let size = 0;
  for (const character of text) {
    size += Buffer.byteLength(character, 'utf8');
    if (size > most) break;
    kept += character;
  }
  return kept;
}

/**
 * `王芳.ics`: each rep's file in the zip, by the rep's name made safe for every file system; a name
 * two reps share gets ` (2)`, ` (3)`…
 */
export function repFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = withinBytes(name.replace(UNSAFE_IN_FILE_NAME, '_').replace(/^[\s.]+|[\s.]+$/g, ''), MOST_NAME_BYTES).replace(/[\s.]+$/, '') || '_';
    const base = RESERVED_ON_WINDOWS.test(safe) ? `_${safe}` : safe;
    let candidate = `${base}.ics`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base} (${n}).ics`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A zip with one calendar per rep (`reps` in order, each named by `repName`), written atomically. */
export async function writeCalendarsPerRep(
  target: string,
  entries: CalendarEntries,
  reps: ReadonlyArray<string | null>,
  labels: ExportLabels,
  stamp: Date,
  repName: RepNamer,
  options: ExportOptions = {},
): Promise<number> {
  const parts = reps.map((ownerId) => calendarOfRep(entries, ownerId));
  const total = parts.reduce((sum, part) => sum + entryCount(part), 0);
  const names = repFileNames(reps.map((ownerId) => repName(ownerId)));
  await writeAtomically(target, options.signal, async (tempPath) => {
    options.onProgress?.(0, total);
    let done = 0;
    const files = parts.map((part, index) => {
      throwIfAborted(options.signal);
      const data = Buffer.from(calendarText(part, labels, stamp, repName), 'utf8');
      done += entryCount(part);
      options.onProgress?.(done, total);
      return { name: names[index]!, data };
    });
    await fs.promises.writeFile(tempPath, zipStored(files, stamp));
  });
  return total;
}
