/**
 * Stable item keys. Snoozes, greetings and notification de-duplication refer to items by key, so a key
 * must name the same reminder across restarts and change when the reminder is a new one (next year's
 * birthday, the next cadence cycle).
 *
 * Every key ends with a day; everything before the last `:` is the key's *series* (the same date or
 * the same festival for the same contact in any year), which finds last year's greeting.
 */
import type { CalendarDay } from '../calendar/day.js';
import type { FestivalId } from '../calendar/festivals.js';

export const dateKey = (dateId: string, occurrenceDay: CalendarDay) => `date:${dateId}:${occurrenceDay}`;
export const festivalKey = (festivalId: FestivalId, contactId: string, day: CalendarDay) => `festival:${festivalId}:${contactId}:${day}`;
/** one key per cadence cycle: a new counted contact starts a new cycle with a new due day */
export const revisitKey = (accountId: string, dueDay: CalendarDay | null) => `revisit:${accountId}:${dueDay ?? 'never'}`;
export const winBackKey = (accountId: string, lastActivityDay: CalendarDay | null) => `winback:${accountId}:${lastActivityDay ?? 'never'}`;
export const complaintKey = (complaintId: string) => `complaint:${complaintId}`;
export const plannedVisitKey = (visitId: string) => `visit:${visitId}`;

/** The key without its trailing day: the same reminder in every year. */
export function seriesOfKey(key: string): string {
  const cut = key.lastIndexOf(':');
  return cut < 0 ? key : key.slice(0, cut);
}
