/**
 * Whether a yearly date can exist. Used by the zod schemas (so the API refuses impossible dates) and
 * by the date form (so the user sees why while typing). Messages are i18n keys in `validation`.
 */
import type { YearlyDate } from './yearlyDate.js';
import { daysInGregorianMonth } from './day.js';
import { leapMonthOf, lunarMonthLength } from './lunar.js';

export interface YearlyDateProblem {
  field: 'month' | 'day' | 'isLeapMonth' | 'year';
  messageKey: string;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** With no year, 29 February must be allowed: check against a leap year. */
const ANY_LEAP_YEAR = 2000;
const LONGEST_LUNAR_MONTH = 30;

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function validateYearlyDate(date: YearlyDate): YearlyDateProblem | null {
  const { year, month } = date;
  if (year !== null && !isIntegerIn(year, FIRST_YEAR, LAST_YEAR)) return { field: 'year', messageKey: 'validation.yearRange' };
  if (!isIntegerIn(month, 1, 12)) return { field: 'month', messageKey: 'validation.monthRange' };
  return date.calendar === 'lunar' ? lunarProblem(date) : gregorianProblem(date);
}

function gregorianProblem({ year, month, day, isLeapMonth }: YearlyDate): YearlyDateProblem | null {
  if (isLeapMonth) return { field: 'isLeapMonth', messageKey: 'validation.invalidDate' };
  if (!isIntegerIn(day, 1, 31)) return { field: 'day', messageKey: 'validation.dayRange' };
  if (day > daysInGregorianMonth(year ?? ANY_LEAP_YEAR, month)) return { field: 'day', messageKey: 'validation.invalidDate' };
  return null;
}

function lunarProblem({ year, month, day, isLeapMonth }: YearlyDate): YearlyDateProblem | null {
  if (!isIntegerIn(day, 1, LONGEST_LUNAR_MONTH)) return { field: 'day', messageKey: 'validation.lunarDayRange' };
  if (year === null) return null;
  if (isLeapMonth && leapMonthOf(year) !== month) return { field: 'isLeapMonth', messageKey: 'validation.noLeapMonthInYear' };
  if (day > lunarMonthLength(year, month, isLeapMonth)) return { field: 'day', messageKey: 'validation.invalidDate' };
  return null;
}
