/**
 * Which important dates a first sync's priority phase brings (`PullPriority`): those whose next
 * occurrence, in their own calendar (lunar ones included), falls within the window from the laptop's
 * today — or within the date's own lead time, when that is longer, since Today lists a date that early.
 * Shared by the server, which picks the rows, and the tests, which check it picked them.
 */
import { addDays, partsOfDay, type CalendarDay } from '../calendar/day.js';
import { gregorianToLunar } from '../calendar/lunar.js';
import { nextOccurrence } from '../calendar/occurrence.js';
import type { YearlyDate } from '../calendar/yearlyDate.js';

export interface PriorityDate extends YearlyDate {
  id: string;
  leadDays: number | null;
}

/** The ids of `dates` that fall from `day` to `days` days after it (or their own lead time after it). */
export function datesDueWithin(dates: Iterable<PriorityDate>, day: CalendarDay, days: number): string[] {
  const ends = new Map<number, CalendarDay>();
  const endFor = (ahead: number) => {
    let end = ends.get(ahead);
    if (end === undefined) ends.set(ahead, (end = addDays(day, ahead)));
    return end;
  };
  const due: string[] = [];
  for (const date of dates) {
    const end = endFor(Math.max(days, date.leadDays ?? 0));
    try {
      if (nextOccurrence(date, day).day <= end) due.push(date.id);
    } catch {
      // A date no calendar year has (the server validated it; never expected): left to the full pull.
    }
  }
  return due;
}

/**
 * `calendar:month:day` of every date that may fall from `day` to `days` days after it, for a query to
 * pass over the rest before `datesDueWithin` decides: a date falls on a day whose month and day (in its
 * own calendar) it names, or on the day it moves to when the year lacks it (29 February → 28 February,
 * lunar day 30 → 29; a missing leap month → the regular one, which the month number already covers).
 */
export function dateSignaturesWithin(day: CalendarDay, days: number): string[] {
  const signatures = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const current = addDays(day, i);
    const gregorian = partsOfDay(current);
    signatures.add(`gregorian:${gregorian.month}:${gregorian.day}`);
    if (gregorian.month === 2 && gregorian.day === 28) signatures.add('gregorian:2:29');
    const lunar = gregorianToLunar(current);
    signatures.add(`lunar:${lunar.month}:${lunar.day}`);
    if (lunar.day === 29) signatures.add(`lunar:${lunar.month}:30`);
  }
  return [...signatures];
}
