/** Working hours in a line: "Mon–Fri 09:00–18:00, lunch 12:00–13:30" / "周一至周五 09:00–18:00，午休 12:00–13:30". */
import type { Locale } from 'date-fns';
import type { TFunction } from 'i18next';
import type { WorkingHours } from '../../../core/model/workingHours.js';

/** Weekday names Monday first, in runs: Mon–Fri, or Mon, Wed, Sat. */
export function workingDaysText(days: readonly number[], locale: Locale, t: TFunction): string {
  const order = [1, 2, 3, 4, 5, 6, 0].filter((day) => days.includes(day));
  const name = (day: number) => locale.localize.day(day as 0, { width: 'abbreviated' });
  const runs: number[][] = [];
  for (const day of order) {
    const last = runs[runs.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous !== undefined && (previous + 1) % 7 === day && previous !== 0) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => (run.length >= 3 ? t('workingHours.dayRun', { from: name(run[0]!), to: name(run[run.length - 1]!) }) : run.map(name).join(t('workingHours.listSeparator'))))
    .join(t('workingHours.listSeparator'));
}

export function workingHoursText(hours: WorkingHours, locale: Locale, t: TFunction): string {
  const days = workingDaysText(hours.days, locale, t);
  return hours.lunch
    ? t('workingHours.summaryWithLunch', { days, start: hours.start, end: hours.end, lunchFrom: hours.lunch.from, lunchTo: hours.lunch.to })
    : t('workingHours.summary', { days, start: hours.start, end: hours.end });
}
