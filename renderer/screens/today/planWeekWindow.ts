import { addDays, weekdayOf } from '../../../core/calendar/index.js';

/**
 * Which working days "Plan my week" proposes for: the rest of this week early in the week
 * (Monday–Wednesday, from today to Friday), otherwise the five days from next Monday.
 */
export function planWeekWindow(today: string): { weekStart: string; days: number } {
  const weekday = weekdayOf(today); // 0 = Sunday
  if (weekday >= 1 && weekday <= 3) return { weekStart: today, days: 6 - weekday };
  return { weekStart: addDays(today, (8 - weekday) % 7 || 7), days: 5 };
}
