/**
 * Occurrences of important dates and festivals in a window, bucketed by epoch day, computed once for a
 * whole agenda range. For a short window (one day's agenda plus lead time) most dates cannot fall in
 * it at all, and computing an occurrence (lunar ones especially) is far dearer than a set lookup. A
 * date can only fall on a day whose month and day (in its own calendar) it names, or on the day it
 * moves to when the year lacks it: 29 Feb → 28 Feb, lunar day 30 → 29, a missing leap month → the
 * regular month of the same number. So a date is only computed when its (month, day), or the day
 * it would move from, appears in the window.
 */
import { addDays, diffDays, epochDayOf, partsOfDay, type CalendarDay } from '../calendar/day.js';
import { festivalsBetween, type Festival, type FestivalId } from '../calendar/festivals.js';
import { gregorianToLunar } from '../calendar/lunar.js';
import { occurrencesBetween, type Occurrence } from '../calendar/occurrence.js';
import type { AgendaDate, AgendaOptions } from './types.js';

export interface DatedOccurrence {
  date: AgendaDate;
  occurrence: Occurrence;
  /** days before the occurrence the reminder starts */
  leadDays: number;
}

/** Items keyed by the epoch day they fall on. */
export type DayBuckets<T> = Map<number, T[]>;

/** Lead days of one date: its own, else its kind's, else the default. */
export function leadDaysOf(date: AgendaDate, options: Pick<AgendaOptions, 'leadDaysByKind' | 'defaultLeadDays'>): number {
  return date.leadDays ?? options.leadDaysByKind[date.kind] ?? options.defaultLeadDays;
}

/** (calendar, month, day) as one number: a set of numbers is far cheaper than one of built strings over 20,000 dates. */
const signature = (calendar: AgendaDate['calendar'], month: number, day: number) => (calendar === 'lunar' ? 1000 : 0) + month * 32 + day;

/** A window longer than this is not worth narrowing: its (month, day)s are most of a year's. */
const PAYS_OFF_UP_TO_DAYS = 92;

/**
 * (calendar, month, day) of every date that may fall from `from` to `to`, once each; null when the
 * window is too long to be worth it. Also what the database reads a short agenda's dates by
 * (db/repo/agendaInput.ts), so the dates it passes over are exactly the ones passed over here.
 */
export function dateSignaturesBetween(from: CalendarDay, to: CalendarDay): Array<[calendar: AgendaDate['calendar'], month: number, day: number]> | null {
  const length = diffDays(to, from) + 1;
  if (length > PAYS_OFF_UP_TO_DAYS) return null;
  const seen = new Set<number>();
  const found: Array<[AgendaDate['calendar'], number, number]> = [];
  const add = (calendar: AgendaDate['calendar'], month: number, day: number) => {
    const key = signature(calendar, month, day);
    if (seen.has(key)) return;
    seen.add(key);
    found.push([calendar, month, day]);
  };
  for (let i = 0; i < length; i++) {
    const day = addDays(from, i);
    const gregorian = partsOfDay(day);
    add('gregorian', gregorian.month, gregorian.day);
    if (gregorian.month === 2 && gregorian.day === 28) add('gregorian', 2, 29);
    const lunar = gregorianToLunar(day);
    add('lunar', lunar.month, lunar.day);
    if (lunar.day === 29) add('lunar', lunar.month, 30);
  }
  return found;
}

/** Signatures of dates that may fall in `from`…`to`; null when the window is too long to be worth it. */
function signaturesIn(from: CalendarDay, to: CalendarDay): Set<number> | null {
  const found = dateSignaturesBetween(from, to);
  return found && new Set(found.map(([calendar, month, day]) => signature(calendar, month, day)));
}

/** The longest lead time the options give a date that has none of its own. */
export function longestDefaultLeadDays(options: Pick<AgendaOptions, 'leadDaysByKind' | 'defaultLeadDays'>): number {
  return Math.max(options.defaultLeadDays, ...Object.values(options.leadDaysByKind).filter((days): days is number => days !== undefined));
}

/** Occurrences of every date from `from` to `to` plus the longest lead time, so every day of the range sees what lies ahead. */
export function dateOccurrences(
  dates: readonly AgendaDate[],
  from: CalendarDay,
  to: CalendarDay,
  options: Pick<AgendaOptions, 'leadDaysByKind' | 'defaultLeadDays'>,
): { buckets: DayBuckets<DatedOccurrence>; maxLeadDays: number } {
  const maxLeadDays = dates.reduce((max, date) => Math.max(max, leadDaysOf(date, options)), 0);
  const windowEnd = addDays(to, maxLeadDays);
  const signatures = signaturesIn(from, windowEnd);
  const buckets: DayBuckets<DatedOccurrence> = new Map();
  for (const date of dates) {
    if (signatures && !signatures.has(signature(date.calendar, date.month, date.day))) continue;
    const leadDays = leadDaysOf(date, options);
    for (const occurrence of occurrencesBetween(date, from, windowEnd)) {
      addToBucket(buckets, epochDayOf(occurrence.day), { date, occurrence, leadDays });
    }
  }
  return { buckets, maxLeadDays };
}

/** Festivals in use from `from` to `to` plus their lead time. */
export function festivalOccurrences(
  from: CalendarDay,
  to: CalendarDay,
  festivalIds: readonly FestivalId[],
  leadDays: number,
): DayBuckets<Festival> {
  const inUse = new Set(festivalIds);
  const buckets: DayBuckets<Festival> = new Map();
  for (const festival of festivalsBetween(from, addDays(to, leadDays))) {
    if (inUse.has(festival.id)) addToBucket(buckets, epochDayOf(festival.day), festival);
  }
  return buckets;
}

function addToBucket<T>(buckets: DayBuckets<T>, epochDay: number, item: T): void {
  const bucket = buckets.get(epochDay);
  if (bucket) bucket.push(item);
  else buckets.set(epochDay, [item]);
}
