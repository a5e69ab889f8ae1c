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

/** Signatures (calendar, month, day) of dates that may fall in `from`…`to`; null when the window is too long to be worth it. */
function signaturesIn(from: CalendarDay, to: CalendarDay): Set<number> | null {
  const PAYS_OFF_UP_TO_DAYS = 92;
  const length = diffDays(to, from) + 1;
  if (length > PAYS_OFF_UP_TO_DAYS) return null;
  const signatures = new Set<number>();
  for (let i = 0; i < length; i++) {
    const day = addDays(from, i);
    const gregorian = partsOfDay(day);
    signatures.add(signature('gregorian', gregorian.month, gregorian.day));
    if (gregorian.month === 2 && gregorian.day === 28) signatures.add(signature('gregorian', 2, 29));
    const lunar = gregorianToLunar(day);
    signatures.add(signature('lunar', lunar.month, lunar.day));
    if (lunar.day === 29) signatures.add(signature('lunar', lunar.month, 30));
  }
  return signatures;
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
