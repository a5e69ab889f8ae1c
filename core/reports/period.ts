/**
 * Report periods: the CRM's monthly, quarterly, half-year and yearly reports (月报、季报、半年报、年报)
 * and custom ranges, as calendar days `from` … `to` (both included).
 */
import { dayFromParts, daysInGregorianMonth, partsOfDay, type CalendarDay } from '../calendar/day.js';

export const PERIOD_PRESETS = ['month', 'quarter', 'half_year', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface ReportPeriod {
  preset: PeriodPreset | 'custom';
  from: CalendarDay;
  to: CalendarDay;
  /** the calendar year of a preset period (of `from` for a custom one) */
  year: number;
  /** 1-based month, quarter or half of the year; 1 for a year, 0 for a custom range */
  index: number;
}

const MONTHS_PER_PERIOD: Record<PeriodPreset, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The preset period that contains `day`, e.g. `presetPeriod('quarter', '2026-08-14')` is 2026-07-01 … 2026-09-30. */
export function presetPeriod(preset: PeriodPreset, day: CalendarDay): ReportPeriod {
  const { year, month } = partsOfDay(day);
  const length = MONTHS_PER_PERIOD[preset];
  const index = Math.floor((month - 1) / length) + 1;
  const firstMonth = (index - 1) * length + 1;
  const lastMonth = firstMonth + length - 1;
  return {
    preset,
    from: dayFromParts(year, firstMonth, 1),
    to: dayFromParts(year, lastMonth, daysInGregorianMonth(year, lastMonth)),
    year,
    index,
  };
}

/** The preset period just before `period` (last month, last quarter, …). */
export function previousPeriod(period: ReportPeriod & { preset: PeriodPreset }): ReportPeriod {
  const { year, month } = partsOfDay(period.from);
  const previousMonth = month === 1 ? dayFromParts(year - 1, 12, 1) : dayFromParts(year, month - 1, 1);
  return presetPeriod(period.preset, previousMonth);
}

/** A custom range; throws a RangeError unless both are calendar days and `from` ≤ `to`. */
export function customPeriod(from: CalendarDay, to: CalendarDay): ReportPeriod {
  partsOfDay(to);
  if (from > to) throw new RangeError(`period starts (${from}) after it ends (${to})`);
  return { preset: 'custom', from, to, year: partsOfDay(from).year, index: 0 };
}
